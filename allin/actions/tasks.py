"""Background work (django-tasks): the owner's link when an action is assigned, and the daily reminders. With the
database backend `manage.py db_worker` runs them; the daily task schedules its own next run."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

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
    now = timezone.localtime(now)
    run_at = timezone.make_aware(datetime.combine(now.date(), DAILY_AT))
    return run_at if run_at > now else run_at + timedelta(days=1)


def schedule_daily(*, at=None) -> bool:
    """Make sure one daily run is waiting (database backend only). Returns True when it queued one."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=daily_reminders.module_path, status="READY")
    if at is None:
        at = timezone.now()
        if waiting.filter(run_after__lte=at + timedelta(minutes=1)).exists():
            return False
    elif waiting.exists():
        return False
    daily_reminders.using(run_after=at).enqueue()
    return True
