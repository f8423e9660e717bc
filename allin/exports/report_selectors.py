"""Reads for the meeting report that reach into other apps: attendance (live phones and the people app's list),
the agenda as held, photos and parking board notes. Reads of allin/actions are all in report_actions.py."""

from dataclasses import dataclass

from django.db.models import Count

from allin.live.models import AttendeeRole, ItemRun, LiveMeeting
from allin.people.models import Attendance, ParticipantRole

from .models import ReportPhoto


def live_of(meeting) -> LiveMeeting | None:
    return LiveMeeting.objects.filter(meeting=meeting).first()


# ---- attendance --------------------------------------------------------------------------------------


@dataclass
class RoleCount:
    role: str
    label: str
    count: int


def attendance(meeting, live: LiveMeeting | None) -> dict:
    """Who joined on a phone, counted per role (every role, in a fixed order); and the attendance list of the
    people app (participants ticked at the door or linked to a phone), per participant role, with the
    organisations that were there."""
    roles, total = [], 0
    if live is not None:
        counts = dict(live.attendees.values_list("role").annotate(n=Count("pk")))
        roles = [RoleCount(value, str(label), counts.get(value, 0)) for value, label in AttendeeRole.choices]
        total = sum(r.count for r in roles)
    present = Attendance.objects.filter(meeting=meeting)
    by_role = dict(present.values_list("participant__role").annotate(n=Count("pk")))
    listed = [RoleCount(v, str(label), by_role[v]) for v, label in ParticipantRole.choices if by_role.get(v)]
    organisations = sorted(
        set(
            present.filter(participant__organisation__isnull=False).values_list(
                "participant__organisation__name", flat=True
            )
        ),
        key=str.casefold,
    )
    return {
        "roles": roles,
        "total": total,
        "listed": listed,
        "listed_total": sum(r.count for r in listed),
        "organisations": organisations,
    }


# ---- the agenda as held ------------------------------------------------------------------------------


@dataclass
class HeldRow:
    title: str
    started_at: object
    ended_at: object
    minutes: int | None  # as held, rounded; None while still on
    planned: int | None  # the item's planned duration, when the item still exists


def agenda_as_held(meeting, live: LiveMeeting | None) -> dict:
    """One row per time an item was on, in clock order; and the planned items that never came up."""
    if live is None:
        return {"rows": [], "skipped": [], "opened_at": None, "closed_at": None}
    runs = list(ItemRun.objects.filter(live=live).select_related("item").order_by("started_at", "pk"))
    rows = []
    for run in runs:
        minutes = None
        if run.ended_at is not None:
            minutes = max(0, round((run.ended_at - run.started_at).total_seconds() / 60))
        rows.append(
            HeldRow(
                title=run.title,
                started_at=run.started_at,
                ended_at=run.ended_at,
                minutes=minutes,
                planned=run.item.duration if run.item_id else None,
            )
        )
    held = {run.item_id for run in runs if run.item_id}
    skipped = [item for item in meeting.items.all() if item.pk not in held and not item.is_break]
    if not runs:
        skipped = []  # nothing was stepped through on screen: not the same as skipping everything
    return {"rows": rows, "skipped": skipped, "opened_at": live.opened_at, "closed_at": live.closed_at}


# ---- photos ------------------------------------------------------------------------------------------


def report_photos(meeting) -> list[ReportPhoto]:
    return list(ReportPhoto.objects.filter(meeting=meeting).order_by("created_at", "pk"))


def report_photo_get(meeting, pk) -> ReportPhoto | None:
    if not str(pk).isdigit():
        return None
    return ReportPhoto.objects.filter(meeting=meeting, pk=pk).first()


def parking_note_get(meeting, pk):
    from allin.live.models import Activity, Note

    if not str(pk).isdigit():
        return None
    return (
        Note.objects.select_related("activity")
        .filter(pk=pk, activity__kind=Activity.Kind.PARKING, activity__live__meeting=meeting)
        .first()
    )
