"""Dot voting on the screens: phones, projector (hidden until revealed, then the top 3 per ballot),
console, results() and the pushes."""

import re

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.asgi import application
from allin.live import selectors, services
from allin.live.activity_models import Vote, VoteOption
from allin.live.kinds import voting
from tests.conftest import client_for
from tests.live import helpers
from tests.live.helpers import bare

from .setup import BOTH, HTMX, IDEAS, SCRIPT, _board, _cast

# ---- phones -----------------------------------------------------------------------------------------------


def _action(vote, name):
    return reverse("live_activity_action", args=[vote.live.code, vote.pk, name])


def test_a_phone_gives_a_dot_and_takes_it_back(vote, options, attendee):
    phone = helpers.phone_client(Client(), vote.live, attendee)
    body = phone.post(_action(vote, "stip"), {"ballot": "beste", "option": options[1].pk}, headers=SCRIPT)
    body = body.content.decode()
    assert "<strong>Beste:</strong> nog 2 stippen van de 3 over" in body
    assert "<strong>Meest haalbaar:</strong> nog 3 stippen van de 3 over" in body
    dot = Vote.objects.get(attendee=attendee, option=options[1], ballot="beste")
    assert f'name="vote" value="{dot.pk}"' in body and "Eén loket" in body
    response = phone.post(_action(vote, "stip-terug"), {"vote": dot.pk}, headers=HTMX)
    assert response.content.decode().count("nog 3 stippen van de 3 over") == 2 and not Vote.objects.exists()


def test_a_phone_that_sends_its_dot_twice_with_one_client_id_gets_one_dot_and_the_same_answer(
    vote, options, attendee
):
    phone = helpers.phone_client(Client(), vote.live, attendee)
    data = {"ballot": "beste", "option": options[1].pk, "client_id": "0b6f7c1e-2a4d-4c8e-9f3a-5d2e1c0b9a87"}
    answers = [phone.post(_action(vote, "stip"), data, headers=SCRIPT) for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200]
    assert [a["X-Live-Answer"] for a in answers] == ["1", "1"]  # ours: the phone's outbox settles on them
    assert "nog 2 stippen van de 3 over" in answers[1].content.decode()
    assert Vote.objects.filter(attendee=attendee).count() == 1


def test_a_take_back_sent_twice_answers_both_times_with_the_phones_dots(vote, options, attendee):
    phone = helpers.phone_client(Client(), vote.live, attendee)
    dot = _cast(vote, attendee, options[0])
    answers = [phone.post(_action(vote, "stip-terug"), {"vote": dot.pk}, headers=SCRIPT) for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200] and not Vote.objects.exists()
    assert answers[1].content.decode().count("nog 3 stippen van de 3 over") == 2
    vote.is_open = False
    vote.save(update_fields=["is_open"])
    closed = phone.post(_action(vote, "stip-terug"), {"vote": dot.pk}, headers=SCRIPT)
    assert closed.status_code == 400 and "gesloten" in closed.content.decode()  # a closed vote still says so


def test_a_refused_dot_is_our_dutch_text_marked_as_ours(vote, options, attendee):
    phone = helpers.phone_client(Client(), vote.live, attendee)
    response = phone.post(_action(vote, "stip"), {"ballot": "beste", "option": "abc"}, headers=SCRIPT)
    assert response.status_code == 400 and response["X-Live-Answer"] == "1"
    assert response["Content-Type"].startswith("text/plain") and "hoort niet bij" in response.content.decode()


def test_without_javascript_a_dot_redirects_and_a_refusal_is_shown(vote, options, attendee):
    phone, join = (
        helpers.phone_client(Client(), vote.live, attendee),
        reverse("live_join", args=[vote.live.code]),
    )
    response = phone.post(_action(vote, "stip"), {"ballot": "beste", "option": options[0].pk})
    assert response.status_code == 302 and response["Location"] == join + "#stage"
    page = phone.get(join).content.decode()
    assert "nog 2 stippen van de 3 over" in page and f'name="option" value="{options[3].pk}"' in page
    phone.post(_action(vote, "stip"), {"ballot": "beste", "option": options[0].pk})
    assert "al een stip op dit idee" in phone.get(join).content.decode() and Vote.objects.count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"ballot": "beste", "option": "abc"}, "hoort niet bij"),
        ({"ballot": "beste"}, "hoort niet bij"),
        ({"ballot": "alles", "option": "{first}"}, "lijst hoort niet"),
    ],
)
def test_a_refused_dot_says_why_in_dutch_and_stores_nothing(vote, options, attendee, data, message):
    phone = helpers.phone_client(Client(), vote.live, attendee)
    data = {k: v.format(first=options[0].pk) for k, v in data.items()}
    response = phone.post(_action(vote, "stip"), data, headers=SCRIPT)
    assert response.status_code == 400 and message in response.content.decode() and not Vote.objects.exists()


