"""Post-its on a board: limits, idempotency, the per-minute limit, moderation and themes."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from allin.live import notes, services
from allin.live.models import Activity, LiveMeeting, Note, Theme

from . import helpers


def _version(live):
    return LiveMeeting.objects.get(pk=live.pk).version


# ---- note_create ---------------------------------------------------------------------------------------


def test_a_note_on_the_current_board(board, attendee):
    before = _version(board.live)
    note, created = helpers.post(board, attendee, text="  Meer   uitleg  graag ", category="tip")
    assert created
    assert (note.text, note.category, note.attendee, note.author) == (
        "Meer uitleg graag",
        "tip",
        attendee,
        None,
    )
    assert not note.hidden and not note.show_name
    assert _version(board.live) == before + 1


def test_up_to_280_characters(board, attendee):
    assert helpers.post(board, attendee, text="x" * 280)[0].text == "x" * 280
    with pytest.raises(ValidationError, match="hoogstens 280 tekens"):
        helpers.post(board, attendee, text="x" * 281)
    assert board.notes.count() == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_an_empty_note_is_refused(board, attendee, text):
    with pytest.raises(ValidationError, match="Schrijf eerst iets"):
        helpers.post(board, attendee, text=text)
    assert not Note.objects.exists()


def test_a_closed_board_takes_no_notes(board, attendee):
    services.activity_set(activity=board, is_open=False)
    with pytest.raises(ValidationError, match="geen post-its meer"):
        helpers.post(board, attendee)
    assert not Note.objects.exists()


def test_a_closed_meeting_takes_no_notes(board, attendee):
    services.live_close(live=board.live)
    board.live.refresh_from_db()
    with pytest.raises(ValidationError, match="afgelopen"):
        helpers.post(board, attendee)
    assert not Note.objects.exists()


def test_a_board_that_is_not_the_current_item_takes_no_notes(board, attendee):
    services.item_goto(live=board.live, item=helpers.items(board.live)[2])
    board.refresh_from_db()
    board.live.refresh_from_db()
    with pytest.raises(ValidationError, match="onderdeel is voorbij"):
        helpers.post(board, attendee)
    assert not Note.objects.exists()


def test_an_attendee_of_another_meeting_is_refused(board, other_live):
    stranger = helpers.join(other_live)
    with pytest.raises(ValidationError, match="doet niet mee"):
        helpers.post(board, stranger)
    assert not Note.objects.exists()


@pytest.mark.parametrize("category", ["", "hoop", "TOP", "topx"])
def test_an_attendee_must_pick_one_of_the_boards_categories(board, attendee, category):
    with pytest.raises(ValidationError, match="Kies een van de categorie"):
        helpers.post(board, attendee, category=category)
    assert not Note.objects.exists()


def test_a_board_without_categories_stores_none(live, attendee):
    plans = helpers.start_board(live, 2)
    note, _ = helpers.post(plans, attendee, category="top")
    assert note.category == ""


def test_the_parking_board_takes_notes_from_the_facilitator_only(live, attendee, facilitator):
    parking = Activity.objects.get(live=live, kind=Activity.Kind.PARKING)
    with pytest.raises(ValidationError):
        helpers.post(parking, attendee)
    note, created = helpers.post(parking, author=facilitator, text="Vervoer naar de bijeenkomst")
    assert created and note.author == facilitator and note.attendee is None


def test_the_facilitator_types_notes_from_the_flip_over(board, facilitator):
    note, _ = helpers.post(board, author=facilitator, category="")  # may leave the category open
    assert note.author == facilitator and note.category == ""
    with pytest.raises(ValidationError, match="Kies een van de categorie"):
        helpers.post(board, author=facilitator, category="onzin")


def test_a_note_needs_a_sender(board):
    with pytest.raises(ValidationError, match="Onbekende afzender"):
        helpers.post(board)


@pytest.mark.parametrize("client_id", ["", "niet-een-uuid", None, "1234"])
def test_a_bad_idempotency_key_is_refused(board, attendee, client_id):
    with pytest.raises(ValidationError, match="niet goed aangekomen"):
        notes.note_create(activity=board, attendee=attendee, text="Hoi", category="top", client_id=client_id)
    assert not Note.objects.exists()


def test_a_name_shows_only_when_chosen_and_when_there_is_one(board, attendee):
    anonymous = helpers.join(board.live, name="")
    named, _ = helpers.post(board, attendee, show_name=True)
    unnamed, _ = helpers.post(board, anonymous, show_name=True)
    default, _ = helpers.post(board, attendee)
    assert (named.public_name, unnamed.public_name, default.public_name) == ("Sam", "", "")


def test_html_is_stored_as_text(board, attendee):
    text = '<script>alert("x")</script> & <b>vet</b>'
    note, _ = helpers.post(board, attendee, text=text)
    note.refresh_from_db()
    assert note.text == text


# ---- idempotency ----------------------------------------------------------------------------------------


def test_the_same_key_from_the_same_attendee_finds_the_same_note(board, attendee):
    key = uuid.uuid4()
    first, created = helpers.post(board, attendee, client_id=key)
    version = _version(board.live)
    again, created_again = helpers.post(board, attendee, client_id=str(key), text="iets anders")
    assert created and not created_again
    assert again.pk == first.pk and again.text == "Een goed idee"
    assert board.notes.count() == 1 and _version(board.live) == version


def test_the_same_key_from_another_attendee_is_refused(board, attendee):
    key = uuid.uuid4()
    helpers.post(board, attendee, client_id=key)
    with pytest.raises(notes.DuplicateClientId):
        helpers.post(board, helpers.join(board.live, name="Kim"), client_id=key)
    assert board.notes.count() == 1


def test_the_same_key_from_the_facilitator_and_from_an_attendee(board, attendee, facilitator):
    key = uuid.uuid4()
    mine, _ = helpers.post(board, author=facilitator, client_id=key)
    assert helpers.post(board, author=facilitator, client_id=key) == (mine, False)
    with pytest.raises(notes.DuplicateClientId):
        helpers.post(board, attendee, client_id=key)


def test_the_same_key_on_another_board_is_another_note(live, board, attendee):
    key = uuid.uuid4()
    helpers.post(board, attendee, client_id=key)
    plans = helpers.start_board(live, 2)
    assert helpers.post(plans, attendee, client_id=key)[1]


def test_a_retry_after_the_board_closed_still_finds_its_note(board, attendee):
    key = uuid.uuid4()
    first, _ = helpers.post(board, attendee, client_id=key)
    services.activity_set(activity=board, is_open=False)
    assert helpers.post(board, attendee, client_id=key) == (first, False)
    # A new key on the closed board is refused as before.
    with pytest.raises(ValidationError, match="geen post-its meer"):
        helpers.post(board, attendee)


def test_a_retry_past_the_rate_limit_still_finds_its_note(board, attendee):
    key = uuid.uuid4()
    first, _ = helpers.post(board, attendee, client_id=key, category="top")
    for i in range(notes.NOTES_PER_MINUTE - 1):
        helpers.post(board, helpers.join(board.live, name=f"Tel{i}"), category="tip")
    Note.objects.filter(activity=board).update(attendee=attendee)  # all of them this phone's, this minute
    assert helpers.post(board, attendee, client_id=key, category="top") == (first, False)


def test_a_key_that_races_in_between_check_and_insert_is_caught_by_the_constraint(
    board, attendee, monkeypatch, django_capture_on_commit_callbacks
):
    """No look-up before the insert: when a second request stored the same key meanwhile, the insert collides,
    its savepoint takes back this request's version bump, and the note the other request made is the answer."""
    key = uuid.uuid4()
    version = _version(board.live)
    check_rate = notes._check_rate

    def the_other_request_wins(who):
        check_rate(who)
        Note.objects.create(activity=board, attendee=attendee, client_id=key, text="Eerder binnen", version=0)

    monkeypatch.setattr(notes, "_check_rate", the_other_request_wins)
    with django_capture_on_commit_callbacks() as pushes:
        note, created = helpers.post(board, attendee, client_id=key, text="Later binnen")
    assert not created and note.text == "Eerder binnen"
    assert board.notes.count() == 1 and _version(board.live) == version and not pushes


