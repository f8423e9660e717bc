"""The participant pages, the invitations page and the door list, as facilitators and viewers use them."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from allin.network.models import Partner
from allin.people import invitations, services
from allin.people.models import Attendance, Invitation, Participant, ProcessPrivacy
from tests import factories

from . import factories as people_factories


def _url(name, process, **extra):
    return reverse(name, kwargs={"workspace": process.workspace.slug, "pk": process.pk, **extra})


def _m(name, meeting):
    return reverse(name, kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


VALID = {"name": "Noor", "role": "jongere", "domain": "", "email": "noor@example.org"}


def test_a_facilitator_adds_a_participant(process, as_facilitator):
    partner = Partner.objects.create(workspace=process.workspace, name="Jongerenloket")
    response = as_facilitator.post(
        _url("participant_create", process), {**VALID, "organisation": partner.pk, "is_expert": "on"}
    )
    assert response.status_code == 302
    p = Participant.objects.get()
    assert (p.name, p.organisation, p.is_expert, p.email) == ("Noor", partner, True, "noor@example.org")
    page = as_facilitator.get(_url("participant_list", process)).content.decode()
    assert "Noor" in page and "Jongerenloket" in page and "noor@example.org" in page


@pytest.mark.parametrize(
    "data, message",
    [
        ({**VALID, "email": "noor-at-example"}, "Dit is geen e-mailadres."),
        ({**VALID, "name": ""}, "Dit veld is verplicht"),
        ({**VALID, "role": "koning"}, "koning"),
    ],
)
def test_bad_input_shows_a_dutch_message_and_saves_nothing(process, as_facilitator, data, message):
    response = as_facilitator.post(_url("participant_create", process), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Participant.objects.exists()


def test_an_organisation_of_another_workspace_cannot_be_chosen(process, as_facilitator, outsider):
    foreign = Partner.objects.create(workspace=outsider.memberships.get().workspace, name="Elders BV")
    response = as_facilitator.post(_url("participant_create", process), {**VALID, "organisation": foreign.pk})
    assert response.status_code == 400
    assert "Kies een organisatie uit het netwerk van deze werkruimte." in response.content.decode()
    assert "Elders BV" not in response.content.decode()
    assert not Participant.objects.exists()


def test_a_viewer_reads_but_changes_nothing(process, meeting, sam, as_viewer):
    assert as_viewer.get(_url("participant_list", process)).status_code == 200
    before = list(Participant.objects.values())
    for url, data in [
        (_url("participant_create", process), VALID),
        (_url("participant_edit", process, participant_pk=sam.pk), VALID),
        (_url("participant_erase", process, participant_pk=sam.pk), {"confirm": "on"}),
        (_url("participant_delete", process, participant_pk=sam.pk), {}),
        (_url("participant_privacy", process), {"erase_on": "2027-01-01"}),
        (_m("invitations_send", meeting), {"participants": [sam.pk]}),
        (_m("attendance_door", meeting), {"participant": sam.pk, "present": "1"}),
    ]:
        assert as_viewer.post(url, data).status_code == 403, url
    assert list(Participant.objects.values()) == before
    assert not Invitation.objects.exists() and not Attendance.objects.exists() and mail.outbox == []
    assert not ProcessPrivacy.objects.exists()


def test_edit_and_delete(process, sam, as_facilitator):
    url = _url("participant_edit", process, participant_pk=sam.pk)
    assert 'value="sam@example.org"' in as_facilitator.get(url).content.decode()
    as_facilitator.post(url, {**VALID, "name": "Samira", "email": ""})
    sam.refresh_from_db()
    assert (sam.name, sam.email) == ("Samira", "")
    delete = _url("participant_delete", process, participant_pk=sam.pk)
    assert "Samira verwijderen?" in as_facilitator.get(delete).content.decode()
    as_facilitator.post(delete)
    assert not Participant.objects.exists()


def test_erasing_needs_the_confirmation(process, sam, as_facilitator):
    url = _url("participant_erase", process, participant_pk=sam.pk)
    response = as_facilitator.post(url, {})
    assert (
        response.status_code == 400
        and "Vink aan dat je de gegevens echt wilt wissen." in response.content.decode()
    )
    sam.refresh_from_db()
    assert not sam.is_erased
    assert as_facilitator.post(url, {"confirm": "on"}).status_code == 302
    sam.refresh_from_db()
    assert sam.is_erased and sam.name == "Deelnemer 1"


def test_the_erase_date_is_editable(process, meeting, as_facilitator):
    url = _url("participant_privacy", process)
    assert "14 mei 2031" in as_facilitator.get(url).content.decode()
    response = as_facilitator.post(url, {"erase_on": "gisteren"})
    assert response.status_code == 400 and "Vul een geldige datum in." in response.content.decode()
    as_facilitator.post(url, {"erase_on": "2031-01-31"})
    assert process.privacy.erase_on == date(2031, 1, 31)


def test_invitations_page_sends_shows_answers_and_reminds(
    meeting, sam, noor, as_facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_facilitator.post(_m("invitations_send", meeting), {"participants": [sam.pk, noor.pk]})
    assert response.status_code == 302 and len(mail.outbox) == 2
    invitations.rsvp_answer(invitation=Invitation.objects.get(participant=noor), answer="nee", remark="Ziek")
    page = as_facilitator.get(_m("meeting_invitations", meeting)).content.decode()
    assert "1 nee" in page and "Ziek" in page and "nog geen antwoord" in page
    assert "Herinnering sturen aan 1 deelnemer zonder antwoord" in page
    with django_capture_on_commit_callbacks(execute=True):
        as_facilitator.post(_m("invitations_remind", meeting))
    # Sent a moment ago: the reminder waits, nobody gets a second e-mail.
    assert len(mail.outbox) == 2
    messages = as_facilitator.get(_m("meeting_invitations", meeting)).content.decode()
    assert "kreeg net al een e-mail" in messages


def test_sending_to_nobody_or_a_stranger_is_refused(meeting, sam, as_facilitator, workspace):
    assert as_facilitator.post(_m("invitations_send", meeting), {}).status_code == 400
    stranger = people_factories.participant(
        people_factories.future_meeting(factories.empty_process(workspace, name="Ander")).process,
        email="x@example.org",
    )
    response = as_facilitator.post(_m("invitations_send", meeting), {"participants": [stranger.pk]})
    assert response.status_code == 400 and "Kies deelnemers uit de lijst." in response.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_revoking_a_link(meeting, sam, as_facilitator):
    invitation = Invitation.objects.create(participant=sam, meeting=meeting, sent_at=meeting.updated_at)
    as_facilitator.post(_m("rsvp_revoke", meeting), {"invitation": invitation.pk})
    invitation.refresh_from_db()
    assert invitation.is_revoked
    assert as_facilitator.post(_m("rsvp_revoke", meeting), {"invitation": "x"}).status_code == 400


def test_practical_details_are_validated(meeting, as_facilitator):
    response = as_facilitator.post(_m("meeting_info_edit", meeting), {"bring": "x" * 301})
    assert response.status_code == 400
    as_facilitator.post(_m("meeting_info_edit", meeting), {"bring": "Je telefoon", "note": "Eten is er."})
    assert meeting.invitation_info.bring == "Je telefoon"


def test_the_door_list_ticks_without_javascript(meeting, sam, noor, as_facilitator):
    url = _m("attendance_door", meeting)
    page = as_facilitator.get(url).content.decode()
    assert "0 van 2 aanwezig" in page and 'aria-pressed="false"' in page
    response = as_facilitator.post(url, {"participant": sam.pk, "present": "1", "q": "sa"})
    assert response.status_code == 302 and response["Location"] == f"{url}?q=sa#p-{sam.pk}"
    assert Attendance.objects.filter(participant=sam, meeting=meeting).exists()
    page = as_facilitator.get(url + "?q=sa").content.decode()
    assert "1 van 2 aanwezig" in page and "Sam" in page and "Noor" not in page
    as_facilitator.post(url, {"participant": sam.pk, "present": "0"})
    assert not Attendance.objects.exists()


def test_the_door_list_answers_htmx_with_the_row(meeting, sam, as_facilitator):
    response = as_facilitator.post(
        _m("attendance_door", meeting), {"participant": sam.pk, "present": "1"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<li id="p-')
    assert 'aria-pressed="true"' in body and 'hx-swap-oob="true"' in body and "1 van 1 aanwezig" in body


def test_the_door_list_refuses_bad_input(meeting, sam, as_facilitator, workspace):
    url = _m("attendance_door", meeting)
    assert as_facilitator.post(url, {"participant": "abc"}).status_code == 400
    other = people_factories.participant(factories.empty_process(workspace, name="Ander"), name="Kim")
    assert as_facilitator.post(url, {"participant": other.pk, "present": "1"}).status_code == 404
    assert not Attendance.objects.exists()


def test_the_process_and_meeting_pages_link_here(process, meeting, as_viewer):
    detail = reverse("process_detail", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    assert _url("participant_list", process) in as_viewer.get(detail).content.decode()
    assert _m("meeting_invitations", meeting) in as_viewer.get(_m("meeting_detail", meeting)).content.decode()


def test_series_invitation_from_the_list(
    process, meeting, sam, as_facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_facilitator.post(_url("invitations_send_series", process), {"participants": [sam.pk]})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and Invitation.objects.get().series
    services.participant_erase(participant=sam)
    assert (
        as_facilitator.post(_url("invitations_send_series", process), {"participants": [sam.pk]}).status_code
        == 400
    )
