"""Links that leave the app (e-mails, QR codes, posters, PDFs) carry the address the app is reached on: the
request's when there is one, ALLIN_SITE_URL otherwise; `make run` sets it from PORT; a start-up check warns
when its host is not allowed."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.test import Client

from allin.actions import emails, feedback, links, qr
from allin.core.site import public_url
from tests import factories as base
from tests.actions import factories

ROOT = Path(__file__).resolve().parents[2]
ON_8123 = {"HTTP_HOST": "127.0.0.1:8123"}


@pytest.fixture(autouse=True)
def _configured(settings):
    settings.SITE_URL = "https://allin.gemeente.nl"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver", "allin.gemeente.nl"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def process(workspace, facilitator):
    return base.process(workspace, by=facilitator)


@pytest.fixture
def on_8123(facilitator):
    client = Client(**ON_8123)
    client.force_login(facilitator)
    return client


def test_without_a_request_links_use_site_url(process):
    action = factories.action(process, owner_email="petra@brug.nl")
    page = feedback.feedback_page_for(process)
    assert public_url("/x/") == "https://allin.gemeente.nl/x/"
    assert links.owner_url(action).startswith("https://allin.gemeente.nl/actie/")
    assert links.feedback_url(page) == f"https://allin.gemeente.nl/t/{page.key}/"
    mail.outbox.clear()
    emails.owner_link(action, kind="due_soon")  # what the daily reminder task sends
    assert "https://allin.gemeente.nl/actie/" in mail.outbox[0].body


def test_owner_link_on_the_action_page_uses_the_requests_port(on_8123, process):
    action = factories.action(process, owner_email="petra@brug.nl")
    url = f"/w/{process.workspace.slug}/trajecten/{process.pk}/acties/{action.pk}/"
    on_8123.post(url + "link/", {"do": "copy"})  # the link to pass on; the database keeps only its hash
    body = on_8123.get(url).content.decode()
    assert 'href="http://127.0.0.1:8123/actie/' in body
    assert "allin.gemeente.nl" not in body


@pytest.mark.django_db(
    transaction=True
)  # the e-mail is sent after the service's commit, still in the request
def test_owner_email_sent_from_a_request_uses_the_requests_port(on_8123, process, workspace):
    action = factories.action(process)
    mail.outbox.clear()
    url = f"/w/{workspace.slug}/trajecten/{process.pk}/acties/{action.pk}/bewerken/"
    response = on_8123.post(
        url, {"title": action.title, "owner_name": "Petra", "owner_email": "petra@brug.nl"}
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "http://127.0.0.1:8123/actie/" in message.body and "allin.gemeente.nl" not in message.body


def test_feedback_link_and_qr_use_the_requests_port(on_8123, process):
    page = feedback.feedback_page_for(process)
    expected = f"http://127.0.0.1:8123/t/{page.key}/"
    base_url = f"/w/{process.workspace.slug}/trajecten/{process.pk}/terugkoppeling/"
    admin = on_8123.get(base_url).content.decode()
    assert f'href="{expected}"' in admin
    assert qr.svg(expected) in admin  # the QR on the page encodes the address on port 8123
    assert on_8123.get(base_url + "qr.svg").content.decode() == qr.svg(expected, scale=8)


def test_a_forged_host_never_reaches_a_link(process):
    response = Client(HTTP_HOST="evil.example").get(f"/t/{feedback.feedback_page_for(process).key}/")
    assert response.status_code == 400


def _warnings(settings):
    return [m for m in run_checks() if m.id == "allin.W001"]


def test_start_up_check_warns_when_site_url_is_not_an_allowed_host(settings):
    assert _warnings(settings) == []
    settings.SITE_URL = "http://127.0.0.1:8123"
    assert _warnings(settings) == []  # the port does not matter
    settings.SITE_URL = "https://allin.voorbeeldstad.nl"
    (warning,) = _warnings(settings)
    assert "allin.voorbeeldstad.nl" in warning.msg and "ALLIN_ALLOWED_HOSTS" in warning.msg
    settings.ALLOWED_HOSTS = [".voorbeeldstad.nl"]
    assert _warnings(settings) == []


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(
    "environment, expected",
    [
        ({}, "http://127.0.0.1:8123"),
        ({"ALLIN_SITE_URL": "https://allin.gemeente.nl"}, "https://allin.gemeente.nl"),
    ],
)
def test_make_run_sets_site_url_from_port(tmp_path, environment, expected):
    """Every command of `make run` (demo, worker, server) sees the address; an explicit ALLIN_SITE_URL wins.
    A stand-in for Python prints what each command was given."""
    fake = tmp_path / "python"
    fake.write_text('#!/bin/sh\necho "$2 $ALLIN_SITE_URL"\n')
    fake.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", **environment}
    result = subprocess.run(
        ["make", "-s", "-o", "install", "-o", ".allin-secret-key", "run", "PORT=8123", f"PY={fake}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    seen = dict(line.split(" ", 1) for line in result.stdout.splitlines() if not line.startswith("ALL-IN"))
    # the worker runs in the background and may be stopped with the server before it prints
    assert {"migrate", "demo", "schedule_reminders", "runserver"} <= set(seen), result.stdout + result.stderr
    assert set(seen.values()) == {expected}
