"""Writes for planning a process. Every function is keyword-only, runs in one transaction and validates before
it saves, so a refused request changes nothing."""

from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core import limits
from allin.methods.loader import get_method
from allin.methods.schema import ACTIVITY_TYPES
from allin.methods.tools import NEUTRAL_LABELS

from . import agenda
from .models import AgendaItem, Checklist, ChecklistItem, Meeting, Phase, Process


def _text(value, *, max_len, label, required=True):
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(_("Vul %(label)s in.") % {"label": label})
    if len(value) > max_len:
        raise ValidationError(
            _("%(label)s mag hoogstens %(max)d tekens lang zijn.")
            % {"label": label.capitalize(), "max": max_len}
        )
    return value


def _lines(values, *, max_len, label):
    if isinstance(values, str):
        values = values.splitlines()
    out = [v.strip() for v in values or [] if v and v.strip()]
    for line in out:
        if len(line) > max_len:
            raise ValidationError(
                _("Elke regel bij %(label)s mag hoogstens %(max)d tekens lang zijn.")
                % {"label": label, "max": max_len}
            )
    if len(out) > 30:
        raise ValidationError(_("Bij %(label)s passen hoogstens 30 regels.") % {"label": label})
    return out


def _parse_time(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


@transaction.atomic
def process_create(
    *, workspace, method_slug: str, name: str, theme: str = "", start_date: date, created_by
) -> Process:
    method = get_method(method_slug)
    if method is None:
        raise ValidationError(_("Deze methode bestaat niet."))
    process = Process(
        workspace=workspace,
        method_slug=method.slug,
        method_name=method.name,
        name=_text(name, max_len=limits.NAME_MAX, label=_("de naam")),
        theme=_text(theme, max_len=limits.NAME_MAX, label=_("het thema"), required=False),
        start_date=start_date,
        created_by=created_by,
    )
    process.save()
    order = 0
    for p_index, phase_spec in enumerate(method.phases):
        phase = Phase.objects.create(
            process=process,
            key=phase_spec.key,
            name=phase_spec.name,
            description=phase_spec.description,
            order=p_index,
            assignments=[
                {
                    "title": a.title,
                    "audience": a.audience,
                    "description": a.description,
                    "steps": list(a.steps),
                }
                for a in phase_spec.assignments
            ],
        )
        for spec in phase_spec.meetings:
            meeting = Meeting.objects.create(
                process=process,
                phase=phase,
                method_key=spec.key,
                name=spec.name,
                description=spec.description,
                audience=spec.audience,
                date=start_date + timedelta(days=spec.offset_days),
                start_time=_parse_time(spec.start_time),
                planned_minutes=spec.duration_minutes,
                order=order,
            )
            order += 1
            AgendaItem.objects.bulk_create(
                AgendaItem(
                    meeting=meeting,
                    order=i,
                    title=item.title,
                    duration=item.duration,
                    kind=item.kind,
                    goals=list(item.goals),
                    instructions=item.instructions,
                    materials=list(item.materials),
                    activity=dict(item.activity),
                )
                for i, item in enumerate(spec.agenda)
            )
            for c_index, checklist_spec in enumerate(spec.checklists):
                checklist = Checklist.objects.create(
                    meeting=meeting, title=checklist_spec.title, order=c_index
                )
                ChecklistItem.objects.bulk_create(
                    ChecklistItem(checklist=checklist, text=text, order=i)
                    for i, text in enumerate(checklist_spec.items)
                )
    return process


@transaction.atomic
def process_update(*, process: Process, name: str, theme: str, start_date: date) -> Process:
    process.name = _text(name, max_len=limits.NAME_MAX, label=_("de naam"))
    process.theme = _text(theme, max_len=limits.NAME_MAX, label=_("het thema"), required=False)
    earliest = process.meetings.order_by("date").values_list("date", flat=True).first()
    if earliest is not None and start_date > earliest:
        raise ValidationError(
            _("De startdatum kan niet na de eerste bijeenkomst (%(date)s) liggen.")
            % {"date": earliest.isoformat()}
        )
    process.start_date = start_date
    process.save()
    return process


def process_tools_set(*, process: Process, keys) -> Process:
    """Switches on the optional parts the method lacks; the method's own parts are always on."""
    extra = set(NEUTRAL_LABELS) - set(process.method_tools())
    unknown = set(keys) - extra
    if unknown:
        raise ValidationError(_("Dit onderdeel kan hier niet aan- of uitgezet worden."))
    process.tools_on = [key for key in NEUTRAL_LABELS if key in set(keys)]
    process.save(update_fields=["tools_on"])
    return process


def _check_meeting_date(process, meeting_date):
    if meeting_date < process.start_date:
        raise ValidationError(
            _("De datum van een bijeenkomst kan niet voor de start van het traject (%(date)s) liggen.")
            % {"date": process.start_date.isoformat()}
        )


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    name: str,
    date: date,
    start_time: time,
    planned_minutes: int,
    location: str = "",
    online_link: str = "",
    mode: str | None = None,
    video_tool: str | None = None,
    description: str | None = None,
) -> Meeting:
    meeting.name = _text(name, max_len=limits.NAME_MAX, label=_("de naam"))
    _check_meeting_date(meeting.process, date)
    meeting.date = date
    meeting.start_time = start_time
    meeting.planned_minutes = planned_minutes
    meeting.location = _text(location, max_len=limits.SHORT_TEXT_MAX, label=_("de plaats"), required=False)
    meeting.online_link = (online_link or "").strip()
    # Left out (None), the meeting keeps its form and tool: callers that only move the date don't reset them.
    if mode is not None:
        meeting.mode = mode
    if video_tool is not None:
        meeting.video_tool = _text(
            video_tool, max_len=limits.NAME_MAX, label=_("de vergadertool"), required=False
        )
    if description is not None:
        meeting.description = _text(description, max_len=3000, label=_("de beschrijving"), required=False)
    meeting.full_clean(exclude=["process", "phase"])
    meeting.save()
    return meeting


