"""The screens layer: turns the events services announce (events.py) into what each audience receives, and
hands that to the transport (realtime.py). Renders in Dutch whatever language the request was in: screens
are shared. Registered as the events' listener from LiveConfig.ready().

A push carries small operations the page applies (append a note, remove one, replace the stage, refetch);
a screen that missed anything catches up when it reconnects."""

from django.template.loader import render_to_string
from django.utils import translation

from . import events, realtime, room, selectors
from .models import Activity, Attendee, LiveMeeting, Note
from .realtime import CONSOLE, PHONES, PROJECTOR, attendee_group, group


def listen() -> None:
    events.listen(deliver)


def deliver(event: events.LiveEvent) -> None:
    with translation.override("nl"):
        handler = HANDLERS[event.what]
        handler(event)


def _refresh(live_id, *audiences):
    return [(group(live_id, audience), [{"op": "refresh"}]) for audience in audiences]


def _stage(event):
    """Every screen gets its new stage. The phones' stage is one render for all of them, with an empty
    personal part (my notes, my answer) each phone then fetches; consoles refetch (theirs is per member)."""
    live = LiveMeeting.objects.select_related("meeting__process").get(pk=event.live_id)
    state = selectors.stage(live)
    phone_html = render_to_string("live/_phone_stage.html", {**state, "broadcast": True})
    projector_html = render_to_string("live/_projector_stage.html", state)
    stage_op = {"op": "stage", "target": "#stage", "v": live.version}
    realtime.send(
        [
            (group(live.pk, PHONES), [{**stage_op, "html": phone_html}]),
            (group(live.pk, PROJECTOR), [{**stage_op, "html": projector_html}]),
            (group(live.pk, CONSOLE), [{"op": "refresh"}]),
        ],
        live.version,
    )


def _board(event):
    realtime.send(_refresh(event.live_id, PROJECTOR, CONSOLE))


def _note_added(event):
    """A new note: appended on the projector (when the board shows it) and in the consoles."""
    note = Note.objects.select_related(
        "activity__live__meeting__process__workspace", "attendee", "theme"
    ).get(pk=event.note_id)
    activity = note.activity
    live = activity.live
    sends = []
    if note.hidden or (activity.kind == Activity.Kind.PARKING and not live.show_parking):
        pass  # held for moderation, or a board the projector does not show
    elif not activity.revealed:
        sends.append((group(live.pk, PROJECTOR), [{"op": "refresh"}]))
    else:
        html = render_to_string("live/_note_public.html", {"note": note})
        target = f"#bucket-{activity.pk}-{selectors.bucket_key(activity, note)}"
        op = {"op": "append", "target": target, "id": f"pnote-{note.pk}", "html": html}
        sends.append((group(live.pk, PROJECTOR), [op]))
    meeting = live.meeting
    console_html = render_to_string(
        "live/_note_console.html",
        {
            "note": note,
            "themes": list(activity.themes.all()) if activity.kind != Activity.Kind.PARKING else [],
            "ws_slug": meeting.process.workspace.slug,
            "meeting_pk": meeting.pk,
            # Viewers watch consoles too; their POSTs are refused, so the controls may show.
            "can_edit": True,
        },
    )
    op = {"op": "append", "target": f"#cnotes-{activity.pk}", "id": f"cnote-{note.pk}", "html": console_html}
    sends.append((group(live.pk, CONSOLE), [op]))
    realtime.send(sends)


def _note_shown(event):
    hidden = Note.objects.filter(pk=event.note_id, hidden=True).exists()
    live_id = event.live_id
    sends = []
    if hidden:
        sends.append((group(live_id, PROJECTOR), [{"op": "remove", "target": f"#pnote-{event.note_id}"}]))
        if event.attendee_id:
            remove = [{"op": "remove", "target": f"#mynote-{event.note_id}"}]
            sends.append((attendee_group(live_id, event.attendee_id), remove))
    else:
        sends += _refresh(live_id, PROJECTOR)
        if event.attendee_id:
            sends.append((attendee_group(live_id, event.attendee_id), [{"op": "refresh"}]))
    sends += _refresh(live_id, CONSOLE)
    realtime.send(sends)


def _attendees(event):
    """Someone joined: the join screen's counter and the console's counter update in place."""
    count = str(Attendee.objects.filter(live_id=event.live_id).count())
    op = [{"op": "text", "target": "#joined-count", "text": count}]
    console = op + room.console_ops(event.live_id)  # the join rate, and a refetch when a flood begins
    realtime.send([(group(event.live_id, PROJECTOR), op), (group(event.live_id, CONSOLE), console)])


def _room(event):
    """The consoles refetch, so they show the room's warning."""
    realtime.send(_refresh(event.live_id, CONSOLE))


def _results(event):
    """Projector and consoles refetch. Their consumers batch these pushes, so a room answering at once costs
    one refetch per batch, not one per answer."""
    realtime.send(_refresh(event.live_id, PROJECTOR, CONSOLE))


def _attendee(event):
    realtime.send([(attendee_group(event.live_id, event.attendee_id), [{"op": "refresh"}])])


def _phones(event):
    realtime.send(_refresh(event.live_id, PHONES))


def _projector_revoked(event):
    """Projectors still connected with an older key are sent away: a revoked link stops at once."""
    realtime.revoke(event.live_id, event.key)


HANDLERS = {
    events.STAGE: _stage,
    events.BOARD: _board,
    events.NOTE_ADDED: _note_added,
    events.NOTE_SHOWN: _note_shown,
    events.ATTENDEES: _attendees,
    events.RESULTS: _results,
    events.ATTENDEE: _attendee,
    events.PHONES: _phones,
    events.PROJECTOR_REVOKED: _projector_revoked,
    events.ROOM: _room,
}
