"""Bad input to the activity kinds: a missing, malformed or absurdly long value from a phone or the console is
refused with a Dutch 400 (the phone's message text for its scripts, the console's stage for htmx) and saves
nothing. Each case posts what a broken page or a hand-made request could send."""

import pytest
from django.test import Client
from django.urls import reverse

from allin.live import services
from allin.live.activity_models import COMMITMENT_MAX, WORD_MAX, Commitment, Vote, WordAlias, WordAnswer
from allin.live.kinds import question_cards, voting
from allin.live.models import NOTE_MAX, Activity, Note, Table, TableSeat
from allin.socialmap.models import GROUP_NAME_MAX, Finding, NotFound, SearchWord, YouthGroup
from tests.conftest import client_for
from tests.live import helpers

LIVE = {"X-Live": "1"}
HTMX = {"HX-Request": "true"}


def live_activity(workspace, activity):
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    item.activity = activity
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live__meeting__process__workspace").get(live=live, item=item)


def phone_post(activity, attendee, action, data):
    client = helpers.phone_client(Client(), activity.live, attendee)
    url = reverse("live_activity_action", args=[activity.live.code, activity.pk, action])
    return client.post(url, data, headers=LIVE)


def console_post(activity, user, action, data):
    meeting = activity.live.meeting
    url = reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, activity.pk, action])
    return client_for(user).post(url, data, headers=HTMX)


def refused(response, message):
    body = response.content.decode()
    assert response.status_code == 400, body[:300]
    assert message in body, body[:300]


# ---- word cloud ---------------------------------------------------------------------------------------


@pytest.fixture
def cloud(workspace):
    return live_activity(workspace, {"type": "wordcloud", "prompt": "Welk woord?"})


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "x" * (WORD_MAX * 4 + 1)}, f"Een antwoord mag hoogstens {WORD_MAX} tekens hebben."),
        ({"text": "x" * (WORD_MAX + 1)}, f"Een antwoord mag hoogstens {WORD_MAX} tekens hebben."),
        ({}, "Typ eerst een woord."),
        ({"text": "geld", "client_id": "geen-sleutel"}, "Dit bericht is niet goed aangekomen."),
    ],
)
def test_a_bad_word_is_refused_and_nothing_saved(cloud, data, message):
    refused(phone_post(cloud, helpers.join(cloud.live), "answer", data), message)
    assert not WordAnswer.objects.exists()


@pytest.mark.parametrize(
    "action, data",
    [
        ("merge", {"word": "geld"}),
        ("unmerge", {}),
        ("hide", {"word": "geld", "hidden": "ja"}),
        ("merge", {"word": "geld", "into": "x" * (WORD_MAX * 4 + 1)}),
    ],
)
def test_a_malformed_console_request_on_the_cloud_is_refused(cloud, facilitator, action, data):
    phone_post(cloud, helpers.join(cloud.live), "answer", {"text": "geld"})
    refused(console_post(cloud, facilitator, action, data), "Dit verzoek klopt niet.")
    assert not WordAlias.objects.exists()


# ---- findings -----------------------------------------------------------------------------------------


@pytest.fixture
def search(workspace):
    return live_activity(workspace, {"type": "findings", "prompt": "Zoek hulp"})


@pytest.fixture
def grouped(search):
    """A phone that picked its group."""
    sam = helpers.join(search.live)
    assert phone_post(search, sam, "group", {"name": "Groepje 1"}).status_code == 200
    return sam


def test_a_too_long_group_name_is_refused_and_no_group_made(search):
    response = phone_post(
        search, helpers.join(search.live), "group", {"name": "x" * (GROUP_NAME_MAX * 4 + 1)}
    )
    refused(response, f"Een naam mag hoogstens {GROUP_NAME_MAX} tekens hebben.")
    assert not YouthGroup.objects.exists()


