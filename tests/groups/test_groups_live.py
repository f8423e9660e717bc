"""The groups during a live meeting: each linked phone sees its own table and the questions, the projector shows
all groups (first names only) at a getting-to-know item or when the facilitator switches them on, and a change
to the plan reaches phones and projector."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from allin.groups import services as group_services
from allin.live import groups_panel, selectors
from allin.live import services as live_services
from allin.live.models import Attendee
from allin.people.models import Participant, ParticipantRole
from tests.live import helpers

NAMES = ["Anna de Vries", "Bram Jansen", "Cor Bakker", "Dewi Smit", "Eva Visser", "Fleur Mulder"]


@pytest.fixture
def room(workspace):
    """A live meeting whose first item is "Kennismaken", six participants in two groups, two phones."""
    live = helpers.live_meeting(workspace)
    first = helpers.items(live)[0]
    first.title = "Kennismaken"
    first.save(update_fields=["title"])
    process = live.meeting.process
    people = [
        Participant.objects.create(
            process=process, name=name, role=ParticipantRole.PROFESSIONAL, domain=f"domein {i % 3}"
        )
        for i, name in enumerate(NAMES)
    ]
    plan = group_services.plan_make(meeting=live.meeting, min_size=3, max_size=3)
    linked = helpers.join(live, name="Anna")
    Attendee.objects.filter(pk=linked.pk).update(participant=people[0])
    linked.refresh_from_db()
    anonymous = helpers.join(live, name="")
    return live, plan, people, linked, anonymous


def _phone(live, attendee):
    return helpers.phone_client(Client(), live, attendee)


def _table_of(plan, participant):
    return plan.members.select_related("group").get(participant=participant).group


def test_a_linked_phone_sees_its_table_mates_and_the_questions_at_getting_to_know(room):
    live, plan, people, linked, anonymous = room
    live_services.item_goto(live=live, item=helpers.items(live)[0])
    group = _table_of(plan, people[0])
    page = _phone(live, linked).get(reverse("live_join", args=[live.code])).content.decode()
    assert f"Jij zit aan {group.name}" in page
    assert "Wie ben je?" in page  # the plain questions: this process runs ALL-IN, which has none of its own
    mates = [m.participant.name.split()[0] for m in group.members.all() if m.participant_id != people[0].pk]
    assert all(mate in page for mate in mates)
    assert "de Vries" not in page.replace("Anna de Vries", "")  # first names only for the others


def test_at_another_item_the_phone_shows_only_the_table(room):
    live, plan, people, linked, _ = room
    live_services.item_goto(live=live, item=helpers.items(live)[1])
    page = _phone(live, linked).get(reverse("live_join", args=[live.code])).content.decode()
    assert "Jij zit aan" in page
    assert "Vragen om elkaar te leren kennen" not in page


def test_an_anonymous_phone_sees_no_table(room):
    live, plan, people, linked, anonymous = room
    page = _phone(live, anonymous).get(reverse("live_join", args=[live.code])).content.decode()
    assert "Jij zit aan" not in page
    part = _phone(live, anonymous).get(reverse("live_my_table", args=[live.code]))
    assert part.status_code == 200 and "Jij zit aan" not in part.content.decode()


def test_the_personal_part_is_fetched_per_phone_and_refused_without_a_cookie(room):
    live, plan, people, linked, _ = room
    part = _phone(live, linked).get(reverse("live_my_table", args=[live.code]))
    assert part.status_code == 200
    assert f"Jij zit aan {_table_of(plan, people[0]).name}" in part.content.decode()
    assert Client().get(reverse("live_my_table", args=[live.code])).status_code == 403
    assert Client().get(reverse("live_my_table", args=["ZZZZZZ"])).status_code == 403


def test_the_stage_pushed_to_all_phones_carries_no_table(room):
    live, *_ = room
    live_services.item_goto(live=live, item=helpers.items(live)[0])
    html = render_to_string("live/_phone_stage.html", {**selectors.stage(live), "broadcast": True})
    assert "Jij zit aan" not in html
    assert reverse("live_my_table", args=[live.code]) in html


def _projector(live):
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def test_the_projector_shows_all_groups_with_first_names_at_getting_to_know(room):
    live, plan, people, *_ = room
    live_services.item_goto(live=live, item=helpers.items(live)[0])
    html = _projector(live)
    for group in plan.groups.all():
        assert group.name in html
    for person in people:
        first, rest = person.name.split(" ", 1)
        assert first in html and rest not in html
    assert "domein" not in html


def test_the_facilitator_switches_the_groups_on_for_the_current_item_only(room, as_facilitator):
    live, plan, *_ = room
    live_services.item_goto(live=live, item=helpers.items(live)[1])
    assert "gr-pgroups" not in _projector(live)
    console = as_facilitator.get(
        reverse("live_console", args=[live.meeting.process.workspace.slug, live.meeting.pk])
    )
    assert "Groepen op het scherm" in console.content.decode()
    url = reverse("live_groups_screen", args=[live.meeting.process.workspace.slug, live.meeting.pk])
    assert as_facilitator.post(url, {"on_screen": "1"}).status_code == 302
    assert "gr-pgroups" in _projector(live)
    live_services.item_goto(live=live, item=helpers.items(live)[2])
    assert "gr-pgroups" not in _projector(live)
    # and off at a getting-to-know item
    live_services.item_goto(live=live, item=helpers.items(live)[0])
    assert "gr-pgroups" in _projector(live)
    as_facilitator.post(url, {"on_screen": "0"})
    assert "gr-pgroups" not in _projector(live)


def test_switching_without_a_plan_is_refused_with_a_message(workspace, as_facilitator):
    live = helpers.live_meeting(workspace)
    live_services.item_goto(live=live, item=helpers.items(live)[1])
    url = reverse("live_groups_screen", args=[workspace.slug, live.meeting.pk])
    response = as_facilitator.post(url, {"on_screen": "1"}, follow=True)
    assert "Maak eerst een indeling" in response.content.decode()


def test_a_change_to_the_plan_reaches_phones_and_projector(
    room, monkeypatch, django_capture_on_commit_callbacks
):
    live, plan, people, *_ = room
    calls = []
    monkeypatch.setattr(
        groups_panel.events, "phones_refresh", lambda live_id: calls.append(("phones", live_id))
    )
    monkeypatch.setattr(
        groups_panel.events, "results_changed", lambda live_id: calls.append(("screens", live_id))
    )
    other = next(g for g in plan.groups.all() if g != _table_of(plan, people[0]))
    group_services.member_move(plan=plan, participant_pk=people[0].pk, group_pk=other.pk)
    assert calls == [("phones", live.pk), ("screens", live.pk)]
    calls.clear()
    group_services.group_update(plan=plan, group_pk=other.pk, name="De snelle tafel", leader_pk=None)
    group_services.plan_make(meeting=live.meeting, min_size=2, max_size=4)
    assert calls.count(("phones", live.pk)) == 2


def test_a_plan_without_a_live_meeting_pushes_nothing(workspace, monkeypatch):
    from tests import factories

    process = factories.empty_process(workspace)
    meeting = factories.meeting(process)
    Participant.objects.bulk_create(Participant(process=process, name=f"P {i}") for i in range(4))
    calls = []
    monkeypatch.setattr(groups_panel.events, "phones_refresh", lambda live_id: calls.append(live_id))
    group_services.plan_make(meeting=meeting, min_size=2, max_size=4)
    assert calls == []


def test_the_child_poverty_method_brings_its_own_questions(workspace):
    from allin.groups.selectors import questions_for
    from tests import factories

    process = factories.empty_process(workspace)
    assert "Wie ben je?" in questions_for(process)
    process.method_slug = "kinderarmoede"
    assert questions_for(process) == [
        "Wie ben je?",
        "Waar werk je?",
        "Waarom vind jij de aanpak van kinderarmoede belangrijk?",
    ]
