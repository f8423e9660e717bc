"""Plans: sent from phones (idempotent), made from a note of this meeting with one click, edited and hidden in
the console; limits and refusals in Dutch; phones, projector and console with and without htmx; the
hidden-until-revealed rule; the push to the projector; and the results."""

import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from allin.asgi import application
from allin.live import notes, services
from allin.live.activity_models import Plan
from allin.live.kinds import plans
from allin.live.models import Activity
from tests.conftest import client_for
from tests.live import helpers
from tests.live.helpers import bare

HTMX = {"HX-Request": "true"}
LIVE = {"X-Live": "1"}


@pytest.fixture
def plan_item(live):
    """The third agenda item of the helpers' meeting, turned into a plans step, made current. Its second item
    stays the tips/tops board, whose notes plans can start from."""
    item = helpers.items(live)[2]
    Activity.objects.filter(live=live, item=item).delete()
    item.activity = {"type": "plans", "prompt": "Wat gaan we doen, en wie doet mee?"}
    item.save(update_fields=["activity"])
    services.item_goto(live=live, item=item)
    return fresh(Activity.objects.get(live=live, item=item))


def fresh(activity):
    return Activity.objects.select_related("live").get(pk=activity.pk)


@pytest.fixture
def sam(live):
    return helpers.join(live, name="Sam")


def send(activity, attendee, title="Budgetcoach op school", what="Elke week een spreekuur.", **extra):
    return plans.plan_create(
        activity=activity,
        attendee=attendee,
        title=title,
        what=what,
        who=extra.pop("who", "school, gemeente"),
        client_id=extra.pop("client_id", None) or uuid.uuid4(),
        **extra,
    )


def _action(activity):
    return reverse("live_activity_action", args=[activity.live.code, activity.pk, "submit"])


def _kind_url(activity, name):
    meeting = activity.live.meeting
    return reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, activity.pk, name])


def _projector(activity):
    live = activity.live
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def _board_note(live, attendee, text):
    """A note on the tips/tops board of this meeting, written while that board was current."""
    board = helpers.board_of(live)
    current = live.current_item
    services.item_goto(live=live, item=board.item)
    note, _ = helpers.post(fresh(board), attendee, text=text)
    services.item_goto(live=live, item=current)
    return note


# ---- services ---------------------------------------------------------------------------------------


def test_a_phone_sends_a_plan_once(plan_item, sam):
    key = uuid.uuid4()
    plan, created = send(plan_item, sam, client_id=key)
    again, created_again = send(plan_item, sam, client_id=key)
    assert created and not created_again and again.pk == plan.pk and Plan.objects.count() == 1
    assert (plan.title, plan.what, plan.who, plan.attendee) == (
        "Budgetcoach op school",
        "Elke week een spreekuur.",
        "school, gemeente",
        sam,
    )
    kim = helpers.join(plan_item.live, name="Kim")
    with pytest.raises(ValidationError, match="niet goed aangekomen"):
        send(plan_item, kim, client_id=key)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": " "}, "Geef het plan een titel"),
        ({"title": "x" * 121}, "120 tekens"),
        ({"what": ""}, "Schrijf op wat jullie gaan doen"),
        ({"what": "x" * 1001}, "1000 tekens"),
        ({"who": "x" * 301}, "300 tekens"),
        ({"client_id": "geen-uuid"}, "niet goed aangekomen"),
    ],
)
def test_bad_plans_are_refused_and_nothing_is_stored(plan_item, sam, change, message):
    with pytest.raises(ValidationError, match=message):
        send(plan_item, sam, **change)
    assert not Plan.objects.exists()


def test_no_plans_when_closed_or_from_another_meeting(plan_item, sam, other_live):
    services.activity_set(activity=plan_item, is_open=False)
    with pytest.raises(ValidationError, match="gesloten"):
        send(fresh(plan_item), sam)
    services.activity_set(activity=fresh(plan_item), is_open=True)
    stranger = helpers.join(other_live, name="Olaf")
    with pytest.raises(ValidationError, match="Je doet niet mee aan deze bijeenkomst"):
        send(fresh(plan_item), stranger)
    assert not Plan.objects.exists()