@pytest.mark.parametrize(
    "action, data, message, model",
    [
        ("word", {"text": "x" * 1000}, "Een zoekwoord mag hoogstens", SearchWord),
        ("word", {"text": "geld", "client_id": "123"}, "Dit bericht is niet goed aangekomen.", SearchWord),
        ("finding", {"organisation": "Geldfit", "tops": "x" * 5000}, "Deze tekst mag hoogstens", Finding),
        (
            "finding",
            {"organisation": "Geldfit", "findability": "9", "fit": "nul"},
            "Vindbaarheid: kies een cijfer van 1 tot en met 5. Past bij jongeren: kies een cijfer",
            Finding,
        ),
        ("finding", {}, "Vul de naam van de organisatie in.", Finding),
        ("notfound", {"name": "x" * 2000}, "Deze tekst mag hoogstens", NotFound),
        ("remove", {"what": "word", "id": "drie"}, "Dit staat er niet meer.", SearchWord),
        ("remove", {"what": "iets", "id": "1"}, "Dit staat er niet meer.", SearchWord),
    ],
)
def test_bad_findings_from_a_phone_are_refused_and_nothing_saved(
    search, grouped, action, data, message, model
):
    SearchWord.objects.create(group=YouthGroup.objects.get(), text="geld", word="geld")
    before = model.objects.count()
    refused(phone_post(search, grouped, action, data), message)
    assert model.objects.count() == before


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("mode", {"mode": "feest"}, "Kies verzamelen of presenteren."),
        ("mode", {}, "Kies verzamelen of presenteren."),
        ("show", {"organisation": "Geldfit"}, "Van deze organisatie zijn nog geen cijfers."),
    ],
)
def test_a_malformed_console_request_on_findings_is_refused(search, facilitator, action, data, message):
    refused(console_post(search, facilitator, action, data), message)
    search.refresh_from_db()
    assert "mode" not in search.config and "showing" not in search.config


# ---- dot voting ---------------------------------------------------------------------------------------


@pytest.fixture
def vote(workspace):
    activity = live_activity(workspace, {"type": "vote", "prompt": "Kies", "dots": 2})
    voting.options_add(activity=activity, labels=["Eén loket", "Spreekuur"])
    return activity


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("stip", {}, "Dit idee hoort niet bij deze stemming."),
        ("stip", {"option": "een"}, "Dit idee hoort niet bij deze stemming."),
        ("stip", {"option": "OPTION", "client_id": "kapot"}, "Dit bericht is niet goed aangekomen."),
        ("stip", {"option": "OPTION", "ballot": "x" * 1000}, "Een lijstnaam mag hoogstens"),
        ("stip-terug", {"vote": "de eerste"}, "Deze stip is er niet meer."),
    ],
)
def test_a_bad_dot_is_refused_and_none_saved(vote, action, data, message):
    option = vote.vote_options.first()
    data = {k: str(option.pk) if v == "OPTION" else v for k, v in data.items()}
    refused(phone_post(vote, helpers.join(vote.live), action, data), message)
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("opties", {"note": ["1", "twee"]}, "Dit verzoek klopt niet."),
        (
            "opties",
            {"ideas": "x" * (voting.LABEL_MAX * voting.OPTIONS_MAX * 4 + 1)},
            "Een idee mag hoogstens",
        ),
        ("verbergen", {"option": "geen", "hidden": "1"}, "Dit idee hoort niet bij deze stemming."),
        ("verbergen", {"option": "OPTION", "hidden": "ja"}, "Dit verzoek klopt niet."),
        ("instellingen", {"dots": "veel"}, "Kies een aantal stippen van 1 tot en met"),
        ("instellingen", {"dots": "2", "multiple": "misschien"}, "Dit verzoek klopt niet."),
    ],
)
def test_a_malformed_console_request_on_a_vote_changes_nothing(vote, facilitator, action, data, message):
    option = vote.vote_options.first()
    data = {k: str(option.pk) if v == "OPTION" else v for k, v in data.items()}
    refused(console_post(vote, facilitator, action, data), message)
    assert vote.vote_options.count() == 2 and not vote.vote_options.filter(hidden=True).exists()
    vote.refresh_from_db()
    assert vote.config.get("dots") == 2 and not vote.config.get("multiple")


# ---- commitment round ---------------------------------------------------------------------------------


@pytest.fixture
def round_(workspace):
    return live_activity(workspace, {"type": "commitment", "prompt": "Wat neem je mee?"})


