"""What changed in a live meeting, announced by the services as data, after the commit.

A service writes, then calls one of the functions below (`note_added(note)`, `stage_changed(live_id)`, ...).
Each bumps the meeting's version (one sequence per meeting: every push carries it), makes a LiveEvent
(which meeting, what kind of change, which note or attendee, the new version) and hands it to the listeners
once the transaction has committed. The listener is the screens layer (screens.py, registered from
LiveConfig.ready()), which turns the event into what each audience receives and gives that to the transport
(realtime.py). This module imports only the models: services depend on it, never on screens.

A push is a courtesy, the database is the truth: a listener that fails is logged and never undoes or fails
the request that saved the change. A screen that missed a push sees the gap in the versions (or hears
nothing for a while) and asks for what changed since its version (selectors.changes_since)."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.db import connection, transaction
from django.db.models import F

from .models import LiveMeeting, Note

logger = logging.getLogger("allin.live.push")

STAGE = "stage"  # the current item, an activity's state or a screen setting: every screen's stage
BOARD = "board"  # a board's themes or grouping: projector and consoles
NOTE_ADDED = "note_added"
NOTE_SHOWN = "note_shown"  # hidden or shown again by the facilitator
ATTENDEES = "attendees"  # someone joined: the counters
RESULTS = "results"  # answers came in (words, dots, consent, ...): projector and consoles
ATTENDEE = "attendee"  # what only one phone shows (its table, its card)
PHONES = "phones"  # every phone's personal part
PROJECTOR_REVOKED = "projector_revoked"
ROOM = "room"  # the room's state for consoles: a join refused, a flood begun (room.py)

# Which changes a phone only catches up on with a new stage, and which ones projector and consoles only
# catch up on with a new stage; a new note is the one change a screen can be sent on its own.
PHONE_STAGE = {STAGE, ATTENDEE, PHONES}
SCREENS_STAGE = {STAGE, BOARD, NOTE_SHOWN, ATTENDEES, RESULTS}


@dataclass(frozen=True)
class LiveEvent:
    live_id: int
    what: str
    note_id: int | None = None
    attendee_id: int | None = None
    key: str = ""  # the projector key that stays valid (PROJECTOR_REVOKED)
    version: int = 0  # the meeting's version this change made (0: not part of the sequence)
    # The note as the service saved it (NOTE_ADDED), with its board and meeting loaded: the screens render it
    # without reading it back. Not part of the event's identity; a listener without it reads note_id.
    note: object = field(default=None, compare=False, repr=False)
    # The meeting's screens_version as this change left it (NOTE_ADDED): what projector and consoles show
    # besides the notes (a board's themes, ...) is as it was at that version.
    screens_version: int = field(default=0, compare=False)


_listeners: list[Callable[[LiveEvent], None]] = []


def listen(listener: Callable[[LiveEvent], None]) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def announce(event: LiveEvent) -> None:
    """Deliver `event` to the listeners after the current transaction commits (at once outside one)."""
    transaction.on_commit(partial(_deliver, event), robust=True)


def _deliver(event: LiveEvent) -> None:
    for listener in _listeners:
        try:
            listener(event)
        except Exception:
            logger.exception(
                "live push failed after commit: %s %s (live %s)", event.what, event, event.live_id
            )


# ---- what services call ----------------------------------------------------------------------------------


def _bump(live_id: int, what: str) -> int:
    return _bump_both(live_id, what)[0]


def _bump_both(live_id: int, what: str) -> tuple[int, int]:
    """The meeting's next version and its screens_version after it, also marking what kind of catching up
    the change needs; in the caller's transaction, so the version is this change's own. One statement where
    the database can return the new values from an UPDATE (PostgreSQL, SQLite 3.35+), an UPDATE and a read
    otherwise."""
    columns = ["version"]
    if what in PHONE_STAGE:
        columns.append("stage_version")
    if what in SCREENS_STAGE:
        columns.append("screens_version")
    if connection.features.can_return_columns_from_insert:
        quote = connection.ops.quote_name
        # Every right-hand side reads the row as it was, so each column gets the old version + 1.
        assignments = ", ".join(f"{quote(column)} = {quote('version')} + 1" for column in columns)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(LiveMeeting._meta.db_table)} SET {assignments} "
                f"WHERE {quote(LiveMeeting._meta.pk.column)} = %s "
                f"RETURNING {quote('version')}, {quote('screens_version')}",
                [live_id],
            )
            row = cursor.fetchone()
        if row is None:
            raise LiveMeeting.DoesNotExist(live_id)
        return row[0], row[1]
    LiveMeeting.objects.filter(pk=live_id).update(**{column: F("version") + 1 for column in columns})
    return LiveMeeting.objects.values_list("version", "screens_version").get(pk=live_id)


def next_version(live_id: int, what: str) -> tuple[int, int]:
    """The version a change about to be saved takes (a note stores it in its own row), and the meeting's
    screens_version with it; the caller announces the change afterwards (note_added)."""
    return _bump_both(live_id, what)


def _changed(live_id: int, what: str, **ids) -> int:
    version = _bump(live_id, what)
    announce(LiveEvent(live_id, what, version=version, **ids))
    return version


def stage_changed(live_id: int) -> int:
    return _changed(live_id, STAGE)


def board_changed(live_id: int) -> int:
    return _changed(live_id, BOARD)


def note_added(note, screens_version: int = 0) -> int:
    """A note saved with the version next_version(live_id, NOTE_ADDED) gave it (and the screens_version that
    came with it)."""
    live_id = note.activity.live_id
    if not note.version:
        note.version, screens_version = _bump_both(live_id, NOTE_ADDED)
        Note.objects.filter(pk=note.pk).update(version=note.version)
    announce(
        LiveEvent(
            live_id,
            NOTE_ADDED,
            note_id=note.pk,
            version=note.version,
            note=note,
            screens_version=screens_version,
        )
    )
    return note.version


def note_visibility_changed(note) -> int:
    return _changed(note.activity.live_id, NOTE_SHOWN, note_id=note.pk, attendee_id=note.attendee_id)


def attendees_changed(live_id: int) -> int:
    return _changed(live_id, ATTENDEES)


def results_changed(live_id: int) -> int:
    return _changed(live_id, RESULTS)


def attendee_changed(live_id: int, attendee_id: int) -> int:
    return _changed(live_id, ATTENDEE, attendee_id=attendee_id)


def phones_refresh(live_id: int) -> int:
    return _changed(live_id, PHONES)


def projector_revoked(live_id: int, key: str) -> None:
    announce(LiveEvent(live_id, PROJECTOR_REVOKED, key=key))


def room_changed(live_id: int) -> None:
    announce(LiveEvent(live_id, ROOM))