def test_a_plan_from_a_note_with_one_click(plan_item, sam, facilitator):
    long_text = "Een vast spreekuur van de budgetcoach op elke middelbare school " * 4
    note = _board_note(plan_item.live, sam, long_text.strip()[:280])
    plan, created = plans.plan_from_note(activity=plan_item, note=note, author=facilitator)
    again, created_again = plans.plan_from_note(activity=plan_item, note=note, author=facilitator)
    assert created and not created_again and again.pk == plan.pk
    assert plan.source_note == note and plan.what == note.text and plan.author == facilitator
    assert len(plan.title) <= 120 and plan.title.endswith("…") and note.text.startswith(plan.title[:-1])


def test_a_note_of_another_meeting_is_refused(plan_item, other_live, facilitator):
    stranger = helpers.join(other_live, name="Olaf")
    foreign, _ = helpers.post(helpers.board_of(other_live), stranger, text="Van elders")
    with pytest.raises(ValidationError, match="hoort niet bij deze bijeenkomst"):
        plans.plan_from_note(activity=plan_item, note=foreign, author=facilitator)
    assert not Plan.objects.exists()


def test_edit_and_hide(plan_item, sam):
    plan, _ = send(plan_item, sam)
    plans.plan_update(plan=plan, title="Spreekuur", what="Elke dinsdag.", who="")
    with pytest.raises(ValidationError, match="Geef het plan een titel"):
        plans.plan_update(plan=Plan.objects.get(), title="", what="Iets")
    plans.plan_set_hidden(plan=Plan.objects.get(), hidden=True)
    stored = Plan.objects.get()
    assert (stored.title, stored.what, stored.who, stored.hidden) == ("Spreekuur", "Elke dinsdag.", "", True)


def test_results_list_the_visible_plans(plan_item, sam):
    send(plan_item, sam)
    hidden, _ = send(plan_item, sam, title="Weg")
    send(plan_item, sam, title="Chat", what="Een chat met de gemeente.", who="")
    plans.plan_set_hidden(plan=hidden, hidden=True)
    assert plans.results(fresh(plan_item)) == {
        "title": "Wat gaan we doen, en wie doet mee?",
        "lines": [
            "Budgetcoach op school: Elke week een spreekuur. (wie: school, gemeente)",
            "Chat: Een chat met de gemeente.",
        ],
    }


# ---- screens ------------------------------------------------------------------------------------------


def test_a_phone_sends_a_plan_with_and_without_javascript(plan_item, sam):
    phone = helpers.phone_client(Client(), plan_item.live, sam)
    page = phone.get(reverse("live_join", args=[plan_item.live.code])).content.decode()
    assert "Titel van het plan" in page and "Wie doet het?" in page
    data = {"title": "Spreekuur", "what": "Elke week.", "who": "", "client_id": str(uuid.uuid4())}
    response = phone.post(_action(plan_item), data, headers=LIVE)
    assert response.status_code == 200 and "Spreekuur" in response.content.decode()
    response = phone.post(
        _action(plan_item), {**data, "client_id": str(uuid.uuid4()), "title": ""}, headers=LIVE
    )
    assert response.status_code == 400 and "Geef het plan een titel" in response.content.decode()
    response = phone.post(
        _action(plan_item), {**data, "client_id": str(uuid.uuid4()), "title": "Zonder script"}
    )
    assert response.status_code == 302 and Plan.objects.count() == 2


def test_the_projector_shows_plans_only_when_revealed(plan_item, sam):
    send(plan_item, sam)
    hidden, _ = send(plan_item, sam, title="Verborgen plan")
    plans.plan_set_hidden(plan=hidden, hidden=True)
    services.activity_set(activity=plan_item, revealed=False)
    page = _projector(plan_item)
    assert "1 plan ontvangen" in page and "Budgetcoach" not in page
    services.activity_set(activity=fresh(plan_item), revealed=True)
    page = _projector(plan_item)
    assert "Budgetcoach op school" in page and "school, gemeente" in page
    assert "Verborgen plan" not in page and "Sam" not in page


