"""Step 0 through its services: what exists, managers and their moments, the kick-off, project team, debrief,
cases and the fixed participant per organisation."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from allin.people import services as people
from allin.stepzero import selectors, services
from allin.stepzero.models import KICKOFF_TITLE, Debrief, InventoryItem, Manager
from tests import factories

from .conftest import inventory_values, manager_values

pytestmark = pytest.mark.django_db


def test_inventory_refuses_bad_input_and_saves_nothing(process):
    with pytest.raises(ValidationError):
        services.inventory_add(process=process, **inventory_values(name=" "))
    with pytest.raises(ValidationError):
        services.inventory_add(process=process, **inventory_values(align="misschien"))
    with pytest.raises(ValidationError):
        services.inventory_add(process=process, **inventory_values(touches="x" * 2001))
    assert not InventoryItem.objects.exists()
    item = services.inventory_add(process=process, **inventory_values())
    services.inventory_update(item=item, **inventory_values(align="later"))
    item.refresh_from_db()
    assert item.align == "later"


def test_manager_moments_follow_the_meetings(process):
    dates = [m.date for m in process.meetings.order_by("date")]
    each = services.manager_add(process=process, **manager_values())
    halfway = services.manager_add(process=process, **manager_values(name="Henk", inform_when="halverwege"))
    end = services.manager_add(process=process, **manager_values(name="Eva", inform_when="einde"))
    day_after = [d + timedelta(days=1) for d in dates]
    assert selectors.inform_moments(each) == day_after
    assert selectors.inform_moments(halfway) == [day_after[(len(dates) - 1) // 2]]
    assert selectors.inform_moments(end) == [day_after[-1]]
    assert selectors.next_moment(each, today=dates[0]) == day_after[0]


def test_a_manager_of_another_workspace_organisation_is_refused(process):
    other = factories.workspace()
    from allin.network.models import Partner

    foreign = Partner.objects.create(workspace=other, name="Elders")
    with pytest.raises(ValidationError):
        services.manager_add(process=process, **manager_values(organisation=foreign))
    with pytest.raises(ValidationError):
        services.manager_add(process=process, **manager_values(email="geen-adres"))
    assert not Manager.objects.exists()


def test_kickoff_goes_first_on_the_agenda_once(workspace):
    process = factories.process(workspace, method_slug="werk-aan-netwerk")
    meeting = process.meetings.order_by("date").first()
    item = services.kickoff_plan(meeting=meeting)
    again = services.kickoff_plan(meeting=meeting)
    assert item == again
    assert meeting.items.order_by("order", "pk").first().title == KICKOFF_TITLE
    assert meeting.items.filter(title=KICKOFF_TITLE).count() == 1


def test_the_child_poverty_series_has_its_kickoff_already(process):
    assert list(selectors.kickoff_items(process).values_list("meeting__method_key", flat=True)) == [
        "sessie-1"
    ]


def test_team_member_and_debrief(process, karim, facilitator):
    services.team_add(participant=karim, role="tijd bewaken")
    services.team_add(participant=karim, role="verslag")
    assert [(m.participant.name, m.role) for m in selectors.team(process)] == [("Karim", "verslag")]
    meeting = process.meetings.first()
    with pytest.raises(ValidationError):
        services.debrief_save(meeting=meeting, went_well="", next_time=" ", who_does_what="")
    services.debrief_save(
        meeting=meeting, went_well="Goede sfeer", next_time="", who_does_what="Els mailt", user=facilitator
    )
    services.debrief_save(meeting=meeting, went_well="Goede sfeer!", next_time="", who_does_what="Els mailt")
    assert Debrief.objects.get(meeting=meeting).went_well == "Goede sfeer!"


def test_cases_are_per_workspace_and_one_is_picked(process, workspace):
    case = services.case_add(
        workspace=workspace, title="Gezin Jansen", story="Schulden, school en zorg.", domains="", questions=""
    )
    meeting = process.meetings.first()
    services.case_pick(meeting=meeting, case=case)
    services.case_pick(meeting=meeting, case=case)
    assert meeting.picked_case.case == case
    other = services.case_add(
        workspace=factories.workspace(), title="Elders", story="x", domains="", questions=""
    )
    with pytest.raises(ValidationError):
        services.case_pick(meeting=meeting, case=other)
    services.case_pick(meeting=meeting, case=None)
    meeting.refresh_from_db()
    assert not hasattr(meeting, "picked_case")
    with pytest.raises(ValidationError):
        services.case_add(workspace=workspace, title="", story="x", domains="", questions="")


def test_fixed_participant_one_per_organisation_and_own_organisation_only(
    process, schuldhulp, jgz, karim, petra, els
):
    services.fixed_set(process=process, organisation=schuldhulp, participant=karim)
    services.fixed_set(process=process, organisation=schuldhulp, participant=petra)
    assert selectors.fixed_ids(process) == {petra.pk}
    with pytest.raises(ValidationError):
        services.fixed_set(process=process, organisation=jgz, participant=karim)
    services.fixed_set(process=process, organisation=schuldhulp, participant=None)
    assert selectors.fixed_ids(process) == set()


def test_overview_shows_organisations_that_missed_a_meeting_without_their_fixed_participant(
    process, schuldhulp, jgz, karim, petra, els
):
    first, second = process.meetings.order_by("date")[:2]
    services.fixed_set(process=process, organisation=schuldhulp, participant=karim)
    services.fixed_set(process=process, organisation=jgz, participant=els)
    for participant, meeting in ((karim, first), (petra, second), (els, first), (els, second)):
        people.attendance_set(participant=participant, meeting=meeting, present=True)
    today = second.date + timedelta(days=1)
    rows = {r.organisation.name: r for r in selectors.fixed_overview(process, today=today)}
    assert [m.pk for m in rows["Schuldhulp Teststad"].missed] == [second.pk]
    assert rows["JGZ Teststad"].missed == []
    # a meeting still ahead (or where nobody took attendance) is not a missed one
    assert selectors.fixed_overview(process, today=first.date)[1].missed == []


def test_erased_participant_cannot_be_fixed(process, schuldhulp, karim):
    karim = people.participant_erase(participant=karim)
    with pytest.raises(ValidationError):
        services.fixed_set(process=process, organisation=schuldhulp, participant=karim)
