"""Pushes from services to the screens of a live meeting, always after the database commit.

Three audiences per meeting — phones, the projector and consoles — plus one group per attendee for what only
that phone shows. A push carries small operations the page applies (append a note, remove one, replace the
stage, refetch); a screen that missed anything refetches its whole state when it (re)connects."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

PHONES, PROJECTOR, CONSOLE = "phones", "projector", "console"


def group(live_id: int, audience: str) -> str:
    return f"live-{live_id}-{audience}"


def attendee_group(live_id: int, attendee_id: int) -> str:
    return f"live-{live_id}-att-{attendee_id}"


def _send(group_name: str, ops: list, version: int) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group_name, {"type": "live.push", "v": version, "ops": ops})


def _send_many(sends: list, version: int) -> None:
    """Several pushes with one hop to the event loop instead of one each."""
    layer = get_channel_layer()
    if layer is None or not sends:
        return

    async def send_all():
        for group_name, ops in sends:
            await layer.group_send(group_name, {"type": "live.push", "v": version, "ops": ops})

    async_to_sync(send_all)()


def _on_commit(callback):
    # Render in Dutch whatever language the request that caused the push was in: screens are shared.
    def run():
        with translation.override("nl"):
            callback()

    transaction.on_commit(run)


def stage_changed(live_id: int, *, item_changed: bool = False) -> None:
    """The current item, an activity's state or a screen setting changed: every screen gets its new stage.
    When the agenda moved to another item, phones also empty their list of own notes, which shows the current
    item's notes only (the stage is one render for all phones, so it cannot carry anyone's own notes)."""

    def run():
        from . import selectors
        from .models import LiveMeeting

        live = LiveMeeting.objects.select_related("meeting__process").get(pk=live_id)
        state = selectors.stage(live)
        phone_html = render_to_string("live/_phone_stage.html", {**state, "broadcast": True})
        projector_html = render_to_string("live/_projector_stage.html", state)
        stage_op = {"op": "stage", "target": "#stage", "v": live.version}
        # The stage carries an empty personal part (my notes, my answer); each phone fetches its own.
        phone_ops = [{**stage_op, "html": phone_html}]
        _send(group(live_id, PHONES), phone_ops, live.version)
        _send(group(live_id, PROJECTOR), [{**stage_op, "html": projector_html}], live.version)
        _send(group(live_id, CONSOLE), [{"op": "refresh"}], live.version)

    _on_commit(run)


def board_changed(live_id: int) -> None:
    """Themes or grouping changed: projector and consoles refetch (they are few; phones are not affected)."""

    def run():
        _send(group(live_id, PROJECTOR), [{"op": "refresh"}], 0)
        _send(group(live_id, CONSOLE), [{"op": "refresh"}], 0)

    _on_commit(run)


def note_added(note) -> None:
    """A new note: appended on the projector (when the board shows it) and in the consoles.

    Takes the note as the service made it, with its activity, meeting and attendee already loaded by the
    caller, so that a room posting at once costs no second read per note."""

    def run():
        from .selectors import bucket_key

        activity = note.activity
        live = activity.live
        element = f"pnote-{note.pk}"
        sends = []
        if activity.kind == activity.Kind.PARKING and not live.show_parking:
            pass
        elif not activity.revealed:
            sends.append((group(live.pk, PROJECTOR), [{"op": "refresh"}]))
        else:
            html = render_to_string("live/_note_public.html", {"note": note})
            target = f"#bucket-{activity.pk}-{bucket_key(activity, note)}"
            op = {"op": "append", "target": target, "id": element, "html": html}
            sends.append((group(live.pk, PROJECTOR), [op]))
        meeting = live.meeting
        console_html = render_to_string(
            "live/_note_console.html",
            {
                "note": note,
                "themes": list(activity.themes.all()) if activity.kind != activity.Kind.PARKING else [],
                "ws_slug": meeting.process.workspace.slug,
                "meeting_pk": meeting.pk,
                # Viewers watch consoles too; their POSTs are refused, so the controls may show.
                "can_edit": True,
            },
        )
        target = f"#cnotes-{activity.pk}"
        op = {"op": "append", "target": target, "id": f"cnote-{note.pk}", "html": console_html}
        sends.append((group(live.pk, CONSOLE), [op]))
        _send_many(sends, 0)

    _on_commit(run)


def note_visibility_changed(note_id: int) -> None:
    def run():
        from .models import Note

        note = Note.objects.select_related("activity__live", "attendee").get(pk=note_id)
        live_id = note.activity.live_id
        if note.hidden:
            _send(group(live_id, PROJECTOR), [{"op": "remove", "target": f"#pnote-{note.pk}"}], 0)
            if note.attendee_id:
                _send(
                    attendee_group(live_id, note.attendee_id),
                    [{"op": "remove", "target": f"#mynote-{note.pk}"}],
                    0,
                )
        else:
            _send(group(live_id, PROJECTOR), [{"op": "refresh"}], 0)
            if note.attendee_id:
                _send(attendee_group(live_id, note.attendee_id), [{"op": "refresh"}], 0)
        _send(group(live_id, CONSOLE), [{"op": "refresh"}], 0)

    _on_commit(run)


def projector_revoked(live_id: int, key: str) -> None:
    """The projector link was renewed: projectors still connected with an older key are sent away, so a
    revoked link stops showing the meeting at once, not only at its next reload."""

    def run():
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(group(live_id, PROJECTOR), {"type": "live.revoke", "key": key})

    _on_commit(run)


def attendees_changed(live_id: int) -> None:
    """Someone joined: the join screen's counter and the console's counter update in place."""

    def run():
        from . import room
        from .models import Attendee

        count = str(Attendee.objects.filter(live_id=live_id).count())
        op = [{"op": "text", "target": "#joined-count", "text": count}]
        _send(group(live_id, PROJECTOR), op, 0)
        _send(group(live_id, CONSOLE), op + room.console_ops(live_id), 0)

    _on_commit(run)


def consoles_refresh(live_id: int) -> None:
    """Only the consoles refetch (a join was refused: they show the flood warning). Sent at once, not after a
    commit: a refusal writes nothing."""
    _send(group(live_id, CONSOLE), [{"op": "refresh"}], 0)


def results_changed(live_id: int) -> None:
    """Answers came in (words, dots, consent, ...): projector and consoles refetch. Their consumers batch these
    pushes, so a room answering at once costs one refetch per batch, not one per answer."""

    def run():
        _send(group(live_id, PROJECTOR), [{"op": "refresh"}], 0)
        _send(group(live_id, CONSOLE), [{"op": "refresh"}], 0)

    _on_commit(run)


def attendee_changed(live_id: int, attendee_id: int) -> None:
    """Something only this attendee's phone shows changed (their table, their card): it refetches."""

    def run():
        _send(attendee_group(live_id, attendee_id), [{"op": "refresh"}], 0)

    _on_commit(run)


def phones_refresh(live_id: int) -> None:
    """Something every phone shows in its personal part changed (a table moved to the next card): each refetches."""

    def run():
        _send(group(live_id, PHONES), [{"op": "refresh"}], 0)

    _on_commit(run)
