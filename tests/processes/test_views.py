from datetime import date

import pytest
from django.urls import reverse

from allin.processes.models import AgendaItem, Process
from tests import factories


def _meeting_url(name, meeting, **extra):
    return reverse(name, kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk, **extra})


def test_facilitator_creates_a_process_from_a_method(as_facilitator, workspace):
    response = as_facilitator.post(
        reverse("process_create", args=[workspace.slug]),
        {
            "method": "werk-aan-netwerk",
            "name": "Nazorg mbo",
            "theme": "nazorg in het mbo",
            "start_date": "2026-04-06",
        },
    )
    process = Process.objects.get(workspace=workspace)
    assert response.status_code == 302
    assert response["Location"] == reverse("process_detail", args=[workspace.slug, process.pk])
    page = as_facilitator.get(response["Location"])
    assert "Nazorg mbo" in page.content.decode()
    assert process.meetings.count() > 0


def test_create_form_with_bad_input_answers_in_dutch_and_saves_nothing(as_facilitator, workspace):
    response = as_facilitator.post(
        reverse("process_create", args=[workspace.slug]),
        {"method": "geen-methode", "name": "", "start_date": "gisteren"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Er ging iets mis" in body and "Dit veld is verplicht" in body
    assert not Process.objects.exists()


def test_agenda_shows_clock_times_and_warns_when_too_long(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace), durations=(30, 40), planned=60)
    body = as_facilitator.get(_meeting_url("meeting_detail", meeting)).content.decode()
    assert "13:00–13:30" in body and "13:30–14:10" in body
    assert "10 minuten te lang" in body


def test_add_item_with_duration_out_of_range_shows_message_and_adds_nothing(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    for duration in ("0", "241", "tien"):
        response = as_facilitator.post(
            _meeting_url("agenda_item_create", meeting),
            {"title": "Nieuw", "duration": duration, "kind": "item"},
        )
        assert response.status_code == 400
        assert "Er ging iets mis" in response.content.decode()
    assert meeting.items.count() == 3


def test_add_item_with_empty_or_long_title_is_refused(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    for title in ("", "x" * 201):
        response = as_facilitator.post(
            _meeting_url("agenda_item_create", meeting), {"title": title, "duration": "10", "kind": "item"}
        )
        assert response.status_code == 400
    assert meeting.items.count() == 3


def test_edit_item_then_redirect_back(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    item = meeting.items.first()
    response = as_facilitator.post(
        _meeting_url("agenda_item_edit", meeting, item_pk=item.pk),
        {
            "title": "Welkom en kennismaken",
            "duration": "20",
            "kind": "item",
            "goals": "Iedereen voelt zich welkom",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.duration, item.goals) == (
        "Welkom en kennismaken",
        20,
        ["Iedereen voelt zich welkom"],
    )


def test_reorder_with_foreign_items_answers_400_and_changes_nothing(as_facilitator, workspace):
    process = factories.empty_process(workspace)
    meeting, other = factories.meeting(process), factories.meeting(process, name="Andere")
    ids = list(meeting.items.values_list("pk", flat=True))
    bad = [other.items.first().pk, *ids[1:]]
    response = as_facilitator.post(_meeting_url("agenda_reorder", meeting), {"order": bad})
    assert response.status_code == 400
    assert "alle onderdelen" in response.content.decode()
    response = as_facilitator.post(_meeting_url("agenda_reorder", meeting), {"order": ["abc"]})
    assert response.status_code == 400
    assert list(meeting.items.values_list("pk", flat=True)) == ids


def test_move_with_htmx_returns_the_agenda_partial(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    last = meeting.items.last()
    response = as_facilitator.post(
        _meeting_url("agenda_item_move", meeting, item_pk=last.pk),
        {"direction": "up"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and 'id="agenda"' in body
    assert list(meeting.items.values_list("pk", flat=True))[1] == last.pk


def test_move_of_an_item_of_another_meeting_is_404(as_facilitator, workspace):
    process = factories.empty_process(workspace)
    meeting, other = factories.meeting(process), factories.meeting(process, name="Andere")
    response = as_facilitator.post(
        _meeting_url("agenda_item_move", meeting, item_pk=other.items.first().pk), {"direction": "up"}
    )
    assert response.status_code == 404


def test_shorten_view(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace), durations=(60, 60, 60))
    response = as_facilitator.post(_meeting_url("agenda_shorten", meeting), {"target_minutes": "90"})
    assert response.status_code == 302
    assert sum(meeting.items.values_list("duration", flat=True)) == 90
    response = as_facilitator.post(_meeting_url("agenda_shorten", meeting), {"target_minutes": "120"})
    assert response.status_code == 400
    assert "kortere lengte" in response.content.decode()


def test_meeting_dates_in_the_wrong_order_get_a_dutch_message(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace, start_date=date(2026, 5, 1)))
    response = as_facilitator.post(
        _meeting_url("meeting_edit", meeting),
        {
            "name": "Sessie",
            "date": "2026-04-01",
            "start_time": "13:00",
            "planned_minutes": "120",
        },
    )
    assert response.status_code == 400
    assert "voor de start van het traject" in response.content.decode()


def test_checklist_toggle_marks_who_ticked_it(as_facilitator, facilitator, allin_process):
    meeting = allin_process.meetings.first()
    item = meeting.checklists.first().items.first()
    response = as_facilitator.post(
        _meeting_url("checklist_item_toggle", meeting, item_pk=item.pk), {"done": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Fatima Begeleider" in response.content.decode()
    item.refresh_from_db()
    assert item.done_by == facilitator


def test_process_page_shows_checklist_progress(as_facilitator, facilitator, allin_process):
    meeting = allin_process.meetings.first()
    total = sum(c.items.count() for m in allin_process.meetings.all() for c in m.checklists.all())
    item = meeting.checklists.first().items.first()
    as_facilitator.post(_meeting_url("checklist_item_toggle", meeting, item_pk=item.pk), {"done": "1"})
    body = as_facilitator.get(
        reverse("process_detail", args=[allin_process.workspace.slug, allin_process.pk])
    )
    assert f"1 van {total} checklistpunten klaar" in body.content.decode()


@pytest.mark.parametrize("viewer_action", ["agenda_item_create", "agenda_shorten", "meeting_edit"])
def test_viewer_cannot_change_the_agenda(as_viewer, workspace, viewer_action):
    meeting = factories.meeting(factories.empty_process(workspace))
    response = as_viewer.post(
        _meeting_url(viewer_action, meeting),
        {"title": "X", "duration": "5", "kind": "item", "target_minutes": "15"},
    )
    assert response.status_code == 403
    assert meeting.items.count() == 3 and sum(i.duration for i in meeting.items.all()) == 55


def test_viewer_sees_the_agenda_without_edit_controls(as_viewer, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    body = as_viewer.get(_meeting_url("meeting_detail", meeting)).content.decode()
    assert "Onderdeel 1" in body
    assert "Onderdeel toevoegen" not in body and "Verwijderen" not in body


def test_outsider_gets_404_on_another_workspaces_meeting(as_outsider, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    assert as_outsider.get(_meeting_url("meeting_detail", meeting)).status_code == 404
    assert (
        as_outsider.post(
            _meeting_url("agenda_item_create", meeting), {"title": "X", "duration": "5"}
        ).status_code
        == 404
    )
    assert AgendaItem.objects.filter(meeting=meeting).count() == 3


def test_edit_page_sets_the_live_activity(as_facilitator, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    item = meeting.items.first()
    url = _meeting_url("agenda_item_edit", meeting, item_pk=item.pk)
    assert "Activiteit op telefoons en scherm" in as_facilitator.get(url).content.decode()
    response = as_facilitator.post(
        url,
        {
            "title": "Woorden",
            "duration": "10",
            "kind": "item",
            "activity_type": "wordcloud",
            "activity_prompt": "Hoe zocht je?",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.activity == {"type": "wordcloud", "prompt": "Hoe zocht je?"}
