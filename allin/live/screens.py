"""The screens layer: turns the events services announce (events.py) into what each audience receives, and
hands that to the transport (realtime.py). Renders in Dutch whatever language the request was in: screens
are shared. Registered as the events' listener from LiveConfig.ready().

A push carries small operations the page applies (append a note, remove one, replace the stage, refetch),
each with the version of the change. Projector and consoles get a version for every change, even one they
do not show (a "v" operation), so a gap in the versions tells them a push went missing; phones catch up
when they reconnect or have heard nothing for a while (live.js). What a screen fetches then is
`changes_since` (selectors.py), rendered by `delta_ops` below."""

from django.template.loader import render_to_string
from django.utils import translation

from . import events, realtime, room, selectors
from .models import Activity, Attendee, LiveMeeting, Note
from .realtime import CONSOLE, PHONES, PROJECTOR, attendee_group, group


def listen() -> None:
    events.listen(deliver)


def deliver(event: events.LiveEvent) -> None:
    with translation.override("nl"):
        sends = HANDLERS[event.what](event)
    if event.version:
        addressed = {name for name, _ops in sends}
        for audience in (PROJECTOR, CONSOLE):  # they follow every version; see the module's docstring
            if group(event.live_id, audience) not in addressed:
                sends.append((group(event.live_id, audience), [{"op": "v"}]))
        sends = [(name, [{**op, "v": event.version} for op in ops]) for name, ops in sends]
    realtime.send(sends, event.version)


def _refresh(live_id, *audiences):
    return [(group(live_id, audience), [{"op": "refresh"}]) for audience in audiences]


def _stage(event):
    """Every screen gets its new stage. The phones' stage is one render for all of them, with an empty
    personal part (my notes, my answer) each phone then fetches; consoles refetch (theirs is per member)."""
    live = LiveMeeting.objects.select_related("meeting__process").get(pk=event.live_id)
    state = selectors.stage(live)
    phone_html = render_to_string("live/_phone_stage.html", {**state, "broadcast": True})
    projector_html = render_to_string("live/_projector_stage.html", state)
    stage_op = {"op": "stage", "target": "#stage"}
    return [
        (group(live.pk, PHONES), [{**stage_op, "html": phone_html}]),
        (group(live.pk, PROJECTOR), [{**stage_op, "html": projector_html}]),
        (group(live.pk, CONSOLE), [{"op": "refresh"}]),
    ]


def _board(event):
    return _refresh(event.live_id, PROJECTOR, CONSOLE)


def _note_added(event):
    """A new note: appended on the projector (when the board shows it) and in the consoles."""
    note = event.note  # as the service saved it, its board and meeting already loaded by the post
    if note is None:
        note = Note.objects.select_related(
            "activity__live__meeting__process__workspace", "attendee", "theme"
        ).get(pk=event.note_id)
    themes = _themes_at(note.activity, event.screens_version) if event.screens_version else None
    return [(group(event.live_id, audience), ops) for audience, ops in note_ops(note, themes).items() if ops]


# A board's themes as they were at a screens_version of its meeting: every change of themes bumps that version,
# so the notes of a room posting at once read them once, not once each. Per process; small.
_THEMES: dict = {}
_THEMES_MAX = 256


def _themes_at(activity, screens_version) -> list:
    # The meeting's code too: a database that starts again (a test's, rolled back) hands out the same ids.
    key = (activity.live.code, activity.pk, screens_version)
    themes = _THEMES.get(key)
    if themes is None:
        themes = list(activity.themes.all())
        if len(_THEMES) >= _THEMES_MAX:
            _THEMES.clear()
        _THEMES[key] = themes
    return themes


def note_ops(note, themes=None) -> dict:
    """The operations that add one note to the projector and to the consoles (a push, or a delta).
    `themes`: the board's themes when the caller has them."""
    activity = note.activity
    live = activity.live
    out = {}
    if note.hidden or (activity.kind == Activity.Kind.PARKING and not live.show_parking):
        out[PROJECTOR] = []  # held for moderation, or a board the projector does not show
    elif not activity.revealed:
        out[PROJECTOR] = [{"op": "refresh"}]
    else:
        html = render_to_string("live/_note_public.html", {"note": note})
        target = f"#bucket-{activity.pk}-{selectors.bucket_key(activity, note)}"
        out[PROJECTOR] = [{"op": "append", "target": target, "id": f"pnote-{note.pk}", "html": html}]
    meeting = live.meeting
    console_html = render_to_string(
        "live/_note_console.html",
        {
            "note": note,
            "themes": []
            if activity.kind == Activity.Kind.PARKING
            else (themes if themes is not None else list(activity.themes.all())),
            "ws_slug": meeting.process.workspace.slug,
            "meeting_pk": meeting.pk,
            # Viewers watch consoles too; their POSTs are refused, so the controls may show.
            "can_edit": True,
        },
    )
    op = {"op": "append", "target": f"#cnotes-{activity.pk}", "id": f"cnote-{note.pk}", "html": console_html}
    out[CONSOLE] = [op]
    return out


def delta_ops(notes, audience) -> list:
    """What a projector or console that is behind receives: the operations of each note it missed."""
    with translation.override("nl"):
        return [op for note in notes for op in note_ops(note)[audience]]


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
    return sends


def _attendees(event):
    """Someone joined: the join screen's counter and the console's counter update in place."""
    count = str(Attendee.objects.filter(live_id=event.live_id).count())
    op = [{"op": "text", "target": "#joined-count", "text": count}]
    console = op + room.console_ops(event.live_id)  # the join rate, and a refetch when a flood begins
    return [(group(event.live_id, PROJECTOR), op), (group(event.live_id, CONSOLE), console)]


def _room(event):
    """The consoles refetch, so they show the room's warning."""
    return _refresh(event.live_id, CONSOLE)


def _results(event):
    """Projector and consoles refetch. Their consumers batch these pushes, so a room answering at once costs
    one refetch per batch, not one per answer."""
    return _refresh(event.live_id, PROJECTOR, CONSOLE)


def _attendee(event):
    return [(attendee_group(event.live_id, event.attendee_id), [{"op": "refresh"}])]


def _phones(event):
    return _refresh(event.live_id, PHONES)


def _projector_revoked(event):
    """Projectors still connected with an older key are sent away: a revoked link stops at once."""
    realtime.revoke(event.live_id, event.key)
    return []


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
