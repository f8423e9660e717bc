"""Long notes (issue 13 item 5): the limit and every word of live.js come from the server, a phone is told
before sending when a note is too long, the server's refusal is Dutch on the phone's own page, a long note is
clamped on the projector with its whole text on focus, and vote results stay on the screen, ties as ties."""

import json
import re
import uuid

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from allin.live import services
from allin.live.kinds.voting_state import TOP_ROWS_SHOWN, VoteState
from allin.live.models import NOTE_MAX

from . import helpers
from .kinds.voting.setup import _cast, _start

TOO_LONG = "woord " * 60  # 359 characters, folded: 359


def _texts(html):
    return json.loads(
        re.search(r'<script id="live-texts" type="application/json">(.*?)</script>', html, re.S)[1]
    )


def _phone(live, attendee):
    return helpers.phone_client(Client(), live, attendee)


def test_the_limit_and_the_words_of_live_js_come_from_the_server_translated():
    dutch = _texts(Template("{% load live_tags %}{% live_texts %}").render(Context()))
    assert dutch["noteMax"] == NOTE_MAX == 280
    assert dutch["sent"] == "Verstuurd!" and "%(n)s" in dutch["tooLong"] and "%(max)s" in dutch["counter"]
    with translation.override("en"):
        english = _texts(Template("{% load live_tags %}{% live_texts %}").render(Context()))
    assert english.keys() == dutch.keys()
    assert all(english[key] != dutch[key] for key in dutch if key != "noteMax"), english


def test_the_phone_page_carries_the_texts_and_a_note_field_that_does_not_cut_a_paste(board, attendee):
    page = _phone(board.live, attendee).get(reverse("live_join", args=[board.live.code])).content.decode()
    assert _texts(page)["noteMax"] == NOTE_MAX
    textarea = re.search(r"<textarea [^>]*id=\"note-text-[^>]*>", page)[0]
    assert "maxlength" not in textarea  # a pasted text is not cut off unseen; the counter says it is too long
    assert "Hoogstens 280 tekens." in page and "data-counter" in page


def test_too_long_a_note_is_refused_in_dutch_on_the_phones_own_page(board, attendee):
    phone = _phone(board.live, attendee)
    data = {"activity": board.pk, "client_id": str(uuid.uuid4()), "text": TOO_LONG, "category": "top"}
    url = reverse("live_note_post", args=[board.live.code])
    scripted = phone.post(url, data, headers={"X-Live": "1"})
    assert scripted.status_code == 400 and scripted["Content-Type"].startswith("text/plain")
    assert scripted.content.decode() == "Een post-it mag hoogstens 280 tekens hebben."
    plain = phone.post(url, data)
    page = plain.content.decode()
    assert plain.status_code == 400 and 'data-role="phone"' in page  # the phone page, not a bare error page
    assert "Een post-it mag hoogstens 280 tekens hebben." in page and TOO_LONG.strip() in page  # text kept
    assert not board.notes.exists()


def test_a_note_on_the_projector_is_clamped_and_shows_all_on_focus(board, attendee):
    helpers.post(board, attendee, text="x" * NOTE_MAX)
    live = board.live
    body = (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )
    assert re.search(
        r'<article class="note" id="pnote-\d+" tabindex="0"><p class="note-text" dir="auto">x{280}</p>', body
    )


@pytest.fixture
def tied(workspace):
    """A vote of seven ideas where everyone's dot is on a different idea: seven ideas share first place."""
    vote = _start(workspace, ideas=[f"Idee {n} " + "heel lang " * 25 for n in range(1, 8)])
    for option in vote.vote_options.all():
        _cast(vote, helpers.join(vote.live, name=f"P{option.pk}"), option)
    services.activity_set(activity=vote, revealed=True)
    return vote


def test_a_big_tie_shows_at_most_five_rows_and_says_how_many_more_share_the_place(tied):
    [column, _other] = VoteState(tied).columns
    assert len(column.top) == 7 and all(row.rank == 1 and row.tied for row in column.top)
    assert len(column.top_shown) == TOP_ROWS_SHOWN == 5 and len(column.top_tied_more) == 2
    live = tied.live
    body = (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )
    first = body.split('class="vote-column"')[1]
    assert first.count('class="vote-row is-tied"') == 5 and first.count(">gedeeld<") == 5
    assert "En nog 2 ideeën met evenveel stippen (1): ook plaats 1." in first


def test_a_tie_is_marked_and_a_clear_winner_is_not(workspace):
    vote = _start(workspace)
    first, second, third, _fourth = vote.vote_options.all()
    for who, option in [("A", first), ("B", first), ("C", second), ("D", third)]:
        _cast(vote, helpers.join(vote.live, name=who), option)
    [column, _other] = VoteState(vote).columns
    assert [(row.rank, row.tied) for row in column.top] == [(1, False), (2, True), (2, True)]
