"""The phone over HTTP: joining by code, the signed cookie, the rate limit on wrong codes, posting notes with
and without JavaScript; and what the projector may show of them."""

import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.live import attendance, notes, services
from allin.live.models import Attendee, Note
from allin.live.phone_views import WRONG_CODES_PER_MINUTE

from . import helpers

CALM = "Wacht een minuut en probeer het dan opnieuw"


def _join_url(live):
    return reverse("live_join", args=[live.code])


def _projector_url(live, stage=False):
    return reverse(
        "live_projector_stage" if stage else "live_projector", args=[live.code, live.projector_key]
    )


def _note_url(live):
    return reverse("live_note_post", args=[live.code])


def _note(board, text="Meer uitleg op school", **extra):
    return {"activity": board.pk, "client_id": str(uuid.uuid4()), "text": text, "category": "top", **extra}


@pytest.fixture
def phone(live, attendee):
    return helpers.phone_client(Client(), live, attendee)


# ---- joining -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {lower} ", "{first}-{rest}", "{first} {rest}"])
def test_the_code_box_finds_the_meeting(client, live, typed):
    code = live.code
    raw = typed.format(code=code, lower=code.lower(), first=code[:3].lower(), rest=code[3:])
    response = client.get(reverse("live_code"), {"code": raw})
    assert response.status_code == 302 and response["Location"] == _join_url(live)


def test_a_code_typed_in_the_address_redirects_to_its_canonical_form(client, live):
    # A code of digits only has no lower case to redirect from; one random code in ~3,000 is such a code.
    live.code = "ABC234"
    live.save(update_fields=["code"])
    response = client.get(f"/j/{live.code.lower()}/")
    assert response.status_code == 302 and response["Location"] == _join_url(live)


def test_an_unknown_code_says_so_in_dutch(client, live):
    response = client.get(reverse("live_code"), {"code": "ZZZZZZ"})
    assert response.status_code == 404 and "Deze code kennen we niet" in response.content.decode()
    assert client.get("/j/ZZZZZZ/").status_code == 404
    assert client.get("/j/NIET-GOED/").status_code == 404


def test_join_and_stay_the_same_attendee(client, live):
    page = client.get(_join_url(live))
    assert page.status_code == 200 and "Doe mee met Bijeenkomst" in page.content.decode()
    response = client.post(_join_url(live), {"name": "Sam", "role": "jongere"})
    assert response.status_code == 302 and response["Location"] == _join_url(live)
    cookie = response.cookies[attendance.cookie_name(live)]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and int(cookie["max-age"]) == attendance.MAX_AGE
    attendee = Attendee.objects.get(live=live)
    assert (attendee.name, attendee.role) == ("Sam", "jongere")
    for _reload in range(2):
        page = client.get(_join_url(live))
        assert page.status_code == 200 and 'data-role="phone"' in page.content.decode()
        assert "Sam" in page.content.decode()
    assert Attendee.objects.count() == 1


def test_join_with_bad_input_answers_in_dutch_and_stores_nobody(client, live):
    for data in (
        {"name": "Sam", "role": ""},
        {"name": "Sam", "role": "baas"},
        {"name": "x" * 41, "role": "anders"},
    ):
        response = client.post(_join_url(live), data)
        assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not Attendee.objects.exists()


def test_a_forged_cookie_gets_the_join_form_again(client, live, attendee):
    name, value = helpers.cookie(live, attendee)
    for forged in (value[:-3] + "abc", str(attendee.key), ""):
        client.cookies[name] = forged
        page = client.get(_join_url(live)).content.decode()
        assert 'name="role"' in page and 'data-role="phone"' not in page
        assert client.get(reverse("live_phone_stage", args=[live.code])).status_code == 403


def test_the_phone_stage_follows_the_meeting(phone, live, board):
    response = phone.get(reverse("live_phone_stage", args=[live.code]))
    live.refresh_from_db()
    body = response.content.decode()
    assert response.status_code == 200 and response["X-Live-Version"] == str(live.version)
    assert "Tips en tops" in body and f'data-activity="{board.pk}"' in body


