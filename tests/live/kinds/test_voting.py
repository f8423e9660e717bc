"""Dot voting: the dot limit and one-per-option rule held by the database (also under concurrent requests),
options from notes, themes and typed ideas, refusals, phones and console over HTTP, the hidden-until-revealed
projector, the top 3 per ballot, results() and the pushes."""

import re
import threading
import time
from unittest import mock

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, connections, transaction
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.asgi import application
from allin.live import notes, selectors, services
from allin.live.activity_models import Vote, VoteOption
from allin.live.kinds import voting
from allin.live.models import Activity
from tests import factories
from tests.conftest import client_for
from tests.live import helpers

HTMX, SCRIPT = {"HX-Request": "true"}, {"X-Live": "1"}
ALL_IN = {"type": "vote", "prompt": "Kies de beste ideeën", "ballots": ["beste", "meest haalbaar"], "dots": 3}
IDEAS = ["Jongerenwerker op school", "Eén loket", "Spreekuur in de bieb", "App met alle hulp"]
BOTH = ["beste", "meest haalbaar"]


def _start(workspace, name="Slot", ideas=IDEAS):
    """A live meeting: a slide, a notes board, then the vote (current), with `ideas` as its options."""
    meeting = factories.meeting(factories.empty_process(workspace), durations=(10, 20, 15), name=name)
    agenda = [("Welkom", {"type": "slide"}), ("Ideeën", {"type": "notes"}), ("Stemmen", ALL_IN)]
    for item, (title, activity) in zip(meeting.items.all(), agenda, strict=True):
        item.title, item.activity = title, activity
        item.save(update_fields=["title", "activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=helpers.items(live)[2])
    activity = Activity.objects.get(live=live, kind="vote")
    if ideas:
        voting.options_add(activity=activity, labels=ideas)
    return Activity.objects.select_related("live").get(pk=activity.pk)


@pytest.fixture
def vote(workspace):
    return _start(workspace)


@pytest.fixture
def attendee(vote):
    return helpers.join(vote.live)


@pytest.fixture
def options(vote):
    return list(vote.vote_options.all())


def _cast(vote, who, option, ballot="beste"):
    return voting.vote_cast(activity=vote, attendee=who, option=option.pk, ballot=ballot)


def _refused(call, message):
    with pytest.raises(ValidationError) as caught:
        call()
    assert message in " ".join(caught.value.messages)


def _board(vote):
    return Activity.objects.get(live=vote.live, kind="notes")


# ---- the dot limit and one dot per option -----------------------------------------------------------------


def test_each_ballot_has_its_own_dots_and_the_fourth_is_refused(vote, options, attendee):
    assert vote.revealed is False  # a vote starts hidden: no group-think
    for option in options[:3]:
        _cast(vote, attendee, option)
    _refused(lambda: _cast(vote, attendee, options[3]), "al je 3 stippen gebruikt")
    _cast(vote, attendee, options[3], ballot="meest haalbaar")
    slots = sorted(Vote.objects.filter(attendee=attendee).values_list("ballot", "slot"))
    assert slots == [("beste", 0), ("beste", 1), ("beste", 2), ("meest haalbaar", 0)]


def test_one_dot_per_option_unless_the_facilitator_allows_more(vote, options, attendee):
    _cast(vote, attendee, options[0])
    _refused(lambda: _cast(vote, attendee, options[0]), "al een stip op dit idee")
    assert Vote.objects.filter(attendee=attendee).count() == 1
    vote = voting.vote_configure(activity=vote, dots=3, multiple=True, ballots=BOTH)
    _cast(vote, attendee, options[0])
    _cast(vote, attendee, options[0])
    assert sorted(Vote.objects.filter(attendee=attendee).values_list("copy", flat=True)) == [0, 1, 2]


def test_the_database_refuses_a_used_slot_a_second_copy_and_an_eleventh_dot(vote, options, attendee):
    first = _cast(vote, attendee, options[0])
    row = {"activity": vote, "attendee": attendee, "ballot": "beste"}
    for option, slot in [(options[1], first.slot), (options[0], 5), (options[1], 10)]:
        with pytest.raises(IntegrityError), transaction.atomic():  # dot limit, one per option, at most ten
            Vote.objects.create(**row, option=option, slot=slot, copy=0)
    assert Vote.objects.count() == 1


def test_a_dot_taken_back_frees_its_slot_and_only_its_owner_takes_it(vote, options, attendee):
    votes = [_cast(vote, attendee, option) for option in options[:3]]
    kim = helpers.join(vote.live, name="Kim")
    _refused(lambda: voting.vote_withdraw(activity=vote, attendee=kim, vote=votes[1].pk), "niet meer")
    voting.vote_withdraw(activity=vote, attendee=attendee, vote=votes[1].pk)  # slot 1 is free, 2 is not
    assert _cast(vote, attendee, options[3]).slot == 1
    _refused(lambda: voting.vote_withdraw(activity=vote, attendee=attendee, vote=votes[1].pk), "niet meer")


@pytest.mark.parametrize("before, inserts, stored", [(2, [2], 2), (0, [0, 1], 2)])
def test_a_slot_taken_between_counting_and_inserting_is_counted_again(
    vote, options, attendee, before, inserts, stored
):
    """Another request takes our slot just before our insert: we count again, then take the next free
    slot or, with none left, refuse. (The stand-in runs in our transaction; a refusal rolls it back too.)"""
    for option in options[:before]:
        _cast(vote, attendee, option)
    real_insert, calls = voting._insert, []

    def racing_insert(**fields):
        if not calls:
            Vote.objects.create(**{**fields, "option": options[2]})
        calls.append(fields["slot"])
        return real_insert(**fields)

    with mock.patch.object(voting, "_insert", side_effect=racing_insert):
        if before:
            _refused(lambda: _cast(vote, attendee, options[3]), "al je 3 stippen gebruikt")
        else:
            assert _cast(vote, attendee, options[0]).slot == 1
    assert calls == inserts and Vote.objects.filter(attendee=attendee).count() == stored


def test_two_lost_races_in_a_row_end_with_a_calm_message(vote, options, attendee):
    with mock.patch.object(Vote.objects, "create", side_effect=IntegrityError("bezet")):
        _refused(lambda: _cast(vote, attendee, options[0]), "twee stemmen tegelijk")
    assert not Vote.objects.exists()


def _waiting_for_locks(call):
    """SQLite's in-memory test database shares one cache between connections, and there a writer meeting
    another's lock hears "table is locked" at once, where the file database the app runs on waits for it
    (busy_timeout). Running the request again once the lock is gone is what that waiting amounts to: the
    failed attempt was rolled back whole. PostgreSQL, and other errors, are not touched."""
    deadline = time.monotonic() + 20
    while True:
        try:
            return call()
        except OperationalError as exc:
            if connection.vendor != "sqlite" or "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _concurrent(count, call):
    """Run `call(i)` in `count` threads released at the same moment, each on its own database connection."""
    barrier, outcomes = threading.Barrier(count), [None] * count

    def run(i):
        try:
            barrier.wait(timeout=10)
            _waiting_for_locks(lambda: call(i))
            outcomes[i] = "ok"
        except ValidationError as exc:
            outcomes[i] = " ".join(exc.messages)
        except Exception as exc:  # noqa: BLE001 - shown by the assertion
            outcomes[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_concurrent_dots_cannot_exceed_the_limit(workspace, round_):
    vote = _start(workspace, ideas=[*IDEAS, "Buddy", "Vaste contactpersoon"])
    options, sam = list(vote.vote_options.all()), helpers.join(vote.live)
    for option in options[:2]:  # dots - 1
        _cast(vote, sam, option)
    outcomes = _concurrent(4, lambda i: _cast(vote, sam, options[2 + i]))
    assert outcomes.count("ok") == 1, outcomes
    assert all("al je 3 stippen gebruikt" in o for o in outcomes if o != "ok"), outcomes
    assert sorted(Vote.objects.filter(attendee=sam, ballot="beste").values_list("slot", flat=True)) == [
        0,
        1,
        2,
    ]


@pytest.mark.django_db(transaction=True)
def test_concurrent_dots_on_one_option_make_one_dot(workspace):
    vote = _start(workspace)
    option, sam = vote.vote_options.first(), helpers.join(vote.live)
    outcomes = _concurrent(3, lambda i: _cast(vote, sam, option))
    assert outcomes.count("ok") == 1, outcomes
    assert Vote.objects.filter(attendee=sam, option=option).count() == 1


# ---- refusals: a Dutch message, nothing stored ------------------------------------------------------------


def test_hidden_options_take_no_dots_and_their_dots_do_not_count(vote, options, attendee):
    kim = helpers.join(vote.live, name="Kim")
    _cast(vote, kim, options[0])
    _cast(vote, kim, options[1])
    voting.option_set_hidden(activity=vote, option=options[0].pk, hidden=True)
    _refused(lambda: _cast(vote, attendee, options[0]), "doet niet meer mee")
    beste = voting.VoteState(vote).columns[0]
    assert [(r.option, r.count) for r in beste.ranking] == [(options[1], 1), (options[2], 0), (options[3], 0)]
    assert voting.results(vote)["lines"] == ["Beste: 1. Eén loket (1 stip)"]
    voting.option_set_hidden(activity=vote, option=options[0].pk, hidden=False)  # its dots count again
    assert voting.results(vote)["lines"][0] == "Beste: 1. Jongerenwerker op school (1 stip)"
    assert Vote.objects.filter(attendee=attendee).count() == 0


def test_foreign_options_and_attendees_unknown_ballots_and_closed_votes_are_refused(
    vote, options, attendee, workspace
):
    other = _start(workspace, name="Andere", ideas=["Van elders"])
    foreign = other.vote_options.get()
    _refused(lambda: _cast(vote, attendee, foreign), "hoort niet bij deze stemming")
    _refused(lambda: voting.vote_cast(activity=vote, attendee=attendee, option="1 OR 1"), "hoort niet bij")
    _refused(lambda: _cast(vote, attendee, options[0], ballot="slechtste"), "lijst hoort niet")
    _refused(lambda: _cast(vote, helpers.join(other.live), options[0]), "doet niet mee aan deze bijeenkomst")
    services.activity_set(activity=vote, is_open=False)
    _refused(lambda: _cast(vote, attendee, options[0]), "stemmen is gesloten")
    services.item_goto(live=vote.live, item=helpers.items(vote.live)[1])
    _refused(lambda: _cast(vote, attendee, options[0]), "onderdeel is voorbij")
    services.live_close(live=vote.live)
    _refused(lambda: _cast(vote, attendee, options[0]), "afgelopen")
    assert not Vote.objects.exists()


# ---- options and settings ---------------------------------------------------------------------------------


def test_options_come_from_the_meetings_notes_and_themes_and_typed_ideas(workspace, facilitator):
    vote = _start(workspace, ideas=[])
    note, _ = helpers.post(_board(vote), author=facilitator, text="Gratis sport")
    hidden, _ = helpers.post(_board(vote), author=facilitator, text="Weg ermee")
    notes.note_set_hidden(note=hidden, hidden=True)
    theme = notes.theme_create(activity=_board(vote), name="Geld")
    sources = voting.VoteState(vote).sources
    assert [(s["activity"], s["themes"], s["notes"]) for s in sources] == [(_board(vote), [theme], [note])]
    voting.options_add(
        activity=vote, notes=[note.pk], themes=[theme.pk], labels=[" Eigen  idee ", "", "geld"]
    )
    assert [(o.label, o.note_id, o.theme_id) for o in vote.vote_options.all()] == [
        ("Geld", None, theme.pk),
        ("Gratis sport", note.pk, None),
        ("Eigen idee", None, None),
    ]
    assert voting.VoteState(vote).sources == []  # what is on the list is not offered again
    other = _start(workspace, name="Andere", ideas=[])
    foreign, _ = helpers.post(_board(other), author=facilitator, text="Van elders")
    for kwargs, message in [
        ({"labels": ["eigen IDEE"]}, "staan al op de lijst"),
        ({"notes": [hidden.pk]}, "hoort niet bij deze bijeenkomst of is verborgen"),
        ({"notes": [foreign.pk], "labels": ["Nieuw"]}, "hoort niet bij deze bijeenkomst"),
        ({"labels": ["x" * 281]}, "hoogstens 280 tekens"),
        ({}, "Kies minstens één"),
    ]:
        _refused(lambda kwargs=kwargs: voting.options_add(activity=vote, **kwargs), message)
    assert vote.vote_options.count() == 3


@pytest.mark.parametrize(
    "dots, ballots, message",
    [
        (0, [], "van 1 tot en met 10"),
        ("veel", [], "van 1 tot en met 10"),
        (11, [], "van 1 tot en met 10"),
        (3, ["beste", "Beste"], "andere naam"),
        (3, ["a", "b", "c", "d"], "hoogstens 3 lijsten"),
        (3, ["x" * 41], "hoogstens 40 tekens"),
    ],
)
def test_bad_settings_are_refused(vote, dots, ballots, message):
    _refused(
        lambda: voting.vote_configure(activity=vote, dots=dots, multiple=False, ballots=ballots), message
    )
    vote.refresh_from_db()
    assert vote.config == {"ballots": BOTH, "dots": 3}


def test_once_dots_are_given_only_safe_changes_are_allowed(vote, options, attendee):
    _cast(vote, attendee, options[0])
    configure = voting.vote_configure
    for dots, ballots in [(2, BOTH), (3, ["beste"])]:
        _refused(
            lambda d=dots, b=ballots: configure(activity=vote, dots=d, multiple=False, ballots=b), "op nul"
        )
    voting.vote_configure(activity=vote, dots=5, multiple=True, ballots=BOTH)
    voting.votes_reset(activity=vote)
    assert not Vote.objects.exists()
    vote = voting.vote_configure(activity=vote, dots=1, multiple=False, ballots=[])
    assert [b.name for b in voting.ballots(vote)] == [""] and voting.VoteState(vote).dots == 1


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


@pytest.fixture
def voted(vote, options, attendee):
    """Four people vote. Beste: 4, 3, 2, 1 dots. Meest haalbaar: App 2, Eén loket and Spreekuur 1 each."""
    a, b, c, d = attendee, *(helpers.join(vote.live, name=n) for n in ("Kim", "Noor", "Jay"))
    o0, o1, o2, o3 = options
    for ballot, picks in [
        ("beste", [(a, [o0, o1, o2]), (b, [o0, o1, o2]), (c, [o0, o1, o3]), (d, [o0])]),
        ("meest haalbaar", [(a, [o3, o2]), (b, [o3]), (c, [o1])]),
    ]:
        for who, chosen in picks:
            for option in chosen:
                _cast(vote, who, option, ballot)
    return vote


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
    assert (await projector.receive_json_from(timeout=2))["ops"] == [{"op": "refresh"}]
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
