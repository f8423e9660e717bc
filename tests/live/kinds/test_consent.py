"""The consent check: ja / ja met een zorg / nee, a reason required with the last two, one answer per attendee
that they may change, counts and reasons without names on the projector (only when revealed), the console's
"start over", phones with and without script, the push to the projector, and the results."""

import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.asgi import application
from allin.live import selectors, services
from allin.live.activity_models import ConsentAnswer
from allin.live.kinds import consent
from allin.live.models import Activity
from tests.conftest import client_for
from tests.live import helpers
from tests.live.helpers import bare

HTMX = {"HX-Request": "true"}
LIVE = {"X-Live": "1"}
PROMPT = "Kan iedereen leven met deze thema's?"


@pytest.fixture
def check(workspace):
    """A live meeting on a consent check item."""
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    item.activity = {"type": "consent", "prompt": PROMPT}
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live").get(live=live, item=item)


@pytest.fixture
def sam(check):
    return helpers.join(check.live, name="Sam")


def answer(activity, attendee, value, reason=""):
    return consent.consent_answer(activity=activity, attendee=attendee, answer=value, reason=reason)


def counts(activity):
    return {t.answer: t.count for t in consent.state(activity).tallies}


def fresh(activity):
    return Activity.objects.select_related("live").get(pk=activity.pk)


# ---- services ---------------------------------------------------------------------------------------


def test_answers_are_counted_with_their_reasons(check, sam):
    kim, noor = helpers.join(check.live, name="Kim"), helpers.join(check.live, name="Noor")
    answer(check, sam, "ja", reason="wordt weggelaten")
    answer(check, kim, "zorg", reason="Meer tijd voor jongeren")
    answer(check, noor, "nee", reason="  Eerst   het budget  ")
    state = consent.state(check)
    assert counts(check) == {"ja": 1, "zorg": 1, "nee": 1} and state.total == 3
    assert [(t.answer, t.reasons) for t in state.with_reasons] == [
        ("zorg", ["Meer tijd voor jongeren"]),
        ("nee", ["Eerst het budget"]),
    ]
    assert ConsentAnswer.objects.get(attendee=sam).reason == ""  # a yes needs no reason


def test_an_attendee_changes_their_answer_and_keeps_one_row(check, sam):
    answer(check, sam, "nee", reason="Het thema is te breed")
    answer(check, sam, "zorg", reason="Maak het smaller")
    answer(check, sam, "ja")
    assert ConsentAnswer.objects.filter(activity=check).count() == 1
    assert counts(check) == {"ja": 1, "zorg": 0, "nee": 0}
    with pytest.raises(IntegrityError):  # one answer per attendee, in the database
        ConsentAnswer.objects.create(activity=check, attendee=sam, answer="ja")


@pytest.mark.parametrize(
    "value, reason, message",
    [
        ("nee", "", "Schrijf op wat je nodig hebt"),
        ("zorg", "   ", "Schrijf op wat je nodig hebt"),
        ("nee", "x" * 301, "hoogstens 300 tekens"),
        ("misschien", "", "Kies ja, ja met een zorg, of nee"),
        ("", "", "Kies ja, ja met een zorg, of nee"),
    ],
)
def test_bad_answers_are_refused_in_dutch_and_nothing_is_stored(check, sam, value, reason, message):
    with pytest.raises(ValidationError) as refused:
        answer(check, sam, value, reason)
    assert message in " ".join(refused.value.messages)
    assert not ConsentAnswer.objects.exists()


def test_a_refused_change_keeps_the_answer_that_was_there(check, sam):
    answer(check, sam, "zorg", reason="Meer tijd")
    with pytest.raises(ValidationError):
        answer(check, sam, "nee")
    row = ConsentAnswer.objects.get(attendee=sam)
    assert (row.answer, row.reason) == ("zorg", "Meer tijd")


def test_answers_are_refused_when_closed_over_or_from_elsewhere(check, sam, workspace):
    services.activity_set(activity=check, is_open=False)
    with pytest.raises(ValidationError, match="gesloten"):
        answer(fresh(check), sam, "ja")
    services.activity_set(activity=check, is_open=True)
    stranger = helpers.join(helpers.live_meeting(workspace, name="Andere"), name="Kim")
    with pytest.raises(ValidationError, match="niet mee"):
        answer(fresh(check), stranger, "ja")
    services.item_goto(live=check.live, item=helpers.items(check.live)[2])
    with pytest.raises(ValidationError, match="voorbij"):
        answer(fresh(check), sam, "ja")
    assert not ConsentAnswer.objects.exists()


def test_clear_starts_over(check, sam):
    answer(check, sam, "nee", reason="Ander thema")
    answer(check, helpers.join(check.live, name="Kim"), "ja")
    assert consent.consent_clear(activity=check) == 2
    assert consent.state(check).total == 0 and not ConsentAnswer.objects.exists()
    answer(check, sam, "ja")  # and answering works again
    assert counts(check)["ja"] == 1


def test_results_give_counts_and_reasons(check, sam):
    assert consent.results(check) == {"title": PROMPT, "lines": []}
    answer(check, sam, "nee", reason="Eerst het budget")
    answer(check, helpers.join(check.live, name="Kim"), "ja")
    assert consent.results(check) == {
        "title": PROMPT,
        "lines": ["Ja: 1", "Ja, met een zorg: 0", "Nee: 1", "Nee: Eerst het budget"],
    }


# ---- phone ------------------------------------------------------------------------------------------


def _phone(check, attendee):
    return helpers.phone_client(Client(), check.live, attendee)


