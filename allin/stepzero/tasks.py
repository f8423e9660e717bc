"""The daily reminder for managers' updates (django-tasks), planned like the other daily tasks: it schedules its
own next run; `manage.py schedule_reminders` starts the cycle."""

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from allin.core import daily

from . import reminders

DAILY_AT = time(7, 5)


@task()
def manager_reminders() -> int:
    sent = reminders.run(timezone.localdate())
    schedule_daily(at=next_run())
    return len(sent)


def next_run(now=None) -> datetime:
    return daily.next_run(DAILY_AT, now)


def schedule_daily(*, at=None) -> bool:
    return daily.schedule_once(manager_reminders, at=at)
