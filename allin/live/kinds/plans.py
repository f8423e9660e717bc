"""Plans: the step that turns chosen notes (the quick fixes and big fixes, a table's ideas) into concrete
plans with a title, what will happen and who takes part. Groups send plans from a phone; the facilitator makes
a plan from any note of this meeting's boards with one click, and edits or hides plans."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allin.core.text import one_line

from .. import events, notes
from ..activity_models import PLAN_TEXT_MAX, PLAN_TITLE_MAX, Plan
from ..models import NOTE_KINDS, Activity, Attendee, Note
from ..registry import KindSpec, register

KIND = Activity.Kind.PLANS.value
PLAN_WHO_MAX = 300
PLANS_PER_ATTENDEE = 30
# The one-click plan of a note gets an id made from both, so a second click finds the first plan.
FROM_NOTE = uuid.UUID("8a6c1d52-5b1e-4c55-9d7e-2f0a1c7b9e11")


def _clean(title, what, who):
    title, what, who = one_line(title), one_line(what), one_line(who)
    if not title:
        raise ValidationError(_("Geef het plan een titel."))
    if len(title) > PLAN_TITLE_MAX:
        raise ValidationError(_("De titel mag hoogstens %(max)d tekens hebben.") % {"max": PLAN_TITLE_MAX})
    if not what:
        raise ValidationError(_("Schrijf op wat jullie gaan doen."))
    if len(what) > PLAN_TEXT_MAX:
        raise ValidationError(
            _("Wat jullie gaan doen mag hoogstens %(max)d tekens hebben.") % {"max": PLAN_TEXT_MAX}
        )
    if len(who) > PLAN_WHO_MAX:
        raise ValidationError(
            _("Wie er meedoen mag hoogstens %(max)d tekens hebben.") % {"max": PLAN_WHO_MAX}
        )
    return title, what, who


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
    title: str,
    what: str,
    who: str = "",
    client_id,
    attendee: Attendee | None = None,
    author=None,
    source_note: Note | None = None,
) -> tuple[Plan, bool]:
    """A plan from a phone (attendee) or the console (author). The same client_id finds the plan it made."""
    client_id = notes.clean_client_id(client_id)
    existing = Plan.objects.filter(activity=activity, client_id=client_id).first()
    if existing is not None:
        return _same_author(existing, attendee, author), False
    if activity.kind != KIND:
        raise ValidationError(_("Bij dit onderdeel maak je geen plannen."))
    title, what, who = _clean(title, what, who)
    if attendee is not None:
        _check_phone(activity, attendee)
        Attendee.objects.select_for_update().filter(pk=attendee.pk).first()
        if Plan.objects.filter(activity=activity, attendee=attendee).count() >= PLANS_PER_ATTENDEE:
            raise ValidationError(
                _("Je hebt al veel plannen gestuurd. Bespreek eerst met de begeleider welke blijven.")
            )
    elif author is None:
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
                title=title,
                what=what,
                who=who,
                source_note=source_note,
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
        what=note.text,
        client_id=uuid.uuid5(FROM_NOTE, f"{activity.pk}-{note.pk}"),
        author=author,
        source_note=note,
    )


@transaction.atomic
def plan_update(*, plan: Plan, title: str, what: str, who: str = "") -> Plan:
    plan.title, plan.what, plan.who = _clean(title, what, who)
    plan.save(update_fields=["title", "what", "who"])
    events.results_changed(plan.activity.live_id)
    if plan.attendee_id:
        events.attendee_changed(plan.activity.live_id, plan.attendee_id)
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


def context(activity) -> dict:
    plans = list(activity.plans.order_by("created_at", "pk"))
    visible = [p for p in plans if not p.hidden]
    return {
        "pl_plans": plans,
        "pl_visible": visible,
        "pl_from_notes": {p.source_note_id for p in plans if p.source_note_id},
        # Only the console shows it; templates call it when they use it.
        "pl_sources": lambda: source_boards(activity),
        "pl_title_max": PLAN_TITLE_MAX,
        "pl_text_max": PLAN_TEXT_MAX,
        "pl_who_max": PLAN_WHO_MAX,
    }


def mine_context(activity, attendee) -> dict:
    return {
        "pl_mine": list(
            Plan.objects.filter(activity=activity, attendee=attendee, hidden=False).order_by("-pk")
        ),
        "pl_title_max": PLAN_TITLE_MAX,
        "pl_text_max": PLAN_TEXT_MAX,
        "pl_who_max": PLAN_WHO_MAX,
        "client_id": uuid.uuid4(),
    }


def results(activity) -> dict:
    lines = []
    for plan in activity.plans.filter(hidden=False).order_by("created_at", "pk"):
        line = f"{plan.title}: {plan.what}"
        if plan.who:
            line += " " + _("(wie: %(who)s)") % {"who": plan.who}
        lines.append(line)
    return {"title": activity.prompt, "lines": lines}


# ---- the routes' handlers ---------------------------------------------------------------------------------


def _submit(request, activity, attendee):
    plan_create(
        activity=activity,
        attendee=attendee,
        title=request.POST.get("title", ""),
        what=request.POST.get("what", ""),
        who=request.POST.get("who", ""),
        client_id=request.POST.get("client_id"),
    )


def _plan(request, activity):
    plan = (
        Plan.objects.select_related("activity")
        .filter(activity=activity, pk=int(request.POST["plan"]))
        .first()
    )
    if plan is None:
        raise ValidationError(_("Dit plan hoort niet bij dit onderdeel."))
    return plan


def _console_add(request, activity):
    plan_create(
        activity=activity,
        author=request.user,
        title=request.POST.get("title", ""),
        what=request.POST.get("what", ""),
        who=request.POST.get("who", ""),
        client_id=request.POST.get("client_id"),
    )


def _console_from_note(request, activity):
    note = (
        Note.objects.select_related("activity")
        .filter(activity__live_id=activity.live_id, pk=int(request.POST["note"]))
        .first()
    )
    if note is None:
        raise ValidationError(_("Deze post-it hoort niet bij deze bijeenkomst."))
    plan_from_note(activity=activity, note=note, author=request.user)


def _console_edit(request, activity):
    plan_update(
        plan=_plan(request, activity),
        title=request.POST.get("title", ""),
        what=request.POST.get("what", ""),
        who=request.POST.get("who", ""),
    )


def _console_hide(request, activity):
    plan_set_hidden(plan=_plan(request, activity), hidden=request.POST.get("hidden") == "1")


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
