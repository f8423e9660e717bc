from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from allin.methods.loader import get_method
from allin.processes import services
from allin.processes.models import AgendaItem, Meeting, Process
from tests import factories


def test_process_from_method_copies_phases_meetings_agendas_and_checklists(workspace, facilitator):
    method = get_method("all-in")
    process = factories.process(workspace, by=facilitator, start_date=date(2026, 3, 2))
    assert [p.key for p in process.phases.all()] == [p.key for p in method.phases]
    assert process.meetings.count() == len(method.meetings)
    for spec in method.meetings:
        meeting = process.meetings.get(method_key=spec.key)
        assert [i.title for i in meeting.items.all()] == [i.title for i in spec.agenda]
        assert [i.duration for i in meeting.items.all()] == [i.duration for i in spec.agenda]
        assert meeting.date == date(2026, 3, 2) + __import__("datetime").timedelta(days=spec.offset_days)
        assert meeting.checklists.count() == len(spec.checklists)


def test_series_meetings_are_proposed_two_to_three_weeks_apart(workspace):
    process = factories.process(workspace, method_slug="kinderarmoede")
    series = [m for m in process.meetings.order_by("date") if m.phase.key != process.phases.first().key]
    gaps = [(b.date - a.date).days for a, b in zip(series, series[1:], strict=False)]
    assert len(series) == 5
    assert all(14 <= gap <= 21 for gap in gaps), gaps


def test_unknown_method_is_refused_and_nothing_saved(workspace):
    with pytest.raises(ValidationError):
        services.process_create(
            workspace=workspace,
            method_slug="bestaat-niet",
            name="X",
            start_date=date(2026, 1, 1),
            created_by=None,
        )
    assert not Process.objects.exists()


@pytest.mark.parametrize("name", ["", "   ", "x" * 121])
def test_empty_or_long_process_name_is_refused(workspace, name):
    with pytest.raises(ValidationError):
        services.process_create(
            workspace=workspace, method_slug="all-in", name=name, start_date=date(2026, 1, 1), created_by=None
        )
    assert not Process.objects.exists()


@pytest.mark.parametrize("duration", [0, 241, -5])
def test_duration_outside_1_to_240_is_refused(workspace, duration):
    meeting = factories.meeting(factories.empty_process(workspace))
    with pytest.raises(ValidationError):
        services.agenda_item_create(meeting=meeting, title="Extra", duration=duration)
    assert meeting.items.count() == 3


