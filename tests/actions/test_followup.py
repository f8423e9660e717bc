"""Agreement cards, the call list and the follow-up session: services and the facilitator's pages."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from allin.actions import followup
from allin.actions.followup_models import Agreement, FollowUpCall, FollowUpMeeting
from allin.people.models import Participant

from . import factories


def test_agreement_card_one_per_partner_and_rows_idempotent(process, brug):
    card = followup.agreement_for(process=process, partner=brug)
    assert followup.agreement_for(process=process, partner=brug).pk == card.pk
    key = uuid.uuid4()
    row = followup.agreement_row_add(
        agreement=card, what="  Stageplekken   delen ", who="Petra", client_id=key
    )
    assert followup.agreement_row_add(agreement=card, what="Anders", client_id=key).pk == row.pk
    assert row.what == "Stageplekken delen"
    with pytest.raises(ValidationError):
        followup.agreement_row_add(agreement=card, what="")
    with pytest.raises(ValidationError):
        followup.agreement_row_add(agreement=card, what="Ok", how="x" * 501)
    assert card.rows.count() == 1


def test_agreement_partner_of_another_workspace_is_refused(process, outsider):
    from allin.workspaces.models import Membership

    foreign = factories.partner(Membership.objects.get(user=outsider).workspace, "Elders")
    with pytest.raises(ValidationError):
        followup.agreement_for(process=process, partner=foreign)
    assert not Agreement.objects.exists()


def test_call_list_has_one_row_per_participating_organisation(process, brug, gemeente, workspace):
    meeting = process.meetings.get(method_key="b-sessie")
    with pytest.raises(ValidationError):
        followup.call_list_create(meeting=meeting)
    Participant.objects.create(process=process, name="Petra", role="professional", organisation=brug)
    factories.action(process, owner_partner=gemeente)
    factories.partner(workspace, "Niet betrokken")
    calls = followup.call_list_create(meeting=meeting)
    assert sorted(c.partner.name for c in calls) == [
        "Gemeente Voorbeeldstad, schuldhulp",
        "Jongerenwerk De Brug",
    ]
    assert followup.call_list_create(meeting=meeting) and FollowUpCall.objects.count() == 2


def test_call_record_and_its_checks(process, brug):
    meeting = process.meetings.get(method_key="b-sessie")
    call = followup.call_add(meeting=meeting, partner=brug)
    with pytest.raises(ValidationError):
        followup.call_record(call=call, next_call_on=timezone.localdate())
    call = followup.call_record(
        call=call,
        took_away="Energie",
        did="Overleg",
        needs="Budget",
        next_call_on=timezone.localdate() + timedelta(7),
    )
    assert call.called_at and call.next_due == call.next_call_on


def test_follow_up_meeting_must_be_later(process):
    meeting = process.meetings.get(method_key="b-sessie")
    with pytest.raises(ValidationError):
        followup.follow_up_meeting_plan(after=meeting, date=meeting.date + timedelta(days=5))
    assert not FollowUpMeeting.objects.exists()
    assert followup.halfway(meeting.date, meeting.date + timedelta(days=91)) == meeting.date + timedelta(
        days=45
    )


def test_facilitator_pages(as_facilitator, as_viewer, process, brug):
    ws = process.workspace.slug
    cards = f"/w/{ws}/trajecten/{process.pk}/afsprakenkaarten/"
    response = as_facilitator.post(cards, {"partner": brug.pk})
    assert response.status_code == 302
    card = Agreement.objects.get()
    detail = as_facilitator.get(response["Location"]).content.decode()
    assert f"/afspraken/{card.key}/" in detail and "<svg" in detail
    as_facilitator.post(response["Location"], {"what": "Mentoren koppelen", "client_id": str(uuid.uuid4())})
    assert card.rows.count() == 1
    assert as_viewer.post(response["Location"], {"what": "Nee"}).status_code == 403

    meeting = process.meetings.get(method_key="b-sessie")
    calls = f"/w/{ws}/bijeenkomsten/{meeting.pk}/nabellen/"
    assert as_facilitator.post(calls).status_code == 302
    call = FollowUpCall.objects.get()
    page = as_facilitator.get(calls).content.decode()
    assert "Jongerenwerk De Brug" in page and "Opvolgsessie" in page
    as_facilitator.post(
        f"{calls}{call.pk}/", {f"call{call.pk}-did": "Gebeld met Petra", f"call{call.pk}-next_call_on": ""}
    )
    call.refresh_from_db()
    assert call.did == "Gebeld met Petra"
    plan = f"/w/{ws}/bijeenkomsten/{meeting.pk}/opvolgsessie/"
    bad = as_facilitator.post(plan, {"date": meeting.date.isoformat(), "start_time": "13:00"})
    assert bad.status_code == 400 and "minstens twee weken" in bad.content.decode()
    good = as_facilitator.post(
        plan, {"date": (meeting.date + timedelta(days=100)).isoformat(), "start_time": "13:00"}
    )
    assert good.status_code == 302
    assert FollowUpMeeting.objects.get().meeting.name.startswith("Opvolgsessie")
