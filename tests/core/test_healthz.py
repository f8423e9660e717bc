import asyncio
import socket
from unittest import mock

import pytest
from channels.layers import channel_layers
from django.db import OperationalError

from allin.core import health


def test_healthz_reports_ok_when_the_database_and_the_channel_layer_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "channels": "ok", "tasks": "idle"}


def test_healthz_answers_503_when_the_database_is_down(client, db):
    with mock.patch("allin.core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "channels": "ok", "tasks": "error"}


def test_healthz_answers_503_when_the_channel_layer_does_not_answer_in_time(client, db, monkeypatch):
    async def never(self, channel):
        await asyncio.sleep(60)

    monkeypatch.setattr(health, "CHANNEL_TIMEOUT_SECONDS", 0.05)
    layer_class = type(channel_layers["default"])
    with mock.patch.object(layer_class, "receive", never):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["channels"] == "error"


def test_healthz_answers_503_when_the_channel_layer_fails(client, db):
    with mock.patch.object(type(channel_layers["default"]), "send", side_effect=ConnectionError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "channels": "error", "tasks": "idle"}


def _redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_healthz_round_trips_through_redis(client, db, settings):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:6379/0"]},
        }
    }
    channel_layers.backends.clear()
    try:
        response = client.get("/healthz")
    finally:
        channel_layers.backends.clear()
    assert response.status_code == 200
    assert response.json()["channels"] == "ok"


@pytest.mark.skipif(not _redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_the_redis_round_trip_answers_while_a_websocket_of_the_worker_is_waiting(settings):
    """A worker with an open websocket is healthy: the ping does not queue behind the socket's receive (it used a
    process-local channel, and /healthz answered 503 during every live meeting on Redis)."""
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:6379/0"]},
        }
    }
    channel_layers.backends.clear()

    async def a_socket_and_a_ping():
        layer = channel_layers["default"]
        socket_channel = await layer.new_channel()
        waiting = asyncio.create_task(layer.receive(socket_channel))  # what an open consumer does
        await asyncio.sleep(0.2)
        try:
            return await health._round_trip(1.0)
        finally:
            waiting.cancel()

    try:
        assert asyncio.run(a_socket_and_a_ping()) == "ok"
    finally:
        channel_layers.backends.clear()
