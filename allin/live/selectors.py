"""What each screen shows, read in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.utils import timezone

from allin.processes import agenda
from allin.processes.models import AgendaItem

from . import groups_panel, hopes, registry, timer
from .models import Activity, LiveMeeting, Note

DEFAULT_CATEGORIES = {"hopes_fears": ["hoop", "angst"], "tips_tops": ["tip", "top"]}


def live_by_code(code) -> LiveMeeting:
    return get_object_or_404(LiveMeeting.objects.select_related("meeting__process__workspace"), code=code)


# Big boards stay light (issue 13): the projector shows the newest notes of each bucket that fit on a 1280 × 720
# screen and says how many more there are (live.css hides what a push appends beyond this, oldest first); the
# console shows the newest CONSOLE_PAGE notes with every count first and loads older ones on demand.
PROJECTOR_PER_BUCKET = 6
CONSOLE_PAGE = 50


@dataclass
class Bucket:
    key: str
    label: str
    notes: list = field(default_factory=list)
    total: int = 0  # visible notes in this bucket, shown or not

    @property
    def more(self):
        return max(0, self.total - len(self.notes))


@dataclass
class Board:
    activity: Activity
    notes: list
    buckets: list
    visible_count: int = 0
    hidden_count: int = 0
    per_bucket: int | None = None  # the projector shows at most this many of a bucket (live.css hides older)

    @property
    def older(self):
        """Notes not loaded yet (the console's "earlier notes")."""
        return max(0, self.visible_count + self.hidden_count - len(self.notes))


def _partition(activity) -> str:
    return "theme_id" if activity.group_by == Activity.GroupBy.THEME else "category"


def _key_of(activity, value) -> str:
    if activity.group_by == Activity.GroupBy.THEME:
        return f"t{value}" if value else "none"
    if value and value in activity.categories:
        return f"c{activity.categories.index(value)}"
    return "none"


def bucket_key(activity, note) -> str:
    return _key_of(activity, getattr(note, _partition(activity)))


def board(activity: Activity, include_hidden=False, *, per_bucket=None, newest=None) -> Board:
    """The board's buckets with their counts. `per_bucket`: only the newest that many notes of each bucket
    (the projector); `newest`: only the newest that many notes of the board (the console). In a fixed number of
    queries however many notes there are."""
    rows = activity.notes.all() if include_hidden else activity.notes.filter(hidden=False)
    rows = rows.select_related("attendee", "theme")
    if activity.group_by == Activity.GroupBy.THEME:
        buckets = [Bucket(f"t{t.pk}", t.name) for t in activity.themes.all()]
        rest_label = "Zonder thema"
    else:
        buckets = [Bucket(f"c{i}", c) for i, c in enumerate(activity.categories)]
        rest_label = "Overig" if activity.categories else ""
    buckets.append(Bucket("none", rest_label))
    index = {b.key: b for b in buckets}
    field_name = _partition(activity)
    visible = hidden = 0
    counts = activity.notes.values_list(field_name, "hidden").annotate(n=Count("pk")).order_by()
    for value, is_hidden, n in counts:
        if is_hidden:
            hidden += n
            continue
        visible += n
        index.get(_key_of(activity, value), buckets[-1]).total += n
    newest_first = (F("created_at").desc(), F("pk").desc())
    if per_bucket is not None:
        rank = Window(RowNumber(), partition_by=[F(field_name)], order_by=newest_first)
        notes = list(rows.annotate(rank=rank).filter(rank__lte=per_bucket).order_by(*newest_first))
    elif newest is not None:
        notes = list(rows.order_by(*newest_first)[:newest])
    else:
        notes = list(rows.order_by(*newest_first))
    notes.reverse()  # oldest first, as the notes came in; a push appends the next one at the end
    for note in notes:
        index.get(bucket_key(activity, note), buckets[-1]).notes.append(note)
    if per_bucket is not None:  # "none" gathers several categories, each with its own newest few
        rest = buckets[-1]
        rest.notes = rest.notes[-per_bucket:]
        notes = [n for b in buckets for n in b.notes]
    return Board(
        activity=activity,
        notes=notes,
        buckets=buckets,
        visible_count=visible,
        hidden_count=hidden if include_hidden else 0,
        per_bucket=per_bucket,
    )


def older_notes(activity: Activity, before: Note, count=CONSOLE_PAGE) -> tuple[list, int]:
    """The console's next page: the `count` notes (hidden ones too) that came in just before `before`, oldest
    first, and how many are older still."""
    earlier = activity.notes.filter(
        Q(created_at__lt=before.created_at) | Q(created_at=before.created_at, pk__lt=before.pk)
    )
    page = list(earlier.select_related("attendee", "theme").order_by("-created_at", "-pk")[:count])
    page.reverse()
    return page, max(0, earlier.count() - len(page))


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
    # The console (it sees hidden notes) pages through the board; the projector shows what fits per bucket.
    limits = {"newest": CONSOLE_PAGE} if include_hidden else {"per_bucket": PROJECTOR_PER_BUCKET}
    spec = registry.get(activity.kind) if (activity and not activity.takes_notes) else None
    return {
        "live": live,
        "items": items,
        "current": current,
        "activity": activity,
        "activities": activities,
        "spec": spec,
        **(spec.context(activity) if spec else {}),
        "board": board(activity, include_hidden, **limits)
        if (activity and activity.takes_notes and with_boards)
        else None,
        "parking": parking,
        "parking_board": board(parking, include_hidden, **limits)
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
