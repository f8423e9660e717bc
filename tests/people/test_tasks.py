"""The nightly erasure task (allin/people/tasks.py): it erases the participants of processes whose erase date has
come, leaves the others, plans its own next night, and afterwards nothing personal of the erased people is left
in any table, in the uploaded files or in the logs."""

import io
import logging
import uuid
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from allin.audit.models import AuditEntry
from allin.core.logs import JsonFormatter
from allin.live import notes
from allin.live.participant_links import attendee_link
from allin.people import services, tasks
from allin.people.models import Invitation, Participant
from tests import factories
from tests.live import helpers

from . import factories as people_factories

AMS = ZoneInfo("Europe/Amsterdam")
# Distinctive enough that a search of the whole database finds only what belongs to these people.
SECRETS = ("Quirijn", "Vermeulenhof", "quirijn.vh@example.org", "Domeinxyzzy", "Zwaantje", "Quiribijnaam")
KEPT = ("Noortje Bewaardstra", "noortje.bw@example.org")


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def captured():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)


@pytest.fixture
def two_processes(workspace, facilitator):
    """A held meeting whose process is due for erasure on 2027-01-10 (Quirijn posted notes from a linked phone,
    answered an invitation with a remark) and a process that keeps its data until 2030 (Noortje)."""
    live = helpers.live_meeting(workspace)
    due = live.meeting.process
    quirijn = people_factories.participant(
        due, name="Quirijn Vermeulenhof", email="quirijn.vh@example.org", domain="Domeinxyzzy"
    )
    invitation = Invitation.objects.create(participant=quirijn, meeting=live.meeting, sent_at=live.opened_at)
    Invitation.objects.filter(pk=invitation.pk).update(answer="ja", remark="Ik neem Zwaantje mee")
    phone = helpers.join(live, name="Quiribijnaam")
    attendee_link(attendee=phone, participant=quirijn, by=facilitator)
    board = helpers.start_board(live)
    notes.note_create(
        activity=board, attendee=phone, text="Meer uitleg op school", category="tip", client_id=uuid.uuid4()
    )
    services.privacy_set(process=due, erase_on=date(2027, 1, 10))
    later = factories.empty_process(workspace, name="Later")
    people_factories.future_meeting(later, day=date(2029, 6, 1))
    noortje = people_factories.participant(later, name="Noortje Bewaardstra", email="noortje.bw@example.org")
    services.privacy_set(process=later, erase_on=date(2030, 6, 1))
    return {"due": due, "quirijn": quirijn, "noortje": noortje, "board": board}


def _run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def _database_text() -> str:
    """Every value of every column of every table, as text."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                parts.extend(
                    bytes(v).decode("utf-8", "replace") if isinstance(v, bytes | memoryview) else str(v)
                    for v in row
                )
    return "\n".join(parts)


def _files_text(root) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in Path(root).rglob("*") if p.is_file())


# The worker closes its database connection when it is done, as a real one does: that needs a real
# transaction, not the test's wrapping one (on PostgreSQL the connection would be gone).
@pytest.mark.django_db(transaction=True)
def test_the_nightly_task_erases_due_processes_and_plans_the_next_night(two_processes, db_tasks):
    with time_machine.travel(datetime(2027, 1, 9, 12, 0, tzinfo=AMS), tick=False):
        assert tasks.schedule_erasure() is True
        assert tasks.schedule_erasure() is False  # one waiting run is enough
        _run_worker()
        two_processes["quirijn"].refresh_from_db()
        assert not two_processes["quirijn"].is_erased  # the day before its erase date nothing happens
    with time_machine.travel(datetime(2027, 1, 10, 3, 0, 30, tzinfo=AMS), tick=False):
        _run_worker()
    quirijn = Participant.objects.get(pk=two_processes["quirijn"].pk)
    noortje = Participant.objects.get(pk=two_processes["noortje"].pk)
    assert quirijn.is_erased and quirijn.name == "Deelnemer 1" and quirijn.email == ""
    assert not noortje.is_erased and noortje.name == "Noortje Bewaardstra"
    assert (
        DBTaskResult.objects.filter(status="SUCCESSFUL", task_path__endswith="erase_due_participants").count()
        == 2
    )
    [waiting] = DBTaskResult.objects.filter(status="READY")
    assert waiting.task_path == tasks.erase_due_participants.module_path
    assert waiting.run_after == datetime(2027, 1, 11, 3, 0, tzinfo=AMS)
    entry = AuditEntry.objects.get(action="participant.erase")
    assert entry.actor is None and entry.actor_label == "bewaartermijn verstreken"
    assert entry.summary == "Deelnemer 1"


def test_schedule_reminders_also_plans_the_erasure(db, db_tasks):
    call_command("schedule_reminders", verbosity=0)
    paths = set(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))
    assert tasks.erase_due_participants.module_path in paths


def test_next_run_is_tonight_or_tomorrow_night():
    assert tasks.next_run(datetime(2027, 1, 9, 2, 0, tzinfo=AMS)) == datetime(2027, 1, 9, 3, 0, tzinfo=AMS)
    assert tasks.next_run(datetime(2027, 1, 9, 3, 0, tzinfo=AMS)) == datetime(2027, 1, 10, 3, 0, tzinfo=AMS)


# The worker closes its database connection when it is done, as a real one does: that needs a real
# transaction, not the test's wrapping one (on PostgreSQL the connection would be gone).
@pytest.mark.django_db(transaction=True)
def test_after_erasure_nothing_personal_is_left_in_database_files_or_logs(two_processes, captured, db_tasks):
    storage_root = django_settings.STORAGES["default"]["OPTIONS"]["location"]
    # Before: the search finds them (so it would notice if erasure missed something).
    before = _database_text()
    assert all(secret in before for secret in SECRETS)
    with time_machine.travel(datetime(2027, 1, 10, 3, 0, 30, tzinfo=AMS), tick=False):
        tasks.erase_due_participants.enqueue()
        _run_worker()
    after = _database_text()
    left = [secret for secret in SECRETS if secret.casefold() in after.casefold()]
    assert left == [], f"left in the database: {left}"
    assert all(kept in after for kept in KEPT)  # the other process keeps its people
    files = _files_text(storage_root)
    assert not [secret for secret in SECRETS if secret.casefold() in files.casefold()]
    logs = captured.getvalue()
    assert not [secret for secret in SECRETS if secret.casefold() in logs.casefold()]
    # What they contributed stays, anonymous.
    assert two_processes["board"].notes.count() == 1
