"""Future dream and its photo cards: uploads sniffed, limited and re-encoded without metadata, served only to
those who may see them; one dream per attendee with a card of the workspace; the year; who is telling; the
reactions on the dream being told; phones, projector (anonymous) and console; the hidden-until-revealed rule;
the push to the projector; and the results."""

import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from allin.asgi import application
from allin.live import services
from allin.live.activity_models import Dream
from allin.live.kinds import dreams
from allin.live.models import Activity, Note
from tests import factories
from tests.conftest import client_for
from tests.live import helpers
from tests.live.helpers import bare
from tests.live.photo_helpers import upload

HTMX = {"HX-Request": "true"}
LIVE = {"X-Live": "1"}
QUESTIONS = ["Waar word je enthousiast van?", "Welk aspect verrast je?"]


@pytest.fixture
def dream_item(workspace):
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    item.activity = {
        "type": "future_dream",
        "year": 2030,
        "prompt": "Het is 2030 en de aanpak loopt geweldig. Hoe ziet die eruit?",
        "categories": QUESTIONS,
    }
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return fresh(Activity.objects.get(live=live, item=item))


def fresh(activity):
    return Activity.objects.select_related("live").get(pk=activity.pk)


@pytest.fixture
def sam(dream_item):
    return helpers.join(dream_item.live, name="Sam")


@pytest.fixture
def kim(dream_item):
    return helpers.join(dream_item.live, name="Kim")


@pytest.fixture
def card(workspace):
    return upload(workspace)


def save(activity, attendee, text="Elke jongere heeft een eigen coach.", photo_id=None):
    return dreams.dream_save(activity=activity, attendee=attendee, text=text, photo_id=photo_id)


def react(activity, attendee, dream, text="Dat de school meedoet", category=QUESTIONS[0], client_id=None):
    return dreams.reaction_create(
        activity=activity,
        attendee=attendee,
        dream_id=dream.pk,
        text=text,
        category=category,
        client_id=client_id or uuid.uuid4(),
    )


def _phone(activity, attendee):
    return helpers.phone_client(Client(), activity.live, attendee)


def _action(activity, name):
    return reverse("live_activity_action", args=[activity.live.code, activity.pk, name])


def _kind_url(activity, name):
    meeting = activity.live.meeting
    return reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, activity.pk, name])


def _projector(activity):
    live = activity.live
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


# ---- photo cards --------------------------------------------------------------------------------------


def test_phones_and_the_projector_of_a_live_meeting_of_the_workspace_get_the_image(dream_item, sam, card, db):
    live = dream_item.live
    phone_url = reverse("live_photo_phone", args=[live.code, card.token])
    projector_url = reverse("live_photo_projector", args=[live.code, live.projector_key, card.token])
    assert _phone(dream_item, sam).get(phone_url)["X-Content-Type-Options"] == "nosniff"
    assert Client().get(phone_url).status_code == 404  # no attendee cookie
    assert Client().get(projector_url).status_code == 200
    assert (
        Client().get(reverse("live_photo_projector", args=[live.code, "x" * 32, card.token])).status_code
        == 404
    )
    elsewhere = upload(factories.workspace("Gemeente Elders"))
    assert (
        _phone(dream_item, sam)
        .get(reverse("live_photo_phone", args=[live.code, elsewhere.token]))
        .status_code
        == 404
    )
    services.live_close(live=live)
    assert _phone(dream_item, sam).get(phone_url).status_code == 404


def test_one_dream_per_attendee_with_a_card_of_the_workspace(dream_item, sam, card):
    save(dream_item, sam, text="Eerste versie")
    dream = save(dream_item, sam, text="Regel een\r\n\r\n\r\n\x07Regel   twee", photo_id=card.pk)
    assert Dream.objects.count() == 1 and dream.text == "Regel een\n\nRegel twee" and dream.photo == card
    assert save(dream_item, sam, photo_id="").photo is None
    elsewhere = upload(factories.workspace("Gemeente Elders"))
    with pytest.raises(ValidationError, match="Deze fotokaart bestaat niet"):
        save(dream_item, sam, text="Andere droom", photo_id=elsewhere.pk)
    assert Dream.objects.get().text == "Elke jongere heeft een eigen coach."


