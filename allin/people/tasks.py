"""Background work (django-tasks): the nightly erasure of participants whose process reached its erase date. With
the database backend `manage.py db_worker` runs it; the task schedules its own next run, like the daily
reminders (allin/actions/tasks.py). `manage.py schedule_reminders` queues the first run of both."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from .services import participants_erase_due

DAILY_AT = time(3, 0)


@task()
def erase_due_participants() -> int:
    erased = participants_erase_due(today=timezone.localdate())
    schedule_erasure(at=next_run())
    return erased


def next_run(now=None) -> datetime:
    now = timezone.localtime(now)
    run_at = timezone.make_aware(datetime.combine(now.date(), DAILY_AT))
    return run_at if run_at > now else run_at + timedelta(days=1)


def schedule_erasure(*, at=None) -> bool:
    """Make sure one nightly run is waiting (database backend only). Returns True when it queued one."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=erase_due_participants.module_path, status="READY")
    if at is None:
        at = timezone.now()
        if waiting.filter(run_after__lte=at + timedelta(minutes=1)).exists():
            return False
    elif waiting.exists():
        return False
    erase_due_participants.using(run_after=at).enqueue()
    return True
