"""Plans: the step that turns chosen notes (the quick fixes and big fixes, a table's ideas) into concrete
plans with a title, what will happen and who takes part. Groups send plans from a phone; the facilitator makes
a plan from any note of this meeting's boards with one click, and edits or hides plans."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from allin.core.text import one_line
from allin.groups import selectors as group_selectors
from allin.groups.models import GroupPlan
from allin.network.models import Partner

from .. import events, notes
from ..activity_models import PLAN_TEXT_MAX, PLAN_TITLE_MAX, Plan
from ..models import NOTE_KINDS, Activity, Attendee, Note
from ..registry import KindSpec, register
from . import plan_fields
from .plan_fields import PlanForm, PlanPickForm

KIND = Activity.Kind.PLANS.value
PLANS_PER_ATTENDEE = 30
# The one-click plan of a note gets an id made from both, so a second click finds the first plan.
FROM_NOTE = uuid.UUID("8a6c1d52-5b1e-4c55-9d7e-2f0a1c7b9e11")


def _clean(activity, values) -> dict:
    """The columns of a plan: each field the method names, checked; the others empty. Without a title field
    the title is the start of what will happen, so every list can still name the plan."""
    out = dict.fromkeys(plan_fields.COLUMNS, "")
    for _name, spec in plan_fields.specs(activity):
        value = one_line(values.get(spec.column) or "")
        if spec.required and not value:
            raise ValidationError(spec.missing_message())
        if len(value) > spec.max_len:
            raise ValidationError(spec.too_long_message())
        out[spec.column] = value
    if not out["title"]:
        out["title"] = _title_of(out["what"])
    return out


def _partner_for(activity, organisation):
    """The network card of the organisation typed on the plan, matched by name in this workspace."""
    if not organisation:
        return None
    workspace_id = activity.live.meeting.process.workspace_id
    return Partner.objects.filter(workspace_id=workspace_id, name__iexact=organisation).first()


def organisations(activity) -> list[str]:
    """The organisations a phone may pick from: those of this process's participants and agreement cards'
    network, by name only (what the room already knows)."""
    if "organisatie" not in plan_fields.names_of(activity):
        return []
    process = activity.live.meeting.process
    return list(
        Partner.objects.filter(Q(participants__process=process) | Q(process=process))
        .values_list("name", flat=True)
        .distinct()
        .order_by("name")
    )


def per_group(activity) -> int:
    """How many plans each group hands in (the elaboration round asks exactly two); 0 means no quota."""
    try:
        return max(0, int((activity.config or {}).get("plans_per_group") or 0))
    except (TypeError, ValueError):
        return 0


def _group_of(activity, attendee):
    """The attendee's group in the meeting's group plan (a phone linked to a participant), else none: then the
    phone itself is the group, as "one phone per group" asks."""
    if attendee is None or not attendee.participant_id:
        return None
    return group_selectors.group_of_participant(activity.live.meeting, attendee.participant_id)


def _sent_by(activity, attendee, group):
    found = Plan.objects.filter(activity=activity, hidden=False)
    return (
        found.filter(group=group)
        if group is not None
        else found.filter(attendee=attendee, group__isnull=True)
    )


def progress(activity) -> list[dict]:
    """Per group (or phone without a group) how many of its plans are in, the incomplete ones first."""
    quota = per_group(activity)
    if not quota:
        return []
    rows, counts = {}, {}
    for plan in activity.plans.filter(hidden=False, attendee__isnull=False).select_related(
        "group", "attendee"
    ):
        key = ("g", plan.group_id) if plan.group_id else ("a", plan.attendee_id)
        counts[key] = counts.get(key, 0) + 1
        if key not in rows:
            label = plan.group.name if plan.group_id else (plan.attendee.name or _("Telefoon zonder naam"))
            rows[key] = label
    group_plan = GroupPlan.objects.filter(meeting_id=activity.live.meeting_id).first()
    if group_plan is not None:
        for group in group_plan.groups.order_by("number"):
            rows.setdefault(("g", group.pk), group.name)
    out = [{"name": name, "sent": counts.get(key, 0), "total": quota} for key, name in rows.items()]
    return sorted(out, key=lambda r: (r["sent"] >= quota, r["name"]))


def _check_phone(activity, attendee):
    if activity.kind != KIND:
        raise ValidationError(_("Bij dit onderdeel maak je geen plannen."))
    if attendee.live_id != activity.live_id:
        raise ValidationError(_("Je doet niet mee aan deze bijeenkomst."))
    if not activity.live.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    if activity.item_id != activity.live.current_item_id:
        raise ValidationError(_("Dit onderdeel is voorbij. Kijk op het scherm wat er nu gebeurt."))
    if not activity.is_open:
        raise ValidationError(_("Insturen is nu gesloten. Kijk mee op het grote scherm."))


def _same_author(plan, attendee, author):
    if (attendee is not None and plan.attendee_id == attendee.pk) or (
        author is not None and plan.author_id == author.pk
    ):
        return plan
    raise notes.DuplicateClientId(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw."))


@transaction.atomic
def plan_create(
    *,
    activity: Activity,
    client_id,
    attendee: Attendee | None = None,
    author=None,
    source_note: Note | None = None,
    **values: str,
) -> tuple[Plan, bool]:
    """A plan from a phone (attendee) or the console (author), with the columns of the fields the method names
    (title, what, who, organisation, when, how). The same client_id finds the plan it made."""
    client_id = notes.clean_client_id(client_id)
    existing = Plan.objects.filter(activity=activity, client_id=client_id).first()
    if existing is not None:
        return _same_author(existing, attendee, author), False
    if activity.kind != KIND:
        raise ValidationError(_("Bij dit onderdeel maak je geen plannen."))
    cleaned = _clean(activity, values)
    if attendee is not None:
        _check_phone(activity, attendee)
        Attendee.objects.select_for_update().filter(pk=attendee.pk).first()
        if Plan.objects.filter(activity=activity, attendee=attendee).count() >= PLANS_PER_ATTENDEE:
            raise ValidationError(
                _("Je hebt al veel plannen gestuurd. Bespreek eerst met de begeleider welke blijven.")
            )
        group = _group_of(activity, attendee)
        quota = per_group(activity)
        if quota:
            # One lock per activity: two phones of one group sending their last plan at once count one by one.
            Activity.objects.select_for_update().filter(pk=activity.pk).first()
            if _sent_by(activity, attendee, group).count() >= quota:
                raise ValidationError(
                    _(
                        "Jullie groepje heeft al %(n)d plannen ingestuurd, en dat is precies genoeg. "
                        "Wil je een plan veranderen? Vraag het de begeleider."
                    )
                    % {"n": quota}
                )
    else:
        group = None
    if attendee is None and author is None:
        raise ValidationError(_("Onbekende afzender."))
    if source_note is not None and source_note.activity.live_id != activity.live_id:
        raise ValidationError(_("Deze post-it hoort niet bij deze bijeenkomst."))
    try:
        with transaction.atomic():
            plan = Plan.objects.create(
                activity=activity,
                attendee=attendee,
                author=author,
                client_id=client_id,
                source_note=source_note,
                partner=_partner_for(activity, cleaned["organisation"]),
                group=group,
                **cleaned,
            )
    except IntegrityError:  # the same key raced in from a second request
        return _same_author(Plan.objects.get(activity=activity, client_id=client_id), attendee, author), False
    events.results_changed(activity.live_id)
    return plan, True


def _title_of(text):
    """A title from a note: its first words, cut at a word within the limit."""
    text = one_line(text)
    if len(text) <= PLAN_TITLE_MAX:
        return text
    cut = text[: PLAN_TITLE_MAX - 1].rsplit(" ", 1)[0]
    return cut + "…"


@transaction.atomic
def plan_from_note(*, activity: Activity, note: Note, author) -> tuple[Plan, bool]:
    """One click: a plan with the note's words, for the facilitator to sharpen."""
    if note.activity.live_id != activity.live_id or note.activity.kind not in NOTE_KINDS | {"question_cards"}:
        raise ValidationError(_("Deze post-it hoort niet bij deze bijeenkomst."))
    return plan_create(
        activity=activity,
        title=_title_of(note.text),
        what=note.text[:PLAN_TEXT_MAX],
        client_id=uuid.uuid5(FROM_NOTE, f"{activity.pk}-{note.pk}"),
        author=author,
        source_note=note,
    )