def test_the_pushed_phone_stage_is_the_same_for_all_and_mine_is_personal(vote, options, attendee):
    _cast(vote, attendee, options[2])
    stage = render_to_string("live/_phone_stage.html", {**selectors.stage(vote.live), "broadcast": True})
    assert stage.count('class="vote-option"') == 2 * len(IDEAS) and "stippen per lijst" in stage
    assert "nog 2" not in stage and "Terugnemen" not in stage and "vote-n" not in stage
    phone = helpers.phone_client(Client(), vote.live, attendee)
    mine = phone.get(reverse("live_activity_mine", args=[vote.live.code, vote.pk])).content.decode()
    assert "nog 2 stippen van de 3 over" in mine and "Terugnemen" in mine and "Spreekuur in de bieb" in mine


# ---- the projector: hidden until revealed, then the top 3 per ballot --------------------------------------


def _projector(vote):
    url = reverse("live_projector_stage", args=[vote.live.code, vote.live.projector_key])
    return Client().get(url).content.decode()


def _tops(body):
    """The labels in each ballot's top list, in order."""
    blocks = re.findall(r'vote-top">(.*?)</ol>', body, re.S)
    return [re.findall(r'class="vote-label">([^<]+)<', block) for block in blocks]


def test_the_projector_shows_how_many_voted_until_the_reveal(voted):
    body = _projector(voted)
    assert re.search(r'Beste</span> <span class="vote-turnout-n">4</span>', body)
    assert re.search(r'Meest haalbaar</span> <span class="vote-turnout-n">3</span>', body)
    assert "stip" not in body and "vote-results" not in body and "De 3 beste" not in body
    assert "App met alle hulp" in body  # the options, to read along, in their own order


def test_after_the_reveal_the_projector_shows_the_top_3_of_each_ballot(voted):
    services.activity_set(activity=voted, revealed=True)
    body = _projector(voted)
    assert body.index("De 3 beste ideeën") < body.index("De 3 meest haalbare ideeën")  # side by side
    assert 'class="vote-results vote-results-2"' in body
    assert _tops(body) == [
        ["Jongerenwerker op school", "Eén loket", "Spreekuur in de bieb"],
        ["App met alle hulp", "Eén loket", "Spreekuur in de bieb"],  # a tie for second place: both are top
    ]
    assert "4 stippen" in body and '<li value="2" class="vote-row">' in body
    assert re.search(r'vote-rest">\s*<li value="4">.*App met alle hulp', body, re.S)  # 4th on "beste"


def test_results_rank_each_ballot(voted):
    result = voting.results(voted)
    assert result["title"] == "Kies de beste ideeën"
    assert result["lines"] == [
        "Beste: 1. Jongerenwerker op school (4 stippen)",
        "Beste: 2. Eén loket (3 stippen)",
        "Beste: 3. Spreekuur in de bieb (2 stippen)",
        "Beste: 4. App met alle hulp (1 stip)",
        "Meest haalbaar: 1. App met alle hulp (2 stippen)",
        "Meest haalbaar: 2. Eén loket (1 stip)",
        "Meest haalbaar: 2. Spreekuur in de bieb (1 stip)",
    ]


def test_projector_and_console_read_in_a_fixed_number_of_queries(voted, facilitator):
    console, meeting = client_for(facilitator), voted.live.meeting
    url = reverse("live_console_stage", args=[meeting.process.workspace.slug, meeting.pk])
    services.activity_set(activity=voted, revealed=True)

    def counts():
        with CaptureQueriesContext(connection) as projector:
            _projector(voted)
        with CaptureQueriesContext(connection) as console_queries:
            assert console.get(url).status_code == 200
        return len(projector), len(console_queries)

    before = counts()
    voting.options_add(activity=voted, labels=[f"Idee {i}" for i in range(10)])
    for i in range(5):
        _cast(voted, helpers.join(voted.live, name=f"P{i}"), voted.vote_options.get(label=f"Idee {i}"))
    assert counts() == before


# ---- the console ------------------------------------------------------------------------------------------


def _kind(vote, name):
    meeting = vote.live.meeting
    return reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, vote.pk, name])


def _console(client, vote):
    meeting = vote.live.meeting
    return client.get(
        reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    ).content.decode()


def test_the_console_always_shows_the_live_count(voted, as_facilitator):
    body = _console(as_facilitator, voted)
    assert 'Jongerenwerker op school <strong class="vote-n">4</strong>' in body
    assert (
        "Beste · 4 mensen gestemd" in body and "Het scherm toont alleen hoeveel mensen hebben gestemd" in body
    )


