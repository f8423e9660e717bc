"""Groups of a meeting: make, move, pin, regenerate, name and leader; encounters across a process."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from allin.groups import selectors, services
from allin.groups.models import GroupMember
from allin.people.models import Attendance, Participant, ParticipantRole
from tests import factories

DOMAINS = ("school", "zorg", "werk", "schulden", "wonen")


@pytest.fixture
def series(workspace):
    process = factories.empty_process(workspace)
    people = [
        Participant.objects.create(
            process=process,
            name=f"Persoon {i:02d}",
            role=ParticipantRole.YOUTH if i % 3 == 0 else ParticipantRole.PROFESSIONAL,
            domain=DOMAINS[i % 5],
            is_expert=i % 5 == 0,
        )
        for i in range(15)
    ]
    meetings = [factories.meeting(process, name=f"Bijeenkomst {n + 1}") for n in range(3)]
    for n, meeting in enumerate(meetings):
        meeting.date = process.start_date + timedelta(days=7 * n)
        meeting.save()
    return process, meetings, people


def _groups(plan):
    return [sorted(m.participant_id for m in g.members.all()) for g in plan.groups.all()]


def test_make_plan_seats_everyone_once_within_sizes(series):
    process, meetings, people = series
    plan = services.plan_make(meeting=meetings[0], min_size=3, max_size=5)
    groups = _groups(plan)
    assert sorted(pk for g in groups for pk in g) == sorted(p.pk for p in people)
    assert all(3 <= len(g) <= 5 for g in groups)
    assert [g.name for g in plan.groups.all()] == ["Tafel 1", "Tafel 2", "Tafel 3"]
    experts = {p.pk for p in people if p.is_expert}
    assert sorted(len(experts & set(g)) for g in groups) == [1, 1, 1]


def test_later_meetings_avoid_earlier_pairs_and_only_seat_who_is_present(series):
    process, meetings, people = series
    services.plan_make(meeting=meetings[0], min_size=3, max_size=5)
    for p in people[:12]:
        Attendance.objects.create(participant=p, meeting=meetings[1])
    plan = services.plan_make(meeting=meetings[1], min_size=3, max_size=3)
    # 4 tables of 3 can take at most 4 people of one earlier table of 5 without a repeat: at most 1 repeat
    assert plan.repeats <= 1
    assert sorted(pk for g in _groups(plan) for pk in g) == sorted(p.pk for p in people[:12])


def test_move_pin_and_regenerate_keeps_pinned_at_their_table(series):
    process, meetings, people = series
    plan = services.plan_make(meeting=meetings[0], min_size=3, max_size=5)
    first, last = list(plan.groups.all())[0], list(plan.groups.all())[-1]
    mover = first.members.first().participant_id
    services.member_move(plan=plan, participant_pk=mover, group_pk=last.pk)
    services.member_pin(plan=plan, participant_pk=mover, pinned=True)
    plan = services.plan_make(meeting=meetings[0], min_size=3, max_size=5)
    member = GroupMember.objects.get(plan=plan, participant_id=mover)
    assert member.pinned and member.group.number == last.number


def test_group_name_and_leader(series):
    process, meetings, people = series
    plan = services.plan_make(meeting=meetings[0])
    group = plan.groups.first()
    leader = group.members.first().participant_id
    services.group_update(plan=plan, group_pk=group.pk, name="De snelle tafel", leader_pk=leader)
    group.refresh_from_db()
    assert group.name == "De snelle tafel" and group.leader_id == leader
    outsider = plan.groups.last().members.first().participant_id
    with pytest.raises(Exception, match="tafelleider"):
        services.group_update(plan=plan, group_pk=group.pk, name="X", leader_pk=outsider)


def test_encounters_meter(series):
    process, meetings, people = series
    services.plan_make(meeting=meetings[0], min_size=5, max_size=5)
    data = selectors.encounters(process, today=meetings[2].date)
    assert data["possible"] == 105
    assert data["covered"] == 30
    assert data["more"] >= 3  # 15 people, groups of 5: everyone meets everyone in 4 meetings at best


def test_pages_and_forms(series, as_facilitator, as_viewer, workspace):
    process, meetings, people = series
    url = reverse("groups_plan", kwargs={"workspace": workspace.slug, "pk": meetings[0].pk})
    assert as_facilitator.get(url).status_code == 200
    make = reverse("groups_make", kwargs={"workspace": workspace.slug, "pk": meetings[0].pk})
    response = as_facilitator.post(make, {"min_size": "3", "max_size": "5"})
    assert response.status_code == 302
    page = as_facilitator.get(url).content.decode()
    assert "Tafel 1" in page and "Verplaats" in page and "ervaringsdeskundige" in page
    assert "Verplaats" not in as_viewer.get(url).content.decode()
    bad = as_facilitator.post(make, {"min_size": "6", "max_size": "2"}, follow=True)
    assert "kleinste groep" in bad.content.decode().lower()
    encounters = reverse("groups_encounters", kwargs={"workspace": workspace.slug, "pk": process.pk})
    assert "van de 105 paren" in as_facilitator.get(encounters).content.decode()


def test_unavoidable_repeats_are_explained_on_the_groups_page(series, as_facilitator, workspace):
    process, meetings, people = series
    services.plan_make(meeting=meetings[0], min_size=5, max_size=5)
    plan = services.plan_make(meeting=meetings[1], min_size=5, max_size=5)
    # three tables of five after three tables of five: each new table holds two people of one earlier table
    assert plan.repeats == plan.notes[0]["count"] == 6
    url = reverse("groups_plan", kwargs={"workspace": workspace.slug, "pk": meetings[1].pk})
    page = as_facilitator.get(url).content.decode()
    assert "Wat niet helemaal lukte" in page and "Minder kan niet" in page


def test_two_pinned_experts_at_one_table_are_refused_naming_the_expert_rule(series):
    process, meetings, people = series
    plan = services.plan_make(meeting=meetings[0], min_size=3, max_size=5)
    experts = [p for p in people if p.is_expert][:2]
    table = GroupMember.objects.get(plan=plan, participant=experts[0]).group
    services.member_move(plan=plan, participant_pk=experts[1].pk, group_pk=table.pk)
    for expert in experts:
        services.member_pin(plan=plan, participant_pk=expert.pk, pinned=True)
    with pytest.raises(ValidationError, match="ervaringsdeskundigen"):
        services.plan_make(meeting=meetings[0], min_size=3, max_size=5)
