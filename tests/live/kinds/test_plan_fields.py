"""The plans kind honours the fields a method names: phone and console show exactly them, the service stores
exactly them with limits and Dutch refusals, an organisation's name finds its network card, and the system
check fails when a method names a field the kind cannot store."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from allin.live import services
from allin.live.activity_models import Plan
from allin.live.kinds import plan_fields, plans
from allin.live.models import Activity
from allin.methods.loader import get_method
from allin.network import services as network_services
from allin.people import services as people_services
from tests.live import helpers

LIVE = {"X-Live": "1"}
HTMX = {"HX-Request": "true"}
WAN_FIELDS = ["actie", "organisatie", "wie", "wanneer", "hoe"]


@pytest.fixture
def card_item(live):
    """A plans step with the fields of Werk aan Netwerk's "Acties!" item, made current."""
    item = helpers.items(live)[2]
    Activity.objects.filter(live=live, item=item).delete()
    item.activity = {"type": "plans", "prompt": "Wat gaat jouw organisatie doen?", "fields": WAN_FIELDS}
    item.save(update_fields=["activity"])
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live__meeting__process").get(live=live, item=item)


@pytest.fixture
def school(live):
    process = live.meeting.process
    partner = network_services.partner_create(workspace=process.workspace, name="Techniek College")
    people_services.participant_create(
        process=process, name="Noor", role="professional", organisation=partner
    )
    return partner


def _phone_post(activity, attendee, data):
    phone = helpers.phone_client(Client(), activity.live, attendee)
    url = reverse("live_activity_action", args=[activity.live.code, activity.pk, "submit"])
    return phone.post(url, {"client_id": str(uuid.uuid4()), **data}, headers=LIVE)


def test_the_method_file_names_the_agreement_card_fields():
    wan = get_method("werk-aan-netwerk")
    named = [
        item.activity["fields"]
        for meeting in wan.meetings
        for item in meeting.agenda
        if item.activity.get("type") == "plans" and "fields" in item.activity
    ]
    assert WAN_FIELDS in named


def test_the_phone_shows_exactly_the_named_fields(card_item, school):
    sam = helpers.join(card_item.live, name="Sam")
    phone = helpers.phone_client(Client(), card_item.live, sam)
    page = phone.get(reverse("live_join", args=[card_item.live.code])).content.decode()
    for label in ("Actie: wat gaan jullie doen?", "Voor welke organisatie?", "Wie doet het?", "Wanneer?"):
        assert label in page
    assert "Hoe pakken jullie het aan?" in page and "Titel van het plan" not in page
    assert f'list="pl-orgs-{card_item.pk}"' in page and '<option value="Techniek College">' in page


def test_a_phone_row_stores_every_field_and_finds_its_organisation(card_item, school):
    sam = helpers.join(card_item.live, name="Sam")
    data = {
        "what": "Stagebank voor mbo-studenten",
        "organisation": "techniek college",
        "who": "Noor",
        "when": "voor de zomer",
        "how": "samen met werkgevers",
    }
    response = _phone_post(card_item, sam, data)
    assert response.status_code == 200 and "voor de zomer" in response.content.decode()
    plan = Plan.objects.get()
    assert (plan.what, plan.organisation, plan.who, plan.when, plan.how) == tuple(data.values())
    assert plan.partner == school and plan.title == "Stagebank voor mbo-studenten"
    assert plans.results(card_item)["lines"] == [
        "Stagebank voor mbo-studenten (organisatie: techniek college; wie: Noor; wanneer: voor de zomer; "
        "hoe: samen met werkgevers)"
    ]


def test_limits_and_missing_fields_are_refused_in_dutch(card_item):
    sam = helpers.join(card_item.live, name="Sam")
    response = _phone_post(card_item, sam, {"what": "", "who": "Noor"})
    assert response.status_code == 400 and "Vul dit in: Actie" in response.content.decode()
    response = _phone_post(card_item, sam, {"what": "Stage", "when": "x" * 301})
    assert (
        response.status_code == 400
        and "Wanneer mag hoogstens 300 tekens hebben." in response.content.decode()
    )
    with pytest.raises(ValidationError, match="Hoe mag hoogstens 1000 tekens hebben"):
        plans.plan_create(
            activity=card_item, author=None, client_id=uuid.uuid4(), what="Stage", how="x" * 1001
        )
    assert not Plan.objects.exists()


def test_a_field_the_method_does_not_name_is_not_stored(live):
    item = helpers.items(live)[2]
    Activity.objects.filter(live=live, item=item).delete()
    item.activity = {"type": "plans", "fields": ["vraag", "volgende stap", "wie", "wanneer"]}
    item.save(update_fields=["activity"])
    services.item_goto(live=live, item=item)
    activity = Activity.objects.get(live=live, item=item)
    sam = helpers.join(live, name="Sam")
    response = _phone_post(
        activity, sam, {"title": "Werkt een inloop?", "what": "Eén middag proberen", "how": "stiekem erbij"}
    )
    assert response.status_code == 200
    plan = Plan.objects.get()
    assert (plan.title, plan.what, plan.how, plan.organisation) == (
        "Werkt een inloop?",
        "Eén middag proberen",
        "",
        "",
    )


def test_the_console_edits_the_named_fields(card_item, school, as_facilitator):
    sam = helpers.join(card_item.live, name="Sam")
    plan, _ = plans.plan_create(activity=card_item, attendee=sam, client_id=uuid.uuid4(), what="Stage")
    meeting = card_item.live.meeting
    page = as_facilitator.get(reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk]))
    body = page.content.decode()
    assert f'id="pl-c{plan.pk}-when"' in body and f'id="pl-new{card_item.pk}-organisation"' in body
    url = reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, card_item.pk, "edit"])
    data = {"plan": plan.pk, "what": "Stage", "organisation": "Techniek College", "when": "maart"}
    assert as_facilitator.post(url, data, headers=HTMX).status_code == 200
    plan.refresh_from_db()
    assert (plan.when, plan.partner, plan.how) == ("maart", school, "")
    response = as_facilitator.post(url, {**data, "plan": "geen getal"}, headers=HTMX)
    assert response.status_code == 400 and "Dit verzoek klopt niet" in response.content.decode()


def test_the_check_names_fields_the_kind_cannot_store(monkeypatch):
    assert plan_fields.plans_fields_storable() == []
    assert plan_fields.problems(WAN_FIELDS) == []
    assert plan_fields.problems(["actie", "budget"]) == [
        "unknown field 'budget' (known: " + ", ".join(plan_fields.FIELDS) + ")"
    ]
    assert "both be stored as what" in plan_fields.problems(["actie", "wat"])[0]
    assert "no field for what will happen" in plan_fields.problems(["wie"])[0]
    wan = get_method("werk-aan-netwerk")
    item = next(i for m in wan.meetings for i in m.agenda if i.activity.get("type") == "plans")
    monkeypatch.setitem(item.activity, "fields", ["actie", "budget"])
    errors = plan_fields.plans_fields_storable()
    assert [e.id for e in errors] == ["live.E101"] and "budget" in errors[0].msg
