"""Tasks that run once a day and plan their own next run (django-tasks has no scheduler of its own).

Each daily task ends by calling `schedule_once(task, at=next_run(...))`; `manage.py schedule_reminders` starts
the cycle. Only the database backend can defer a task; with the immediate backend nothing is planned."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import default_task_backend


def next_run(daily_at: time, now=None) -> datetime:
    """Today at `daily_at` if that is still ahead, else tomorrow at that time (local time)."""
    now = timezone.localtime(now)
    run_at = timezone.make_aware(datetime.combine(now.date(), daily_at))
    return run_at if run_at > now else run_at + timedelta(days=1)


def schedule_once(task, *, at=None) -> bool:
    """Make sure one run of `task` is waiting. Returns True when it queued one. Without `at`, a run now, unless
    one is already due within a minute; with `at`, a run then, unless any run is already waiting."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status="READY")
    if at is None:
        at = timezone.now()
        if waiting.filter(run_after__lte=at + timedelta(minutes=1)).exists():
            return False
    elif waiting.exists():
        return False
    task.using(run_after=at).enqueue()
    return True