@pytest.mark.parametrize("text, message", [("  ", "Schrijf eerst je droom op"), ("x" * 1001, "1000 tekens")])
def test_bad_dreams_are_refused(dream_item, sam, text, message):
    with pytest.raises(ValidationError, match=message):
        save(dream_item, sam, text=text)
    assert not Dream.objects.exists()


def test_no_dreams_when_closed(dream_item, sam):
    services.activity_set(activity=dream_item, is_open=False)
    with pytest.raises(ValidationError, match="gesloten"):
        save(fresh(dream_item), sam)
    assert not Dream.objects.exists()


def test_the_year_changes_config_and_prompt(dream_item):
    assert dreams.year_of(dream_item) == 2030
    dreams.year_set(activity=dream_item, year="2035")
    activity = fresh(dream_item)
    assert dreams.year_of(activity) == 2035 and activity.prompt.startswith("Het is 2035 en")
    for year in ("1999", "2101", "volgend jaar", ""):
        with pytest.raises(ValidationError, match="Kies een jaartal van 2020 tot en met 2100"):
            dreams.year_set(activity=activity, year=year)
    assert dreams.year_of(fresh(dream_item)) == 2035


def test_reactions_go_to_the_dream_being_told(dream_item, sam, kim):
    mine, theirs = save(dream_item, sam), save(dream_item, kim, text="Een loket voor alles")
    with pytest.raises(ValidationError, match="wordt nu niet verteld"):
        react(dream_item, kim, mine)
    dreams.present_set(activity=dream_item, dream_id=mine.pk)
    activity = fresh(dream_item)
    with pytest.raises(ValidationError, match="wordt nu niet verteld"):
        react(activity, sam, theirs)
    with pytest.raises(ValidationError, match="je eigen droom"):
        react(activity, sam, mine)
    with pytest.raises(ValidationError, match="Kies bij welke vraag"):
        react(activity, kim, mine, category="Wat vind je ervan?")
    key = uuid.uuid4()
    note, created = react(activity, kim, mine, client_id=key)
    again, created_again = react(activity, kim, mine, client_id=key)
    assert created and not created_again and again.pk == note.pk
    assert Note.objects.get().dream == mine and note.category == QUESTIONS[0]


def test_only_a_dream_of_this_activity_is_told(dream_item, sam):
    with pytest.raises(ValidationError, match="hoort niet bij dit onderdeel"):
        dreams.present_set(activity=dream_item, dream_id=999999)
    dream = save(dream_item, sam)
    dreams.present_set(activity=dream_item, dream_id=dream.pk)
    dreams.present_set(activity=fresh(dream_item), dream_id="")
    assert dreams.presenting_id(fresh(dream_item)) is None


def test_results_list_the_dreams_and_count_the_reactions(dream_item, sam, kim, card):
    dream = save(dream_item, sam, photo_id=card.pk)
    dreams.present_set(activity=dream_item, dream_id=dream.pk)
    activity = fresh(dream_item)
    react(activity, kim, dream)
    react(activity, kim, dream, text="Verrassend", category=QUESTIONS[1])
    react(activity, kim, dream, text="Nog een", category=QUESTIONS[1])
    assert dreams.results(activity)["lines"] == [
        "Droom voor 2030: Elke jongere heeft een eigen coach. (foto: Een brug over de rivier)",
        "Waar word je enthousiast van?: 1 reacties",
        "Welk aspect verrast je?: 2 reacties",
    ]


# ---- screens ------------------------------------------------------------------------------------------


def test_a_phone_writes_its_dream_and_picks_a_card(dream_item, sam, card):
    phone = _phone(dream_item, sam)
    page = phone.get(
        reverse("live_activity_mine", args=[dream_item.live.code, dream_item.pk])
    ).content.decode()
    assert "Jouw droom voor 2030" in page and 'alt="Een brug over de rivier"' in page and "Geen foto" in page
    response = phone.post(_action(dream_item, "dream"), {"text": "Een coach", "photo": card.pk}, headers=LIVE)
    assert response.status_code == 200 and "Droom bijwerken" in response.content.decode()
    assert Dream.objects.get().photo == card
    response = phone.post(_action(dream_item, "dream"), {"text": ""}, headers=LIVE)
    assert response.status_code == 400 and "Schrijf eerst je droom op" in response.content.decode()
    response = phone.post(_action(dream_item, "dream"), {"text": "Zonder script"})
    assert response.status_code == 302 and Dream.objects.get().text == "Zonder script"