def test_a_board_note_is_stored_with_the_version_it_made(board, attendee):
    note, _ = helpers.post(board, attendee)
    note.refresh_from_db()
    assert note.version == _version(board.live) > 0


# ---- thirty a minute -----------------------------------------------------------------------------------


def test_the_31st_note_within_a_minute_is_refused_and_stores_nothing(
    board, attendee, django_capture_on_commit_callbacks
):
    for i in range(notes.NOTES_PER_MINUTE):
        helpers.post(board, attendee, text=f"Post-it {i}")
    version = _version(board.live)
    with django_capture_on_commit_callbacks() as pushes:
        with pytest.raises(notes.TooManyNotes, match="Wacht even"):
            helpers.post(board, attendee, text="Eentje te veel")
    assert board.notes.count() == 30 and not pushes and _version(board.live) == version
    # Someone else in the room is not slowed down.
    assert helpers.post(board, helpers.join(board.live, name="Kim"))[1]


def test_after_a_minute_the_attendee_may_post_again(board, attendee):
    for i in range(notes.NOTES_PER_MINUTE):
        helpers.post(board, attendee, text=f"Post-it {i}")
    board.notes.update(created_at=timezone.now() - timedelta(seconds=61))
    assert helpers.post(board, attendee)[1]


# ---- moderation -----------------------------------------------------------------------------------------


def test_hide_and_show_a_note(board, attendee, django_capture_on_commit_callbacks):
    note, _ = helpers.post(board, attendee)
    before = _version(board.live)
    with django_capture_on_commit_callbacks() as pushes:
        notes.note_set_hidden(note=note, hidden=True)
    note.refresh_from_db()
    assert note.hidden and _version(board.live) == before + 1 and len(pushes) == 1
    with django_capture_on_commit_callbacks() as pushes:
        notes.note_set_hidden(note=note, hidden=True)  # already hidden: nothing happens
    assert not pushes and _version(board.live) == before + 1
    notes.note_set_hidden(note=note, hidden=False)
    note.refresh_from_db()
    assert not note.hidden


