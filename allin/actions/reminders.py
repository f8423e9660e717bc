"""The daily reminders: owners a week before their action is due and once it is overdue, the facilitator for
calls that are due and for a follow-up session's invitation (halfway between the meeting and the session).

Each reminder is recorded in SentReminder before its mail goes out, in one transaction per reminder: a failed
mail rolls its record back (tried again tomorrow), and a rerun on the same day sends nothing twice."""

import logging
from datetime import date, timedelta

from django.db import IntegrityError, transaction

from . import emails
from .followup_models import FollowUpCall, FollowUpMeeting, SentReminder
from .models import OPEN_STATUSES, Action

logger = logging.getLogger(__name__)
DUE_SOON_DAYS = 7


def _once(kind, object_id, about, send, to) -> bool:
    """Send unless this reminder was sent before; True when it went out now."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(kind=kind, object_id=object_id, about=about, to=", ".join(to)[:1000])
            send()
    except IntegrityError:
        return False
    except Exception:  # a mail server that is down must not stop the other reminders
        logger.exception("reminder %s %s failed", kind, object_id)
        return False
    return True


def _owner_reminders(today: date) -> list[tuple[str, int]]:
    sent = []
    actions = Action.objects.filter(
        status__in=OPEN_STATUSES, due_date__isnull=False, link_revoked=False
    ).exclude(owner_email="")
    soon = actions.filter(due_date__gt=today, due_date__lte=today + timedelta(days=DUE_SOON_DAYS))
    for action in soon.select_related("process"):
        if _once(
            "due_soon",
            action.pk,
            action.due_date,
            lambda a=action: emails.owner_link(a, kind="due_soon"),
            [action.owner_email],
        ):
            sent.append(("due_soon", action.pk))
    for action in actions.filter(due_date__lt=today).select_related("process"):
        if _once(
            "overdue",
            action.pk,
            action.due_date,
            lambda a=action: emails.owner_link(a, kind="overdue"),
            [action.owner_email],
        ):
            sent.append(("overdue", action.pk))
    return sent


def _call_reminders(today: date) -> list[tuple[str, int]]:
    sent = []
    calls = FollowUpCall.objects.select_related(
        "meeting__process__workspace", "meeting__process__created_by", "partner"
    )
    for call in calls.filter(called_at__isnull=True, due_on__lte=today) | calls.filter(
        called_at__isnull=False, next_call_on__lte=today
    ):
        to = emails.facilitators_of(call.meeting.process)
        if to and _once("call_due", call.pk, call.next_due, lambda c=call, t=to: emails.call_due(c, t), to):
            sent.append(("call_due", call.pk))
    return sent


def _follow_up_reminders(today: date) -> list[tuple[str, int]]:
    sent = []
    due = FollowUpMeeting.objects.filter(invite_on__lte=today, meeting__date__gte=today).select_related(
        "meeting", "process__workspace", "process__created_by"
    )
    for follow_up in due:
        to = emails.facilitators_of(follow_up.process)
        if to and _once(
            "follow_up_invite",
            follow_up.pk,
            follow_up.invite_on,
            lambda f=follow_up, t=to: emails.follow_up_invite(f, t),
            to,
        ):
            sent.append(("follow_up_invite", follow_up.pk))
    return sent


def run(today: date) -> list[tuple[str, int]]:
    """Every reminder due on `today` that was not sent before; returns (kind, object id) of those sent."""
    return _owner_reminders(today) + _call_reminders(today) + _follow_up_reminders(today)
