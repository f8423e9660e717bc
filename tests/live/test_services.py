"""Opening a meeting live, join codes, joining, moving through the agenda and the screen settings."""

import pytest
from django.core.exceptions import ValidationError

from allin.live import codes, services
from allin.live.models import Activity, Attendee, LiveMeeting

from . import helpers

LOOK_ALIKES = set("0O1IL")


def _version(live):
    return LiveMeeting.objects.get(pk=live.pk).version


# ---- codes -------------------------------------------------------------------------------------------------


def test_the_alphabet_has_no_look_alikes():
    assert not LOOK_ALIKES & set(codes.ALPHABET)
    drawn = {codes.new_code() for _ in range(300)}
    assert all(len(code) == 6 and set(code) <= set(codes.ALPHABET) for code in drawn)
    assert len(drawn) > 290  # random, not a counter


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("KR7P4M", "KR7P4M"),
        ("kr7p4m", "KR7P4M"),
        ("kr7 p4m", "KR7P4M"),
        (" KR7-P4M\n", "KR7P4M"),
        ("k r 7 - p 4 m", "KR7P4M"),
        ("KR7P40", None),  # zero
        ("KR7P4O", None),  # letter O
        ("KR7P41", None),  # one
        ("KR7P4I", None),
        ("KR7P4L", None),
        ("kr7p4l", None),
        ("KR7P4", None),
        ("KR7P4MM", None),
        ("KR7P4!", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise(raw, expected):
    assert codes.normalise(raw) == expected


def test_spaced_code_is_easier_to_read():
    assert codes.spaced("KR7P4M") == "KR7 P4M"


# ---- opening and closing -------------------------------------------------------------------------------


def test_live_open_gives_a_code_a_projector_secret_and_a_parking_board(workspace):
    live = helpers.live_meeting(workspace)
    assert len(live.code) == 6 and set(live.code) <= set(codes.ALPHABET)
    assert len(live.projector_key) >= 20
    assert live.base_url == helpers.BASE_URL and live.is_open
    parking = Activity.objects.get(live=live, kind=Activity.Kind.PARKING)
    assert parking.item is None and parking.prompt == "Parkeerbord"


def test_live_open_makes_boards_for_note_activities_only(workspace):
    live = helpers.live_meeting(workspace)
    welcome, tips, plans = helpers.items(live)
    boards = {a.item_id: a for a in Activity.objects.filter(live=live, kind=Activity.Kind.NOTES)}
    assert set(boards) == {tips.pk, plans.pk}  # a slide has no board
    assert boards[tips.pk].categories == ["top", "tip"]
    assert boards[tips.pk].prompt == "Wat ging goed, wat kan beter?"
    assert boards[plans.pk].categories == []


def test_hopes_and_fears_without_categories_get_hoop_and_angst(workspace):
    meeting = helpers.meeting(workspace)
    item = meeting.items.first()
    item.activity = {"type": "hopes_fears"}
    item.save()
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    board = Activity.objects.get(live=live, item=item)
    assert board.categories == ["hoop", "angst"]
    assert board.prompt == item.title  # no prompt: the item's title


def test_reopening_keeps_the_code_and_the_state(workspace):
    live = helpers.live_meeting(workspace)
    helpers.start_board(live)
    again = services.live_open(meeting=live.meeting, base_url="http://elders.example")
    assert (again.pk, again.code, again.base_url) == (live.pk, live.code, live.base_url)
    assert Activity.objects.filter(live=live).count() == 3  # nothing doubled


def test_a_taken_code_is_drawn_again(workspace, monkeypatch):
    first = helpers.live_meeting(workspace)
    drawn = iter([first.code, first.code, "ABCDEF"])
    monkeypatch.setattr(codes, "new_code", lambda: next(drawn))
    second = helpers.live_meeting(workspace, name="Tweede")
    assert second.code == "ABCDEF"


def test_close_and_reopen(live):
    before = _version(live)
    services.live_close(live=live)
    live.refresh_from_db()
    assert not live.is_open and live.version == before + 1
    services.live_close(live=live)  # closing twice changes nothing
    assert _version(live) == before + 1
    reopened = services.live_open(meeting=live.meeting, base_url=helpers.BASE_URL)
    assert reopened.is_open and reopened.code == live.code and _version(live) == before + 2


def test_projector_key_renew_replaces_the_secret(live):
    old = live.projector_key
    services.projector_key_renew(live=live)
    assert LiveMeeting.objects.get(pk=live.pk).projector_key not in ("", old)


# ---- joining -------------------------------------------------------------------------------------------


def test_join_with_a_name_and_a_role(live):
    attendee = services.attendee_join(live=live, name="  Sam   de  Vries ", role="professional")
    assert attendee.name == "Sam de Vries" and attendee.role == "professional" and attendee.live == live


def test_join_anonymously(live):
    assert services.attendee_join(live=live, name="", role="jongere").name == ""


def test_names_up_to_forty_characters(live):
    assert services.attendee_join(live=live, name="x" * 40, role="anders").name == "x" * 40
    with pytest.raises(ValidationError, match="hoogstens 40 tekens"):
        services.attendee_join(live=live, name="x" * 41, role="anders")
    assert Attendee.objects.filter(live=live).count() == 1


@pytest.mark.parametrize("role", ["", "beheerder", "JONGERE", None])
def test_role_must_be_one_of_the_choices(live, role):
    with pytest.raises(ValidationError, match="Kies wie je bent"):
        services.attendee_join(live=live, name="Sam", role=role)
    assert not Attendee.objects.exists()


def test_a_closed_meeting_takes_no_one_in(live):
    services.live_close(live=live)
    with pytest.raises(ValidationError, match="afgelopen"):
        services.attendee_join(live=live, name="Sam", role="jongere")
    assert not Attendee.objects.exists()


# ---- the agenda ----------------------------------------------------------------------------------------


def test_item_goto_sets_the_item_its_clock_and_hides_the_join_screen(live):
    services.screen_set(live=live, show_parking=True)
    before = _version(live)
    item = helpers.items(live)[2]
    services.item_goto(live=live, item=item)
    live.refresh_from_db()
    assert live.current_item == item and live.item_started_at is not None
    assert not live.show_join and not live.show_parking
    assert live.version == before + 1


def test_item_goto_refuses_another_meetings_item(live, other_live):
    foreign = helpers.items(other_live)[0]
    before = _version(live)
    with pytest.raises(ValidationError, match="hoort niet bij deze bijeenkomst"):
        services.item_goto(live=live, item=foreign)
    live.refresh_from_db()
    assert live.current_item is None and live.version == before


def test_item_goto_makes_a_board_for_an_item_added_after_opening(live):
    item = live.meeting.items.create(order=9, title="Extra", duration=5, activity={"type": "notes"})
    services.item_goto(live=live, item=item)
    assert Activity.objects.filter(live=live, item=item, kind=Activity.Kind.NOTES).exists()


def test_item_step_walks_the_agenda_within_its_bounds(live):
    welcome, tips, plans = helpers.items(live)
    assert services.item_step(live=live, offset=1).current_item == welcome  # not started: the first item
    assert services.item_step(live=live, offset=1).current_item == tips
    assert services.item_step(live=live, offset=1).current_item == plans
    before = _version(live)
    with pytest.raises(ValidationError, match="geen onderdeel meer"):
        services.item_step(live=live, offset=1)
    assert services.item_step(live=live, offset=-2).current_item == welcome
    with pytest.raises(ValidationError, match="geen onderdeel meer"):
        services.item_step(live=live, offset=-1)
    live.refresh_from_db()
    assert live.current_item == welcome and live.version == before + 1


def test_item_step_without_an_agenda(workspace):
    meeting = helpers.meeting(workspace)
    meeting.items.all().delete()
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    with pytest.raises(ValidationError, match="nog geen agenda"):
        services.item_step(live=live, offset=1)


# ---- screens and boards --------------------------------------------------------------------------------


def test_screen_set_changes_only_what_is_given(live):
    assert live.show_join and not live.show_parking
    services.screen_set(live=live, show_parking=True)
    live.refresh_from_db()
    assert live.show_join and live.show_parking
    services.screen_set(live=live, show_join=False)
    live.refresh_from_db()
    assert not live.show_join and live.show_parking and live.version == 2


def test_activity_set(board):
    before = _version(board.live)
    services.activity_set(activity=board, is_open=False)
    services.activity_set(activity=board, revealed=False)
    services.activity_set(activity=board, group_by="theme")
    board.refresh_from_db()
    assert (board.is_open, board.revealed, board.group_by) == (False, False, "theme")
    assert _version(board.live) == before + 3


def test_activity_set_refuses_an_unknown_grouping_and_saves_nothing(board):
    before = _version(board.live)
    with pytest.raises(ValidationError, match="per categorie of per thema"):
        services.activity_set(activity=board, is_open=False, group_by="kleur")
    board.refresh_from_db()
    assert board.is_open and board.group_by == "category" and _version(board.live) == before


def test_activity_start_puts_a_board_on_an_item_without_one(live):
    welcome = helpers.items(live)[0]
    activity = services.activity_start(live=live, item=welcome)
    assert activity.kind == Activity.Kind.NOTES and activity.prompt == "Welkom" and activity.categories == []
    assert services.activity_start(live=live, item=welcome) == activity  # twice: still one board


def test_activity_start_refuses_another_meetings_item(live, other_live):
    with pytest.raises(ValidationError):
        services.activity_start(live=live, item=helpers.items(other_live)[0])
    assert not Activity.objects.filter(live=live, item=helpers.items(other_live)[0]).exists()


def test_a_stopped_meeting_shows_no_clock(live, board):
    from allin.live import selectors

    assert selectors.stage(live)["timing"] is not None
    services.live_close(live=live)
    live.refresh_from_db()
    assert selectors.stage(live)["timing"] is None


def test_the_agenda_as_held_is_recorded_item_by_item(live):
    from django.utils import timezone

    from allin.live.models import ItemRun

    first, second = list(live.meeting.items.all())[:2]
    services.item_goto(live=live, item=first)
    services.item_goto(live=live, item=first)  # the same item again is not a new run
    services.item_goto(live=live, item=second)
    services.live_close(live=live)
    runs = list(ItemRun.objects.filter(live=live))
    assert [run.item for run in runs] == [first, second]
    assert all(run.ended_at and run.ended_at >= run.started_at for run in runs)
    assert runs[0].ended_at == runs[1].started_at
    assert runs[1].ended_at <= timezone.now()
