"""How many phones a live meeting lets in, and how fast, so a flood of fake phones cannot fill a meeting while a
class behind one school address still gets in.

- Joining: at most JOINS_PER_ADDRESS_PER_MINUTE join attempts per address per meeting (a class of 30 scanning at
  once fits twice over); beyond it a Dutch 429 page. The facilitator can lift that at once ("Netwerkblokkade opheffen"),
  which starts every address of the meeting from zero.
- The room: at most `size` phones (set by the facilitator; by default the expected attendance with room to
  spare), and a switch that closes the meeting for new phones; phones already in stay in.
- The QR code carries the meeting's join key (192 random bits). It cannot be guessed, so who scans it skips the
  limit on mistyped codes: a class is never locked out because someone on the same network typed a wrong code.
  A new key (the old QR code stops working) is one click in the console.
- Notes: beside the per-phone limit in notes.py, NOTES_PER_ADDRESS_PER_MINUTE per address per meeting, so twenty
  fake phones behind one address cannot post twenty budgets.
Counts live in the shared cache, hashed; the room settings in the database.
"""

import hashlib
import hmac
import math
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core import ratelimit

from . import events
from .models import Attendee, LiveMeeting, new_join_key

JOINS_PER_ADDRESS_PER_MINUTE = settings.LIVE_JOINS_PER_ADDRESS_PER_MINUTE  # 60
NOTES_PER_ADDRESS_PER_MINUTE = settings.LIVE_NOTES_PER_ADDRESS_PER_MINUTE  # 150
# The console warns when this many phones joined in the last minute, or when any join was refused.
FLOOD_JOINS_PER_MINUTE = 60
SIZE_WITHOUT_INVITATIONS = 100
SIZE_MIN, SIZE_MAX = 1, 2000
WINDOW_SECONDS = 60


# ---- the join key in the QR code ----------------------------------------------------------------------------


def key_matches(live: LiveMeeting, key: str) -> bool:
    return bool(key) and hmac.compare_digest(live.join_key.encode(), str(key).encode())


# ---- the room ------------------------------------------------------------------------------------------------


def expected_attendance(meeting) -> int | None:
    """Invited participants who did not say no; None when nobody was invited through ALL-IN."""
    from allin.people.models import Invitation, RsvpAnswer

    invited = Invitation.objects.filter(meeting=meeting, revoked_at__isnull=True)
    if not invited.exists():
        return None
    return invited.exclude(answer=RsvpAnswer.NO).count()


def default_size(meeting) -> int:
    """The expected attendance and half as many again (at least ten more: colleagues, walk-ins), never under 30."""
    expected = expected_attendance(meeting)
    if expected is None:
        return SIZE_WITHOUT_INVITATIONS
    return max(30, expected + max(10, math.ceil(expected / 2)))


def size(live: LiveMeeting) -> int:
    return live.room_size or default_size(live.meeting)


def refusal(live: LiveMeeting) -> str | None:
    """Why a new phone cannot join right now ("closed" or "full"), or None."""
    if live.room_closed:
        return "closed"
    if live.attendees.count() >= size(live):
        return "full"
    return None


def refusal_message(reason: str) -> str:
    if reason == "closed":
        return _("De begeleider heeft deze bijeenkomst gesloten voor nieuwe telefoons.")
    return _("Deze bijeenkomst is vol: er doen al zoveel telefoons mee als de begeleider heeft ingesteld.")


def admit(*, live: LiveMeeting) -> None:
    """Inside attendee_join's transaction: lock the meeting's row, then check the room, so two phones taking the
    last place at once cannot both get it (PostgreSQL; SQLite runs one writer at a time)."""
    locked = LiveMeeting.objects.select_for_update().only("room_size", "room_closed").get(pk=live.pk)
    live.room_size, live.room_closed = locked.room_size, locked.room_closed
    reason = refusal(live)
    if reason:
        raise ValidationError(refusal_message(reason))


