"""The facilitator's console: starting live, every action with and without htmx, errors, what viewers and
outsiders may do, and actions that name another meeting's objects."""

import uuid
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.live import notes, services
from allin.live.models import Activity, LiveMeeting, Note, Theme

from . import helpers

HTMX = {"HX-Request": "true"}


def _url(name, live):
    meeting = live.meeting
    return reverse(name, args=[meeting.process.workspace.slug, meeting.pk])


@pytest.fixture
def w(live, board, attendee):
    """The live meeting on its tips/tops board, with an attendee's note and two themes."""
    note, _ = helpers.post(board, attendee, text="Meer uitleg")
    return SimpleNamespace(
        live=live,
        board=board,
        items=helpers.items(live),
        note=note,
        theme=notes.theme_create(activity=board, name="Geld"),
        other_theme=notes.theme_create(activity=board, name="School"),
    )


def _live(w):
    return LiveMeeting.objects.get(pk=w.live.pk)


# name: (POST data, a check on the state afterwards)
ACTIONS = {
    "live_item_step": (lambda w: {"direction": "next"}, lambda w: _live(w).current_item == w.items[2]),
    "live_item_goto": (lambda w: {"item": w.items[0].pk}, lambda w: _live(w).current_item == w.items[0]),
    "live_screen": (
        lambda w: {"show_join": "1", "show_parking": "1"},
        lambda w: _live(w).show_join and _live(w).show_parking,
    ),
    "live_activity_start": (
        lambda w: {"item": w.items[0].pk},
        lambda w: Activity.objects.filter(live=w.live, item=w.items[0]).exists(),
    ),
    "live_activity_update": (
        lambda w: {"activity": w.board.pk, "is_open": "0", "revealed": "0", "group_by": "theme"},
        lambda w: Activity.objects.filter(
            pk=w.board.pk, is_open=False, revealed=False, group_by="theme"
        ).exists(),
    ),
    "live_note_add": (
        lambda w: {
            "activity": w.board.pk,
            "text": "Van de flip-over",
            "category": "tip",
            "client_id": uuid.uuid4(),
        },
        lambda w: Note.objects.filter(text="Van de flip-over", author__isnull=False, category="tip").exists(),
    ),
    "live_note_hide": (
        lambda w: {"note": w.note.pk, "hidden": "1"},
        lambda w: Note.objects.get(pk=w.note.pk).hidden,
    ),
    "live_note_move": (
        lambda w: {"note": w.note.pk, "theme": w.theme.pk},
        lambda w: Note.objects.get(pk=w.note.pk).theme_id == w.theme.pk,
    ),
    "live_theme_add": (
        lambda w: {"activity": w.board.pk, "name": "Vervoer"},
        lambda w: w.board.themes.filter(name="Vervoer").exists(),
    ),
    "live_theme_rename": (
        lambda w: {"theme": w.theme.pk, "name": "Geldzorgen"},
        lambda w: Theme.objects.get(pk=w.theme.pk).name == "Geldzorgen",
    ),
    "live_theme_merge": (
        lambda w: {"theme": w.theme.pk, "into": w.other_theme.pk},
        lambda w: not Theme.objects.filter(pk=w.theme.pk).exists(),
    ),
    "live_theme_delete": (
        lambda w: {"theme": w.theme.pk},
        lambda w: not Theme.objects.filter(pk=w.theme.pk).exists(),
    ),
    "live_stop": (lambda w: {}, lambda w: not _live(w).is_open),
    "live_projector_renew": (lambda w: {}, lambda w: _live(w).projector_key != w.live.projector_key),
}
ALL_POSTS = [*ACTIONS, "live_reopen", "live_start"]


def snapshot(*lives):
    """Everything a console action could change, for the given live meetings."""
    return [
        (
            list(LiveMeeting.objects.filter(pk=live.pk).values()),
            list(Activity.objects.filter(live=live).order_by("pk").values()),
            list(Note.objects.filter(activity__live=live).order_by("pk").values()),
            list(Theme.objects.filter(activity__live=live).order_by("pk").values()),
        )
        for live in lives
    ]


