"""The word cloud: normalising and counting answers, the per-attendee limit and retries, merging and hiding
spellings, the SVG (well-formed, every visible word, nothing overlapping), phones, projector and console with
and without htmx, the hidden-until-revealed rule, the push to the projector, and the results."""

import uuid
import xml.etree.ElementTree as ET

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.asgi import application
from allin.live import services
from allin.live.activity_models import WordAlias, WordAnswer
from allin.live.kinds import wordcloud, wordcloud_svg
from allin.live.models import Activity
from tests.conftest import client_for
from tests.live import helpers
from tests.live.helpers import bare

HTMX = {"HX-Request": "true"}
LIVE = {"X-Live": "1"}
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def cloud(workspace):
    """A live meeting on a word cloud item."""
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    item.activity = {"type": "wordcloud", "prompt": "Met welke zoekwoorden zocht je naar hulp?"}
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live").get(live=live, item=item)


@pytest.fixture
def sam(cloud):
    return helpers.join(cloud.live, name="Sam")


def send(activity, attendee, text, client_id=None):
    return wordcloud.word_answer_create(
        activity=activity, attendee=attendee, text=text, client_id=client_id or uuid.uuid4()
    )


def ranked(activity):
    return [(e.word, e.count) for e in wordcloud.Cloud(activity).ranking]


def fresh(activity):
    return Activity.objects.select_related("live").get(pk=activity.pk)


# ---- services ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("Schulden!", "schulden"),
        ("  Hulp   bij\tGELD? ", "hulp bij geld"),
        ("wat?!", "wat?"),  # one trailing mark only
        ("geld .", "geld"),
        ("NIBUD", "nibud"),
    ],
)
def test_answers_are_normalised(text, word):
    assert wordcloud.normalise(text) == word


def test_answers_are_counted_by_their_normal_spelling(cloud, sam):
    kim = helpers.join(cloud.live, name="Kim")
    send(cloud, sam, "Schulden!")
    send(cloud, kim, "schulden")
    send(cloud, kim, "Budgetcoach")
    answer = WordAnswer.objects.get(activity=cloud, text="Schulden!")
    assert answer.word == "schulden" and answer.attendee == sam
    assert ranked(cloud) == [("schulden", 2), ("budgetcoach", 1)]


def test_a_retry_with_the_same_client_id_makes_one_answer(cloud, sam):
    key = uuid.uuid4()
    first, created = send(cloud, sam, "geld", key)
    again, created_again = send(cloud, sam, "geld", key)
    assert created and not created_again and first.pk == again.pk
    assert WordAnswer.objects.filter(activity=cloud).count() == 1
    kim = helpers.join(cloud.live, name="Kim")
    with pytest.raises(ValidationError):  # someone else's key
        send(cloud, kim, "geld", key)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Typ eerst een woord"),
        ("   ", "Typ eerst een woord"),
        ("!", "Typ eerst een woord"),
        ("x" * 41, "hoogstens 40 tekens"),
        ("een twee drie vier", "hoogstens 3 woorden"),
    ],
)
def test_bad_answers_are_refused_in_dutch_and_nothing_is_stored(cloud, sam, text, message):
    with pytest.raises(ValidationError) as refused:
        send(cloud, sam, text)
    assert message in " ".join(refused.value.messages)
    assert not WordAnswer.objects.exists()


def test_answers_are_refused_when_closed_over_or_from_elsewhere(cloud, sam, workspace):
    services.activity_set(activity=cloud, is_open=False)
    with pytest.raises(ValidationError, match="gesloten"):
        send(fresh(cloud), sam, "geld")
    services.activity_set(activity=cloud, is_open=True)
    stranger = helpers.join(helpers.live_meeting(workspace, name="Andere"), name="Kim")
    with pytest.raises(ValidationError, match="niet mee"):
        send(fresh(cloud), stranger, "geld")
    services.item_goto(live=cloud.live, item=helpers.items(cloud.live)[2])
    with pytest.raises(ValidationError, match="voorbij"):
        send(fresh(cloud), sam, "geld")
    services.live_close(live=cloud.live)
    with pytest.raises(ValidationError, match="afgelopen"):
        send(fresh(cloud), sam, "geld")
    assert not WordAnswer.objects.exists()


