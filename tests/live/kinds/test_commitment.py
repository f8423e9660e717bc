"""The commitment round: three closing questions (the first required), one row per attendee that they may
change, sharing off by default; the console shows the shared ones one by one on the projector, never with a
name; what is not shared never reaches the projector, the console or the results. Phones with and without
script, the hidden-until-revealed rule, and the push to the projector."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.asgi import application
from allin.live import selectors, services
from allin.live.activity_models import Commitment
from allin.live.kinds import commitment
from allin.live.models import Activity
from tests.conftest import client_for
from tests.live import helpers
from tests.live.helpers import bare

HTMX = {"HX-Request": "true"}
LIVE = {"X-Live": "1"}
PROMPT = "Wat neem je mee, en wat gaat jouw organisatie doen?"


@pytest.fixture
def round_(workspace):
    """A live meeting on a commitment round item, with the method's own wording of the second question."""
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    item.activity = {
        "type": "commitment",
        "prompt": PROMPT,
        "questions": ["Wat neem je hier persoonlijk uit mee?", "Wat neem je mee voor je team?"],
    }
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live").get(live=live, item=item)


@pytest.fixture
def sam(round_):
    return helpers.join(round_.live, name="Sam")


def save(activity, attendee, personal, organisation="", action="", share=False):
    return commitment.commitment_save(
        activity=activity,
        attendee=attendee,
        personal=personal,
        organisation=organisation,
        action=action,
        share=share,
    )


def fresh(activity):
    return Activity.objects.select_related("live").get(pk=activity.pk)


def _projector(activity):
    live = activity.live
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


# ---- services ---------------------------------------------------------------------------------------


def test_questions_follow_the_method_and_fall_back_to_the_defaults(round_):
    assert commitment.questions(round_) == [
        "Wat neem je hier persoonlijk uit mee?",
        "Wat neem je mee voor je team?",
        "Wat gaat jouw organisatie de komende tijd doen om deze doelen te bereiken?",
    ]


def test_an_attendee_saves_and_changes_one_commitment(round_, sam):
    save(round_, sam, "Meer samenwerken", "Jongeren vaker vragen", share=False)
    row = save(round_, sam, "  Meer   samenwerken ", action="Een overleg per kwartaal", share=True)
    assert Commitment.objects.filter(activity=round_).count() == 1
    assert (row.personal, row.organisation, row.action, row.share) == (
        "Meer samenwerken",
        "",
        "Een overleg per kwartaal",
        True,
    )


def test_sharing_is_off_unless_chosen(round_, sam):
    assert save(round_, sam, "Iets voor mezelf").share is False


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"personal": ""}, "persoonlijk uit meeneemt"),
        ({"personal": "   ", "organisation": "wel dit"}, "persoonlijk uit meeneemt"),
        ({"personal": "x" * 501}, "hoogstens 500 tekens"),
        ({"personal": "ok", "action": "x" * 501}, "hoogstens 500 tekens"),
    ],
)
def test_bad_answers_are_refused_in_dutch_and_nothing_is_stored(round_, sam, fields, message):
    with pytest.raises(ValidationError) as refused:
        save(round_, sam, **fields)
    assert message in " ".join(refused.value.messages)
    assert not Commitment.objects.exists()


def test_answers_are_refused_when_closed_over_or_from_elsewhere(round_, sam, workspace):
    services.activity_set(activity=round_, is_open=False)
    with pytest.raises(ValidationError, match="gesloten"):
        save(fresh(round_), sam, "Iets")
    services.activity_set(activity=round_, is_open=True)
    stranger = helpers.join(helpers.live_meeting(workspace, name="Andere"), name="Kim")
    with pytest.raises(ValidationError, match="niet mee"):
        save(fresh(round_), stranger, "Iets")
    services.item_goto(live=round_.live, item=helpers.items(round_.live)[2])
    with pytest.raises(ValidationError, match="voorbij"):
        save(fresh(round_), sam, "Iets")
    assert not Commitment.objects.exists()


def _people(round_, n):
    return [helpers.join(round_.live, name=f"Persoon {i}") for i in range(n)]