def _action(check):
    return reverse("live_activity_action", args=[check.live.code, check.pk, "answer"])


def test_the_phone_shows_its_own_answer_in_a_form(check, sam):
    answer(check, sam, "zorg", reason="Meer tijd voor jongeren")
    answer(check, helpers.join(check.live, name="Kim"), "nee", reason="Iets van een ander")
    page = _phone(check, sam).get(reverse("live_join", args=[check.live.code])).content.decode()
    assert "<legend" in page and 'value="zorg" required checked' in page
    assert "Meer tijd voor jongeren</textarea>" in page and "Iets van een ander" not in page
    mine = _phone(check, sam).get(reverse("live_activity_mine", args=[check.live.code, check.pk]))
    assert mine.status_code == 200 and "Antwoord wijzigen" in mine.content.decode()
    broadcast = render_to_string("live/_phone_stage.html", {**selectors.stage(check.live), "broadcast": True})
    assert "Meer tijd voor jongeren" not in broadcast and 'id="mine"' in broadcast


def test_a_phone_answers_with_and_without_script(check, sam):
    client = _phone(check, sam)
    response = client.post(_action(check), {"answer": "nee", "reason": "Eerst het budget"}, headers=LIVE)
    assert response.status_code == 200 and "Eerst het budget" in response.content.decode()
    response = client.post(_action(check), {"answer": "ja"})
    assert response.status_code == 302
    assert counts(check) == {"ja": 1, "zorg": 0, "nee": 0}


def test_a_no_without_a_reason_is_refused_on_the_phone(check, sam):
    client = _phone(check, sam)
    response = client.post(_action(check), {"answer": "nee", "reason": ""}, headers=LIVE)
    assert response.status_code == 400 and "Schrijf op wat je nodig hebt" in response.content.decode()
    response = client.post(_action(check), {"answer": "zorg"}, follow=True)
    assert "Schrijf op wat je nodig hebt" in response.content.decode()
    assert not ConsentAnswer.objects.exists()


# ---- projector and console --------------------------------------------------------------------------


def _projector(check):
    live = check.live
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def test_the_projector_shows_counts_and_reasons_without_names_only_when_revealed(check, sam):
    answer(check, sam, "nee", reason="Eerst het budget")
    answer(check, helpers.join(check.live, name="Kim"), "zorg", reason="Meer tijd")
    services.activity_set(activity=check, revealed=False)
    hidden = _projector(check)
    assert "2 mensen hebben geantwoord" in hidden and "Eerst het budget" not in hidden
    services.activity_set(activity=check, revealed=True)
    shown = _projector(check)
    assert '<span class="consent-n">1</span> <span class="consent-label">Nee</span>' in shown
    assert "Eerst het budget" in shown and "Meer tijd" in shown
    assert "Sam" not in shown and "Kim" not in shown


def _kind_url(check, action="clear"):
    meeting = check.live.meeting
    return reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, check.pk, action])


def test_the_console_shows_the_answers_and_clears_them(check, sam, facilitator, viewer):
    answer(check, sam, "nee", reason="Eerst het budget")
    meeting = check.live.meeting
    console = reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    page = client_for(viewer).get(console).content.decode()
    assert "Eerst het budget" in page and "Opnieuw beginnen" not in page
    assert client_for(viewer).post(_kind_url(check)).status_code == 403
    assert ConsentAnswer.objects.count() == 1
    client = client_for(facilitator)
    assert "Opnieuw beginnen" in client.get(console).content.decode()
    response = client.post(_kind_url(check), headers=HTMX)
    assert response.status_code == 200 and "0 mensen hebben geantwoord" in response.content.decode()
    assert not ConsentAnswer.objects.exists()
    assert client.post(_kind_url(check)).status_code == 302  # without script: back to the console
    assert client.post(_kind_url(check, "onbekend")).status_code == 404


# ---- websocket --------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_an_answer_makes_the_projector_refetch(check, sam):
    live = check.live
    projector = WebsocketCommunicator(
        application,
        f"/ws/live/{live.code}/projector/{live.projector_key}/",
        headers=[(b"origin", b"http://testserver")],
    )
    assert (await projector.connect())[0]
    assert bare((await projector.receive_json_from())["ops"]) == [{"op": "hello"}]
    client = await database_sync_to_async(_phone)(check, sam)
    response = await database_sync_to_async(client.post)(
        _action(check),
        {"answer": "zorg", "reason": "Meer tijd", "client_id": str(uuid.uuid4())},
        headers=LIVE,
    )
    assert response.status_code == 200
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    # A refused answer stores nothing and pushes nothing.
    response = await database_sync_to_async(client.post)(_action(check), {"answer": "nee"}, headers=LIVE)
    assert response.status_code == 400
    assert await projector.receive_nothing(timeout=0.3)
    await projector.disconnect()


def test_the_stages_take_the_same_number_of_queries_for_few_or_many_answers(check, facilitator):
    meeting = check.live.meeting
    console = reverse("live_console_stage", args=[meeting.process.workspace.slug, meeting.pk])
    client = client_for(facilitator)

    def counts():
        with CaptureQueriesContext(connection) as projector:
            _projector(check)
        with CaptureQueriesContext(connection) as consoles:
            client.get(console)
        return len(projector), len(consoles)

    for i in range(2):
        answer(check, helpers.join(check.live, name=""), "zorg", reason=f"Reden {i}")
    few = counts()
    for i in range(2, 12):
        answer(check, helpers.join(check.live, name=""), "zorg", reason=f"Reden {i}")
    assert counts() == few
