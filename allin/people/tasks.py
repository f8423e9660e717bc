"""Background work (django-tasks): the nightly erasure of participants whose process reached its erase date. With
the database backend `manage.py db_worker` runs it; the task schedules its own next run, like the daily
reminders (allin/actions/tasks.py). `manage.py schedule_reminders` queues the first run of both."""

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from allin.core import daily

from .services import participants_erase_due

DAILY_AT = time(3, 0)


@task()
def erase_due_participants() -> int:
    erased = participants_erase_due(today=timezone.localdate())
    schedule_erasure(at=next_run())
    return erased


def next_run(now=None) -> datetime:
    return daily.next_run(DAILY_AT, now)


def schedule_erasure(*, at=None) -> bool:
    """Make sure one nightly run is waiting (database backend only). Returns True when it queued one."""
    return daily.schedule_once(erase_due_participants, at=at)