# ---- starting ------------------------------------------------------------------------------------------


def test_start_live_from_the_console(as_facilitator, workspace):
    meeting = helpers.meeting(workspace)
    console = reverse("live_console", args=[workspace.slug, meeting.pk])
    assert "Live zetten" in as_facilitator.get(console).content.decode()
    response = as_facilitator.post(reverse("live_start", args=[workspace.slug, meeting.pk]))
    assert response.status_code == 302 and response["Location"] == console
    live = LiveMeeting.objects.get(meeting=meeting)
    page = as_facilitator.get(console).content.decode()
    assert f"{live.code[:3]} {live.code[3:]}" in page and f"/p/{live.code}/{live.projector_key}/" in page
    as_facilitator.post(reverse("live_start", args=[workspace.slug, meeting.pk]))
    assert LiveMeeting.objects.get().code == live.code  # starting again keeps the code


def test_a_viewer_sees_that_only_facilitators_start(as_viewer, workspace):
    meeting = helpers.meeting(workspace)
    page = as_viewer.get(reverse("live_console", args=[workspace.slug, meeting.pk])).content.decode()
    assert "Alleen begeleiders" in page and "Live zetten</button>" not in page
    assert as_viewer.post(reverse("live_start", args=[workspace.slug, meeting.pk])).status_code == 403
    assert not LiveMeeting.objects.exists()


# ---- every action, for a facilitator -------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ACTIONS))
def test_an_action_with_htmx_answers_the_fresh_console(as_facilitator, w, name):
    data, check = ACTIONS[name]
    response = as_facilitator.post(_url(name, w.live), data(w), headers=HTMX)
    assert response.status_code == 200, response.content.decode()[:300]
    assert check(w)
    body = response.content.decode()
    assert "<html" not in body and 'class="console-bar card"' in body


@pytest.mark.parametrize("name", list(ACTIONS))
def test_an_action_without_javascript_redirects_to_the_console(as_facilitator, w, name):
    data, check = ACTIONS[name]
    response = as_facilitator.post(_url(name, w.live), data(w))
    assert response.status_code == 302 and response["Location"] == _url("live_console", w.live)
    assert check(w)


def test_stop_and_reopen(as_facilitator, w):
    as_facilitator.post(_url("live_stop", w.live))
    page = as_facilitator.get(_url("live_console", w.live)).content.decode()
    assert "gestopt" in page and "Weer live zetten" in page
    as_facilitator.post(_url("live_reopen", w.live), headers=HTMX)
    assert _live(w).is_open and _live(w).code == w.live.code


def test_the_console_shows_hidden_notes_greyed(as_facilitator, w):
    notes.note_set_hidden(note=w.note, hidden=True)
    page = as_facilitator.get(_url("live_console", w.live)).content.decode()
    assert "cnote is-hidden" in page and "Meer uitleg" in page and "Weer tonen" in page


def test_the_flip_over_note_is_made_once(as_facilitator, w):
    data = {"activity": w.board.pk, "text": "Dubbel", "category": "tip", "client_id": str(uuid.uuid4())}
    for _ in range(2):
        assert as_facilitator.post(_url("live_note_add", w.live), data, headers=HTMX).status_code == 200
    assert Note.objects.filter(text="Dubbel").count() == 1


def test_a_note_moves_back_to_no_theme(as_facilitator, w):
    notes.note_move(note=w.note, theme=w.theme)
    as_facilitator.post(_url("live_note_move", w.live), {"note": w.note.pk, "theme": ""}, headers=HTMX)
    assert Note.objects.get(pk=w.note.pk).theme is None


def test_the_parking_board_is_on_every_console(as_facilitator, w):
    parking = Activity.objects.get(live=w.live, kind=Activity.Kind.PARKING)
    page = as_facilitator.get(_url("live_console", w.live)).content.decode()
    assert 'id="parkeerbord"' in page and f'id="cnotes-{parking.pk}"' in page
    data = {"activity": parking.pk, "text": "Vervoer regelen", "client_id": str(uuid.uuid4())}
    as_facilitator.post(_url("live_note_add", w.live), data, headers=HTMX)
    assert parking.notes.get().text == "Vervoer regelen"