def test_agenda_item_update_refuses_a_too_long_title_and_keeps_the_old_one(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    item = meeting.items.first()
    with pytest.raises(ValidationError):
        services.agenda_item_update(item=item, title="t" * 201, duration=10, kind="item")
    item.refresh_from_db()
    assert item.title == "Onderdeel 1"


def test_new_item_goes_to_the_end(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    services.agenda_item_create(
        meeting=meeting, title="Afsluiting", duration=10, goals="Samenvatten\nBedanken"
    )
    items = list(meeting.items.all())
    assert items[-1].title == "Afsluiting"
    assert items[-1].goals == ["Samenvatten", "Bedanken"]


def test_reorder_puts_items_in_the_given_order(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    ids = list(meeting.items.values_list("pk", flat=True))
    services.agenda_reorder(meeting=meeting, item_ids=list(reversed(ids)))
    assert list(meeting.items.values_list("pk", flat=True)) == list(reversed(ids))


def test_reorder_naming_another_meetings_item_is_refused_and_changes_nothing(workspace):
    process = factories.empty_process(workspace)
    meeting, other = factories.meeting(process), factories.meeting(process, name="Andere")
    ids = list(meeting.items.values_list("pk", flat=True))
    foreign = other.items.first().pk
    with pytest.raises(ValidationError):
        services.agenda_reorder(meeting=meeting, item_ids=[foreign, *ids[1:]])
    with pytest.raises(ValidationError):
        services.agenda_reorder(meeting=meeting, item_ids=[ids[0], ids[0], ids[1]])
    assert list(meeting.items.values_list("pk", flat=True)) == ids


def test_move_up_and_down(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    first, second, third = meeting.items.all()
    services.agenda_item_move(item=third, offset=-1)
    assert [i.pk for i in meeting.items.all()] == [first.pk, third.pk, second.pk]
    services.agenda_item_move(item=first, offset=-1)  # already at the top: stays
    assert meeting.items.first().pk == first.pk


def test_shorten_meeting_scales_items_keeps_breaks_and_sets_planned_length(workspace):
    meeting = factories.meeting(factories.empty_process(workspace), durations=(60, 10, 60, 50), breaks=(1,))
    services.agenda_shorten(meeting=meeting, target_minutes=120)
    durations = [i.duration for i in meeting.items.all()]
    assert sum(durations) == 120
    assert durations[1] == 10
    meeting.refresh_from_db()
    assert meeting.planned_minutes == 120


def test_shorten_to_longer_is_refused_with_a_dutch_message(workspace):
    meeting = factories.meeting(factories.empty_process(workspace), durations=(30, 30))
    with pytest.raises(ValidationError, match="kortere lengte"):
        services.agenda_shorten(meeting=meeting, target_minutes=90)
    assert [i.duration for i in meeting.items.all()] == [30, 30]


def test_meeting_before_process_start_is_refused(workspace):
    process = factories.empty_process(workspace, start_date=date(2026, 5, 1))
    meeting = factories.meeting(process)
    with pytest.raises(ValidationError, match="voor de start"):
        services.meeting_update(
            meeting=meeting, name="X", date=date(2026, 4, 1), start_time=time(10, 0), planned_minutes=60
        )
    meeting.refresh_from_db()
    assert meeting.date == date(2026, 5, 1)


def test_process_start_after_its_first_meeting_is_refused(workspace):
    process = factories.empty_process(workspace, start_date=date(2026, 5, 1))
    factories.meeting(process)
    with pytest.raises(ValidationError):
        services.process_update(process=process, name="X", theme="", start_date=date(2026, 6, 1))
    process.refresh_from_db()
    assert process.start_date == date(2026, 5, 1)


@pytest.mark.parametrize("minutes", [10, 481])
def test_meeting_length_outside_limits_is_refused(workspace, minutes):
    meeting = factories.meeting(factories.empty_process(workspace))
    with pytest.raises(ValidationError):
        services.meeting_update(
            meeting=meeting, name="X", date=meeting.date, start_time=time(10, 0), planned_minutes=minutes
        )


def test_checklist_tick_records_who_and_when_and_untick_clears(allin_process, facilitator):
    item = allin_process.meetings.first().checklists.first().items.first()
    services.checklist_item_set_done(item=item, done=True, user=facilitator)
    item.refresh_from_db()
    assert item.done_by == facilitator and item.done_at is not None
    services.checklist_item_set_done(item=item, done=False, user=facilitator)
    item.refresh_from_db()
    assert item.done_at is None and item.done_by is None


def test_meeting_create_and_delete(workspace):
    process = factories.empty_process(workspace)
    meeting = services.meeting_create(
        process=process,
        phase=None,
        name="Opvolgsessie",
        date=date(2026, 9, 1),
        start_time=time(14, 0),
        planned_minutes=90,
    )
    assert Meeting.objects.filter(process=process).count() == 1
    services.agenda_item_create(meeting=meeting, title="Terugblik", duration=20)
    services.meeting_delete(meeting=meeting)
    assert not AgendaItem.objects.filter(meeting_id=meeting.pk).exists()


def test_the_activity_of_an_item_is_editable_per_meeting_and_keeps_its_other_settings(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    item = meeting.items.first()
    item.activity = {"type": "vote", "prompt": "Kies", "ballots": ["beste", "meest haalbaar"], "dots": 3}
    item.save()
    services.agenda_item_update(
        item=item,
        title=item.title,
        duration=10,
        kind="item",
        activity_type="vote",
        activity_prompt="Kies de beste",
    )
    item.refresh_from_db()
    assert item.activity == {
        "type": "vote",
        "prompt": "Kies de beste",
        "ballots": ["beste", "meest haalbaar"],
        "dots": 3,
    }
    services.agenda_item_update(
        item=item,
        title=item.title,
        duration=10,
        kind="item",
        activity_type="notes",
        activity_prompt="",
        activity_categories="tip\ntop",
    )
    item.refresh_from_db()
    assert item.activity == {"type": "notes", "categories": ["tip", "top"]}
    services.agenda_item_update(item=item, title=item.title, duration=10, kind="item", activity_type="")
    item.refresh_from_db()
    assert item.activity == {}


def test_an_unknown_activity_or_too_many_categories_is_refused(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    item = meeting.items.first()
    with pytest.raises(ValidationError):
        services.agenda_item_update(item=item, title="X", duration=10, kind="item", activity_type="dansen")
    with pytest.raises(ValidationError):
        services.agenda_item_update(
            item=item,
            title="X",
            duration=10,
            kind="item",
            activity_type="notes",
            activity_categories="\n".join(str(i) for i in range(9)),
        )
    item.refresh_from_db()
    assert item.activity == {} and item.title == "Onderdeel 1"
