"""Linking a live phone to the participant it is (allin/live/participant_links.py): it marks attendance, stays
within the meeting's process, and only editors may do it."""

import pytest
from django.urls import reverse

from allin.live.participant_links import attendee_link
from allin.people.models import Attendance, AttendanceSource
from tests import factories
from tests.live import helpers

from . import factories as people_factories


@pytest.fixture
def live(workspace):
    return helpers.live_meeting(workspace)


@pytest.fixture
def url(live, workspace):
    return reverse("live_participant_links", kwargs={"workspace": workspace.slug, "pk": live.meeting.pk})


def test_linking_marks_the_participant_present(live, facilitator):
    sam = people_factories.participant(live.meeting.process, name="Sam")
    phone = helpers.join(live, name="Sam")
    attendee_link(attendee=phone, participant=sam, by=facilitator)
    phone.refresh_from_db()
    assert phone.participant == sam
    attendance = Attendance.objects.get(participant=sam, meeting=live.meeting)
    assert attendance.source == AttendanceSource.LIVE and attendance.marked_by == facilitator
    # Unlinking keeps the attendance; a second link of another phone does not tick twice.
    attendee_link(attendee=phone, participant=None)
    attendee_link(attendee=helpers.join(live, name="Sam 2"), participant=sam)
    assert Attendance.objects.filter(participant=sam).count() == 1


def test_a_participant_of_another_process_cannot_be_linked(live, workspace):
    stranger = people_factories.participant(factories.empty_process(workspace, name="Ander"), name="Kim")
    phone = helpers.join(live, name="Kim")
    with pytest.raises(Exception, match="hoort niet bij dit traject"):
        attendee_link(attendee=phone, participant=stranger)
    phone.refresh_from_db()
    assert phone.participant is None and not Attendance.objects.exists()


def test_the_page_suggests_by_name_and_links(live, url, as_facilitator):
    sam = people_factories.participant(live.meeting.process, name="Sam")
    phone = helpers.join(live, name="sam ")
    page = as_facilitator.get(url).content.decode()
    assert "Voorstel: Sam (zelfde naam)" in page
    response = as_facilitator.post(url, {"attendee": phone.pk, "participant": sam.pk})
    assert response.status_code == 302 and response["Location"].endswith(f"#a-{phone.pk}")
    phone.refresh_from_db()
    assert phone.participant == sam and Attendance.objects.filter(participant=sam).exists()


def test_the_page_refuses_bad_input(live, url, as_facilitator, workspace):
    phone = helpers.join(live)
    stranger = people_factories.participant(factories.empty_process(workspace, name="Ander"), name="Kim")
    assert as_facilitator.post(url, {"attendee": phone.pk, "participant": stranger.pk}).status_code == 404
    assert as_facilitator.post(url, {"attendee": "x", "participant": ""}).status_code == 400
    other_phone = helpers.join(helpers.live_meeting(workspace, name="Andere"))
    assert as_facilitator.post(url, {"attendee": other_phone.pk, "participant": ""}).status_code == 404
    phone.refresh_from_db()
    assert phone.participant is None


def test_a_viewer_sees_but_cannot_link(live, url, as_viewer):
    sam = people_factories.participant(live.meeting.process, name="Sam")
    phone = helpers.join(live, name="Sam")
    assert as_viewer.get(url).status_code == 200
    assert as_viewer.post(url, {"attendee": phone.pk, "participant": sam.pk}).status_code == 403
    phone.refresh_from_db()
    assert phone.participant is None and not Attendance.objects.exists()


def test_the_console_links_to_the_page(live, url, as_facilitator, workspace):
    console = reverse("live_console", kwargs={"workspace": workspace.slug, "pk": live.meeting.pk})
    assert f'href="{url}"' in as_facilitator.get(console).content.decode()