def test_a_closed_meeting_shows_the_ended_page(client, phone, live):
    services.live_close(live=live)
    page = client.get(_join_url(live))
    assert page.status_code == 200 and "Deze bijeenkomst is afgelopen" in page.content.decode()
    assert client.post(_join_url(live), {"name": "Sam", "role": "jongere"}).status_code == 200
    assert Attendee.objects.count() == 1  # only the fixture's
    assert "De bijeenkomst is afgelopen" in phone.get(_join_url(live)).content.decode()
    # The code box sends a closed meeting's code to the page that says it ended, rather than "unknown code".
    looked_up = client.get(reverse("live_code"), {"code": live.code})
    assert looked_up.status_code == 302 and looked_up["Location"] == _join_url(live)


# ---- the rate limit ------------------------------------------------------------------------------------


def test_twenty_wrong_codes_a_minute_then_a_calm_message(client, live):
    for i in range(WRONG_CODES_PER_MINUTE):
        wrong = "ZZZZZZ" if i % 2 else "/j/ZZZZZ2/"
        response = (
            client.get(wrong) if wrong.startswith("/") else client.get(reverse("live_code"), {"code": wrong})
        )
        assert response.status_code == 404, i
    for url in (
        reverse("live_code") + "?code=ZZZZZZ",
        _join_url(live),
        reverse("live_code") + f"?code={live.code}",
    ):
        response = client.get(url)
        assert response.status_code == 429, url
        assert "Even wachten" in response.content.decode() and CALM in response.content.decode()
    other_address = Client(REMOTE_ADDR="10.1.2.3")
    assert other_address.get(_join_url(live)).status_code == 200


def test_right_codes_do_not_count(client, live):
    for _ in range(WRONG_CODES_PER_MINUTE + 5):
        assert client.get(reverse("live_code"), {"code": live.code}).status_code == 302
    assert client.get(_join_url(live)).status_code == 200


# ---- posting notes -------------------------------------------------------------------------------------


def test_post_a_note_from_the_live_page(phone, board, attendee):
    response = phone.post(_note_url(board.live), _note(board), headers={"X-Live": "1"})
    note = Note.objects.get()
    assert response.status_code == 200
    assert (
        f'id="mynote-{note.pk}"' in response.content.decode()
        and "Meer uitleg op school" in response.content.decode()
    )
    assert (note.attendee, note.category, note.activity) == (attendee, "top", board)


def test_a_retried_post_makes_one_note(phone, board):
    data = _note(board)
    for _ in range(3):
        assert phone.post(_note_url(board.live), data, headers={"X-Live": "1"}).status_code == 200
    assert Note.objects.count() == 1


def test_the_same_key_from_another_phone_is_refused(phone, board):
    data = _note(board)
    phone.post(_note_url(board.live), data, headers={"X-Live": "1"})
    other = helpers.phone_client(Client(), board.live, helpers.join(board.live, name="Kim"))
    response = other.post(_note_url(board.live), data, headers={"X-Live": "1"})
    assert response.status_code == 400 and "niet goed aangekomen" in response.content.decode()
    assert Note.objects.count() == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ({"text": "x" * 281}, "Een post-it mag hoogstens 280 tekens hebben."),
        ({"text": "   "}, "Schrijf eerst iets op je post-it."),
        ({"category": "hoop"}, "Kies een van de categorieën."),
        ({"client_id": "geen-uuid"}, "Dit bericht is niet goed aangekomen. Laad de pagina opnieuw."),
        ({"activity": "abc"}, "Dit bericht is niet goed aangekomen. Laad de pagina opnieuw."),
        ({"text": "nul\x00teken"}, "Null-tekens zijn niet toegestaan."),  # what every other form says
    ],
)
def test_bad_notes_get_a_dutch_answer_and_store_nothing(phone, board, change, message):
    response = phone.post(_note_url(board.live), _note(board, **change), headers={"X-Live": "1"})
    assert response.status_code == 400 and response.content.decode() == message
    assert response["Content-Type"].startswith("text/plain")
    assert not Note.objects.exists()