@transaction.atomic
def plan_update(*, plan: Plan, **values: str) -> Plan:
    cleaned = _clean(plan.activity, values)
    for column, value in cleaned.items():
        setattr(plan, column, value)
    plan.partner = _partner_for(plan.activity, cleaned["organisation"])
    plan.save(update_fields=[*cleaned, "partner"])
    events.results_changed(plan.activity.live_id)
    if plan.attendee_id:
        events.attendee_changed(plan.activity.live_id, plan.attendee_id)
    return plan


@transaction.atomic
def plan_set_partner(*, plan: Plan, partner) -> Plan:
    """Put a row whose organisation matched no network card on that organisation's card (from the cards page)."""
    if partner is None or partner.workspace_id != plan.activity.live.meeting.process.workspace_id:
        raise ValidationError(_("Kies een organisatie uit het netwerk van deze werkruimte."))
    plan.partner, plan.organisation = partner, partner.name[: Plan._meta.get_field("organisation").max_length]
    plan.save(update_fields=["partner", "organisation"])
    events.results_changed(plan.activity.live_id)
    return plan


@transaction.atomic
def plan_set_hidden(*, plan: Plan, hidden: bool) -> Plan:
    if plan.hidden != hidden:
        plan.hidden = hidden
        plan.save(update_fields=["hidden"])
        events.results_changed(plan.activity.live_id)
        if plan.attendee_id:
            events.attendee_changed(plan.activity.live_id, plan.attendee_id)
    return plan


