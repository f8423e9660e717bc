"""When the database or Redis is away for a moment (a restart, a failover), a page answers 503 with a Dutch
"try again" and Retry-After, rendered without the database, so a phone's outbox resends; a real bug stays a 500."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.live import helpers


@pytest.fixture
def live(workspace):
    return helpers.live_meeting(workspace)


@pytest.mark.parametrize(
    "error",
    [OperationalError("server closed the connection"), RedisConnectionError("Connection refused")],
    ids=["database", "redis"],
)
def test_a_service_that_is_away_gives_a_dutch_503_with_retry_after(live, error):
    client = Client(raise_request_exception=False)
    with mock.patch("allin.live.phone_views._live", side_effect=error):
        response = client.get(reverse("live_join", args=[live.code]))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "Even niet bereikbaar" in page and "opnieuw" in page


def test_a_wrapped_connection_error_counts_too_and_a_bug_stays_a_500(live):
    client = Client(raise_request_exception=False)
    wrapped = RuntimeError("stage failed")
    wrapped.__cause__ = OperationalError("database is locked")
    with mock.patch("allin.live.phone_views._live", side_effect=wrapped):
        assert client.get(reverse("live_join", args=[live.code])).status_code == 503
    with mock.patch("allin.live.phone_views._live", side_effect=KeyError("bug")):
        response = client.get(reverse("live_join", args=[live.code]))
    assert response.status_code == 500
    assert "Er is iets misgegaan" in response.content.decode()