def test_a_note_to_another_meetings_board_is_refused(phone, board, other_live):
    foreign = helpers.board_of(other_live)
    response = phone.post(_note_url(board.live), _note(foreign), headers={"X-Live": "1"})
    assert response.status_code == 400 and "hoort niet bij deze bijeenkomst" in response.content.decode()
    # The other meeting's address does not know this phone at all.
    assert phone.post(_note_url(other_live), _note(foreign), headers={"X-Live": "1"}).status_code == 403
    assert not Note.objects.exists()


def test_a_closed_board_and_too_many_notes(phone, board, attendee):
    for i in range(notes.NOTES_PER_MINUTE):
        helpers.post(board, attendee, text=f"{i}")
    response = phone.post(_note_url(board.live), _note(board), headers={"X-Live": "1"})
    assert response.status_code == 429 and "Wacht even" in response.content.decode()
    services.activity_set(activity=board, is_open=False)
    Note.objects.all().delete()
    response = phone.post(_note_url(board.live), _note(board), headers={"X-Live": "1"})
    assert response.status_code == 400 and "geen post-its meer" in response.content.decode()


def test_without_the_cookie_nobody_posts(client, board):
    assert client.post(_note_url(board.live), _note(board), headers={"X-Live": "1"}).status_code == 403
    assert client.post(_note_url(board.live), _note(board)).status_code == 403
    assert client.get(_note_url(board.live)).status_code == 405
    assert not Note.objects.exists()


def test_every_answer_of_ours_to_a_phone_post_says_it_is_ours(client, phone, board, attendee):
    """The phone's outbox shows and settles only answers with X-Live-Answer: a proxy's 502 page lacks it."""
    live, script = board.live, {"X-Live": "1"}
    gone = reverse("live_activity_action", args=[live.code, board.pk, "answer"])  # a board has no actions
    answers = {
        "stored": phone.post(_note_url(live), _note(board), headers=script),
        "refused": phone.post(_note_url(live), _note(board, text="x" * 281), headers=script),
        "not joined": client.post(_note_url(live), _note(board), headers=script),
        "no such action": phone.post(gone, {}, headers=script),
    }
    assert [a.status_code for a in answers.values()] == [200, 400, 403, 404]
    assert all(a["X-Live-Answer"] == "1" for a in answers.values())
    assert answers["no such action"].content.decode().startswith("Dit onderdeel is er niet meer.")
    assert phone.post(gone, {}).status_code == 404  # a plain form gets the ordinary page
    assert "X-Live-Answer" not in phone.get(_join_url(live))  # the page itself is no answer to a post
    for _ in range(notes.NOTES_PER_MINUTE - 1):  # the first one above counts too
        helpers.post(board, attendee, text="vol")
    too_many = phone.post(_note_url(live), _note(board), headers=script)
    assert too_many.status_code == 429 and too_many["X-Live-Answer"] == "1"


def test_without_javascript_post_then_redirect(phone, board):
    response = phone.post(_note_url(board.live), _note(board))
    assert response.status_code == 302 and response["Location"] == _join_url(board.live) + "#mijn"
    page = phone.get(response["Location"]).content.decode()
    assert "Je post-it is verstuurd." in page and "Meer uitleg op school" in page


def test_without_javascript_an_error_keeps_what_was_typed(phone, board):
    response = phone.post(_note_url(board.live), _note(board, text="Te lang " + "x" * 280))
    page = response.content.decode()
    assert response.status_code == 400 and "Een post-it mag hoogstens 280 tekens hebben." in page
    assert "Te lang xxx" in page  # the text is still in the box, to shorten
    assert not Note.objects.exists()


# ---- what the big screen shows -------------------------------------------------------------------------


