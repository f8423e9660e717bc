"""Reads for planning pages. Each page loads its rows in a fixed number of queries (prefetching), so a process
with many meetings and items costs no more round trips than a small one."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from . import agenda
from .models import AgendaItem, Checklist, ChecklistItem, Meeting, Process


@dataclass
class PlannedItem:
    item: AgendaItem
    slot: agenda.Slot


@dataclass
class AgendaPlan:
    rows: list
    total: int
    planned: int
    end: object

    @property
    def over_by(self):
        return max(0, self.total - self.planned)

    @property
    def under_by(self):
        return max(0, self.planned - self.total)


def agenda_plan(meeting: Meeting, items=None) -> AgendaPlan:
    items = list(meeting.items.all()) if items is None else items
    slots = agenda.schedule(meeting.start_time, [i.duration for i in items])
    total = sum(i.duration for i in items)
    return AgendaPlan(
        rows=[PlannedItem(item=i, slot=s) for i, s in zip(items, slots, strict=True)],
        total=total,
        planned=meeting.planned_minutes,
        end=agenda.end_time(meeting.start_time, total),
    )


def processes_for(workspace):
    return (
        Process.objects.filter(workspace=workspace)
        .annotate(
            meeting_count=Count("meetings", distinct=True),
        )
        .order_by("-start_date", "name")
    )


def process_get(workspace, pk) -> Process:
    return get_object_or_404(Process, workspace=workspace, pk=pk)


def process_overview(process: Process):
    """The process page: phases with their meetings, each with agenda totals and checklist progress."""
    meetings = list(
        process.meetings.select_related("phase")
        .prefetch_related(
            Prefetch("items", queryset=AgendaItem.objects.only("pk", "meeting_id", "duration", "kind"))
        )
        .annotate(
            checks_total=Count("checklists__items", distinct=True),
            checks_done=Count(
                "checklists__items", filter=Q(checklists__items__done_at__isnull=False), distinct=True
            ),
        )
    )
    for meeting in meetings:
        meeting.agenda_total = sum(item.duration for item in meeting.items.all())
        meeting.over_by = max(0, meeting.agenda_total - meeting.planned_minutes)
    phases = list(process.phases.all())
    by_phase = {phase.pk: [] for phase in phases}
    loose = []
    for meeting in meetings:
        (by_phase.get(meeting.phase_id, loose)).append(meeting)
    for phase in phases:
        phase.planned_meetings = by_phase[phase.pk]
    checks_total = sum(m.checks_total for m in meetings)
    checks_done = sum(m.checks_done for m in meetings)
    return {
        "phases": phases,
        "loose_meetings": loose,
        "meetings": meetings,
        "checks_total": checks_total,
        "checks_done": checks_done,
    }


def meeting_get(workspace, pk) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("process", "phase"), process__workspace=workspace, pk=pk
    )


def meeting_detail(meeting: Meeting):
    items = list(meeting.items.all())
    checklists = list(
        meeting.checklists.prefetch_related(
            Prefetch("items", queryset=ChecklistItem.objects.select_related("done_by"))
        )
    )
    return {"plan": agenda_plan(meeting, items), "checklists": checklists}


def checklist_item_get(meeting: Meeting, pk) -> ChecklistItem:
    return get_object_or_404(
        ChecklistItem.objects.select_related("checklist"), checklist__meeting=meeting, pk=pk
    )


def agenda_item_get(meeting: Meeting, pk) -> AgendaItem:
    return get_object_or_404(AgendaItem, meeting=meeting, pk=pk)


def checklist_get(meeting: Meeting, pk) -> Checklist:
    return get_object_or_404(Checklist, meeting=meeting, pk=pk)
