"""What /healthz checks. Each check is a function without arguments that returns "ok" or raises; the list is the
setting ALLIN_HEALTH_CHECKS (name -> dotted path), so another part (the task worker) adds its own check there
without touching this file."""

import asyncio
import logging
import secrets

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

CHANNEL_TIMEOUT_SECONDS = 2.0
logger = logging.getLogger("allin.health")

DEFAULT_CHECKS = {
    "database": "allin.core.health.database",
    "channels": "allin.core.health.channel_layer",
}


def database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


async def _round_trip(timeout: float) -> str:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")
    channel = await layer.new_channel("healthz.")
    token = secrets.token_hex(8)

    async def send_and_receive():
        await layer.send(channel, {"type": "healthz.ping", "token": token})
        return await layer.receive(channel)

    message = await asyncio.wait_for(send_and_receive(), timeout)
    if message.get("token") != token:
        raise RuntimeError("the channel layer returned another message")
    return "ok"


def channel_layer() -> str:
    """A message sent to a fresh channel comes back within a short time (Redis when configured, else memory)."""
    return async_to_sync(_round_trip)(CHANNEL_TIMEOUT_SECONDS)


def run_checks() -> dict[str, str]:
    results = {}
    for name, path in getattr(settings, "ALLIN_HEALTH_CHECKS", DEFAULT_CHECKS).items():
        try:
            results[name] = import_string(path)()
        except Exception:  # any failure of a dependency means "not healthy"; the reason goes to the log
            logger.warning("health check failed: %s", name, exc_info=True)
            results[name] = "error"
    return results