@pytest.mark.parametrize("htmx", [True, False])
def test_console_actions_with_and_without_htmx(vote, options, attendee, as_facilitator, facilitator, htmx):
    note, _ = helpers.post(_board(vote), author=facilitator, text="Bus naar de bieb")
    assert f'id="vote-note-{note.pk}"' in _console(as_facilitator, vote)
    _cast(vote, attendee, options[0])

    def post(name, data):
        response = as_facilitator.post(_kind(vote, name), data, headers=HTMX if htmx else {})
        assert response.status_code == (200 if htmx else 302), response.content.decode()[:300]
        return response.content.decode()

    body = post("opties", {"note": [note.pk], "ideas": "Nieuw idee\n\nNog een"})
    labels = list(vote.vote_options.values_list("label", flat=True))
    assert labels == [*IDEAS, "Bus naar de bieb", "Nieuw idee", "Nog een"]
    assert not htmx or ("Nog een" in body and f'id="vote-note-{note.pk}"' not in body)
    post("verbergen", {"option": options[1].pk, "hidden": "1"})
    assert VoteOption.objects.get(pk=options[1].pk).hidden
    post("instellingen", {"dots": "5", "ballots": "beste, meest haalbaar", "multiple": "1"})
    vote.refresh_from_db()
    assert vote.config == {"dots": 5, "multiple": True, "ballots": BOTH}
    post("wissen", {})
    assert not Vote.objects.exists()


def test_a_refused_console_action_says_why_and_changes_nothing(vote, options, attendee, as_facilitator):
    _cast(vote, attendee, options[0])
    before = (vote.config, list(vote.vote_options.values()))
    for name, data, message in [
        ("instellingen", {"dots": "2", "ballots": "beste, meest haalbaar"}, "Zet eerst de stemmen op nul"),
        ("instellingen", {"dots": "12", "ballots": ""}, "van 1 tot en met 10"),
        ("opties", {"ideas": "x" * 281}, "hoogstens 280 tekens"),
        ("opties", {"note": "nee"}, "klopt niet"),
        ("verbergen", {"option": "999999", "hidden": "1"}, "hoort niet bij deze stemming"),
    ]:
        response = as_facilitator.post(_kind(vote, name), data, headers=HTMX)
        assert response.status_code == 400 and message in response.content.decode(), name
    vote.refresh_from_db()
    assert (vote.config, list(vote.vote_options.values())) == before and Vote.objects.count() == 1


def test_a_viewer_sees_the_count_but_no_controls(vote, options, as_viewer):
    before = list(vote.vote_options.values())
    assert as_viewer.post(_kind(vote, "opties"), {"ideas": "Van een kijker"}, headers=HTMX).status_code == 403
    assert as_viewer.post(_kind(vote, "wissen"), {}).status_code == 403
    body = _console(as_viewer, vote)
    assert (
        "Tussenstand" in body and _kind(vote, "opties") not in body and _kind(vote, "verbergen") not in body
    )
    assert list(vote.vote_options.values()) == before


# ---- realtime ---------------------------------------------------------------------------------------------


async def _socket(path, cookie=None):
    headers = [(b"origin", b"http://testserver")] + (
        [(b"cookie", "=".join(cookie).encode())] if cookie else []
    )
    communicator = WebsocketCommunicator(application, path, headers=headers)
    assert (await communicator.connect())[0]
    assert await communicator.receive_json_from() == {"ops": [{"op": "hello"}]}
    return communicator


@pytest.mark.django_db(transaction=True)
async def test_a_dot_makes_the_projector_refetch_and_phones_hear_nothing(vote, options, attendee):
    live = vote.live
    projector = await _socket(f"/ws/live/{live.code}/projector/{live.projector_key}/")
    phone = await _socket(
        f"/ws/live/{live.code}/phones/", await database_sync_to_async(helpers.cookie)(live, attendee)
    )
    await database_sync_to_async(_cast)(vote, attendee, options[0])
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    assert await phone.receive_nothing(timeout=0.3)
    body = await database_sync_to_async(_projector)(vote)
    assert re.search(r'Beste</span> <span class="vote-turnout-n">1</span>', body)  # what the refetch shows
    await projector.disconnect()
    await phone.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_new_options_reach_every_phone(vote, attendee):
    live = vote.live
    phone = await _socket(
        f"/ws/live/{live.code}/phones/", await database_sync_to_async(helpers.cookie)(live, attendee)
    )
    await database_sync_to_async(voting.options_add)(activity=vote, labels=["Gratis OV"])
    [stage] = (await phone.receive_json_from(timeout=2))["ops"]
    assert stage["op"] == "stage" and "Gratis OV" in stage["html"]
    assert '<div id="mine" data-mine-url=' in stage["html"] and "nog 3" not in stage["html"]
    await phone.disconnect()