@transaction.atomic
def meeting_create(
    *, process: Process, phase: Phase | None, name: str, date: date, start_time: time, planned_minutes: int
) -> Meeting:
    if process.meetings.count() >= limits.MEETINGS_PER_PROCESS_MAX:
        raise ValidationError(
            _("Een traject heeft hoogstens %(max)d bijeenkomsten.") % {"max": limits.MEETINGS_PER_PROCESS_MAX}
        )
    if phase is not None and phase.process_id != process.pk:
        raise ValidationError(_("Deze fase hoort niet bij dit traject."))
    meeting = Meeting(
        process=process,
        phase=phase,
        name=_text(name, max_len=limits.NAME_MAX, label=_("de naam")),
        date=date,
        start_time=start_time,
        planned_minutes=planned_minutes,
        order=(process.meetings.aggregate(m=Max("order"))["m"] or 0) + 1,
    )
    _check_meeting_date(process, date)
    meeting.full_clean(exclude=["process", "phase"])
    meeting.save()
    return meeting


@transaction.atomic
def meeting_delete(*, meeting: Meeting) -> None:
    meeting.delete()


def _activity_config(item, activity_type, prompt, categories):
    """The live activity of an agenda item as the facilitator set it for this meeting. Settings of the same
    type that the form does not show (dots and ballots of a vote, the year of a dream) are kept."""
    if activity_type is None:
        return item.activity
    if not activity_type:
        return {}
    if activity_type not in ACTIVITY_TYPES:
        raise ValidationError(_("Kies een activiteit uit de lijst."))
    config = dict(item.activity or {}) if (item.activity or {}).get("type") == activity_type else {}
    config["type"] = activity_type
    prompt = _text(prompt, max_len=limits.SHORT_TEXT_MAX, label=_("de vraag"), required=False)
    if prompt:
        config["prompt"] = prompt
    else:
        config.pop("prompt", None)
    categories = _lines(categories, max_len=60, label=_("soorten post-its"))
    if len(categories) > 8:
        raise ValidationError(_("Een bord heeft hoogstens 8 soorten post-its."))
    if categories:
        config["categories"] = categories
    else:
        config.pop("categories", None)
    return config


def _item_fields(
    item,
    *,
    title,
    duration,
    kind,
    instructions,
    goals,
    materials,
    activity_type=None,
    activity_prompt="",
    activity_categories=(),
):
    item.title = _text(title, max_len=limits.TITLE_MAX, label=_("de titel"))
    item.duration = duration
    if kind not in AgendaItem.Kind.values:
        raise ValidationError(_("Kies onderdeel of pauze."))
    item.kind = kind
    item.instructions = _text(instructions, max_len=limits.TEXT_MAX, label=_("de werkwijze"), required=False)
    item.goals = _lines(goals, max_len=limits.SHORT_TEXT_MAX, label=_("doelen"))
    item.materials = _lines(materials, max_len=limits.SHORT_TEXT_MAX, label=_("benodigdheden"))
    item.activity = _activity_config(item, activity_type, activity_prompt, activity_categories)
    item.full_clean(exclude=["meeting"])


