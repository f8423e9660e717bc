"""Big boards stay light: the console shows the counts first and the newest notes, and fetches earlier ones a
page at a time; the projector shows what fits per bucket and says how many more ("en nog 57")."""

import uuid

import pytest
from django.urls import reverse

from allin.live import selectors
from allin.live.models import Note

from . import helpers


def _notes(board, attendee, count, **fields):
    return [
        Note.objects.create(
            activity=board, attendee=attendee, text=f"Idee {n}", client_id=uuid.uuid4(), **fields
        )
        for n in range(count)
    ]


@pytest.fixture
def room(workspace):
    live = helpers.live_meeting(workspace)
    board = helpers.start_board(live)  # categories top / tip
    sam = helpers.join(live)
    notes = _notes(board, sam, 63, category="top") + _notes(board, sam, 55, category="tip")
    for note in notes[:2]:
        note.hidden = True
        note.save(update_fields=["hidden"])
    return live, board, notes


def _console(client, live):
    url = reverse("live_console_stage", args=[live.meeting.process.workspace.slug, live.meeting.pk])
    return client.get(url).content.decode()


def _older(client, live, board, before):
    url = reverse("live_console_older", args=[live.meeting.process.workspace.slug, live.meeting.pk])
    return client.get(url, {"bord": board.pk, "voor": before.pk})


def test_the_console_shows_counts_first_and_the_newest_page(as_facilitator, room):
    live, board, notes = room
    page = _console(as_facilitator, live)
    assert "116 zichtbare post-its." in page
    assert "top: 61</span>" in page and "tip: 55</span>" in page and "2 verborgen</span>" in page
    assert page.count('class="cnote') == selectors.CONSOLE_PAGE
    assert f'id="cnote-{notes[-1].pk}"' in page and f'id="cnote-{notes[-50].pk}"' in page
    assert f'id="cnote-{notes[-51].pk}"' not in page
    assert "Eerdere post-its laden (nog 68)" in page
    assert f"voor={notes[-50].pk}" in page


def test_earlier_pages_come_on_demand_until_none_are_left(as_viewer, room):
    live, board, notes = room
    second = _older(as_viewer, live, board, notes[-50]).content.decode()
    assert second.count('class="cnote') == 50
    assert f'id="cnote-{notes[-51].pk}"' in second and f'id="cnote-{notes[-100].pk}"' in second
    assert "Eerdere post-its laden (nog 18)" in second and f"voor={notes[-100].pk}" in second
    third = _older(as_viewer, live, board, notes[-100]).content.decode()
    assert third.count('class="cnote') == 18  # the hidden ones too: the console shows them greyed
    assert f'id="cnote-{notes[0].pk}"' in third and "Eerdere" not in third


def test_the_load_button_is_a_real_button_that_htmx_swaps(as_facilitator, room):
    live, _board, _notes = room
    page = _console(as_facilitator, live)
    assert (
        '<button type="button" class="utrecht-button utrecht-button--secondary-action small" hx-get=' in page
    )
    assert 'hx-target="closest li" hx-swap="outerHTML"' in page


def test_a_note_of_another_board_or_meeting_is_not_found(as_viewer, room, workspace):
    live, board, notes = room
    other = helpers.live_meeting(workspace, name="Andere")
    other_board = helpers.start_board(other)
    stranger = _notes(other_board, helpers.join(other), 1)[0]
    assert _older(as_viewer, live, board, stranger).status_code == 404
    assert _older(as_viewer, other, other_board, notes[-1]).status_code == 404
    url = reverse("live_console_older", args=[live.meeting.process.workspace.slug, live.meeting.pk])
    assert as_viewer.get(url, {"bord": "x", "voor": "1"}).status_code == 404


def test_the_projector_shows_what_fits_and_says_how_many_more(client, room):
    live, board, notes = room
    page = client.get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    assert page.count('class="note"') == 2 * selectors.PROJECTOR_PER_BUCKET
    assert "en nog 55" in page  # top: 61 visible, 6 shown
    assert "en nog 49" in page  # tip: 55, 6 shown
    assert f'id="pnote-{notes[62].pk}"' in page and f'id="pnote-{notes[57].pk}"' in page
    assert f'id="pnote-{notes[56].pk}"' not in page


def test_a_small_board_shows_everything_and_no_more_line(client, workspace):
    live = helpers.live_meeting(workspace)
    board = helpers.start_board(live)
    _notes(board, helpers.join(live), 4, category="top")
    page = client.get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    assert page.count('class="note"') == 4 and "en nog" not in page


def test_the_board_is_read_in_a_fixed_number_of_queries(room, django_assert_max_num_queries):
    _live, board, _notes_ = room
    with django_assert_max_num_queries(4):
        selectors.board(board, per_bucket=selectors.PROJECTOR_PER_BUCKET)
    with django_assert_max_num_queries(4):
        selectors.board(board, include_hidden=True, newest=selectors.CONSOLE_PAGE)