def test_the_console_makes_edits_and_hides_plans(plan_item, sam, as_facilitator):
    note = _board_note(plan_item.live, sam, "Een chat voor jongeren")
    page = as_facilitator.post(_kind_url(plan_item, "from_note"), {"note": note.pk}, headers=HTMX)
    body = page.content.decode()
    assert page.status_code == 200 and "Hier is al een plan van gemaakt" in body
    plan = Plan.objects.get()
    assert plan.title == "Een chat voor jongeren" and plan.source_note == note
    data = {"plan": plan.pk, "title": "Chat", "what": "Elke avond open.", "who": "jongerenwerk"}
    assert as_facilitator.post(_kind_url(plan_item, "edit"), data, headers=HTMX).status_code == 200
    response = as_facilitator.post(_kind_url(plan_item, "edit"), {**data, "what": ""}, headers=HTMX)
    assert response.status_code == 400 and "Schrijf op wat jullie gaan doen" in response.content.decode()
    response = as_facilitator.post(_kind_url(plan_item, "hide"), {"plan": plan.pk, "hidden": "1"})
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert (plan.title, plan.what, plan.who, plan.hidden) == (
        "Chat",
        "Elke avond open.",
        "jongerenwerk",
        True,
    )
    data = {"title": "Van de flip-over", "what": "Een wegwijzer.", "who": "", "client_id": str(uuid.uuid4())}
    assert as_facilitator.post(_kind_url(plan_item, "add"), data, headers=HTMX).status_code == 200
    assert Plan.objects.filter(author__isnull=False, title="Van de flip-over").exists()


def test_the_console_refuses_foreign_notes_and_plans(plan_item, other_live, as_facilitator):
    stranger = helpers.join(other_live, name="Olaf")
    foreign, _ = helpers.post(helpers.board_of(other_live), stranger, text="Van elders")
    response = as_facilitator.post(_kind_url(plan_item, "from_note"), {"note": foreign.pk}, headers=HTMX)
    assert response.status_code == 400 and "hoort niet bij deze bijeenkomst" in response.content.decode()
    response = as_facilitator.post(_kind_url(plan_item, "hide"), {"plan": 999, "hidden": "1"}, headers=HTMX)
    assert (
        response.status_code == 400 and "Dit plan hoort niet bij dit onderdeel" in response.content.decode()
    )
    assert not Plan.objects.exists()


def test_viewers_see_plans_without_controls(plan_item, sam, viewer):
    send(plan_item, sam)
    client = client_for(viewer)
    meeting = plan_item.live.meeting
    page = client.get(
        reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    ).content.decode()
    assert "Budgetcoach op school" in page and "Bewerken" not in page and "Plan toevoegen" not in page
    assert (
        client.post(_kind_url(plan_item, "hide"), {"plan": Plan.objects.get().pk, "hidden": "1"}).status_code
        == 403
    )
    assert not Plan.objects.get().hidden


@pytest.mark.django_db(transaction=True)
async def test_a_plan_makes_the_projector_refetch(plan_item, sam):
    live = plan_item.live
    projector = WebsocketCommunicator(
        application,
        f"/ws/live/{live.code}/projector/{live.projector_key}/",
        headers=[(b"origin", b"http://testserver")],
    )
    assert (await projector.connect())[0]
    assert bare((await projector.receive_json_from())["ops"]) == [{"op": "hello"}]
    client = await database_sync_to_async(helpers.phone_client)(Client(), live, sam)
    data = {"title": "Spreekuur", "what": "Elke week.", "client_id": str(uuid.uuid4())}
    response = await database_sync_to_async(client.post)(_action(plan_item), data, headers=LIVE)
    assert response.status_code == 200
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    await projector.disconnect()


def test_hidden_notes_are_not_offered(plan_item, sam):
    note = _board_note(plan_item.live, sam, "Verborgen idee")
    shown = _board_note(plan_item.live, sam, "Zichtbaar idee")
    notes.note_set_hidden(note=note, hidden=True)
    boards = plans.source_boards(plan_item)
    assert [(label, [n.text for n in found]) for label, found in boards] == [("Tips en tops", [shown.text])]
