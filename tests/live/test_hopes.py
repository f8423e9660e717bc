"""Looking back on hopes and fears: at a hopes-and-fears item the console and projector show the process's
earlier hopes and fears (not another process's, not hidden ones, not this meeting's or a later one's), the
group marks each one, and without earlier hopes and fears the item is a plain notes board."""

import uuid
from datetime import date
from types import SimpleNamespace

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.asgi import application
from allin.live import hopes, notes, services
from allin.live.models import Activity, Attendee, LiveMeeting, Note
from tests import factories
from tests.live.helpers import bare

from . import helpers

HTMX = {"HX-Request": "true"}
PROMPT_A = "Wat hoop je dat ALL-IN oplevert? En waar ben je bang voor?"
PROMPT_B = "Welke hoop is vandaag uitgekomen?"


def _meeting(process, name, day, kind="hopes_fears", prompt=PROMPT_A):
    """A meeting whose first item is a board of `kind` and whose second is a slide."""
    meeting = factories.meeting(process, durations=(10, 10), name=name)
    meeting.date = day
    meeting.save(update_fields=["date"])
    first, second = meeting.items.all()
    first.title, first.activity = name, {"type": kind, "prompt": prompt}
    first.save(update_fields=["title", "activity"])
    second.title, second.activity = "Welkom", {"type": "slide"}
    second.save(update_fields=["title", "activity"])
    return meeting


def _run(meeting, posts):
    """Open the meeting live on its first item and post (category, text) notes from one attendee."""
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=meeting.items.first())
    activity = helpers.board_of(live, 0)
    someone = helpers.join(live, name="Sam")
    made = {}
    for category, text in posts:
        made[text], _ = helpers.post(activity, someone, text=text, category=category, show_name=True)
    return live, activity, made


@pytest.fixture
def w(workspace):
    process = factories.empty_process(workspace)
    phase_a, _board_a, a = _run(
        _meeting(process, "Voorbereiding", date(2026, 3, 2)),
        [
            ("hoop", "Dat er naar ons geluisterd wordt"),
            ("angst", "Dat er niets mee gebeurt"),
            ("hoop", "Weggehaald"),
            ("hoop", "Betere hulp"),
        ],
    )
    notes.note_set_hidden(note=a["Weggehaald"], hidden=True)
    services.live_close(live=phase_a)
    _plain_live, _plain, plain = _run(
        _meeting(process, "Gewone post-its", date(2026, 3, 3), kind="notes"), [("", "Gewone post-it")]
    )
    other_process = factories.empty_process(workspace, name="Ander traject")
    _other_live, _other_board, foreign = _run(
        _meeting(other_process, "Elders", date(2026, 3, 1)), [("hoop", "Van een ander traject")]
    )
    later_live, _later_board, later = _run(
        _meeting(process, "Later", date(2026, 6, 1)), [("hoop", "Uit de toekomst")]
    )
    live, board, own = _run(
        _meeting(process, "Sessie", date(2026, 4, 1), prompt=PROMPT_B), [("hoop", "Vandaag geschreven")]
    )
    return SimpleNamespace(
        live=live, board=board, a=a, own=own, foreign=foreign, later=later, plain=plain, phase_a=phase_a
    )


def _fresh(note):
    return Note.objects.get(pk=note.pk)


def _url(name, live):
    return reverse(name, args=[live.meeting.process.workspace.slug, live.meeting.pk])


def _projector(live):
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


# ---- the review ----------------------------------------------------------------------------------------


def test_the_review_lists_this_processs_earlier_visible_hopes_and_fears(w):
    review = hopes.review(w.live, w.board)
    assert [(g.key, [n.text for n in g.notes]) for g in review.groups] == [
        ("hoop", ["Dat er naar ons geluisterd wordt", "Betere hulp"]),
        ("angst", ["Dat er niets mee gebeurt"]),
    ]
    assert [m.name for m in review.meetings] == ["Voorbereiding"]
    assert review.on_screen and review.marked_count == 0


