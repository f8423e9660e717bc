"""What each screen shows, read in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from allin.processes import agenda
from allin.processes.models import AgendaItem

from . import groups_panel, hopes, registry, timer
from .models import Activity, LiveMeeting, Note

DEFAULT_CATEGORIES = {"hopes_fears": ["hoop", "angst"], "tips_tops": ["tip", "top"]}


def live_by_code(code) -> LiveMeeting:
    return get_object_or_404(LiveMeeting.objects.select_related("meeting__process__workspace"), code=code)


@dataclass
class Bucket:
    key: str
    label: str
    notes: list = field(default_factory=list)


@dataclass
class Board:
    activity: Activity
    notes: list
    buckets: list

    @property
    def visible_count(self):
        return sum(1 for n in self.notes if not n.hidden)


def bucket_key(activity, note) -> str:
    if activity.group_by == Activity.GroupBy.THEME:
        return f"t{note.theme_id}" if note.theme_id else "none"
    if note.category and note.category in activity.categories:
        return f"c{activity.categories.index(note.category)}"
    return "none"


def board(activity: Activity, include_hidden=False) -> Board:
    notes = list(
        activity.notes.select_related("attendee", "theme").order_by("created_at", "pk")
        if include_hidden
        else activity.notes.filter(hidden=False)
        .select_related("attendee", "theme")
        .order_by("created_at", "pk")
    )
    if activity.group_by == Activity.GroupBy.THEME:
        buckets = [Bucket(f"t{t.pk}", t.name) for t in activity.themes.all()]
        rest_label = "Zonder thema"
    else:
        buckets = [Bucket(f"c{i}", c) for i, c in enumerate(activity.categories)]
        rest_label = "Overig" if activity.categories else ""
    buckets.append(Bucket("none", rest_label))
    index = {b.key: b for b in buckets}
    for note in notes:
        index.get(bucket_key(activity, note), buckets[-1]).notes.append(note)
    return Board(activity=activity, notes=notes, buckets=buckets)


@dataclass
class Timing:
    ends_at: object
    rest_minutes: int
    planned_end: object

    @property
    def ends_at_ms(self):
        return int(self.ends_at.timestamp() * 1000) if self.ends_at else ""


def stage(live: LiveMeeting, *, include_hidden=False, with_boards=True) -> dict:
    """Everything the phone, projector and console stages have in common."""
    items = list(live.meeting.items.all())
    current = next((i for i in items if i.pk == live.current_item_id), None)
    activities = {
        a.item_id: a
        for a in live.activities.exclude(kind=Activity.Kind.PARKING).prefetch_related(Prefetch("themes"))
    }
    parking = live.activities.filter(kind=Activity.Kind.PARKING).first()
    activity = activities.get(current.pk) if current else None
    timing = None
    if current is not None and live.item_started_at and live.is_open:  # a stopped meeting has no clock
        after = items[items.index(current) + 1 :]
        ends_at = live.item_started_at + timedelta(minutes=current.duration)
        rest = sum(i.duration for i in after)
        timing = Timing(
            ends_at=ends_at,
            rest_minutes=rest,
            planned_end=max(ends_at, timezone.now()) + timedelta(minutes=rest),
        )
    spec = registry.get(activity.kind) if (activity and not activity.takes_notes) else None
    return {
        "live": live,
        "items": items,
        "current": current,
        "activity": activity,
        "activities": activities,
        "spec": spec,
        **(spec.context(activity) if spec else {}),
        "board": board(activity, include_hidden)
        if (activity and activity.takes_notes and with_boards)
        else None,
        "parking": parking,
        "parking_board": board(parking, include_hidden)
        if (parking and with_boards and (include_hidden or live.show_parking))
        else None,
        "timing": timing,
        # The facilitator's countdown (allin/live/timer.py) and the look back on hopes and fears (hopes.py).
        "timer": timer.timer_info(live),
        "hopes_review": hopes.review(live, activity) if with_boards else None,
        # The meeting's groups (allin/live/groups_panel.py): on the projector at getting-to-know items.
        **groups_panel.stage_context(live, current),
        "attendee_count": live.attendees.count(),
        "position": (items.index(current) + 1) if current else 0,
        "server_now_ms": int(timezone.now().timestamp() * 1000),
        "scheduled_end": agenda.end_time(live.meeting.start_time, sum(i.duration for i in items)),
    }


def my_notes(attendee, activity) -> list:
    if activity is None:
        return []
    return list(
        # Its own notes that wait for moderation too, marked as waiting.
        Note.objects.filter(Q(hidden=False) | Q(held=True), activity=activity, attendee=attendee).order_by(
            "-created_at"
        )[:50]
    )


def agenda_item_get(live, pk) -> AgendaItem:
    return get_object_or_404(AgendaItem, meeting_id=live.meeting_id, pk=pk)


NOTHING, WHOLE_STAGE = "nothing", "stage"


def changes_since(live: LiveMeeting, since: int, *, phone=False):
    """What a screen at version `since` missed: NOTHING, WHOLE_STAGE (it refetches), or for projector and
    consoles the list of notes added since (their delta). Phones only ever need their stage again."""
    if since >= live.version:
        return NOTHING
    if phone:
        return WHOLE_STAGE if since < live.stage_version else NOTHING
    if since <= 0 or since < live.screens_version:
        return WHOLE_STAGE
    return list(
        Note.objects.filter(activity__live=live, version__gt=since)
        .select_related("activity__live__meeting__process__workspace", "attendee", "theme")
        .order_by("version", "pk")
    )
