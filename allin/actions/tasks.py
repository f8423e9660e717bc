"""Background work (django-tasks): the owner's link when an action is assigned, and the daily reminders. With the
database backend `manage.py db_worker` runs them; the daily task schedules its own next run."""

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from allin.core import daily

from . import emails, reminders
from .models import Action

DAILY_AT = time(7, 0)


@task()
def send_owner_link(action_id: int) -> bool:
    action = Action.objects.select_related("process").filter(pk=action_id).first()
    if action is None or not action.owner_email or action.link_revoked:
        return False
    emails.owner_link(action, kind="assigned")
    return True


@task()
def daily_reminders() -> int:
    sent = reminders.run(timezone.localdate())
    schedule_daily(at=next_run())
    return len(sent)


def next_run(now=None) -> datetime:
    return daily.next_run(DAILY_AT, now)


def schedule_daily(*, at=None) -> bool:
    """Make sure one daily run is waiting (database backend only). Returns True when it queued one."""
    return daily.schedule_once(daily_reminders, at=at)