# ---- what the screens show --------------------------------------------------------------------------------


def source_boards(activity) -> list[tuple[str, list]]:
    """The notes of this meeting's boards a plan can start from, per board in agenda order (console only)."""
    found = (
        Note.objects.filter(
            activity__live_id=activity.live_id,
            activity__kind__in=[*NOTE_KINDS, Activity.Kind.QUESTION_CARDS],
            hidden=False,
        )
        .select_related("activity__item", "table")
        .order_by("activity__item__order", "activity_id", "category", "created_at", "pk")
    )
    boards, index = [], {}
    for note in found:
        if note.activity_id not in index:
            board = note.activity
            label = board.item.title if board.item_id else board.prompt
            index[note.activity_id] = (label, [])
            boards.append(index[note.activity_id])
        index[note.activity_id][1].append(note)
    return boards


def basis(activity) -> list:
    """The quick fixes and big fixes of this meeting that the elaboration round builds on."""
    if not per_group(activity):
        return []
    return list(
        Note.objects.filter(
            activity__live_id=activity.live_id, hidden=False, category__in=["quick fix", "big fix"]
        ).order_by("category", "created_at", "pk")
    )


def _with_fields(plans, activity):
    for plan in plans:
        plan.extra = plan_fields.shown(plan, activity)
        plan.main_label = _main_label(activity)
    return plans


def _main_label(activity):
    return next((str(spec.short) for _n, spec in plan_fields.specs(activity) if spec.column == "what"), "")


def context(activity) -> dict:
    plans = _with_fields(list(activity.plans.order_by("created_at", "pk")), activity)
    visible = [p for p in plans if not p.hidden]
    for plan in plans:
        plan.form = PlanForm(
            initial={c: getattr(plan, c) for c in plan_fields.COLUMNS} | {"plan": plan.pk},
            activity=activity,
            edit=True,
            auto_id=f"pl-c{plan.pk}-%s",
        )
    return {
        "pl_plans": plans,
        "pl_visible": visible,
        "pl_from_notes": {p.source_note_id for p in plans if p.source_note_id},
        # Only the console shows it; templates call it when they use it.
        "pl_sources": lambda: source_boards(activity),
        "pl_add_form": lambda: PlanForm(activity=activity, auto_id=f"pl-new{activity.pk}-%s"),
        "pl_titled": "titel" in plan_fields.names_of(activity) or "vraag" in plan_fields.names_of(activity),
        "pl_organisations": lambda: organisations(activity),
        "pl_quota": per_group(activity),
        "pl_progress": lambda: progress(activity),
        "pl_basis": lambda: basis(activity),
    }