def test_html_in_a_note_is_text_on_the_projector_and_in_the_console(phone, board, as_facilitator):
    script = '<script>alert("hoi")</script><img src=x onerror=alert(1)>'
    phone.post(_note_url(board.live), _note(board, text=script), headers={"X-Live": "1"})
    meeting = board.live.meeting
    console = reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    for page in (
        phone.get(_join_url(board.live)),
        Client().get(_projector_url(board.live)),
        Client().get(_projector_url(board.live, stage=True)),
        as_facilitator.get(console),
    ):
        body = page.content.decode()
        assert page.status_code == 200
        assert "&lt;script&gt;alert(&quot;hoi&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in body
        assert "<script>alert" not in body and "<img src=x" not in body


def test_the_projector_shows_a_name_only_when_its_author_chose_so(live, board):
    hidden = helpers.join(live, name="Geheimnaam")
    shown = helpers.join(live, name="Zichtbaarnaam")
    helpers.post(board, hidden, text="Zonder naam")
    helpers.post(board, shown, text="Met naam", show_name=True)
    projector = Client()
    for url in (_projector_url(live), _projector_url(live, stage=True)):
        body = projector.get(url).content.decode()
        assert "Zonder naam" in body and "Met naam" in body
        assert "Geheimnaam" not in body and "Zichtbaarnaam" in body
    services.screen_set(live=live, show_join=True)  # the join screen shows a count, never who joined
    body = projector.get(_projector_url(live)).content.decode()
    assert "Geheimnaam" not in body and "Zichtbaarnaam" not in body and 'id="joined-count">2<' in body


def test_hidden_notes_and_unrevealed_boards_stay_off_the_projector(live, board, attendee):
    helpers.post(board, attendee, text="Blijft staan")
    gone, _ = helpers.post(board, attendee, text="Weggehaald")
    notes.note_set_hidden(note=gone, hidden=True)
    body = Client().get(_projector_url(live)).content.decode()
    assert "Blijft staan" in body and "Weggehaald" not in body
    services.activity_set(activity=board, revealed=False)
    body = Client().get(_projector_url(live)).content.decode()
    assert "Blijft staan" not in body and "1 post-it ontvangen" in body


def test_the_projector_needs_the_current_key(client, live):
    old = _projector_url(live)
    assert client.get(old).status_code == 200
    assert client.get(reverse("live_projector", args=[live.code, "x" * 32])).status_code == 404
    services.projector_key_renew(live=live)
    assert client.get(old).status_code == 404
    assert client.get(_projector_url(live)).status_code == 200


def test_the_projector_and_phone_read_in_a_fixed_number_of_queries(live, board, phone, attendee):
    def counts():
        pages = [
            (Client(), _projector_url(live)),
            (Client(), _projector_url(live, stage=True)),
            (phone, reverse("live_phone_stage", args=[live.code])),
            (phone, _join_url(live)),
        ]
        result = []
        for client, url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    helpers.post(board, attendee)
    few = counts()
    theme = notes.theme_create(activity=board, name="Geld")
    for i in range(15):
        someone = helpers.join(live, name=f"Naam {i}")
        note, _ = helpers.post(board, someone, text=f"Post-it {i}", show_name=True)
        notes.note_move(note=note, theme=theme)
    assert counts() == few
    services.activity_set(activity=board, group_by="theme")
    assert counts() == few


def test_a_busy_database_answers_503_and_saves_nothing(live, board, attendee):
    from unittest import mock

    from django.db import OperationalError

    from allin.live.models import Note

    phone = helpers.phone_client(Client(), live, attendee)
    data = {
        "activity": board.pk,
        "client_id": str(uuid.uuid4()),
        "text": "Druk!",
        "category": board.categories[0],
    }
    with mock.patch("allin.live.notes.note_create", side_effect=OperationalError("database is locked")):
        response = phone.post(reverse("live_note_post", args=[live.code]), data, HTTP_X_LIVE="1")
    assert response.status_code == 503 and "verstuur hem zo opnieuw" in response.content.decode()
    assert not Note.objects.exists()