def test_next_and_previous_walk_the_shared_commitments_only(round_):
    a, b, c, d = _people(round_, 4)
    first = save(round_, a, "Eerste", share=True)
    save(round_, b, "Privé", share=False)
    third = save(round_, c, "Derde", share=True)
    fourth = save(round_, d, "Vierde", share=True)
    assert commitment.commitment_step(activity=round_, offset=1) == first
    assert commitment.commitment_step(activity=round_, offset=1) == third  # the private one is skipped
    assert fresh(round_).config["showing"] == third.pk
    assert commitment.commitment_step(activity=round_, offset=1) == fourth
    with pytest.raises(ValidationError, match="geen antwoord meer"):
        commitment.commitment_step(activity=round_, offset=1)
    assert commitment.commitment_step(activity=round_, offset=-1) == third
    commitment.commitment_show(activity=round_, commitment=None)
    assert "showing" not in fresh(round_).config
    assert fresh(round_).config["questions"]  # the method's settings stay
    with pytest.raises(ValidationError, match="niet gedeeld"):
        commitment.commitment_show(activity=round_, commitment=Commitment.objects.get(share=False).pk)


def test_stepping_with_nothing_shared_says_so(round_, sam):
    save(round_, sam, "Privé")
    with pytest.raises(ValidationError, match="Nog niemand"):
        commitment.commitment_step(activity=round_, offset=1)


def test_results_are_the_shared_commitments(round_):
    a, b = _people(round_, 2)
    save(round_, a, "Samen optrekken", "Netwerk delen", "Overleg plannen", share=True)
    save(round_, b, "Geheim voornemen", share=False)
    assert commitment.results(round_) == {
        "title": PROMPT,
        "lines": ["Samen optrekken · Netwerk delen · Overleg plannen"],
    }


# ---- projector --------------------------------------------------------------------------------------


def test_the_projector_shows_one_shared_commitment_without_a_name(round_, sam):
    kim = helpers.join(round_.live, name="Kim")
    shared = save(round_, sam, "Meer luisteren", organisation="Jongeren betrekken", share=True)
    save(round_, kim, "Geheim voornemen", share=False)
    overview = _projector(round_)
    assert "1 gedeeld antwoord" in overview and "Meer luisteren" not in overview
    commitment.commitment_show(activity=round_, commitment=shared.pk)
    shown = _projector(round_)
    assert "Meer luisteren" in shown and "Jongeren betrekken" in shown and "Gedeeld antwoord 1 van 1" in shown
    assert "Wat neem je mee voor je team?" in shown
    assert "Sam" not in shown and "Geheim voornemen" not in shown


def test_a_commitment_that_is_no_longer_shared_leaves_the_projector(round_, sam):
    row = save(round_, sam, "Meer luisteren", share=True)
    commitment.commitment_show(activity=round_, commitment=row.pk)
    save(round_, sam, "Meer luisteren", share=False)
    assert "Meer luisteren" not in _projector(round_)


def test_unshared_commitments_never_appear_on_the_projector(round_):
    people = _people(round_, 3)
    for i, person in enumerate(people):
        save(round_, person, f"Privé voornemen {i}", f"Privé organisatie {i}", f"Privé actie {i}")
    for offset in (1, -1):
        with pytest.raises(ValidationError):
            commitment.commitment_step(activity=round_, offset=offset)
    stage = _projector(round_)
    assert "Privé" not in stage


def test_the_projector_shows_only_the_count_until_revealed(round_, sam):
    row = save(round_, sam, "Meer luisteren", share=True)
    commitment.commitment_show(activity=round_, commitment=row.pk)
    services.activity_set(activity=round_, revealed=False)
    hidden = _projector(round_)
    assert "1 persoon heeft ingevuld" in hidden and "Meer luisteren" not in hidden
    services.activity_set(activity=round_, revealed=True)
    assert "Meer luisteren" in _projector(round_)


# ---- phone ------------------------------------------------------------------------------------------


def _phone(activity, attendee):
    return helpers.phone_client(Client(), activity.live, attendee)


def _action(activity):
    return reverse("live_activity_action", args=[activity.live.code, activity.pk, "answer"])


def test_the_phone_form_holds_its_own_answers_only(round_, sam):
    save(round_, sam, "Mijn eigen voornemen", share=True)
    save(round_, helpers.join(round_.live, name="Kim"), "Dat van Kim", share=True)
    page = _phone(round_, sam).get(reverse("live_join", args=[round_.live.code])).content.decode()
    assert "Mijn eigen voornemen</textarea>" in page and "Dat van Kim" not in page
    assert 'name="share" value="on" checked' in page and "Wat neem je mee voor je team?" in page
    # A field named "action" would hide the form's own action from the page script.
    assert 'name="plan"' in page and 'name="action"' not in page
    broadcast = render_to_string(
        "live/_phone_stage.html", {**selectors.stage(round_.live), "broadcast": True}
    )
    assert "Mijn eigen voornemen" not in broadcast and "Dat van Kim" not in broadcast


