"""Online and hybrid meetings (Werk aan Netwerk's online variant): the meeting names its form and video tool, each
group gets its own breakout room, and each linked phone sees the link of its own group only."""

import pytest
from django.test import Client
from django.urls import reverse

from allin.groups import services as group_services
from allin.live.models import Attendee
from allin.people.models import Participant, ParticipantRole
from allin.processes.models import Meeting
from tests.live import helpers

NAMES = ["Anna de Vries", "Bram Jansen", "Cor Bakker", "Dewi Smit", "Eva Visser", "Fleur Mulder"]


@pytest.fixture
def room(workspace):
    live = helpers.live_meeting(workspace)
    people = [
        Participant.objects.create(process=live.meeting.process, name=name, role=ParticipantRole.PROFESSIONAL)
        for name in NAMES
    ]
    plan = group_services.plan_make(meeting=live.meeting, min_size=3, max_size=3)
    phone = helpers.join(live, name="Anna")
    Attendee.objects.filter(pk=phone.pk).update(participant=people[0])
    phone.refresh_from_db()
    return live, plan, people, phone


def _meeting_url(name, meeting):
    return reverse(name, kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


def _go_online(as_facilitator, meeting, mode="online", tool="Teams"):
    return as_facilitator.post(
        _meeting_url("meeting_edit", meeting),
        {
            "name": meeting.name,
            "date": meeting.date.isoformat(),
            "start_time": meeting.start_time.strftime("%H:%M"),
            "planned_minutes": str(meeting.planned_minutes),
            "mode": mode,
            "video_tool": tool,
        },
    )


def _set_room(as_facilitator, group, link):
    meeting = group.plan.meeting
    return as_facilitator.post(
        _meeting_url("groups_edit", meeting),
        {"group": group.pk, "name": group.name, "room_link": link},
        follow=True,
    )


def _my_table(live, phone):
    return (
        helpers.phone_client(Client(), live, phone)
        .get(reverse("live_my_table", args=[live.code]))
        .content.decode()
    )


def test_each_phone_gets_the_breakout_room_of_its_own_group(room, as_facilitator):
    live, plan, people, phone = room
    assert _go_online(as_facilitator, live.meeting).status_code == 302
    live.meeting.refresh_from_db()
    assert live.meeting.mode == Meeting.Mode.ONLINE and live.meeting.video_tool == "Teams"
    mine = plan.members.get(participant=people[0]).group
    other = plan.groups.exclude(pk=mine.pk).first()
    _set_room(as_facilitator, mine, "https://teams.example/kamer-1")
    _set_room(as_facilitator, other, "https://teams.example/kamer-2")
    part = _my_table(live, phone)
    assert 'href="https://teams.example/kamer-1"' in part
    assert f"Naar de breakoutroom van {mine.name} in Teams" in part
    assert "kamer-2" not in part
    page = as_facilitator.get(_meeting_url("groups_plan", live.meeting)).content.decode()
    assert "https://teams.example/kamer-2" in page


def test_a_meeting_on_location_shows_no_room_and_keeps_a_stored_link(room, as_facilitator):
    live, plan, people, phone = room
    _go_online(as_facilitator, live.meeting, mode="hybrid", tool="")
    mine = plan.members.get(participant=people[0]).group
    _set_room(as_facilitator, mine, "https://meet.example/tafel")
    assert "Naar de breakoutroom van" in _my_table(live, phone)
    _go_online(as_facilitator, live.meeting, mode="in_person", tool="")
    assert "breakoutroom" not in _my_table(live, phone)
    assert "room_link" not in as_facilitator.get(_meeting_url("groups_plan", live.meeting)).content.decode()
    # renaming the group on location leaves the room for a later online meeting
    as_facilitator.post(_meeting_url("groups_edit", live.meeting), {"group": mine.pk, "name": "Tafel Noord"})
    mine.refresh_from_db()
    assert mine.name == "Tafel Noord" and mine.room_link == "https://meet.example/tafel"


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,hoi", "teams"])
def test_only_web_addresses_are_kept_as_a_room(room, as_facilitator, link):
    live, plan, people, phone = room
    _go_online(as_facilitator, live.meeting)
    group = plan.groups.first()
    page = _set_room(as_facilitator, group, link).content.decode()
    assert "moet beginnen met https://" in page
    group.refresh_from_db()
    assert group.room_link == ""


def test_the_console_says_how_to_share_the_projector_in_the_video_tool(room, as_facilitator):
    live, *_ = room
    console = reverse(
        "live_console", kwargs={"workspace": live.meeting.process.workspace.slug, "pk": live.meeting.pk}
    )
    assert "deel dat venster" not in as_facilitator.get(console).content.decode()
    _go_online(as_facilitator, live.meeting, tool="Zoom")
    assert "deel dat venster in Zoom" in as_facilitator.get(console).content.decode()
