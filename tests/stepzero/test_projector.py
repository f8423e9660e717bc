"""Step 0 on the projector: the item "Wat is er al?" shows what already exists (no contact details), an item about
the case shows the meeting's picked case."""

import pytest
from django.urls import reverse

from allin.live import services as live_services
from allin.stepzero import services

from .conftest import inventory_values

pytestmark = pytest.mark.django_db


def _projector(client, process, title):
    meeting = process.meetings.get(method_key="sessie-1" if title == "Wat is er al?" else "sessie-2")
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    live_services.item_goto(live=live, item=meeting.items.get(title=title))
    live.refresh_from_db()
    url = reverse("live_projector", kwargs={"code": live.code, "key": live.projector_key})
    return client.get(url).content.decode(), meeting


def test_what_already_exists_is_on_the_projector_without_contact_details(client, process):
    services.inventory_add(process=process, **inventory_values())
    html, _meeting = _projector(client, process, "Wat is er al?")
    assert "Armoedeoverleg" in html and "Gemeente" in html and "Afstemmen? ja" in html
    assert "06-12345678" not in html


def test_the_picked_case_is_on_the_projector_on_the_case_item(client, process, workspace):
    case = services.case_add(
        workspace=workspace,
        title="Gezin met drie kinderen",
        story="Moeder heeft schulden.",
        domains="",
        questions="",
    )
    meeting = process.meetings.get(method_key="sessie-2")
    services.case_pick(meeting=meeting, case=case)
    html, _meeting = _projector(client, process, "Casus: wie en wat is er nodig?")
    assert "Gezin met drie kinderen" in html and "Moeder heeft schulden." in html