# ---- rates per address ---------------------------------------------------------------------------------------


def _generation(live_id: int) -> int:
    return cache.get(f"room-gen:{live_id}", 0)


def _address_key(request, live_id: int, what: str) -> str:
    address = hashlib.sha256(ratelimit.client_ip(request).encode()).hexdigest()[:24]
    return f"room-{what}:{live_id}:{_generation(live_id)}:{address}"


def join_attempt_allowed(*, request, live: LiveMeeting) -> bool:
    """Count one join attempt from this address; False (and counted as refused) beyond the rate."""
    if ratelimit.hit(_address_key(request, live.pk, "join"), WINDOW_SECONDS) <= JOINS_PER_ADDRESS_PER_MINUTE:
        return True
    ratelimit.hit(f"room-refused:{live.pk}", WINDOW_SECONDS)
    _warn_consoles(live.pk)
    return False


def note_allowed(*, request, live: LiveMeeting) -> bool:
    return (
        ratelimit.hit(_address_key(request, live.pk, "notes"), WINDOW_SECONDS) <= NOTES_PER_ADDRESS_PER_MINUTE
    )


def _warn_consoles(live_id: int) -> None:
    """Consoles refetch (and so show the warning) at most once every few seconds, however hard the flood."""
    if cache.add(f"room-warned:{live_id}", 1, timeout=5):
        events.room_changed(live_id)


# ---- what the console shows ----------------------------------------------------------------------------------


def joins_last_minute(live_id: int) -> int:
    since = timezone.now() - timedelta(seconds=WINDOW_SECONDS)
    return Attendee.objects.filter(live_id=live_id, joined_at__gte=since).count()


def console_context(live: LiveMeeting) -> dict:
    joined = joins_last_minute(live.pk)
    refused = ratelimit.hits(f"room-refused:{live.pk}")
    return {
        "room_size": size(live),
        "room_default_size": default_size(live.meeting),
        "room_size_min": SIZE_MIN,
        "room_size_max": SIZE_MAX,
        "joins_last_minute": joined,
        "joins_refused": refused,
        "flood": joined >= FLOOD_JOINS_PER_MINUTE or refused > 0,
    }


def console_ops(live_id: int) -> list:
    """Pushed to consoles on every join: the rate in place; a refetch when it just started to look like a
    flood, so the warning appears."""
    joined = joins_last_minute(live_id)
    ops = [{"op": "text", "target": "#join-rate", "text": str(joined)}]
    if joined >= FLOOD_JOINS_PER_MINUTE and cache.add(f"room-warned:{live_id}", 1, timeout=5):
        ops.append({"op": "refresh"})
    return ops


# ---- the facilitator's switches ------------------------------------------------------------------------------


@transaction.atomic
def room_update(*, live: LiveMeeting, size: int | None, closed: bool) -> LiveMeeting:
    if size is not None and not SIZE_MIN <= size <= SIZE_MAX:
        raise ValidationError(
            _("Kies een aantal tussen %(min)d en %(max)d.") % {"min": SIZE_MIN, "max": SIZE_MAX}
        )
    live.room_size, live.room_closed = size, closed
    live.save(update_fields=["room_size", "room_closed"])
    return live


@transaction.atomic
def join_key_renew(*, live: LiveMeeting) -> LiveMeeting:
    """A new key for the QR code; the old QR code leads to the page that asks for the code."""
    live.join_key = new_join_key()
    live.save(update_fields=["join_key"])
    events.stage_changed(live.pk)  # the projector draws the new QR code (the event bumps the version)
    return live


def flood_lift(*, live: LiveMeeting) -> None:
    """Every address of this meeting starts counting from zero, and the warning goes."""
    if not cache.add(f"room-gen:{live.pk}", 1, timeout=None):
        cache.incr(f"room-gen:{live.pk}")
    ratelimit.forget(f"room-refused:{live.pk}")