def test_renewing_the_projector_link_makes_the_old_one_404(as_facilitator, w):
    old = reverse("live_projector", args=[w.live.code, w.live.projector_key])
    old_stage = reverse("live_projector_stage", args=[w.live.code, w.live.projector_key])
    assert Client().get(old).status_code == 200
    as_facilitator.post(_url("live_projector_renew", w.live))
    assert Client().get(old).status_code == 404 and Client().get(old_stage).status_code == 404
    new = _live(w)
    assert Client().get(reverse("live_projector", args=[new.code, new.projector_key])).status_code == 200
    assert new.projector_key in as_facilitator.get(_url("live_console", w.live)).content.decode()


# ---- errors --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("live_item_goto", {"item": "abc"}, "Dit verzoek klopt niet"),
        ("live_item_step", {"direction": "sideways"}, "Dit verzoek klopt niet"),
        ("live_note_hide", {}, "Dit verzoek klopt niet"),
        ("live_theme_add", {"activity": "{board}", "name": "  "}, "Geef het thema een naam"),
        ("live_theme_merge", {"theme": "{theme}", "into": "{theme}"}, "twee verschillende"),
        ("live_activity_update", {"activity": "{board}", "group_by": "kleur"}, "per categorie of per thema"),
        ("live_note_add", {"activity": "{board}", "text": "x" * 281, "client_id": "{uuid}"}, "hoogstens 280"),
    ],
)
def test_a_refused_action_says_why_and_changes_nothing(as_facilitator, w, name, data, message):
    values = {"board": w.board.pk, "theme": w.theme.pk, "uuid": uuid.uuid4()}
    data = {key: str(value).format(**values) for key, value in data.items()}
    before = snapshot(w.live)
    response = as_facilitator.post(_url(name, w.live), data, headers=HTMX)
    assert response.status_code == 400 and message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    response = as_facilitator.post(_url(name, w.live), data, follow=True)
    assert response.redirect_chain[0][1] == 302 and message in response.content.decode()
    assert snapshot(w.live) == before


def test_stepping_past_the_end_says_so(as_facilitator, w):
    services.item_goto(live=w.live, item=w.items[2])
    response = as_facilitator.post(_url("live_item_step", w.live), {"direction": "next"}, headers=HTMX)
    assert response.status_code == 400 and "geen onderdeel meer" in response.content.decode()


# ---- who may do it ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_POSTS)
def test_a_viewer_watches_but_changes_nothing(as_viewer, w, name):
    data = ACTIONS[name][0](w) if name in ACTIONS else {}
    before = snapshot(w.live)
    assert as_viewer.post(_url(name, w.live), data).status_code == 403
    assert as_viewer.post(_url(name, w.live), data, headers=HTMX).status_code == 403
    assert snapshot(w.live) == before


def test_a_viewer_can_watch_the_console(as_viewer, w):
    for name in ("live_console", "live_console_stage"):
        response = as_viewer.get(_url(name, w.live))
        assert response.status_code == 200 and "Meer uitleg" in response.content.decode()
    page = as_viewer.get(_url("live_console", w.live)).content.decode()
    assert _url("live_item_step", w.live) not in page and _url("live_theme_add", w.live) not in page


@pytest.mark.parametrize("name", ["live_console", "live_console_stage", *ALL_POSTS])
def test_an_outsider_gets_404(as_outsider, w, name):
    before = snapshot(w.live)
    data = ACTIONS[name][0](w) if name in ACTIONS else {}
    response = (
        as_outsider.post(_url(name, w.live), data)
        if name in ALL_POSTS
        else as_outsider.get(_url(name, w.live))
    )
    assert response.status_code == 404
    assert snapshot(w.live) == before


def test_console_actions_before_the_meeting_is_live_are_404(as_facilitator, workspace):
    meeting = helpers.meeting(workspace)
    url = reverse("live_item_step", args=[workspace.slug, meeting.pk])
    assert as_facilitator.post(url, {"direction": "next"}).status_code == 404
    assert (
        as_facilitator.get(reverse("live_console_stage", args=[workspace.slug, meeting.pk])).status_code
        == 404
    )


