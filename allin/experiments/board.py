"""Experiments from a live board: a note, a theme or a plan of one of the process's meetings becomes an
experiment in one click, traced both ways (the experiment names its source; the board item names its experiments).
Reads live's models only; the live engine itself is not touched."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from allin.core.text import one_line
from allin.live.activity_models import Plan
from allin.live.models import NOTE_KINDS, Activity, Note, Theme

from . import services
from .models import QUESTION_MAX, Experiment, ExperimentSource, SourceKind

BOARD_KINDS = (NOTE_KINDS - {Activity.Kind.PARKING}) | {Activity.Kind.QUESTION_CARDS}


def _cut(text, max_len=QUESTION_MAX):
    text = one_line(text)
    return text if len(text) <= max_len else text[: max_len - 1].rsplit(" ", 1)[0] + "…"


def source_get(process, ref: str):
    """A board item named as note-12, theme-3 or plan-7, checked to belong to the process; or a ValidationError."""
    kind, _sep, pk = (ref or "").partition("-")
    model = {"note": Note, "theme": Theme, "plan": Plan}.get(kind)
    item = None
    if model is not None and pk.isdigit():
        item = model.objects.filter(pk=int(pk), activity__live__meeting__process=process).first()
    if item is None:
        raise ValidationError(_("Dit onderdeel van het bord bestaat niet meer. Laad de pagina opnieuw."))
    return kind, item


def _fields(kind, item):
    if kind == SourceKind.PLAN:
        return {"question": _cut(item.title), "step": item.what, "who": item.who}, item.title
    if kind == SourceKind.THEME:
        notes = "\n".join(f"- {n.text}" for n in item.notes.filter(hidden=False).order_by("created_at", "pk"))
        return {"question": _cut(item.name), "step": notes or item.name, "who": ""}, item.name
    return {"question": _cut(item.text), "step": item.text, "who": ""}, item.text


@transaction.atomic
def experiment_from_board(*, process, ref: str, user=None) -> tuple[Experiment, bool]:
    """One click: a new experiment (status idea) with the board item's words, for the group to sharpen. Clicking
    the same item again finds the experiment it made. Returns (experiment, created)."""
    kind, item = source_get(process, ref)
    existing = (
        ExperimentSource.objects.filter(experiment__process=process, kind=kind, **{kind: item})
        .select_related("experiment")
        .first()
    )
    if existing is not None:
        return existing.experiment, False
    fields, label = _fields(kind, item)
    experiment = services.experiment_create(process=process, user=user, **fields)
    ExperimentSource.objects.create(
        experiment=experiment,
        kind=kind,
        meeting_name=item.activity.live.meeting.name[:120],
        label=_cut(label),
        **{kind: item},
    )
    return experiment, True


def board_items(process) -> list[dict]:
    """Per meeting with a live board: its notes (grouped under their themes) and plans, each with the experiments
    it led to, for the "from the board" part of the experiment log."""
    led = defaultdict(list)
    for source in ExperimentSource.objects.filter(experiment__process=process).select_related("experiment"):
        ref = source.note_id or source.theme_id or source.plan_id
        if ref:
            led[(source.kind, ref)].append(source.experiment)
    activities = (
        Activity.objects.filter(live__meeting__process=process, kind__in=[*BOARD_KINDS, Activity.Kind.PLANS])
        .select_related("item", "live__meeting")
        .order_by("live__meeting__date", "item__order", "pk")
    )
    meetings: dict[int, dict] = {}
    for activity in activities:
        notes = list(Note.objects.filter(activity=activity, hidden=False).order_by("created_at", "pk"))
        themes = list(activity.themes.all()) if activity.kind != Activity.Kind.PLANS else []
        plans = list(activity.plans.filter(hidden=False)) if activity.kind == Activity.Kind.PLANS else []
        for note in notes:
            note.ref, note.led_to = f"note-{note.pk}", led.get((SourceKind.NOTE, note.pk), [])
        for theme in themes:
            theme.ref, theme.led_to = f"theme-{theme.pk}", led.get((SourceKind.THEME, theme.pk), [])
            theme.visible_notes = [n for n in notes if n.theme_id == theme.pk]
        for plan in plans:
            plan.ref, plan.led_to = f"plan-{plan.pk}", led.get((SourceKind.PLAN, plan.pk), [])
        loose = [n for n in notes if not n.theme_id] if activity.kind != Activity.Kind.PLANS else []
        if not (themes or loose or plans):
            continue
        meeting = activity.live.meeting
        entry = meetings.setdefault(meeting.pk, {"meeting": meeting, "boards": []})
        entry["boards"].append(
            {
                "title": activity.item.title if activity.item else activity.prompt,
                "themes": [t for t in themes if t.visible_notes],
                "notes": loose,
                "plans": plans,
            }
        )
    return list(meetings.values())