def test_while_a_dream_is_told_the_others_answer_the_two_questions(dream_item, sam, kim, card):
    dream = save(dream_item, sam, photo_id=card.pk)
    dreams.present_set(activity=dream_item, dream_id=dream.pk)
    url = reverse("live_join", args=[dream_item.live.code])
    page = _phone(dream_item, kim).get(url).content.decode()
    assert "Deze droom wordt nu verteld" in page and "Elke jongere heeft een eigen coach." in page
    assert "Welk aspect verrast je?" in page and f'name="dream" value="{dream.pk}"' in page
    page = _phone(dream_item, sam).get(url).content.decode()
    assert "Jij vertelt nu over jouw droom" in page and 'name="dream" value=' not in page
    data = {
        "dream": dream.pk,
        "text": "De school doet mee",
        "category": QUESTIONS[0],
        "client_id": uuid.uuid4(),
    }
    response = _phone(dream_item, kim).post(_action(dream_item, "react"), data, headers=LIVE)
    assert response.status_code == 200 and "De school doet mee" in response.content.decode()


def test_the_projector_shows_the_dream_anonymously_and_reactions_when_revealed(dream_item, sam, kim, card):
    save(dream_item, kim)
    dream = save(dream_item, sam, photo_id=card.pk)
    page = _projector(dream_item)
    assert "2 dromen geschreven" in page and "eigen coach" not in page
    dreams.present_set(activity=dream_item, dream_id=dream.pk)
    react(fresh(dream_item), kim, dream, text="De school doet mee")
    services.activity_set(activity=fresh(dream_item), revealed=False)
    page = _projector(dream_item)
    src = reverse(
        "live_photo_projector", args=[dream_item.live.code, dream_item.live.projector_key, card.token]
    )
    assert "Elke jongere heeft een eigen coach." in page and f'src="{src}"' in page
    assert 'alt="Een brug over de rivier"' in page and "Sam" not in page
    assert "De school doet mee" not in page and "1 reactie ontvangen" in page
    services.activity_set(activity=fresh(dream_item), revealed=True)
    page = _projector(dream_item)
    assert "De school doet mee" in page and "Waar word je enthousiast van?" in page and "Kim" not in page


def test_the_console_sets_the_year_and_who_tells(dream_item, sam, as_facilitator, viewer):
    dream = save(dream_item, sam)
    response = as_facilitator.post(_kind_url(dream_item, "year"), {"year": "2040"}, headers=HTMX)
    assert response.status_code == 200 and 'value="2040"' in response.content.decode()
    response = as_facilitator.post(_kind_url(dream_item, "year"), {"year": "3000"}, headers=HTMX)
    assert response.status_code == 400 and "Kies een jaartal" in response.content.decode()
    response = as_facilitator.post(_kind_url(dream_item, "present"), {"dream": dream.pk}, headers=HTMX)
    body = response.content.decode()
    assert "Nu aan de beurt" in body and "Sam" in body and "Stoppen met vertellen" in body
    assert dreams.presenting_id(fresh(dream_item)) == dream.pk
    response = as_facilitator.post(_kind_url(dream_item, "present"), {"dream": ""})
    assert response.status_code == 302 and dreams.presenting_id(fresh(dream_item)) is None
    meeting = dream_item.live.meeting
    page = client_for(viewer).get(reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk]))
    assert "Laten vertellen" not in page.content.decode() and "Jaar opslaan" not in page.content.decode()
    assert client_for(viewer).post(_kind_url(dream_item, "present"), {"dream": dream.pk}).status_code == 403