def test_no_review_at_other_items_or_without_earlier_hopes(w, workspace):
    assert hopes.review(w.live, None) is None
    assert hopes.review(w.phase_a, helpers.board_of(w.phase_a, 0)) is None  # nothing before phase A
    fresh_process = factories.empty_process(workspace, name="Nieuw traject")
    live, board, _ = _run(_meeting(fresh_process, "Alleen", date(2026, 4, 1)), [("hoop", "Eerste hoop")])
    assert hopes.review(live, board) is None
    page = _projector(live)  # a plain notes board, as before
    assert "Eerste hoop" in page and "Uitgekomen?" not in page
    services.item_goto(live=w.live, item=helpers.items(w.live)[1])
    assert "Uitgekomen?" not in _projector(w.live)


def test_the_projector_shows_the_review_with_its_marks(w):
    hopes.note_mark_came_true(live=w.live, note=w.a["Betere hulp"], value="deels")
    page = _projector(w.live)
    assert "Uitgekomen?" in page and "Wat we eerder opschreven" in page and "Voorbereiding" in page
    row = page[page.index(f'id="hope-{w.a["Betere hulp"].pk}"') :]
    row = row[: row.index("</tr>")]
    assert "Betere hulp" in row and "hopes-mark-deels" in row and ">deels<" in row
    unmarked = page[page.index(f'id="hope-{w.a["Dat er niets mee gebeurt"].pk}"') :]
    assert "nog niet besproken" in unmarked[: unmarked.index("</tr>")]
    for text in ("Weggehaald", "Van een ander traject", "Uit de toekomst", "Gewone post-it"):
        assert text not in page
    assert "1 nieuwe post-it" in page and "Sam" in page  # the name its author chose to show


def test_the_facilitator_switches_the_projector_to_the_new_notes(w, as_facilitator):
    response = as_facilitator.post(
        _url("live_hopes_screen", w.live), {"activity": w.board.pk, "on_screen": "0"}, headers=HTMX
    )
    assert response.status_code == 200 and "Scherm: terugblik tonen" in response.content.decode()
    page = _projector(w.live)
    assert "Uitgekomen?" not in page and "Vandaag geschreven" in page
    hopes.review_screen_set(activity=Activity.objects.get(pk=w.board.pk), on_screen=True)
    assert "Uitgekomen?" in _projector(w.live)
    plain = Activity.objects.get(notes=w.plain["Gewone post-it"])
    with pytest.raises(ValidationError):
        hopes.review_screen_set(activity=plain, on_screen=False)


# ---- marking -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["ja", "deels", "nee"])
def test_marking_stores_the_mark_and_pushes(w, value, django_capture_on_commit_callbacks):
    note = w.a["Dat er niets mee gebeurt"]
    version = LiveMeeting.objects.get(pk=w.live.pk).version
    with django_capture_on_commit_callbacks() as callbacks:
        hopes.note_mark_came_true(live=w.live, note=note, value=value)
    assert _fresh(note).came_true == value and len(callbacks) == 1
    assert LiveMeeting.objects.get(pk=w.live.pk).version == version + 1
    assert hopes.review(w.live, w.board).marked_count == 1
    hopes.note_mark_came_true(live=w.live, note=note, value="")  # pressed again: the mark goes
    assert _fresh(note).came_true == ""


def test_marking_refuses_foreign_hidden_and_other_notes(w):
    refused = [
        w.foreign["Van een ander traject"],  # another process
        w.a["Weggehaald"],  # hidden
        w.own["Vandaag geschreven"],  # this meeting's own new notes
        w.later["Uit de toekomst"],  # a later meeting
        w.plain["Gewone post-it"],  # an earlier board, but no hopes and fears
    ]
    for note in refused:
        with pytest.raises(ValidationError, match="hoort niet bij de hoop en angst"):
            hopes.note_mark_came_true(live=w.live, note=note, value="ja")
        assert _fresh(note).came_true == ""


@pytest.mark.parametrize("value", ["misschien", "JA", "ja ", "x" * 20])
def test_marking_refuses_values_outside_the_choices(w, value):
    note = w.a["Betere hulp"]
    if value == "ja ":  # surrounding spaces are forgiven; anything else is refused
        hopes.note_mark_came_true(live=w.live, note=note, value=value)
        assert _fresh(note).came_true == "ja"
        return
    with pytest.raises(ValidationError, match="Kies ja, deels of nee"):
        hopes.note_mark_came_true(live=w.live, note=note, value=value)
    assert _fresh(note).came_true == ""


# ---- the console ---------------------------------------------------------------------------------------


