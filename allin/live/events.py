"""What changed in a live meeting, announced by the services as data, after the commit.

A service writes, then calls one of the functions below (`note_added(note)`, `stage_changed(live_id)`, ...).
Each makes a LiveEvent (which meeting, what kind of change, which board, note or attendee) and hands it to
the listeners once the transaction has committed. The listener is the screens layer (screens.py, registered
from LiveConfig.ready()), which turns the event into what each audience receives and gives that to the
transport (realtime.py). This module imports nothing above it: services depend on it, never on screens.

A push is a courtesy, the database is the truth: a listener that fails is logged and never undoes or fails
the request that saved the change (a screen that missed a push catches up by its version)."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db import transaction

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


@dataclass(frozen=True)
class LiveEvent:
    live_id: int
    what: str
    note_id: int | None = None
    attendee_id: int | None = None
    key: str = ""  # the projector key that stays valid (PROJECTOR_REVOKED)


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


def stage_changed(live_id: int) -> None:
    announce(LiveEvent(live_id, STAGE))


def board_changed(live_id: int) -> None:
    announce(LiveEvent(live_id, BOARD))


def note_added(note) -> None:
    announce(LiveEvent(note.activity.live_id, NOTE_ADDED, note_id=note.pk))


def note_visibility_changed(note) -> None:
    announce(LiveEvent(note.activity.live_id, NOTE_SHOWN, note_id=note.pk, attendee_id=note.attendee_id))


def attendees_changed(live_id: int) -> None:
    announce(LiveEvent(live_id, ATTENDEES))


def results_changed(live_id: int) -> None:
    announce(LiveEvent(live_id, RESULTS))


def attendee_changed(live_id: int, attendee_id: int) -> None:
    announce(LiveEvent(live_id, ATTENDEE, attendee_id=attendee_id))


def phones_refresh(live_id: int) -> None:
    announce(LiveEvent(live_id, PHONES))


def projector_revoked(live_id: int, key: str) -> None:
    announce(LiveEvent(live_id, PROJECTOR_REVOKED, key=key))


def room_changed(live_id: int) -> None:
    announce(LiveEvent(live_id, ROOM))