def test_a_phone_saves_with_and_without_script(round_, sam):
    client = _phone(round_, sam)
    response = client.post(_action(round_), {"personal": "Meer luisteren", "share": "on"}, headers=LIVE)
    assert response.status_code == 200 and "mogen op het scherm" in response.content.decode()
    response = client.post(
        _action(round_), {"personal": "Meer luisteren", "organisation": "Beleid", "plan": "Overleg plannen"}
    )
    assert response.status_code == 302
    row = Commitment.objects.get(attendee=sam)
    assert (row.organisation, row.action, row.share) == (
        "Beleid",
        "Overleg plannen",
        False,
    )  # unticked: private


def test_a_phone_without_the_first_answer_is_refused(round_, sam):
    response = _phone(round_, sam).post(_action(round_), {"organisation": "Alleen dit"}, headers=LIVE)
    assert response.status_code == 400 and "persoonlijk uit meeneemt" in response.content.decode()
    assert not Commitment.objects.exists()


# ---- console ----------------------------------------------------------------------------------------


def _kind_url(activity, action):
    meeting = activity.live.meeting
    return reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, activity.pk, action])


def test_the_console_steps_through_the_shared_commitments(round_, facilitator, viewer):
    a, b, c = _people(round_, 3)
    first = save(round_, a, "Eerste gedeelde", share=True)
    save(round_, b, "Privé voornemen", share=False)
    second = save(round_, c, "Tweede gedeelde", share=True)
    meeting = round_.live.meeting
    console = reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    client = client_for(facilitator)
    page = client.get(console).content.decode()
    assert "Eerste gedeelde" in page and "Privé voornemen" not in page and "Eerste antwoord tonen" in page
    response = client.post(_kind_url(round_, "next"), headers=HTMX)
    assert response.status_code == 200 and "antwoord 1 van 2" in response.content.decode()
    assert client.post(_kind_url(round_, "next")).status_code == 302
    assert fresh(round_).config["showing"] == second.pk
    response = client.post(_kind_url(round_, "next"), headers=HTMX)
    assert response.status_code == 400 and "geen antwoord meer" in response.content.decode()
    client.post(_kind_url(round_, "show"), {"commitment": first.pk}, headers=HTMX)
    assert fresh(round_).config["showing"] == first.pk
    response = client.post(_kind_url(round_, "show"), {"commitment": "x"}, headers=HTMX)
    assert response.status_code == 400
    client.post(_kind_url(round_, "stop"), headers=HTMX)
    assert "showing" not in fresh(round_).config
    viewing = client_for(viewer)
    assert "Eerste antwoord tonen" not in viewing.get(console).content.decode()
    assert viewing.post(_kind_url(round_, "next")).status_code == 403
    assert "showing" not in fresh(round_).config


# ---- websocket --------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_saving_and_stepping_make_the_projector_refetch(round_, sam):
    live = round_.live
    projector = WebsocketCommunicator(
        application,
        f"/ws/live/{live.code}/projector/{live.projector_key}/",
        headers=[(b"origin", b"http://testserver")],
    )
    assert (await projector.connect())[0]
    assert bare((await projector.receive_json_from())["ops"]) == [{"op": "hello"}]
    client = await database_sync_to_async(_phone)(round_, sam)
    response = await database_sync_to_async(client.post)(
        _action(round_), {"personal": "Meer luisteren", "share": "on"}, headers=LIVE
    )
    assert response.status_code == 200
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    await database_sync_to_async(commitment.commitment_step)(activity=round_, offset=1)
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    await projector.disconnect()


def test_the_stages_take_the_same_number_of_queries_for_few_or_many_answers(round_, facilitator):
    meeting = round_.live.meeting
    console = reverse("live_console_stage", args=[meeting.process.workspace.slug, meeting.pk])
    client = client_for(facilitator)

    def counts():
        with CaptureQueriesContext(connection) as projector:
            _projector(round_)
        with CaptureQueriesContext(connection) as consoles:
            client.get(console)
        return len(projector), len(consoles)

    for i in range(2):
        save(round_, helpers.join(round_.live, name=""), f"Voornemen {i}", share=True)
    few = counts()
    for i in range(2, 12):
        save(round_, helpers.join(round_.live, name=""), f"Voornemen {i}", share=True)
    assert counts() == few