@transaction.atomic
def agenda_item_create(
    *,
    meeting: Meeting,
    title: str,
    duration: int,
    kind: str = "item",
    instructions: str = "",
    goals=(),
    materials=(),
    **activity,
) -> AgendaItem:
    """`activity`: activity_type, activity_prompt, activity_categories (see _activity_config)."""
    # Lock the meeting so two people adding at once get distinct positions.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    if meeting.items.count() >= limits.AGENDA_ITEMS_MAX:
        raise ValidationError(
            _("Een agenda heeft hoogstens %(max)d onderdelen.") % {"max": limits.AGENDA_ITEMS_MAX}
        )
    item = AgendaItem(meeting=meeting, order=(meeting.items.aggregate(m=Max("order"))["m"] or 0) + 1)
    _item_fields(
        item,
        title=title,
        duration=duration,
        kind=kind,
        instructions=instructions,
        goals=goals,
        materials=materials,
        **activity,
    )
    item.save()
    return item


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    title: str,
    duration: int,
    kind: str,
    instructions: str = "",
    goals=(),
    materials=(),
    **activity,
) -> AgendaItem:
    """`activity`: activity_type, activity_prompt, activity_categories; left out, the activity stays as it is."""
    _item_fields(
        item,
        title=title,
        duration=duration,
        kind=kind,
        instructions=instructions,
        goals=goals,
        materials=materials,
        **activity,
    )
    item.save()
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    item.delete()


@transaction.atomic
def agenda_reorder(*, meeting: Meeting, item_ids: list[int]) -> None:
    """Put the meeting's items in the given order.

    The list must name every item of this meeting exactly once."""
    current = set(meeting.items.values_list("pk", flat=True))
    if len(item_ids) != len(set(item_ids)) or set(item_ids) != current:
        raise ValidationError(
            _("De nieuwe volgorde moet precies alle onderdelen van deze bijeenkomst bevatten.")
        )
    items = {item.pk: item for item in meeting.items.all()}
    for position, pk in enumerate(item_ids):
        items[pk].order = position
    AgendaItem.objects.bulk_update(items.values(), ["order"])


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, offset: int) -> None:
    ids = list(item.meeting.items.values_list("pk", flat=True))
    index = ids.index(item.pk)
    target = min(max(index + offset, 0), len(ids) - 1)
    ids.insert(target, ids.pop(index))
    agenda_reorder(meeting=item.meeting, item_ids=ids)


@transaction.atomic
def agenda_shorten(*, meeting: Meeting, target_minutes: int) -> list[AgendaItem]:
    items = list(meeting.items.all())
    if not limits.MEETING_MINUTES_MIN <= target_minutes <= limits.MEETING_MINUTES_MAX:
        raise ValidationError(_("Kies een lengte van 15 tot 480 minuten."))
    try:
        durations = agenda.shorten([i.duration for i in items], [i.is_break for i in items], target_minutes)
    except ValueError as exc:
        if str(exc) == "not shorter":
            raise ValidationError(
                _("De agenda duurt nu %(total)d minuten; kies een kortere lengte.")
                % {"total": sum(i.duration for i in items)}
            ) from None
        raise ValidationError(
            _("In %(target)d minuten passen de pauzes en minstens één minuut per onderdeel niet.")
            % {"target": target_minutes}
        ) from None
    for item, minutes in zip(items, durations, strict=True):
        item.duration = minutes
    AgendaItem.objects.bulk_update(items, ["duration"])
    meeting.planned_minutes = target_minutes
    meeting.save(update_fields=["planned_minutes"])
    return items


@transaction.atomic
def checklist_item_set_done(*, item: ChecklistItem, done: bool, user) -> ChecklistItem:
    if done and item.done_at is None:
        item.done_at, item.done_by = timezone.now(), user
    elif not done:
        item.done_at, item.done_by = None, None
    item.save(update_fields=["done_at", "done_by"])
    return item


@transaction.atomic
def checklist_item_create(*, checklist: Checklist, text: str) -> ChecklistItem:
    if checklist.items.count() >= 100:
        raise ValidationError(_("Een checklist heeft hoogstens 100 punten."))
    return ChecklistItem.objects.create(
        checklist=checklist,
        text=_text(text, max_len=limits.SHORT_TEXT_MAX, label=_("de tekst")),
        order=(checklist.items.aggregate(m=Max("order"))["m"] or 0) + 1,
    )


@transaction.atomic
def checklist_item_delete(*, item: ChecklistItem) -> None:
    item.delete()
