"""Dot voting: the dot limit held by the database (also under concurrent requests), refusals, options
and settings."""

import threading
import time
import uuid
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, connections, transaction

from allin.live import notes, services
from allin.live.activity_models import Vote
from allin.live.kinds import voting
from tests.live import helpers

from .setup import BOTH, IDEAS, _board, _cast, _refused, _start

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


def test_a_dot_sent_again_with_its_client_id_is_one_dot_even_where_more_copies_are_allowed(
    vote, options, attendee
):
    vote = voting.vote_configure(activity=vote, dots=3, multiple=True, ballots=BOTH)
    key = uuid.uuid4()
    first = voting.vote_cast(
        activity=vote, attendee=attendee, option=options[0].pk, ballot="beste", client_id=key
    )
    again = voting.vote_cast(
        activity=vote, attendee=attendee, option=options[0].pk, ballot="beste", client_id=key
    )
    assert again.pk == first.pk and Vote.objects.filter(attendee=attendee).count() == 1
    voting.vote_cast(
        activity=vote, attendee=attendee, option=options[0].pk, ballot="beste", client_id=uuid.uuid4()
    )
    assert Vote.objects.filter(attendee=attendee).count() == 2  # a new tap, a new key: a second copy


def test_a_resent_dot_is_found_even_after_one_per_option_would_refuse_it_and_no_one_else_can_use_its_key(
    vote, options, attendee
):
    key = str(uuid.uuid4())
    first = voting.vote_cast(
        activity=vote, attendee=attendee, option=options[0].pk, ballot="beste", client_id=key
    )
    assert (
        voting.vote_cast(
            activity=vote, attendee=attendee, option=options[0].pk, ballot="beste", client_id=key
        )
        == first
    )
    kim = helpers.join(vote.live, name="Kim")
    _refused(
        lambda: voting.vote_cast(
            activity=vote, attendee=kim, option=options[1].pk, ballot="beste", client_id=key
        ),
        "niet goed aangekomen",
    )
    assert Vote.objects.count() == 1


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