def test_the_console_shows_the_review_with_buttons(w, as_facilitator):
    hopes.note_mark_came_true(live=w.live, note=w.a["Betere hulp"], value="ja")
    page = as_facilitator.get(_url("live_console_stage", w.live)).content.decode()
    assert "Terugblik: hoop en angst van eerder" in page and "1 van 3 post-its besproken" in page
    item = page[page.index(f'id="chope-{w.a["Betere hulp"].pk}"') :]
    item = item[: item.index("</li>")]
    # The chosen answer is pressed and takes the mark away when pressed again.
    chosen = (
        'class="utrecht-button small utrecht-button--primary-action hopes-chosen" aria-pressed="true">ja<'
    )
    assert 'value="" ' + chosen in item
    assert (
        'value="nee" class="utrecht-button small utrecht-button--secondary-action" aria-pressed="false">nee<'
        in item
    )
    assert "Weggehaald" not in page and "Van een ander traject" not in page
    assert 'id="cnotes-' in page  # the board of new notes is still there


def test_the_console_marks_with_and_without_javascript(w, as_facilitator):
    note = w.a["Dat er naar ons geluisterd wordt"]
    response = as_facilitator.post(
        _url("live_hopes_mark", w.live), {"note": note.pk, "value": "ja"}, headers=HTMX
    )
    assert response.status_code == 200 and "1 van 3 post-its besproken" in response.content.decode()
    response = as_facilitator.post(_url("live_hopes_mark", w.live), {"note": note.pk, "value": "nee"})
    assert response.status_code == 302 and _fresh(note).came_true == "nee"


def test_the_console_refuses_foreign_notes_and_bad_values_in_dutch(w, as_facilitator):
    for data in (
        {"note": w.foreign["Van een ander traject"].pk, "value": "ja"},
        {"note": w.a["Betere hulp"].pk, "value": "misschien"},
    ):
        response = as_facilitator.post(_url("live_hopes_mark", w.live), data, headers=HTMX)
        assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert (
        as_facilitator.post(_url("live_hopes_mark", w.live), {"note": 10**9, "value": "ja"}).status_code
        == 404
    )
    assert not Note.objects.exclude(came_true="").exists()


def test_a_viewer_sees_the_marks_but_cannot_mark(w, as_viewer):
    hopes.note_mark_came_true(live=w.live, note=w.a["Betere hulp"], value="deels")
    page = as_viewer.get(_url("live_console_stage", w.live)).content.decode()
    assert "Uitgekomen? deels" in page and "hopes-buttons" not in page
    note = w.a["Dat er niets mee gebeurt"]
    for name, data in [
        ("live_hopes_mark", {"note": note.pk, "value": "ja"}),
        ("live_hopes_screen", {"activity": w.board.pk, "on_screen": "0"}),
    ]:
        assert as_viewer.post(_url(name, w.live), data, headers=HTMX).status_code == 403
    assert _fresh(note).came_true == "" and Activity.objects.get(pk=w.board.pk).config.get(
        "review_on_screen", True
    )


def test_the_review_reads_in_a_fixed_number_of_queries(w, as_facilitator):
    def counts():
        result = []
        for client, url in [(Client(), None), (as_facilitator, _url("live_console_stage", w.live))]:
            url = url or reverse("live_projector_stage", args=[w.live.code, w.live.projector_key])
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    few = counts()
    activity = Activity.objects.get(live=w.phase_a, kind="hopes_fears")
    for i in range(12):
        someone = Attendee.objects.create(live=w.phase_a, name=f"Naam {i}", role="jongere")
        Note.objects.create(
            activity=activity,
            attendee=someone,
            client_id=uuid.uuid4(),
            text=f"Hoop {i}",
            category="hoop",
            show_name=True,
        )
    assert counts() == few


# ---- the push ------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_a_mark_makes_the_projector_refetch(w):
    path = f"/ws/live/{w.live.code}/projector/{w.live.projector_key}/"
    projector = WebsocketCommunicator(application, path, headers=[(b"origin", b"http://testserver")])
    assert (await projector.connect())[0]
    assert await projector.receive_json_from() == {"ops": [{"op": "hello"}]}
    await database_sync_to_async(hopes.note_mark_came_true)(live=w.live, note=w.a["Betere hulp"], value="ja")
    assert bare((await projector.receive_json_from(2))["ops"]) == [{"op": "refresh"}]
    assert "hopes-mark-ja" in await database_sync_to_async(_projector)(w.live)
    await projector.disconnect()
