"""Planning pages must not issue a query per meeting or per agenda item."""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.processes.models import AgendaItem, Checklist, ChecklistItem, Meeting
from tests import factories


def _grow(process, meetings, items):
    for m in range(meetings):
        meeting = Meeting.objects.create(
            process=process,
            name=f"Bijeenkomst {m}",
            date=date(2026, 3, 2 + m),
            start_time=time(13, 0),
            planned_minutes=180,
            phase=process.phases.first(),
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, order=i, title=f"Onderdeel {i}", duration=5, goals=["doel"])
            for i in range(items)
        )
        checklist = Checklist.objects.create(meeting=meeting, title="Materialen")
        ChecklistItem.objects.bulk_create(
            ChecklistItem(checklist=checklist, text=f"Punt {i}") for i in range(items)
        )


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["process_detail", "meeting_detail", "workspace_home"])
def test_page_queries_do_not_grow_with_meetings_and_items(as_facilitator, workspace, page):
    small, large = factories.empty_process(workspace, "Klein"), factories.empty_process(workspace, "Groot")
    for process in (small, large):
        process.phases.create(key="A", name="Fase A", order=0)
    _grow(small, meetings=1, items=2)
    _grow(large, meetings=10, items=20)

    def url(process):
        if page == "process_detail":
            return reverse(page, args=[workspace.slug, process.pk])
        if page == "meeting_detail":
            return reverse(page, args=[workspace.slug, process.meetings.last().pk])
        return reverse(page, args=[workspace.slug])

    assert _count(as_facilitator, url(small)) == _count(as_facilitator, url(large))