# ---- themes ---------------------------------------------------------------------------------------------


def test_create_and_rename_themes(board):
    first = notes.theme_create(activity=board, name="  Bereikbaarheid ")
    second = notes.theme_create(activity=board, name="Taal")
    assert first.name == "Bereikbaarheid" and second.order > first.order
    notes.theme_rename(theme=first, name="Vindbaarheid")
    assert list(board.themes.values_list("name", flat=True)) == ["Vindbaarheid", "Taal"]


@pytest.mark.parametrize("name, message", [("", "Geef het thema een naam"), ("x" * 81, "hoogstens 80")])
def test_a_theme_needs_a_name_of_at_most_80_characters(board, name, message):
    with pytest.raises(ValidationError, match=message):
        notes.theme_create(activity=board, name=name)
    theme = notes.theme_create(activity=board, name="x" * 80)
    with pytest.raises(ValidationError, match=message):
        notes.theme_rename(theme=theme, name=name)
    theme.refresh_from_db()
    assert theme.name == "x" * 80


def test_at_most_30_themes_on_a_board(board):
    for i in range(notes.THEMES_MAX):
        notes.theme_create(activity=board, name=f"Thema {i}")
    with pytest.raises(ValidationError, match="hoogstens 30"):
        notes.theme_create(activity=board, name="Eentje te veel")
    assert board.themes.count() == 30


def test_merge_moves_the_notes_and_removes_the_source(board, attendee):
    source = notes.theme_create(activity=board, name="Geld")
    target = notes.theme_create(activity=board, name="Schulden")
    a, _ = helpers.post(board, attendee, text="a")
    b, _ = helpers.post(board, attendee, text="b")
    notes.note_move(note=a, theme=source)
    notes.note_move(note=b, theme=target)
    notes.theme_merge(source=source, target=target)
    assert not Theme.objects.filter(pk=source.pk).exists()
    assert set(target.notes.values_list("text", flat=True)) == {"a", "b"}


def test_merge_refuses_the_same_theme_and_themes_of_two_boards(live, board):
    theme = notes.theme_create(activity=board, name="Geld")
    elsewhere = notes.theme_create(activity=helpers.board_of(live, 2), name="Plannen")
    for source, target in [(theme, theme), (theme, elsewhere), (elsewhere, theme)]:
        with pytest.raises(ValidationError, match="twee verschillende"):
            notes.theme_merge(source=source, target=target)
    assert Theme.objects.count() == 2


def test_deleting_a_theme_keeps_its_notes(board, attendee):
    theme = notes.theme_create(activity=board, name="Geld")
    note, _ = helpers.post(board, attendee)
    notes.note_move(note=note, theme=theme)
    notes.theme_delete(theme=theme)
    note.refresh_from_db()
    assert note.theme is None and not Theme.objects.exists()


def test_move_a_note_to_a_theme_and_back(board, attendee):
    theme = notes.theme_create(activity=board, name="Geld")
    note, _ = helpers.post(board, attendee)
    before = _version(board.live)
    assert notes.note_move(note=note, theme=theme).theme == theme
    notes.note_move(note=note, theme=None)
    note.refresh_from_db()
    assert note.theme is None and _version(board.live) == before + 2


def test_a_note_cannot_move_to_a_theme_of_another_board(live, board, attendee, other_live):
    note, _ = helpers.post(board, attendee)
    same_meeting = notes.theme_create(activity=helpers.board_of(live, 2), name="Plannen")
    other_meeting = notes.theme_create(activity=helpers.board_of(other_live), name="Elders")
    for theme in (same_meeting, other_meeting):
        with pytest.raises(ValidationError, match="ander bord"):
            notes.note_move(note=note, theme=theme)
    note.refresh_from_db()
    assert note.theme is None


def test_control_characters_are_removed_before_saving(board, attendee):
    from allin.live import notes as note_services

    note, _created = note_services.note_create(
        activity=board,
        attendee=attendee,
        text="hallo\x00 daar\x07",
        client_id=uuid.uuid4(),
        category=board.categories[0],
    )
    assert note.text == "hallo daar"


def test_tips_and_tops_take_one_of_each_per_attendee(board, attendee):
    from allin.live import notes as note_services

    board.kind = "tips_tops"
    board.save(update_fields=["kind"])
    note_services.note_create(
        activity=board, attendee=attendee, text="Fijne sfeer", client_id=uuid.uuid4(), category="top"
    )
    note_services.note_create(
        activity=board, attendee=attendee, text="Meer pauze", client_id=uuid.uuid4(), category="tip"
    )
    with pytest.raises(ValidationError, match="al een tip"):
        note_services.note_create(
            activity=board, attendee=attendee, text="Nog een", client_id=uuid.uuid4(), category="tip"
        )
    assert board.notes.count() == 2
