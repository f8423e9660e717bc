"""Participants, attendance and the erase date: the services validate before they save."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from allin.live.participant_links import attendee_link
from allin.network.models import Partner
from allin.people import selectors, services
from allin.people.models import Attendance, Participant, ParticipantRole
from tests import factories
from tests.live import helpers

from . import factories as people_factories


def test_create_numbers_participants_within_the_process(process):
    first = people_factories.participant(process, name="Sam")
    second = people_factories.participant(process, name="Noor")
    other = people_factories.participant(factories.empty_process(process.workspace), name="Jay")
    assert (first.number, second.number, other.number) == (1, 2, 1)


def test_create_keeps_every_field(process):
    partner = Partner.objects.create(workspace=process.workspace, name="Jongerenloket")
    p = services.participant_create(
        process=process,
        name="  Mirjam   de Boer ",
        role=ParticipantRole.PROFESSIONAL,
        organisation=partner,
        domain="schuldhulp",
        is_expert=True,
        email=" Mirjam@Example.ORG ",
    )
    p.refresh_from_db()
    assert (p.name, p.role, p.organisation, p.domain, p.is_expert, p.email) == (
        "Mirjam de Boer",
        "professional",
        partner,
        "schuldhulp",
        True,
        "mirjam@example.org",
    )


@pytest.mark.parametrize("email", ["sam", "sam@", "sam@@example.org", "sam example@org.nl", "@example.org"])
def test_a_bad_email_is_refused_in_dutch(process, email):
    with pytest.raises(ValidationError) as exc:
        people_factories.participant(process, email=email)
    assert "is geen e-mailadres" in exc.value.messages[0]
    assert not Participant.objects.exists()


def test_an_organisation_of_another_workspace_is_refused(process, outsider):
    foreign = Partner.objects.create(workspace=outsider.memberships.get().workspace, name="Elders BV")
    with pytest.raises(ValidationError, match="netwerk van deze werkruimte"):
        people_factories.participant(process, organisation=foreign)
    assert not Participant.objects.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"name": "   "}, "Vul de naam in."),
        ({"name": "x" * 121}, "hoogstens 120 tekens"),
        ({"role": "koning"}, "Kies een rol"),
        ({"domain": "d" * 121}, "hoogstens 120 tekens"),
    ],
)
def test_other_bad_input_is_refused(process, fields, message):
    with pytest.raises(ValidationError, match=message):
        people_factories.participant(process, **fields)
    assert not Participant.objects.exists()


def test_update_validates_like_create(process, sam):
    with pytest.raises(ValidationError):
        services.participant_update(participant=sam, name="Sam", role="jongere", email="geen-adres")
    sam.refresh_from_db()
    assert sam.email == "sam@example.org"
    services.participant_update(participant=sam, name="Samira", role="ervaringsdeskundige", is_expert=True)
    sam.refresh_from_db()
    assert (sam.name, sam.role, sam.is_expert, sam.email) == ("Samira", "ervaringsdeskundige", True, "")


def test_attendance_ticks_once_and_unticks(meeting, sam, facilitator):
    assert services.attendance_set(participant=sam, meeting=meeting, present=True, by=facilitator)
    assert services.attendance_set(participant=sam, meeting=meeting, present=True, by=facilitator)
    assert Attendance.objects.get().marked_by == facilitator
    assert not services.attendance_set(participant=sam, meeting=meeting, present=False)
    assert not Attendance.objects.exists()


def test_attendance_refuses_a_meeting_of_another_process(sam, workspace):
    other = people_factories.future_meeting(factories.empty_process(workspace, name="Ander"))
    with pytest.raises(ValidationError, match="hoort niet bij dit traject"):
        services.attendance_set(participant=sam, meeting=other, present=True)
    assert not Attendance.objects.exists()


def test_erase_date_defaults_to_a_year_after_the_last_meeting(process, meeting):
    people_factories.future_meeting(process, day=date(2030, 9, 1), name="Later")
    assert selectors.erase_date(process) == date(2031, 9, 1)
    services.privacy_set(process=process, erase_on=date(2030, 12, 31))
    assert selectors.erase_date(process) == date(2030, 12, 31)


def test_delete_removes_the_participant_and_unlinks_live_phones(workspace):
    live = helpers.live_meeting(workspace)
    sam = people_factories.participant(live.meeting.process, name="Sam")
    phone = helpers.join(live, name="Sam")
    attendee_link(attendee=phone, participant=sam)
    services.participant_delete(participant=sam)
    assert not Participant.objects.exists() and not Attendance.objects.exists()
    phone.refresh_from_db()
    assert phone.participant is None and phone.name == "Sam"
