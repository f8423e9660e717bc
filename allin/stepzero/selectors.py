"""Reads for step 0: the moments a manager wants news, the fixed participants and who missed a meeting."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.shortcuts import get_object_or_404
from django.utils import timezone

from allin.network.models import Partner
from allin.people.models import Attendance, Participant
from allin.processes.models import AgendaItem, Meeting, Process

from .models import KICKOFF_TITLE, Case, FixedParticipant, InformWhen, Manager, TeamMember


def process_get(workspace, pk) -> Process:
    return get_object_or_404(Process, workspace=workspace, pk=pk)


def meeting_get(workspace, pk) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("process"), process__workspace=workspace, pk=pk)


def cases(workspace):
    return Case.objects.filter(workspace=workspace).order_by("title", "pk")


def inform_moments(manager: Manager, meetings=None) -> list[date]:
    """The days the facilitator should keep this manager informed: the day after each meeting, after the middle
    one, or after the last one."""
    if meetings is None:
        meetings = list(manager.process.meetings.order_by("date", "start_time", "order"))
    days = [m.date + timedelta(days=1) for m in meetings]
    if not days:
        return []
    if manager.inform_when == InformWhen.EACH:
        return days
    if manager.inform_when == InformWhen.HALFWAY:
        return [days[(len(days) - 1) // 2]]
    return [days[-1]]


def next_moment(manager: Manager, meetings=None, today=None) -> date | None:
    today = today or timezone.localdate()
    return next((d for d in inform_moments(manager, meetings) if d >= today), None)


def managers(process: Process) -> list[Manager]:
    meetings = list(process.meetings.order_by("date", "start_time", "order"))
    rows = list(process.managers.select_related("organisation"))
    for row in rows:
        row.next_moment = next_moment(row, meetings)
    return rows


def kickoff_items(process: Process):
    return AgendaItem.objects.filter(meeting__process=process, title=KICKOFF_TITLE).select_related("meeting")


def team(process: Process) -> list[TeamMember]:
    return list(
        TeamMember.objects.filter(participant__process=process)
        .select_related("participant__organisation")
        .order_by("participant__name")
    )


def team_candidates(process: Process):
    return (
        Participant.objects.filter(process=process, erased_at__isnull=True, team_membership__isnull=True)
        .select_related("organisation")
        .order_by("name", "pk")
    )


@dataclass
class OrganisationRow:
    organisation: Partner
    participants: list
    fixed: Participant | None
    missed: list = field(default_factory=list)  # held meetings the fixed participant was not at


def held_meetings(process: Process, today=None) -> list[Meeting]:
    """Meetings that took place and where attendance was taken."""
    today = today or timezone.localdate()
    taken = set(Attendance.objects.filter(meeting__process=process).values_list("meeting_id", flat=True))
    return [
        m
        for m in process.meetings.order_by("date", "start_time", "order")
        if m.date <= today and m.pk in taken
    ]


def fixed_overview(process: Process, today=None) -> list[OrganisationRow]:
    """Every organisation with participants in the process, its fixed participant and the held meetings where
    the organisation was there without its fixed participant, or not at all."""
    people = list(
        Participant.objects.filter(process=process, organisation__isnull=False).select_related("organisation")
    )
    fixed = {f.organisation_id: f.participant for f in FixedParticipant.objects.filter(process=process)}
    held = held_meetings(process, today)
    present = set(Attendance.objects.filter(meeting__in=held).values_list("participant_id", "meeting_id"))
    rows: dict[int, OrganisationRow] = {}
    for person in people:
        row = rows.setdefault(
            person.organisation_id,
            OrganisationRow(
                organisation=person.organisation, participants=[], fixed=fixed.get(person.organisation_id)
            ),
        )
        row.participants.append(person)
    for row in rows.values():
        if row.fixed is not None:
            row.missed = [m for m in held if (row.fixed.pk, m.pk) not in present]
    return sorted(rows.values(), key=lambda r: r.organisation.name.lower())


def fixed_ids(process: Process) -> set[int]:
    return set(FixedParticipant.objects.filter(process=process).values_list("participant_id", flat=True))


def manager_get(process, pk) -> Manager:
    return get_object_or_404(Manager.objects.select_related("organisation"), process=process, pk=pk)
