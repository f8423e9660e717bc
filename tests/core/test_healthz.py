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
