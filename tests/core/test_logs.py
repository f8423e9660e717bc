"""Structured logs without personal data: one JSON object per line; request lines carry the route pattern, never
the path, query string or form data; a crash logs where, not what; e-mail and IP addresses are masked."""

import io
import json
import logging
import uuid
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from allin.core.logs import JsonFormatter, TextFormatter
from allin.workspaces import services as workspace_services
from tests.live import helpers

NOTE = "Mijn geheime zorg over schulden 7f3a"
NAME = "Zoë Vertrouwelijk"


@pytest.fixture
def captured():
    """Everything every logger writes during the test, formatted as in production."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)


def _lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_meeting_with_notes_tokens_and_a_crash_leaves_no_personal_data_in_the_logs(
    captured, workspace, owner, settings
):
    live = helpers.live_meeting(workspace)
    board = helpers.start_board(live, 2)  # a board without kinds of post-its
    invitation = workspace_services.invitation_create(
        workspace=workspace, email="geheim.adres@example.org", role="viewer", invited_by=owner
    )
    token = invitation.token
    phone = Client(REMOTE_ADDR="203.0.113.77")
    # A phone joins with the code, posts a note (with a token in the query string too) and opens the stage.
    phone.post(reverse("live_join", args=[live.code]), {"name": NAME, "role": "jongere"})
    response = phone.post(
        reverse("live_note_post", args=[live.code]) + f"?token={token}&text=zorg",
        {"activity": board.pk, "text": NOTE, "client_id": str(uuid.uuid4())},
    )
    assert response.status_code in (200, 302)
    phone.get(reverse("live_phone_stage", args=[live.code]))
    # The projector link, an invitation link, a failed login, a page that does not exist.
    Client().get(reverse("live_projector", args=[live.code, live.projector_key]))
    Client().get(reverse("invitation_accept", args=[token]))
    Client(REMOTE_ADDR="198.51.100.9").post(
        reverse("login"), {"username": "geheim.adres@example.org", "password": "fout-wachtwoord"}
    )
    Client().get(f"/j/{live.code}/bestaat-niet/?wachtwoord=geheim")
    # A crash whose message quotes what somebody typed.
    crashing = Client(raise_request_exception=False)
    with mock.patch("allin.live.phone_views._live", side_effect=RuntimeError(f"kapot bij {NOTE}")):
        assert crashing.get(reverse("live_join", args=[live.code])).status_code == 500

    text = captured.getvalue()
    for secret in (
        NOTE,
        "geheime zorg",
        NAME,
        "Vertrouwelijk",
        token,
        live.code,
        live.projector_key,
        "geheim.adres",
        "203.0.113.77",
        "198.51.100.9",
        "wachtwoord=",
        "token=",
    ):
        assert secret not in text, secret

    lines = _lines(captured)
    requests = [line for line in lines if line.get("event") == "request"]
    routes = {line["route"] for line in requests}
    assert "/j/<str:code>/post-it/" in routes
    assert "/p/<str:code>/<str:key>/" in routes
    assert all({"method", "status", "duration_ms"} <= set(line) for line in requests)
    crash = next(line for line in lines if line["logger"] == "django.request" and line["level"] == "ERROR")
    assert crash["exception"]["type"] == "builtins.RuntimeError"
    assert "message" not in crash["exception"]
    assert any("phone_views" in frame or "handlers" in frame for frame in crash["exception"]["stack"])


def test_unknown_extra_fields_are_dropped_and_addresses_masked(captured):
    logger = logging.getLogger("allin.test")
    logger.warning("login failed for olga@example.org from 192.0.2.1 and 2001:db8::1", extra={"text": NOTE})
    (line,) = _lines(captured)
    assert line["level"] == "WARNING" and line["logger"] == "allin.test"
    assert "olga@example.org" not in line["message"] and "[e-mail]" in line["message"]
    assert "192.0.2.1" not in line["message"] and "2001:db8" not in line["message"]
    assert "text" not in line and NOTE not in captured.getvalue()


def test_the_text_format_is_the_same_scrubbed_line():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/p/ABC/k3y/",), None
    )
    line = TextFormatter().format(record)
    assert "WARNING django.request: Not Found: [pad]" in line
    assert "k3y" not in line
