"""/healthz reports the task worker: "idle" on a fresh install, "ok" when a worker finished a task recently,
"stale" when tasks wait past their time; none of these fails the check."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from allin.core import health
from allin.people import tasks


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _get(client):
    response = client.get("/healthz")
    return response.status_code, response.json()


def _run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_a_fresh_install_is_idle_and_healthy(client, db, db_tasks):
    assert _get(client) == (200, {"status": "ok", "database": "ok", "channels": "ok", "tasks": "idle"})


def test_a_task_planned_for_later_is_not_overdue(client, db, db_tasks):
    tasks.schedule_erasure(at=timezone.now() + timedelta(hours=5))
    assert _get(client)[1]["tasks"] == "idle"


# The worker closes its database connection when it is done, as a real one does: that needs a real
# transaction, not the test's wrapping one (on PostgreSQL the connection would be gone).
@pytest.mark.django_db(transaction=True)
def test_a_worker_that_ran_a_task_is_ok_for_a_day(client, db, db_tasks):
    tasks.erase_due_participants.enqueue()
    _run_worker()
    assert _get(client) == (200, {"status": "ok", "database": "ok", "channels": "ok", "tasks": "ok"})
    with time_machine.travel(timezone.now() + timedelta(hours=26)):
        # The task planned its next night; with no worker that run is now long overdue.
        assert _get(client)[1]["tasks"] == "stale"


def test_tasks_waiting_without_a_worker_are_stale_but_the_check_passes(client, db, db_tasks):
    tasks.erase_due_participants.enqueue()
    assert _get(client)[1]["tasks"] == "idle"  # just queued: a worker has 15 minutes to pick it up
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        status, body = _get(client)
    assert status == 200 and body["status"] == "ok" and body["tasks"] == "stale"


def test_running_tasks_in_the_request_needs_no_worker(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert health.task_worker() == "ok"
