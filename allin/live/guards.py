"""The one guard for what a phone sends to an activity: the phone joined this meeting, the meeting is open, the
activity is the current item and (for a send) the activity takes answers. Every kind, the note pipeline and the
phone's action view ask it here instead of keeping their own copy, so a phone hears the same Dutch reason
everywhere. It imports nothing of live, so any module of the app (kinds included) can use it without a cycle.

A kind adds its own checks around it (its kind, a mode, a rate limit), e.g.::

    guards.phone_may_send(activity, attendee, closed=_("Het stemmen is gesloten."))
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def phone_in_current(activity, attendee) -> None:
    """Refuses (ValidationError, in Dutch) a phone that did not join `activity`'s meeting, a meeting that has
    ended, or an activity that is no longer the current item. Reads `activity.live` (no query when loaded)."""
    if attendee.live_id != activity.live_id:
        raise ValidationError(_("Je doet niet mee aan deze bijeenkomst."))
    live = activity.live
    if not live.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    if activity.item_id != live.current_item_id:
        raise ValidationError(_("Dit onderdeel is voorbij. Kijk op het scherm wat er nu gebeurt."))


def phone_may_send(activity, attendee, *, closed=None) -> None:
    """`phone_in_current`, and the activity open for answers. `closed` is the kind's own words for a closed
    activity (default "Insturen is gesloten.")."""
    phone_in_current(activity, attendee)
    if not activity.is_open:
        raise ValidationError(closed or _("Insturen is gesloten."))