# ---- another meeting's objects ----------------------------------------------------------------------


FOREIGN = [
    ("live_item_goto", lambda o: {"item": o.items[0].pk}),
    ("live_activity_start", lambda o: {"item": o.items[0].pk}),
    ("live_activity_update", lambda o: {"activity": o.board.pk, "is_open": "0"}),
    ("live_note_add", lambda o: {"activity": o.board.pk, "text": "Verdwaald", "client_id": uuid.uuid4()}),
    ("live_note_hide", lambda o: {"note": o.note.pk, "hidden": "1"}),
    ("live_note_move", lambda o: {"note": o.note.pk, "theme": ""}),
    ("live_theme_add", lambda o: {"activity": o.board.pk, "name": "Verdwaald"}),
    ("live_theme_rename", lambda o: {"theme": o.theme.pk, "name": "Verdwaald"}),
    ("live_theme_merge", lambda o: {"theme": o.theme.pk, "into": o.other_theme.pk}),
    ("live_theme_delete", lambda o: {"theme": o.theme.pk}),
]


@pytest.fixture
def other(other_live):
    board = helpers.board_of(other_live)
    return SimpleNamespace(
        live=other_live,
        items=helpers.items(other_live),
        board=board,
        note=helpers.post(board, helpers.join(other_live))[0],
        theme=notes.theme_create(activity=board, name="Elders"),
        other_theme=notes.theme_create(activity=board, name="Ook elders"),
    )


@pytest.mark.parametrize("name, data", FOREIGN, ids=[name for name, _ in FOREIGN])
def test_an_action_naming_another_meetings_object_changes_nothing(as_facilitator, w, other, name, data):
    before = snapshot(w.live, other.live)
    response = as_facilitator.post(_url(name, w.live), data(other), headers=HTMX)
    assert response.status_code in (400, 404)
    assert snapshot(w.live, other.live) == before


@pytest.mark.parametrize(
    "name, data",
    [
        ("live_note_move", lambda w, o: {"note": w.note.pk, "theme": o.theme.pk}),
        ("live_theme_merge", lambda w, o: {"theme": w.theme.pk, "into": o.theme.pk}),
        ("live_theme_merge", lambda w, o: {"theme": o.theme.pk, "into": w.theme.pk}),
    ],
)
def test_mixing_our_objects_with_another_meetings_changes_nothing(as_facilitator, w, other, name, data):
    before = snapshot(w.live, other.live)
    response = as_facilitator.post(_url(name, w.live), data(w, other), headers=HTMX)
    assert response.status_code in (400, 404)
    assert snapshot(w.live, other.live) == before


def test_the_console_reads_in_a_fixed_number_of_queries(as_facilitator, facilitator, w):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert as_facilitator.get(_url("live_console_stage", w.live)).status_code == 200
        return len(queries)

    parking = Activity.objects.get(live=w.live, kind=Activity.Kind.PARKING)
    helpers.post(parking, author=facilitator, text="Eerste")
    few = count()
    for i in range(10):
        note, _ = helpers.post(w.board, helpers.join(w.live, name=f"Naam {i}"), text=f"{i}", show_name=True)
        notes.note_move(note=note, theme=w.theme)
        helpers.post(parking, author=facilitator, text=f"Parkeer {i}")
    assert count() == few


def test_the_flip_over_form_works_without_javascript(as_facilitator, w):
    page = as_facilitator.get(_url("live_console", w.live)).content.decode()
    form = page[page.index('class="facilitator-note"') :]
    client_id = form[form.index('name="client_id" value="') + 24 :][:36]
    data = {"activity": w.board.pk, "text": "Zonder JavaScript", "category": "tip", "client_id": client_id}
    for _ in range(2):  # pressed twice before the page came back: still one note
        response = as_facilitator.post(_url("live_note_add", w.live), data)
        assert response.status_code == 302
    assert Note.objects.filter(text="Zonder JavaScript").count() == 1
