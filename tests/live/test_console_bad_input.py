"""The console's room and moderation switches read their POST through forms: a malformed value is a Dutch 400
with the console's stage, and the switch stays as it was."""

import pytest
from django.urls import reverse

from allin.groups.models import GroupPlan
from allin.live.models import LiveMeeting
from tests.conftest import client_for
from tests.live import helpers


def console_post(user, live, name, data):
    url = reverse(name, args=[live.meeting.process.workspace.slug, live.meeting.pk])
    return client_for(user).post(url, data, headers={"HX-Request": "true"})


@pytest.mark.parametrize(
    "name, data",
    [
        ("live_room_closed", {"closed": "dicht"}),
        ("live_moderation", {"on": "aan"}),
        ("live_phone_hide", {"attendee": "Sam"}),
        ("live_phone_hide", {}),
        ("live_phone_unmute", {"attendee": "1e"}),
        ("live_groups_screen", {"on_screen": "ja"}),
    ],
)
def test_a_malformed_switch_is_refused_and_changes_nothing(live, facilitator, name, data):
    sam = helpers.join(live)
    plan = GroupPlan.objects.create(meeting=live.meeting)
    response = console_post(facilitator, live, name, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dit verzoek klopt niet. Laad de pagina opnieuw." in body
    fresh = LiveMeeting.objects.get(pk=live.pk)
    assert not fresh.room_closed and not fresh.moderated
    assert not sam.notes.filter(hidden=True).exists()
    plan.refresh_from_db()
    assert not plan.on_screen and plan.screen_item is None


def test_the_switches_still_switch(live, facilitator):
    assert console_post(facilitator, live, "live_room_closed", {"closed": "1"}).status_code == 200
    assert console_post(facilitator, live, "live_moderation", {"on": "1"}).status_code == 200
    fresh = LiveMeeting.objects.get(pk=live.pk)
    assert fresh.room_closed and fresh.moderated
    assert console_post(facilitator, live, "live_moderation", {}).status_code == 200  # absent is "off"
    assert not LiveMeeting.objects.get(pk=live.pk).moderated


@pytest.mark.parametrize(
    "name, data",
    [
        ("live_item_goto", {"item": "9" * 25}),
        ("live_note_hide", {"note": "9" * 25, "hidden": "1"}),
        ("live_theme_merge", {"theme": "1", "into": "-3"}),
        ("live_phone_hide", {"attendee": "9" * 25}),
    ],
)
def test_a_key_out_of_every_range_is_refused_not_an_error(live, facilitator, name, data):
    response = console_post(facilitator, live, name, data)
    assert response.status_code == 400
    assert "Dit verzoek klopt niet. Laad de pagina opnieuw." in response.content.decode()
