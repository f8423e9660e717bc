"""Werk aan Netwerk's step 4: planning the follow-up session dates the method's own "Opvolgsessie" (with its
agenda) instead of adding a second, empty meeting; the call form asks every question of the toolkit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from allin.actions import followup
from allin.actions.followup_models import FollowUpCall, FollowUpMeeting
from tests import factories as base


@pytest.fixture
def wan(workspace, facilitator):
    return base.process(
        workspace, method_slug="werk-aan-netwerk", name="Werk aan Netwerk Noord", by=facilitator
    )


def test_planning_uses_the_methods_follow_up_meeting(wan):
    session = wan.meetings.get(method_key="sessie")
    own = wan.meetings.get(method_key="opvolgsessie")
    count, agenda = wan.meetings.count(), list(own.items.values_list("title", flat=True))
    planned = followup.follow_up_meeting_plan(after=session, date=session.date + timedelta(days=90))
    assert planned.meeting == own and wan.meetings.count() == count
    own.refresh_from_db()
    assert own.date == session.date + timedelta(days=90) and own.name == "Opvolgsessie"
    assert list(own.items.values_list("title", flat=True)) == agenda and "Nieuwe afspraken" in agenda
    assert planned.invite_on == session.date + timedelta(days=45)
    # A second follow-up of the same session is a new meeting: the method's own is taken.
    again = followup.follow_up_meeting_plan(after=session, date=session.date + timedelta(days=200))
    assert again.meeting != own and wan.meetings.count() == count + 1
    assert FollowUpMeeting.objects.count() == 2


def test_the_call_form_asks_what_is_planned(wan, as_facilitator, workspace):
    from tests.actions import factories

    session = wan.meetings.get(method_key="sessie")
    partner = factories.partner(workspace, "Techniek College")
    followup.agreement_for(process=wan, partner=partner)
    calls = f"/w/{workspace.slug}/bijeenkomsten/{session.pk}/nabellen/"
    assert as_facilitator.post(calls).status_code == 302
    call = FollowUpCall.objects.get()
    page = as_facilitator.get(calls).content.decode()
    for question in (
        "Wat namen ze mee?",
        "Is er al actie ondernomen?",
        "Wat staat er op de planning?",
        "Wat hebben ze nog nodig?",
        "Volgende belafspraak",
    ):
        assert question in page
    prefix = f"call{call.pk}-"
    next_call = timezone.localdate() + timedelta(days=14)
    response = as_facilitator.post(
        f"{calls}{call.pk}/",
        {
            prefix + "took_away": "Energie",
            prefix + "did": "Stagebank besproken",
            prefix + "planned": "Open dag in maart",
            prefix + "needs": "Contact met werkgevers",
            prefix + "next_call_on": next_call.isoformat(),
        },
    )
    assert response.status_code == 302
    call.refresh_from_db()
    assert (call.did, call.planned, call.next_call_on) == (
        "Stagebank besproken",
        "Open dag in maart",
        next_call,
    )
    assert "Open dag in maart" in as_facilitator.get(calls).content.decode()
    with pytest.raises(Exception, match="hoogstens"):
        followup.call_record(call=call, planned="x" * 1001)