def test_an_attendee_may_send_ten_answers(cloud, sam):
    for i in range(wordcloud.ANSWERS_PER_ATTENDEE):
        send(cloud, sam, f"woord {i}")
    with pytest.raises(ValidationError, match="al 10 woorden"):
        send(cloud, sam, "nog een")
    assert WordAnswer.objects.filter(attendee=sam).count() == 10
    send(cloud, helpers.join(cloud.live, name="Kim"), "nog een")  # the limit is per attendee


def test_merging_two_spellings_counts_them_as_one(cloud, sam):
    for text in ("schulden", "Schulden", "schuld", "geldzorgen", "geld zorgen"):
        send(cloud, sam, text)
    wordcloud.word_merge(activity=cloud, word="schuld", into="schulden")
    wordcloud.word_merge(activity=cloud, word="geld zorgen", into="geldzorgen")
    top = wordcloud.Cloud(cloud).ranking[0]
    assert (top.word, top.count, top.spellings) == ("schulden", 3, ["schuld"])
    assert ranked(cloud) == [("schulden", 3), ("geldzorgen", 2)]
    # Merging the merged word on: what was merged into it goes along (no chains).
    wordcloud.word_merge(activity=cloud, word="geldzorgen", into="schulden")
    assert ranked(cloud) == [("schulden", 5)]
    assert set(WordAlias.objects.values_list("word", "target")) == {
        ("schuld", "schulden"),
        ("geld zorgen", "schulden"),
        ("geldzorgen", "schulden"),
    }
    wordcloud.word_unmerge(activity=cloud, word="geldzorgen")
    assert ranked(cloud) == [("schulden", 4), ("geldzorgen", 1)]


@pytest.mark.parametrize("word, into", [("schulden", "schulden"), ("schulden", "onbekend"), ("", "schulden")])
def test_a_merge_needs_two_different_words_of_the_cloud(cloud, sam, word, into):
    send(cloud, sam, "schulden")
    with pytest.raises(ValidationError):
        wordcloud.word_merge(activity=cloud, word=word, into=into)
    assert not WordAlias.objects.exists()


def test_a_hidden_word_leaves_the_cloud_and_its_senders_list(cloud, sam):
    send(cloud, sam, "rotwoord")
    send(cloud, sam, "geld")
    wordcloud.word_set_hidden(activity=cloud, word="Rotwoord", hidden=True)
    state = wordcloud.Cloud(cloud)
    assert ranked(cloud) == [("geld", 1)] and [e.word for e in state.hidden] == ["rotwoord"]
    assert state.total == 1
    assert "rotwoord" not in state.svg and "geld" in state.svg
    assert [a.text for a in wordcloud.mine_context(cloud, sam)["my_words"]] == ["geld"]
    assert wordcloud.results(cloud)["lines"] == ["geld (1)"]
    wordcloud.word_set_hidden(activity=cloud, word="rotwoord", hidden=False)
    assert ranked(cloud) == [("geld", 1), ("rotwoord", 1)]
    assert not WordAlias.objects.exists()