@pytest.mark.django_db(transaction=True)
async def test_a_reaction_makes_the_projector_refetch(dream_item, sam, kim):
    def tell():
        dream = save(dream_item, sam)
        dreams.present_set(activity=dream_item, dream_id=dream.pk)
        return dream

    dream = await database_sync_to_async(tell)()
    live = dream_item.live
    projector = WebsocketCommunicator(
        application,
        f"/ws/live/{live.code}/projector/{live.projector_key}/",
        headers=[(b"origin", b"http://testserver")],
    )
    assert (await projector.connect())[0]
    assert bare((await projector.receive_json_from())["ops"]) == [{"op": "hello"}]
    client = await database_sync_to_async(_phone)(dream_item, kim)
    data = {"dream": dream.pk, "text": "Mooi", "category": QUESTIONS[1], "client_id": str(uuid.uuid4())}
    response = await database_sync_to_async(client.post)(_action(dream_item, "react"), data, headers=LIVE)
    assert response.status_code == 200
    # The projector refetches; the teller's phone hears of it too (a version the projector only counts).
    assert bare((await projector.receive_json_from(timeout=2))["ops"])[0] == {"op": "refresh"}
    await projector.disconnect()


# ---- the teller sees the answers on their dream; two are picked to be read out ----------------------------


@pytest.fixture
def told(dream_item, sam):
    dream = save(dream_item, sam)
    dreams.present_set(activity=dream_item, dream_id=dream.pk)
    return dream


def test_the_teller_sees_the_answers_on_their_dream(dream_item, sam, kim, told):
    react(fresh(dream_item), kim, told, text="Dat werkgevers meedoen", category=QUESTIONS[0])
    react(fresh(dream_item), kim, told, text="De eigen coach", category=QUESTIONS[1])
    page = _phone(dream_item, sam).get(reverse("live_join", args=[dream_item.live.code])).content.decode()
    assert "Wat de anderen over jouw droom schrijven" in page
    assert "Dat werkgevers meedoen" in page and "De eigen coach" in page
    listener = _phone(dream_item, kim).get(reverse("live_join", args=[dream_item.live.code])).content.decode()
    assert "Wat de anderen over jouw droom schrijven" not in listener


def test_two_answers_are_picked_to_read_out(dream_item, sam, kim, told, as_facilitator):
    lina = helpers.join(dream_item.live, name="Lina")
    one, _ = react(fresh(dream_item), kim, told, text="Dat werkgevers meedoen")
    two, _ = react(fresh(dream_item), lina, told, text="Een coach voor iedereen")
    three, _ = react(fresh(dream_item), lina, told, text="Minder papier", category=QUESTIONS[1])
    url = _kind_url(dream_item, "pick")
    assert as_facilitator.post(url, {"note": one.pk, "picked": "1"}, headers=HTMX).status_code == 200
    assert as_facilitator.post(url, {"note": two.pk, "picked": "1"}, headers=HTMX).status_code == 200
    response = as_facilitator.post(url, {"note": three.pk, "picked": "1"}, headers=HTMX)
    assert response.status_code == 400 and "al 2 reacties gekozen" in response.content.decode()
    assert dreams.picked_ids(fresh(dream_item), told.pk) == [one.pk, two.pk]
    projector = _projector(dream_item)
    assert "Wordt voorgelezen" in projector and "Een coach voor iedereen" in projector
    teller = _phone(dream_item, sam).get(reverse("live_join", args=[dream_item.live.code])).content.decode()
    assert teller.count("wordt voorgelezen") == 2
    as_facilitator.post(url, {"note": one.pk, "picked": "0"}, headers=HTMX)
    dreams.reaction_pick(activity=fresh(dream_item), note_id=three.pk)
    assert dreams.picked_ids(fresh(dream_item), told.pk) == [two.pk, three.pk]


def test_a_note_of_another_activity_cannot_be_picked(dream_item, told, other_live):
    with pytest.raises(ValidationError, match="hoort niet bij een droom"):
        dreams.reaction_pick(activity=dream_item, note_id=999999)
    with pytest.raises(ValidationError, match="hoort niet bij een droom"):
        dreams.reaction_pick(activity=dream_item, note_id="iets")