@pytest.mark.parametrize(
    "data, message",
    [
        ({"personal": "x" * (COMMITMENT_MAX * 4 + 1)}, f"Een antwoord mag hoogstens {COMMITMENT_MAX} tekens"),
        (
            {"personal": "Moed", "plan": "x" * (COMMITMENT_MAX + 1)},
            f"Een antwoord mag hoogstens {COMMITMENT_MAX}",
        ),
        ({"personal": "Moed", "share": "graag"}, "Dit verzoek klopt niet."),
        ({}, "Vul in wat je hier persoonlijk uit meeneemt."),
    ],
)
def test_a_bad_commitment_is_refused_and_nothing_saved(round_, data, message):
    refused(phone_post(round_, helpers.join(round_.live), "answer", data), message)
    assert not Commitment.objects.exists()


def test_showing_a_commitment_that_is_no_number_is_refused(round_, facilitator):
    refused(console_post(round_, facilitator, "show", {"commitment": "de beste"}), "Dit verzoek klopt niet.")
    round_.refresh_from_db()
    assert "showing" not in round_.config


# ---- question cards -----------------------------------------------------------------------------------


@pytest.fixture
def tables(workspace):
    activity = live_activity(workspace, {"type": "question_cards", "prompt": "Bespreek de kaarten."})
    question_cards.tables_add(activity=activity, count=2)
    return activity


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("sit", {}, "Deze tafel bestaat niet (meer)."),
        ("sit", {"table": "tafel 1"}, "Deze tafel bestaat niet (meer)."),
        ("sit", {"table": "TABLE", "lead": "ja"}, "Dit verzoek klopt niet."),
        ("lead", {"lead": "misschien"}, "Dit verzoek klopt niet."),
    ],
)
def test_a_bad_seat_is_refused_and_none_taken(tables, action, data, message):
    table = tables.tables.first()
    data = {k: str(table.pk) if v == "TABLE" else v for k, v in data.items()}
    refused(phone_post(tables, helpers.join(tables.live), action, data), message)
    assert not TableSeat.objects.exists() and not Table.objects.filter(leader__isnull=False).exists()


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("card", {"table": "TABLE", "card": "volgende"}, "Er is geen kaart meer in die richting."),
        ("note", {"text": "x" * (NOTE_MAX * 4 + 1), "category": "idee"}, f"hoogstens {NOTE_MAX} tekens"),
        ("note", {"text": "Een idee", "category": "idee", "client_id": "stuk"}, "niet goed aangekomen"),
        ("note", {"text": "Een idee", "category": "x" * 1000}, "Deze tekst mag hoogstens"),
    ],
)
def test_a_bad_card_or_table_note_is_refused_and_nothing_saved(tables, action, data, message):
    table = tables.tables.first()
    sam = helpers.join(tables.live)
    question_cards.table_sit(activity=tables, attendee=sam, table_id=table.pk, lead=True)
    data = {k: str(table.pk) if v == "TABLE" else v for k, v in data.items()}
    refused(phone_post(tables, sam, action, data), message)
    assert not Note.objects.filter(activity=tables).exists()
    table.refresh_from_db()
    assert table.card_index == 0


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("tables", {"count": "veel"}, "Kies een aantal tafels van 1 tot"),
        ("tables", {}, "Kies een aantal tafels van 1 tot"),
        ("remove", {"table": "de eerste"}, "Deze tafel bestaat niet (meer)."),
    ],
)
def test_a_malformed_console_request_on_the_tables_changes_nothing(
    tables, facilitator, action, data, message
):
    refused(console_post(tables, facilitator, action, data), message)
    assert tables.tables.count() == 2


@pytest.mark.parametrize("number", ["9" * 25, "-5"])
def test_an_id_out_of_every_range_is_refused_not_an_error(vote, tables, facilitator, number):
    sam = helpers.join(vote.live)
    refused(phone_post(vote, sam, "stip", {"option": number}), "Dit idee hoort niet bij deze stemming.")
    refused(phone_post(vote, sam, "stip-terug", {"vote": number}), "Deze stip is er niet meer.")
    refused(console_post(vote, facilitator, "verbergen", {"option": number}), "Dit idee hoort niet bij")
    refused(console_post(tables, facilitator, "remove", {"table": number}), "Deze tafel bestaat niet (meer).")
    refused(
        phone_post(tables, helpers.join(tables.live), "sit", {"table": number}), "Deze tafel bestaat niet"
    )
    refused(console_post(vote, facilitator, "opties", {"note": [number]}), "Dit verzoek klopt niet.")
    assert not Vote.objects.exists() and tables.tables.count() == 2 and vote.vote_options.count() == 2
