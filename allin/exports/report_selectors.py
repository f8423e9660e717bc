"""Reads for the meeting report and the process dashboard that reach into other apps: attendance, the agenda
as held, photos, and (in one place, so it is easy to adapt) the actions of allin/actions."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count

from allin.live.models import AttendeeRole, ItemRun, LiveMeeting

from .models import ReportPhoto


def live_of(meeting) -> LiveMeeting | None:
    return LiveMeeting.objects.filter(meeting=meeting).first()


# ---- attendance --------------------------------------------------------------------------------------


@dataclass
class RoleCount:
    role: str
    label: str
    count: int


def attendance(live: LiveMeeting | None) -> dict:
    """Who joined on a phone, counted per role (every role, in a fixed order), and how many of them the
    facilitator linked to a known participant, per participant role."""
    if live is None:
        return {"roles": [], "total": 0, "participants": []}
    counts = dict(live.attendees.values_list("role").annotate(n=Count("pk")))
    roles = [RoleCount(value, str(label), counts.get(value, 0)) for value, label in AttendeeRole.choices]
    participants = []
    rows = (
        live.attendees.filter(participant__isnull=False)
        .values_list("participant__role")
        .annotate(n=Count("participant", distinct=True))
        .order_by("participant__role")
    )
    Participant = apps.get_model("people", "Participant")
    labels = dict(Participant._meta.get_field("role").choices)
    for role, n in rows:
        participants.append(RoleCount(role, str(labels.get(role, role)), n))
    return {"roles": roles, "total": sum(r.count for r in roles), "participants": participants}


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