def test_the_svg_is_well_formed_and_shows_every_visible_word(cloud, sam):
    words = ["schulden", "geld", "hulp bij geld", "<b>&co", "jongerenloket"]
    for i, word in enumerate(words):
        for _ in range(i + 1):
            send(cloud, helpers.join(cloud.live, name=""), word)
    svg = ET.fromstring(str(wordcloud.Cloud(cloud).svg))
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    assert "15 antwoorden" in svg.get("aria-label")
    texts = {t.text: t for t in svg.iter(f"{SVG}text")}
    assert set(texts) == set(words)
    # Most frequent largest.
    sizes = [float(texts[w].get("font-size")) for w in words]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_the_layout_is_deterministic_and_nothing_overlaps():
    words = tuple((f"woord{i} {'x' * (i % 7)}", 60 - i) for i in range(40))
    first = wordcloud_svg.layout(words)
    wordcloud_svg.layout.cache_clear()
    assert wordcloud_svg.layout(words) == first and len(first) >= 30
    boxes = []
    for _word, x, y, size, width, _colour in first:
        box = (x - width / 2, y - size * 0.8, x + width / 2, y + size * 0.2)
        assert (
            0 <= box[0] and box[2] <= wordcloud_svg.WIDTH and 0 <= box[1] and box[3] <= wordcloud_svg.HEIGHT
        )
        assert not any(wordcloud_svg._overlap(box, other) for other in boxes)
        boxes.append(box)


def test_results_rank_the_words(cloud, sam):
    for text in ("geld", "schulden", "Geld", "hulp"):
        send(cloud, sam, text)
    assert wordcloud.results(cloud) == {
        "title": "Met welke zoekwoorden zocht je naar hulp?",
        "lines": ["geld (2)", "hulp (1)", "schulden (1)"],
    }


# ---- phone ------------------------------------------------------------------------------------------


def _phone(cloud, attendee):
    return helpers.phone_client(Client(), cloud.live, attendee)


def _action(cloud, name="answer"):
    return reverse("live_activity_action", args=[cloud.live.code, cloud.pk, name])


def test_the_phone_shows_the_form_and_its_own_words(cloud, sam):
    send(cloud, sam, "budgetcoach")
    send(cloud, helpers.join(cloud.live, name="Kim"), "van een ander")
    page = _phone(cloud, sam).get(reverse("live_join", args=[cloud.live.code])).content.decode()
    assert 'for="wc-text-' in page and 'name="client_id" value="' in page
    assert "budgetcoach" in page and "van een ander" not in page and "nog 9 antwoorden" in page
    mine = _phone(cloud, sam).get(reverse("live_activity_mine", args=[cloud.live.code, cloud.pk]))
    assert mine.status_code == 200 and "budgetcoach" in mine.content.decode()


def test_a_phone_sends_a_word_with_and_without_script(cloud, sam):
    client = _phone(cloud, sam)
    response = client.post(_action(cloud), {"text": "Bijstand", "client_id": str(uuid.uuid4())}, headers=LIVE)
    assert response.status_code == 200 and "Bijstand" in response.content.decode()
    response = client.post(_action(cloud), {"text": "toeslagen", "client_id": str(uuid.uuid4())})
    assert response.status_code == 302 and response["Location"].endswith("#stage")
    assert ranked(cloud) == [("bijstand", 1), ("toeslagen", 1)]


def test_a_phone_gets_a_dutch_refusal_and_nothing_is_stored(cloud, sam):
    client = _phone(cloud, sam)
    response = client.post(
        _action(cloud), {"text": "een twee drie vier", "client_id": str(uuid.uuid4())}, headers=LIVE
    )
    assert response.status_code == 400 and "hoogstens 3 woorden" in response.content.decode()
    response = client.post(_action(cloud), {"text": "", "client_id": str(uuid.uuid4())}, follow=True)
    assert "Typ eerst een woord" in response.content.decode()
    assert not WordAnswer.objects.exists()


def test_the_pushed_phone_stage_carries_nobodys_words(cloud, sam):
    from django.template.loader import render_to_string

    from allin.live import selectors

    send(cloud, sam, "geheim")
    html = render_to_string("live/_phone_stage.html", {**selectors.stage(cloud.live), "broadcast": True})
    assert 'action="' + _action(cloud) + '"' in html and "geheim" not in html


# ---- projector and console --------------------------------------------------------------------------


