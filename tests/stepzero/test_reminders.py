"""The facilitator is reminded to keep a manager informed at the moments the manager asked for, once each."""

from datetime import timedelta

import pytest
from django.core import mail

from allin.stepzero import reminders, services, tasks
from allin.stepzero.models import ManagerReminder

from .conftest import manager_values

pytestmark = pytest.mark.django_db


def test_reminder_goes_to_the_facilitator_once_on_the_day_after_a_meeting(process, facilitator, schuldhulp):
    services.manager_add(
        process=process,
        **manager_values(organisation=schuldhulp, inform_how="telefoon", note="Karim belt haar"),
    )
    first = process.meetings.order_by("date").first()
    assert reminders.run(first.date) == []
    sent = reminders.run(first.date + timedelta(days=1))
    assert len(sent) == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [facilitator.email]
    assert "Marieke" in message.subject
    assert (
        "telefonisch" in message.body
        and "Schuldhulp Teststad" in message.body
        and "Karim belt haar" in message.body
    )
    assert f"/trajecten/{process.pk}/stap-0/leidinggevenden/" in message.body
    # a rerun the same day, or the next, sends nothing again
    assert reminders.run(first.date + timedelta(days=1)) == []
    assert reminders.run(first.date + timedelta(days=2)) == []
    assert len(mail.outbox) == 1


def test_only_the_chosen_moment_and_never_a_stale_one(process):
    services.manager_add(process=process, **manager_values(inform_when="einde"))
    meetings = list(process.meetings.order_by("date"))
    assert reminders.run(meetings[0].date + timedelta(days=1)) == []
    last = meetings[-1].date + timedelta(days=1)
    assert reminders.run(last + timedelta(days=reminders.LATE_DAYS + 1)) == []
    assert len(reminders.run(last)) == 1


def test_a_failing_mail_is_tried_again_tomorrow(process, monkeypatch):
    services.manager_add(process=process, **manager_values())
    day = process.meetings.order_by("date").first().date + timedelta(days=1)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(reminders, "send_mail", broken)
    assert reminders.run(day) == []
    assert not ManagerReminder.objects.exists()
    monkeypatch.undo()
    assert len(reminders.run(day + timedelta(days=1))) == 1


def test_the_daily_task_sends_and_plans_its_next_run(process, monkeypatch):
    services.manager_add(process=process, **manager_values())
    day = process.meetings.order_by("date").first().date + timedelta(days=1)
    monkeypatch.setattr(tasks.timezone, "localdate", lambda: day)
    planned = []
    monkeypatch.setattr(tasks, "schedule_daily", lambda at=None: planned.append(at))
    assert tasks.manager_reminders.call() == 1
    assert planned and planned[0] is not None
