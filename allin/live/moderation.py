"""Moderation of phones' notes, for a meeting where a projector must never show something unseen.

- Moderation mode (per meeting): a note from a phone arrives held (hidden, and marked as waiting); the console
  lists it with "Doorlaten", which puts it on the projector (notes.note_set_hidden). The phone sees its own note
  with "wacht op de begeleider". Switching the mode off lets nothing through by itself: what waits, waits.
- "Alles van deze telefoon verbergen": one click hides every note that phone sent in this meeting, and its new
  notes arrive held, whatever the mode. "Telefoon weer toelaten" ends that for new notes; hidden notes stay hidden
  until shown one by one.
Both switches are written to the audit log (who, when, which meeting or phone; never the notes' text).
Held are notes posted on a board; notes by the facilitator (flip-over) and notes a kind adds (a dream's
reaction, a table's idea: their consoles have no "let through") are never held.
"""

from django.db import transaction

from allin.audit.services import audit_record

from . import events
from .models import Attendee, LiveMeeting, Note


def held_fields(activity, attendee) -> dict:
    """The fields of a new note from `attendee`: held when the meeting is moderated or the phone is muted."""
    if attendee is not None and (activity.live.moderated or attendee.muted):
        return {"hidden": True, "held": True}
    return {}


def _workspace_id(live: LiveMeeting) -> int:
    return live.meeting.process.workspace_id


@transaction.atomic
def moderation_set(*, live: LiveMeeting, on: bool, by=None) -> LiveMeeting:
    if live.moderated != on:
        live.moderated = on
        live.save(update_fields=["moderated"])
        audit_record(
            workspace=_workspace_id(live),
            actor=by,
            action="live.moderation",
            target=live,
            summary=f"{live.meeting.name}: {'aan' if on else 'uit'}",
        )
        events.board_changed(live.pk)  # (the event bumps the version)
    return live


@transaction.atomic
def attendee_hide_all(*, live: LiveMeeting, attendee: Attendee, by=None) -> int:
    """Hide every note of this phone in this meeting, and hold its next ones. Returns how many were hidden."""
    count = Note.objects.filter(activity__live=live, attendee=attendee, hidden=False).update(hidden=True)
    if not attendee.muted:
        attendee.muted = True
        attendee.save(update_fields=["muted"])
    audit_record(
        workspace=_workspace_id(live),
        actor=by,
        action="live.hide_phone",
        target=attendee,
        summary=f"{live.meeting.name}: {count} post-its verborgen",
    )
    events.board_changed(live.pk)  # (the event bumps the version)
    events.attendee_changed(live.pk, attendee.pk)
    return count


@transaction.atomic
def attendee_unmute(*, live: LiveMeeting, attendee: Attendee, by=None) -> Attendee:
    if attendee.muted:
        attendee.muted = False
        attendee.save(update_fields=["muted"])
        audit_record(
            workspace=_workspace_id(live),
            actor=by,
            action="live.unmute_phone",
            target=attendee,
            summary=live.meeting.name,
        )
    return attendee
