"""The elaboration round: each group hands in exactly two plans. The phone shows "plan 1 van 2" and refuses a
third in Dutch; two phones of one table share its quota; the console shows which groups are incomplete; the
phones see the quick fixes and big fixes to build on; Werk aan Netwerk's method has the round."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from allin.groups import services as group_services
from allin.live import notes, services
from allin.live.kinds import plans
from allin.live.models import Activity
from allin.live.participant_links import attendee_link
from allin.methods.loader import get_method
from allin.people import services as people_services
from tests.live import helpers

LIVE = {"X-Live": "1"}


@pytest.fixture
def round_item(live):
    """A plans step asking two plans per group, made current; the tips/tops board before it has a quick fix."""
    items = helpers.items(live)
    item = items[2]
    Activity.objects.filter(live=live, item=item).delete()
    item.activity = {"type": "plans", "prompt": "Twee plannen", "plans_per_group": 2}
    item.save(update_fields=["activity"])
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live__meeting").get(live=live, item=item)


def _send(activity, attendee, title):
    return plans.plan_create(
        activity=activity, attendee=attendee, client_id=uuid.uuid4(), title=title, what="Doen"
    )


def test_wan_has_an_elaboration_round_of_two_plans():
    items = [i for m in get_method("werk-aan-netwerk").meetings for i in m.agenda]
    titles = [i.title for i in items]
    ronde = items[titles.index("Uitwerkingsronde")]
    assert ronde.activity["type"] == "plans" and ronde.activity["plans_per_group"] == 2
    assert items[titles.index("Uitwerkingsronde") - 1].activity["categories"] == ["quick fix", "big fix"]


def test_a_phone_counts_its_plans_and_a_third_is_refused(round_item):
    sam = helpers.join(round_item.live, name="Sam")
    phone = helpers.phone_client(Client(), round_item.live, sam)
    url = reverse("live_activity_action", args=[round_item.live.code, round_item.pk, "submit"])
    page = phone.get(reverse("live_join", args=[round_item.live.code])).content.decode()
    assert "Plan 1 van 2" in page and "precies 2 concrete plannen" in page
    data = {"title": "Stagebank", "what": "Een lijst met plekken"}
    response = phone.post(url, {**data, "client_id": str(uuid.uuid4())}, headers=LIVE)
    assert response.status_code == 200 and "Plan 2 van 2" in response.content.decode()
    response = phone.post(url, {**data, "client_id": str(uuid.uuid4())}, headers=LIVE)
    body = response.content.decode()
    assert "Jullie 2 plannen zijn binnen" in body and 'name="what"' not in body
    response = phone.post(url, {**data, "client_id": str(uuid.uuid4())}, headers=LIVE)
    assert response.status_code == 400 and "al 2 plannen ingestuurd" in response.content.decode()
    assert round_item.plans.count() == 2


def test_a_hidden_plan_frees_a_place_and_the_console_may_add_more(round_item, facilitator):
    sam = helpers.join(round_item.live, name="Sam")
    first, _ = _send(round_item, sam, "Een")
    _send(round_item, sam, "Twee")
    plans.plan_set_hidden(plan=first, hidden=True)
    _send(round_item, sam, "Drie")
    with pytest.raises(ValidationError, match="al 2 plannen"):
        _send(round_item, sam, "Vier")
    plans.plan_create(
        activity=round_item, author=facilitator, client_id=uuid.uuid4(), title="Extra", what="Doen"
    )
    assert round_item.plans.filter(hidden=False).count() == 3


def test_two_phones_of_one_table_share_its_quota_and_the_console_shows_incomplete_groups(
    round_item, as_facilitator
):
    meeting = round_item.live.meeting
    for name in ("Anna", "Bram", "Cem", "Dewi", "Eva", "Fleur"):
        people_services.participant_create(process=meeting.process, name=name, role="professional")
    plan = group_services.plan_make(meeting=meeting, min_size=3, max_size=3)
    table = plan.groups.order_by("number").first()
    members = [m.participant for m in table.members.all()]
    one, two = helpers.join(round_item.live, name="A"), helpers.join(round_item.live, name="B")
    attendee_link(attendee=one, participant=members[0])
    attendee_link(attendee=two, participant=members[1])
    _send(round_item, one, "Een")
    _send(round_item, two, "Twee")
    with pytest.raises(ValidationError, match="al 2 plannen"):
        _send(round_item, one, "Drie")
    progress = plans.progress(round_item)
    other = plan.groups.order_by("number").last()
    assert progress == [
        {"name": other.name, "sent": 0, "total": 2},
        {"name": table.name, "sent": 2, "total": 2},
    ]
    page = as_facilitator.get(reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk]))
    body = page.content.decode()
    assert f"{other.name}: 0 van 2" in body and "nog niet compleet" in body


def test_phones_see_the_quick_and_big_fixes_to_build_on(live):
    board = helpers.board_of(live)
    Activity.objects.filter(pk=board.pk).update(categories=["quick fix", "big fix"])
    services.item_goto(live=live, item=board.item)
    notes.note_create(
        activity=Activity.objects.select_related("live").get(pk=board.pk),
        attendee=helpers.join(live, name="Ali"),
        text="Stagebank voor de regio",
        client_id=uuid.uuid4(),
        category="quick fix",
    )
    item = helpers.items(live)[2]
    Activity.objects.filter(live=live, item=item).delete()
    item.activity = {"type": "plans", "plans_per_group": 2}
    item.save(update_fields=["activity"])
    services.item_goto(live=live, item=item)
    sam = helpers.join(live, name="Sam")
    page = (
        helpers.phone_client(Client(), live, sam).get(reverse("live_join", args=[live.code])).content.decode()
    )
    assert "De quick fixes en big fixes om op voort te bouwen" in page and "Stagebank voor de regio" in page