def _projector(cloud):
    live = cloud.live
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def test_the_projector_shows_the_count_until_the_cloud_is_revealed(cloud, sam):
    send(cloud, sam, "schuldhulp")
    send(cloud, sam, "geld")
    services.activity_set(activity=cloud, revealed=False)
    hidden = _projector(cloud)
    assert "2 antwoorden ontvangen" in hidden and "schuldhulp" not in hidden and "<svg" not in hidden
    services.activity_set(activity=cloud, revealed=True)
    shown = _projector(cloud)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in shown and 'role="img"' in shown
    assert "<li>schuldhulp: 1</li>" in shown  # the ranked list for screen readers


def _kind_url(cloud, action):
    meeting = cloud.live.meeting
    return reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, cloud.pk, action])


def test_the_console_merges_and_hides_with_and_without_htmx(cloud, sam, facilitator):
    for text in ("schulden", "schuld", "vloek"):
        send(cloud, sam, text)
    client = client_for(facilitator)
    meeting = cloud.live.meeting
    page = client.get(
        reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    ).content.decode()
    assert "Twee schrijfwijzen samenvoegen" in page and "<svg" in page
    response = client.post(_kind_url(cloud, "merge"), {"word": "schuld", "into": "schulden"}, headers=HTMX)
    assert response.status_code == 200 and "schuld → schulden" in response.content.decode()
    response = client.post(_kind_url(cloud, "hide"), {"word": "vloek", "hidden": "1"})
    assert response.status_code == 302
    assert ranked(cloud) == [("schulden", 2)]
    response = client.post(_kind_url(cloud, "merge"), {"word": "schulden", "into": "schulden"}, headers=HTMX)
    assert response.status_code == 400 and "twee verschillende woorden" in response.content.decode()
    response = client.post(_kind_url(cloud, "unmerge"), {"word": "schuld"}, headers=HTMX)
    assert response.status_code == 200 and ranked(cloud) == [("schuld", 1), ("schulden", 1)]


def test_viewers_see_the_cloud_but_cannot_change_it(cloud, sam, viewer):
    send(cloud, sam, "schulden")
    send(cloud, sam, "schuld")
    client = client_for(viewer)
    meeting = cloud.live.meeting
    page = client.get(
        reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    ).content.decode()
    assert "schulden" in page and "Twee schrijfwijzen samenvoegen" not in page and "Verbergen" not in page
    assert client.post(_kind_url(cloud, "hide"), {"word": "schuld"}).status_code == 403
    assert not WordAlias.objects.exists()


# ---- websocket --------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_an_answer_makes_the_projector_and_console_refetch(cloud, sam, facilitator):
    live = cloud.live
    projector = WebsocketCommunicator(
        application,
        f"/ws/live/{live.code}/projector/{live.projector_key}/",
        headers=[(b"origin", b"http://testserver")],
    )
    assert (await projector.connect())[0]
    assert bare((await projector.receive_json_from())["ops"]) == [{"op": "hello"}]
    client = await database_sync_to_async(_phone)(cloud, sam)
    response = await database_sync_to_async(client.post)(
        _action(cloud), {"text": "geld", "client_id": str(uuid.uuid4())}, headers=LIVE
    )
    assert response.status_code == 200
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    await projector.disconnect()


def test_the_stages_take_the_same_number_of_queries_for_few_or_many_answers(cloud, facilitator):
    meeting = cloud.live.meeting
    console = reverse("live_console_stage", args=[meeting.process.workspace.slug, meeting.pk])
    client = client_for(facilitator)

    def counts():
        with CaptureQueriesContext(connection) as projector:
            _projector(cloud)
        with CaptureQueriesContext(connection) as consoles:
            client.get(console)
        return len(projector), len(consoles)

    for i in range(2):
        send(cloud, helpers.join(cloud.live, name=""), f"woord {i}")
    few = counts()
    for i in range(2, 12):
        send(cloud, helpers.join(cloud.live, name=""), f"woord {i}")
    assert counts() == few