def mine_context(activity, attendee) -> dict:
    group = _group_of(activity, attendee)
    quota = per_group(activity)
    sent = _sent_by(activity, attendee, group).count() if quota else 0
    mine = (
        _sent_by(activity, attendee, group)
        if quota
        else Plan.objects.filter(activity=activity, attendee=attendee, hidden=False)
    )
    return {
        "pl_mine": _with_fields(list(mine.order_by("-pk")), activity),
        "pl_quota": quota,
        "pl_next": sent + 1,
        "pl_complete": bool(quota) and sent >= quota,
        "pl_group": group,
        "pl_form": PlanForm(activity=activity, auto_id=f"pl-{activity.pk}-%s"),
        "pl_titled": "titel" in plan_fields.names_of(activity) or "vraag" in plan_fields.names_of(activity),
        "pl_organisations": organisations(activity),
    }


def results(activity) -> dict:
    lines = []
    for plan in _with_fields(
        list(activity.plans.filter(hidden=False).order_by("created_at", "pk")), activity
    ):
        line = f"{plan.title}: {plan.what}" if plan.title != _title_of(plan.what) else plan.what
        if plan.extra:
            line += " (" + "; ".join(f"{label.lower()}: {value}" for label, value in plan.extra) + ")"
        lines.append(line)
    return {"title": activity.prompt, "lines": lines}


# ---- the routes' handlers: every POST through a form ---------------------------------------------------------


def _submit(request, activity, attendee):
    form = PlanForm(request.POST, activity=activity)
    plan_create(
        activity=activity,
        attendee=attendee,
        client_id=form.cleaned_data_or_raise().get("client_id"),
        **form.values(),
    )


def _plan(activity, pk):
    plan = Plan.objects.select_related("activity").filter(activity=activity, pk=pk).first()
    if plan is None:
        raise ValidationError(_("Dit plan hoort niet bij dit onderdeel."))
    return plan


def _console_add(request, activity):
    form = PlanForm(request.POST, activity=activity)
    plan_create(
        activity=activity,
        author=request.user,
        client_id=form.cleaned_data_or_raise().get("client_id"),
        **form.values(),
    )


def _console_from_note(request, activity):
    pk = PlanPickForm(request.POST).picked("note")
    note = Note.objects.select_related("activity").filter(activity__live_id=activity.live_id, pk=pk).first()
    if note is None:
        raise ValidationError(_("Deze post-it hoort niet bij deze bijeenkomst."))
    plan_from_note(activity=activity, note=note, author=request.user)


def _console_edit(request, activity):
    pick = PlanPickForm(request.POST)
    plan = _plan(activity, pick.picked("plan"))
    form = PlanForm(request.POST, activity=activity, edit=True)
    plan_update(plan=plan, **form.values())


def _console_hide(request, activity):
    pick = PlanPickForm(request.POST)
    plan = _plan(activity, pick.picked("plan"))
    plan_set_hidden(plan=plan, hidden=bool(pick.cleaned_data.get("hidden")))


register(
    KindSpec(
        kind=KIND,
        phone_template="live/kinds/plans_phone.html",
        projector_template="live/kinds/plans_projector.html",
        console_template="live/kinds/plans_console.html",
        mine_template="live/kinds/plans_mine.html",
        context=context,
        mine_context=mine_context,
        results=results,
        phone_actions={"submit": _submit},
        console_actions={
            "add": _console_add,
            "from_note": _console_from_note,
            "edit": _console_edit,
            "hide": _console_hide,
        },
    )
)
