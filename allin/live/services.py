"""Running a meeting live: opening it, joining, moving through the agenda and what the screens show.
Keyword-only, one transaction each, and every change a screen could show bumps the version and is pushed after
the commit."""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core.text import one_line
from allin.methods.activities import LIVE_ACTIVITIES

from . import codes, events, room
from .models import NAME_MAX, Activity, Attendee, AttendeeRole, ItemRun, LiveMeeting
from .selectors import DEFAULT_CATEGORIES


def _activity_for(live, item) -> Activity | None:
    """The live activity an agenda item's method configuration asks for, made once per meeting."""
    config = dict(item.activity or {})
    kind = config.pop("type", None)
    if kind not in LIVE_ACTIVITIES:
        return None
    prompt = config.pop("prompt", None) or item.title
    categories = config.pop("categories", None) or DEFAULT_CATEGORIES.get(kind, [])
    if kind == "question_cards" and "cards" not in config:
        config["cards"] = _method_cards(live)
    activity, _created = Activity.objects.get_or_create(
        live=live,
        item=item,
        defaults={
            "kind": kind,
            "prompt": str(prompt)[:300],
            "categories": [str(c)[:60] for c in categories][:8],
            "config": config,
            # Votes stay hidden until the facilitator reveals them, so nobody follows the crowd.
            "revealed": kind != "vote",
        },
    )
    return activity


def _method_cards(live):
    """The method's question cards, copied so they can be edited for this meeting."""
    from allin.methods.loader import get_method

    method = get_method(live.meeting.process.method_slug)
    if method is None:
        return []
    return [{"title": c.title, "kind": c.kind, "questions": list(c.questions)} for c in method.question_cards]


@transaction.atomic
def live_open(*, meeting, base_url: str) -> LiveMeeting:
    """Open the meeting live, or reopen it with the same code and state."""
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    if live is not None:
        if live.closed_at is not None:
            live.closed_at = None
            live.save(update_fields=["closed_at"])
            live.version = events.stage_changed(live.pk)
        return live
    # Lock the meeting so two facilitators pressing "live" at once get the same live meeting.
    type(meeting).objects.select_for_update().filter(pk=meeting.pk).first()
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    if live is not None:
        return live
    for _attempt in range(20):
        try:
            with transaction.atomic():
                live = LiveMeeting.objects.create(
                    meeting=meeting,
                    code=codes.new_code(),
                    projector_key=secrets.token_urlsafe(24),
                    base_url=base_url.rstrip("/")[:200],
                )
            break
        except IntegrityError:  # the code was taken; draw again
            continue
    else:
        raise ValidationError(_("Er kon geen vrije code worden gemaakt. Probeer het opnieuw."))
    Activity.objects.create(live=live, kind=Activity.Kind.PARKING, prompt=_("Parkeerbord"))
    for item in meeting.items.all():
        _activity_for(live, item)
    return live


@transaction.atomic
def live_close(*, live: LiveMeeting) -> None:
    if live.closed_at is None:
        live.closed_at = timezone.now()
        live.save(update_fields=["closed_at"])
        _end_item_run(live, live.closed_at)
        live.version = events.stage_changed(live.pk)


@transaction.atomic
def projector_key_renew(*, live: LiveMeeting) -> LiveMeeting:
    """A new secret for the projector link; the old link stops working."""
    live.projector_key = secrets.token_urlsafe(24)
    live.save(update_fields=["projector_key"])
    events.projector_revoked(live.pk, live.projector_key)
    return live


@transaction.atomic
def attendee_join(*, live: LiveMeeting, name: str, role: str) -> Attendee:
    if not live.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    name = one_line(name)
    if len(name) > NAME_MAX:
        raise ValidationError(_("Je naam mag hoogstens %(max)d tekens lang zijn.") % {"max": NAME_MAX})
    if role not in AttendeeRole.values:
        raise ValidationError(_("Kies wie je bent."))
    room.admit(live=live)
    attendee = Attendee.objects.create(live=live, name=name, role=role)
    events.attendees_changed(live.pk)
    return attendee


@transaction.atomic
def item_goto(*, live: LiveMeeting, item) -> LiveMeeting:
    if item.meeting_id != live.meeting_id:
        raise ValidationError(_("Dit onderdeel hoort niet bij deze bijeenkomst."))
    item_changed = live.current_item_id != item.pk
    now = timezone.now()
    if item_changed or not live.item_runs.filter(ended_at__isnull=True).exists():
        _end_item_run(live, now)
        ItemRun.objects.create(live=live, item=item, title=item.title[:200], started_at=now)
    live.current_item = item
    live.item_started_at = now
    live.show_join = False
    live.show_parking = False
    live.save(update_fields=["current_item", "item_started_at", "show_join", "show_parking"])
    _activity_for(live, item)
    live.version = events.stage_changed(live.pk)
    return live


def _end_item_run(live, when):
    live.item_runs.filter(ended_at__isnull=True).update(ended_at=when)


@transaction.atomic
def item_step(*, live: LiveMeeting, offset: int) -> LiveMeeting:
    items = list(live.meeting.items.all())
    if not items:
        raise ValidationError(_("Deze bijeenkomst heeft nog geen agenda."))
    ids = [i.pk for i in items]
    if live.current_item_id in ids:
        index = ids.index(live.current_item_id) + offset
    else:
        index = 0
    if not 0 <= index < len(items):
        raise ValidationError(_("Er is geen onderdeel meer in die richting."))
    return item_goto(live=live, item=items[index])


@transaction.atomic
def screen_set(
    *, live: LiveMeeting, show_join: bool | None = None, show_parking: bool | None = None
) -> LiveMeeting:
    if show_join is not None:
        live.show_join = show_join
    if show_parking is not None:
        live.show_parking = show_parking
    live.save(update_fields=["show_join", "show_parking"])
    live.version = events.stage_changed(live.pk)
    return live


@transaction.atomic
def activity_start(*, live: LiveMeeting, item, prompt: str = "", categories=()) -> Activity:
    """Put a notes board on an agenda item that has none yet."""
    if item.meeting_id != live.meeting_id:
        raise ValidationError(_("Dit onderdeel hoort niet bij deze bijeenkomst."))
    activity, created = Activity.objects.get_or_create(
        live=live,
        item=item,
        defaults={
            "kind": Activity.Kind.NOTES,
            "prompt": (prompt or item.title)[:300],
            "categories": list(categories)[:8],
        },
    )
    live.version = events.stage_changed(live.pk)
    return activity


@transaction.atomic
def activity_set(
    *,
    activity: Activity,
    is_open: bool | None = None,
    revealed: bool | None = None,
    group_by: str | None = None,
) -> Activity:
    if is_open is not None:
        activity.is_open = is_open
    if revealed is not None:
        activity.revealed = revealed
    if group_by is not None:
        if group_by not in Activity.GroupBy.values:
            raise ValidationError(_("Kies groeperen per categorie of per thema."))
        activity.group_by = group_by
    activity.save(update_fields=["is_open", "revealed", "group_by"])
    activity.live.version = events.stage_changed(activity.live_id)
    return activity
