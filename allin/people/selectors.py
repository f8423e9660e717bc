"""Reads for the people pages: participants of a process, who was invited to a meeting and what they answered,
who was there, and when a process's personal data is erased."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max
from django.shortcuts import get_object_or_404

from allin.processes.models import Meeting, Process

from .models import Attendance, Invitation, Participant, ProcessPrivacy, RsvpAnswer

DEFAULT_KEEP_DAYS = 365


def participants_of(process: Process):
    return process.participants.select_related("organisation").order_by("name", "pk")


def participant_get(process: Process, pk) -> Participant:
    return get_object_or_404(Participant.objects.select_related("organisation"), process=process, pk=pk)


def default_erase_date(process: Process) -> date:
    """Twelve months after the last meeting (or after the start, while there are no meetings)."""
    last = process.meetings.aggregate(last=Max("date"))["last"] or process.start_date
    return last + timedelta(days=DEFAULT_KEEP_DAYS)


def erase_date(process: Process) -> date:
    privacy = ProcessPrivacy.objects.filter(process=process).first()
    return privacy.erase_on if privacy else default_erase_date(process)


def processes_due(*, today: date) -> list:
    """Processes with participants not yet erased whose erase date is today or earlier."""
    candidates = (
        Process.objects.filter(participants__erased_at__isnull=True)
        .distinct()
        .annotate(last_meeting=Max("meetings__date"))
        .select_related("privacy")
    )
    due = []
    for process in candidates:
        privacy = getattr(process, "privacy", None)
        if privacy is not None:
            when = privacy.erase_on
        else:
            when = (process.last_meeting or process.start_date) + timedelta(days=DEFAULT_KEEP_DAYS)
        if when <= today:
            due.append(process)
    return due


@dataclass
class InvitationRow:
    participant: Participant
    invitation: Invitation | None
    present: bool


def meeting_overview(meeting: Meeting) -> dict:
    """Every participant of the meeting's process with their invitation and attendance for this meeting."""
    participants = list(participants_of(meeting.process))
    invitations = {i.participant_id: i for i in Invitation.objects.filter(meeting=meeting)}
    present = set(Attendance.objects.filter(meeting=meeting).values_list("participant_id", flat=True))
    rows = [InvitationRow(p, invitations.get(p.pk), p.pk in present) for p in participants]
    answered = [i for i in invitations.values() if i.answer and not i.is_revoked]
    return {
        "rows": rows,
        "invited_count": sum(1 for i in invitations.values() if i.sent_at and not i.is_revoked),
        "answers": {answer: sum(1 for i in answered if i.answer == answer) for answer in RsvpAnswer.values},
        "open_count": len(open_invitations(meeting)),
        "present_count": len(present),
    }


def open_invitations(meeting: Meeting) -> list:
    """Sent, not revoked, not answered, to a participant who still has an e-mail address."""
    return list(
        Invitation.objects.filter(
            meeting=meeting,
            sent_at__isnull=False,
            revoked_at__isnull=True,
            answer="",
            participant__erased_at__isnull=True,
        )
        .exclude(participant__email="")
        .select_related("participant", "meeting__process")
    )


def present_ids(meeting: Meeting) -> set:
    return set(Attendance.objects.filter(meeting=meeting).values_list("participant_id", flat=True))
