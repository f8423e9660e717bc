"""What /healthz checks. Each check is a function without arguments that returns "ok" or raises; the list is the
setting ALLIN_HEALTH_CHECKS (name -> dotted path), so another part (the task worker) adds its own check there
without touching this file."""

import asyncio
import logging
import secrets
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import default_task_backend

CHANNEL_TIMEOUT_SECONDS = 2.0
logger = logging.getLogger("allin.health")

DEFAULT_CHECKS = {
    "database": "allin.core.health.database",
    "channels": "allin.core.health.channel_layer",
    "tasks": "allin.core.health.task_worker",
}
# Results that do not fail /healthz: the web serves pages without the task worker, so a worker that has not run yet
# ("idle") or has stopped picking up tasks ("stale") is reported for monitoring, not to the load balancer.
PASSING = {"ok", "idle", "stale"}
WORKER_RECENT = timedelta(
    hours=25
)  # the daily tasks run every day, so a live worker finishes one within this
WORKER_OVERDUE = timedelta(minutes=15)  # a task waiting this long past its time means no worker picks it up


def database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


async def _round_trip(timeout: float) -> str:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")
    token = secrets.token_hex(8)
    # A channel of its own, not a process-local one (new_channel's "…!…"): with channels_redis, process-local
    # channels of a worker are read by one shared receive loop, which an open websocket already holds, so the
    # ping would wait for it and time out while the worker is perfectly able to deliver.
    channel = f"healthz.{token}"

    async def send_and_receive():
        await layer.send(channel, {"type": "healthz.ping", "token": token})
        return await layer.receive(channel)

    message = await asyncio.wait_for(send_and_receive(), timeout)
    if not secrets.compare_digest(str(message.get("token")), token):
        raise RuntimeError("the channel layer returned another message")
    return "ok"


def channel_layer() -> str:
    """A message sent to a fresh channel comes back within a short time (Redis when configured, else memory)."""
    return async_to_sync(_round_trip)(CHANNEL_TIMEOUT_SECONDS)


def task_worker() -> str:
    """The background worker (django-tasks with its database backend, `manage.py db_worker`): "stale" when a task
    has waited more than 15 minutes past its time, "ok" when a worker finished a task in the last 25 hours, else
    "idle" (a fresh install). Tasks run in the request (ALLIN_TASKS_IMMEDIATE) need no worker: "ok"."""
    if not default_task_backend.supports_defer:
        return "ok"
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    cutoff = now - WORKER_OVERDUE
    overdue = DBTaskResult.objects.filter(status="READY").filter(
        Q(run_after__lte=cutoff) | Q(run_after=get_date_max(), enqueued_at__lte=cutoff)
    )
    if overdue.exists():
        return "stale"
    if DBTaskResult.objects.filter(finished_at__gte=now - WORKER_RECENT).exists():
        return "ok"
    return "idle"


def run_checks() -> dict[str, str]:
    results = {}
    for name, path in getattr(settings, "ALLIN_HEALTH_CHECKS", DEFAULT_CHECKS).items():
        try:
            results[name] = import_string(path)()
        except Exception:  # any failure of a dependency means "not healthy"; the reason goes to the log
            logger.warning("health check failed: %s", name, exc_info=True)
            results[name] = "error"
    return results
