"""Erasing personal data: one participant on request, or a whole process after its erase date. Nothing personal
stays in the rows of participants, invitations and linked live attendees; what they contributed still counts."""

import uuid
from datetime import date

import pytest
from django.core.management import call_command

from allin.live import notes
from allin.live.models import Attendee, Note
from allin.live.participant_links import attendee_link
from allin.people import invitations, services
from allin.people.models import Attendance, Invitation, Participant
from tests import factories
from tests.live import helpers

from . import factories as people_factories


@pytest.fixture
def held(workspace, facilitator):
    """A live meeting where Sam (a known participant with an invitation and a remark) posted two notes."""
    live = helpers.live_meeting(workspace)
    process = live.meeting.process
    sam = people_factories.participant(process, name="Sam Jansen", email="sam@example.org", domain="mbo")
    other = people_factories.participant(process, name="Noor", email="noor@example.org")
    invitation = Invitation.objects.create(participant=sam, meeting=live.meeting, sent_at=live.opened_at)
    Invitation.objects.filter(pk=invitation.pk).update(answer="ja", remark="Ik neem mijn zus mee")
    phone = helpers.join(live, name="Sammie")
    attendee_link(attendee=phone, participant=sam, by=facilitator)
    board = helpers.start_board(live)
    for text in ("Meer uitleg op school", "Een app voor hulp"):
        notes.note_create(activity=board, attendee=phone, text=text, category="tip", client_id=uuid.uuid4())
    return {"live": live, "process": process, "sam": sam, "other": other, "phone": phone, "board": board}


def _nothing_personal_left(participant_pk):
    p = Participant.objects.get(pk=participant_pk)
    assert p.name == f"Deelnemer {p.number}" and p.email == "" and p.domain == "" and p.erased_at
    row = Participant.objects.filter(pk=participant_pk).values().get()
    text = " ".join(str(v) for v in row.values())
    assert "Sam" not in text and "sam@" not in text and "mbo" not in text
    for inv in Invitation.objects.filter(participant_id=participant_pk).values():
        assert inv["remark"] == "" and inv["revoked_at"] is not None
    for attendee in Attendee.objects.filter(participant_id=participant_pk):
        assert attendee.name == ""


def test_erasing_one_participant_leaves_nothing_personal(held):
    sam = held["sam"]
    services.participant_erase(participant=sam)
    _nothing_personal_left(sam.pk)
    # The contributions stay, anonymous, and still count.
    assert Note.objects.filter(activity=held["board"]).count() == 2
    assert all(n.public_name == "" for n in Note.objects.all())
    assert Attendance.objects.filter(participant=sam).count() == 1
    assert Invitation.objects.get(participant=sam).answer == "ja"  # counted, without the remark
    held["other"].refresh_from_db()
    assert held["other"].name == "Noor" and held["other"].email == "noor@example.org"


def test_erasing_twice_keeps_the_first_label(held):
    first = services.participant_erase(participant=held["sam"])
    again = services.participant_erase(participant=held["sam"])
    assert first.name == again.name == "Deelnemer 1" and first.erased_at == again.erased_at


def test_an_erased_participant_cannot_be_edited_or_invited(held):
    sam = services.participant_erase(participant=held["sam"])
    with pytest.raises(Exception, match="gewist"):
        services.participant_update(participant=sam, name="Sam", role="jongere")
    result = invitations.invitations_send(meeting=held["live"].meeting, participants=[sam])
    assert result.without_email == [sam]


def test_erase_due_follows_the_default_and_the_chosen_date(held, workspace):
    process = held["process"]  # its one meeting is on the process's start date, 2026-03-02
    later_process = factories.empty_process(workspace, name="Later")
    people_factories.future_meeting(later_process, day=date(2030, 1, 1))
    later = people_factories.participant(later_process, name="Jay")
    assert services.participants_erase_due(today=date(2027, 3, 1)) == 0
    assert services.participants_erase_due(today=date(2027, 3, 2)) == 2
    _nothing_personal_left(held["sam"].pk)
    assert process.privacy.erased_at is not None
    later.refresh_from_db()
    assert later.name == "Jay"
    services.privacy_set(process=later.process, erase_on=date(2027, 4, 1))
    call_command("erase_due_participants", "--today", "2027-04-01")
    later.refresh_from_db()
    assert later.name == "Deelnemer 1" and later.is_erased
    assert services.participants_erase_due(today=date(2040, 1, 1)) == 0


def test_the_command_refuses_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="2027-01-31"):
        call_command("erase_due_participants", "--today", "morgen")
