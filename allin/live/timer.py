"""The facilitator's timer: a countdown for any activity that the projector shows large and phones show small.

The server keeps only when the timer ends (and how long it was set for); every screen counts down by itself
from that moment, corrected for the difference between its clock and the server's. A timer that ran out long
ago is no longer shown, so a forgotten one does not linger over the next agenda items."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import events
from .models import LiveMeeting

TIMER_MAX_SECONDS = 60 * 60
PRESET_MINUTES = (1, 3, 5, 10)
# How long the screens keep saying "de tijd is om" before the timer quietly disappears.
SHOWN_AFTER_END = timedelta(minutes=10)


@dataclass(frozen=True)
class TimerInfo:
    ends_at: datetime
    seconds: int

    @property
    def ends_at_ms(self) -> int:
        return int(self.ends_at.timestamp() * 1000)


def timer_info(live: LiveMeeting, now: datetime | None = None) -> TimerInfo | None:
    """The running (or just ended) timer the screens show, or None."""
    if live.timer_ends_at is None:
        return None
    if live.timer_ends_at + SHOWN_AFTER_END < (now or timezone.now()):
        return None
    return TimerInfo(ends_at=live.timer_ends_at, seconds=live.timer_seconds or 0)


def _seconds(value) -> int:
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Vul een tijd in minuten en seconden in.")) from None
    if not 1 <= seconds <= TIMER_MAX_SECONDS:
        raise ValidationError(
            _("Een timer loopt minstens 1 seconde en hoogstens %(max)d minuten.")
            % {"max": TIMER_MAX_SECONDS // 60}
        )
    return seconds


def _locked(live: LiveMeeting) -> LiveMeeting:
    # Two facilitators pressing "+1 minuut" at once must add two minutes, not one.
    return LiveMeeting.objects.select_for_update().get(pk=live.pk)


def _save(live: LiveMeeting, locked: LiveMeeting) -> None:
    locked.save(update_fields=["timer_ends_at", "timer_seconds"])
    live.timer_ends_at, live.timer_seconds = locked.timer_ends_at, locked.timer_seconds
    live.version = events.stage_changed(live.pk)


@transaction.atomic
def timer_start(*, live: LiveMeeting, seconds) -> LiveMeeting:
    """Start (or restart) the countdown: `seconds` from now, 1 second up to an hour."""
    seconds = _seconds(seconds)
    locked = _locked(live)
    if not locked.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    locked.timer_ends_at = timezone.now() + timedelta(seconds=seconds)
    locked.timer_seconds = seconds
    _save(live, locked)
    return live


@transaction.atomic
def timer_add(*, live: LiveMeeting, seconds=60) -> LiveMeeting:
    """Extra time on the running timer; when it has just run out, the extra time counts from now."""
    seconds = _seconds(seconds)
    locked = _locked(live)
    now = timezone.now()
    if timer_info(locked, now) is None:
        raise ValidationError(_("Er loopt geen timer. Start eerst een timer."))
    if not locked.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    ends_at = max(locked.timer_ends_at, now) + timedelta(seconds=seconds)
    if ends_at - now > timedelta(seconds=TIMER_MAX_SECONDS):
        raise ValidationError(
            _("De timer kan hoogstens %(max)d minuten lopen.") % {"max": TIMER_MAX_SECONDS // 60}
        )
    locked.timer_ends_at = ends_at
    locked.timer_seconds = min(TIMER_MAX_SECONDS, (locked.timer_seconds or 0) + seconds)
    _save(live, locked)
    return live


@transaction.atomic
def timer_stop(*, live: LiveMeeting) -> LiveMeeting:
    """Take the timer off every screen. Stopping a stopped timer changes nothing."""
    locked = _locked(live)
    if locked.timer_ends_at is None and locked.timer_seconds is None:
        return live
    locked.timer_ends_at = None
    locked.timer_seconds = None
    _save(live, locked)
    return live
