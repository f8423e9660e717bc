"""The daily reminders, with time frozen: the task runs and the right e-mails land in the outbox on the right days,
and a second run on the same day sends nothing twice."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from allin.actions import followup, services, tasks
from allin.actions.followup_models import SentReminder

from . import factories

AMS = ZoneInfo("Europe/Amsterdam")


def _on(day: date):
    return time_machine.travel(datetime.combine(day, time(8, 0), tzinfo=AMS), tick=False)


def _run(day: date) -> list:
    mail.outbox.clear()
    with _on(day):
        tasks.daily_reminders.enqueue()
    return list(mail.outbox)


def test_owner_reminders_a_week_before_and_when_overdue(process):
    due = date(2026, 6, 15)
    action = factories.action(process, owner_name="Petra", owner_email="petra@brug.nl", due_date=due)
    factories.action(process, title="Zonder e-mail", due_date=due)
    assert _run(due - timedelta(days=8)) == []
    [soon] = _run(due - timedelta(days=7))
    assert soon.to == ["petra@brug.nl"] and "Over een week klaar" in soon.subject and "/actie/" in soon.body
    assert _run(due - timedelta(days=7)) == []  # a rerun the same day
    assert _run(due - timedelta(days=6)) == []
    assert _run(due) == []
    [late] = _run(due + timedelta(days=1))
    assert "Hoe staat het met" in late.subject and late.to == ["petra@brug.nl"]
    assert _run(due + timedelta(days=2)) == []
    assert SentReminder.objects.filter(object_id=action.pk).count() == 2


def test_no_reminders_for_finished_actions_and_a_new_date_starts_again(process):
    due = date(2026, 6, 15)
    done = factories.action(process, title="Klaar", owner_email="a@brug.nl", due_date=due)
    services.action_progress(action=done, via="eigenaar", status="gedaan")
    moved = factories.action(process, title="Verschoven", owner_email="b@brug.nl", due_date=due)
    assert [m.to for m in _run(due - timedelta(days=7))] == [["b@brug.nl"]]
    services.action_update(
        action=moved, title=moved.title, owner_email="b@brug.nl", due_date=due + timedelta(days=30)
    )
    assert _run(due + timedelta(days=1)) == []  # not overdue any more
    assert [m.to for m in _run(due + timedelta(days=23))] == [["b@brug.nl"]]


def test_call_reminders_to_the_facilitator(process, facilitator, brug):
    meeting = process.meetings.get(method_key="b-sessie")
    factories.action(process, owner_partner=brug)
    [call] = followup.call_list_create(meeting=meeting)
    assert call.due_on == meeting.date + timedelta(days=14)
    assert _run(call.due_on - timedelta(days=1)) == []
    [due] = _run(call.due_on)
    assert due.to == [facilitator.email] and "Nabellen: Jongerenwerk De Brug" in due.subject
    assert _run(call.due_on) == []
    with _on(call.due_on):
        followup.call_record(
            call=call,
            took_away="Veel",
            did="Gebeld",
            needs="Tijd",
            next_call_on=call.due_on + timedelta(days=21),
        )
    assert _run(call.due_on + timedelta(days=20)) == []
    [again] = _run(call.due_on + timedelta(days=21))
    assert again.to == [facilitator.email]


def test_follow_up_invitation_reminder_halfway(process, facilitator):
    meeting = process.meetings.get(method_key="b-sessie")
    follow = followup.follow_up_meeting_plan(after=meeting, date=meeting.date + timedelta(days=120))
    assert follow.invite_on == meeting.date + timedelta(days=60)
    assert follow.meeting.process_id == process.pk
    assert _run(follow.invite_on - timedelta(days=1)) == []
    [invite] = _run(follow.invite_on)
    assert invite.to == [facilitator.email] and "Stuur nu de uitnodiging" in invite.subject
    assert _run(follow.invite_on + timedelta(days=1)) == []


def test_a_failing_mail_is_tried_again_the_next_day(process, monkeypatch):
    due = date(2026, 6, 15)
    factories.action(process, owner_email="petra@brug.nl", due_date=due)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("allin.actions.emails.send_mail", broken)
    assert _run(due - timedelta(days=7)) == []
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    assert len(_run(due - timedelta(days=6))) == 1


@pytest.mark.django_db(transaction=True)
def test_database_backend_and_its_worker(
    settings, workspace, facilitator, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from tests import factories as base

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    process = base.process(workspace, by=facilitator)
    services.action_create(process=process, title="Via de worker", owner_email="petra@brug.nl")
    assert mail.outbox == []  # queued, not sent
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert tasks.schedule_daily() is True
    assert tasks.schedule_daily() is False  # one waiting run is enough
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert [m.to for m in mail.outbox] == [["petra@brug.nl"]]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    # The daily run queued its successor for the next morning.
    [waiting] = DBTaskResult.objects.filter(status="READY")
    assert waiting.task_path == tasks.daily_reminders.module_path
    assert (
        waiting.run_after > DBTaskResult.objects.filter(status="SUCCESSFUL").latest("finished_at").finished_at
    )
