"""The app under test with a channel layer that loses a share of what services push (bench/live_load.py
--drop): each group message is discarded with probability ALLIN_BENCH_DROP. Only the pushes to screens are
lost; the database and the catching-up requests are untouched, so the screens must converge by their
versions. Benchmark-only: the product never loads this module."""

import os
import random

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
django.setup()

from channels.layers import get_channel_layer  # noqa: E402

from allin.asgi import application  # noqa: E402,F401  (what uvicorn serves)

SHARE = float(os.environ.get("ALLIN_BENCH_DROP", "0"))
_layer = get_channel_layer()
_group_send = _layer.group_send


async def _lossy_group_send(group, message):
    if message.get("type") == "live.push" and random.random() < SHARE:
        return
    await _group_send(group, message)


_layer.group_send = _lossy_group_send
