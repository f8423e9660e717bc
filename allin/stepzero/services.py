"""Writes for step 0. Keyword-only, one transaction each, everything checked before it is saved."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from allin.core import limits
from allin.core.text import checked_line as _line
from allin.core.text import checked_text
from allin.people.models import Participant
from allin.people.services import clean_email
from allin.processes import services as planning
from allin.processes.models import Meeting, Process

from .models import (
    CASES_PER_WORKSPACE_MAX,
    KICKOFF_TITLE,
    ROWS_PER_PROCESS_MAX,
    TEXT_MAX,
    Align,
    Case,
    Debrief,
    FixedParticipant,
    InformHow,
    InformWhen,
    InventoryItem,
    Kickoff,
    Manager,
    MeetingCase,
    TeamMember,
)

# The kick-off becomes agenda content, like the method library's items: written in Dutch, not in the UI language
# of whoever pressed the button. The child-poverty series has this item already; other methods can add it.
KICKOFF_MINUTES = 20
KICKOFF_GOALS = [
    "De leidinggevenden geven zichtbaar mandaat aan hun medewerkers.",
    "Duidelijk is hoe en wanneer leidinggevenden op de hoogte blijven.",
]
KICKOFF_INSTRUCTIONS = (
    "Heet de leidinggevenden welkom en vertel waarom jullie dit traject beginnen. Vraag wat zij ervan verwachten, "
    "hoe en wanneer ze op de hoogte willen blijven, en hoe hun medewerkers hen bijpraten."
)


def _text(value, *, label, max_len=TEXT_MAX, required=False):
    return checked_text(value, max_len=max_len, label=label, required=required)


def _choice(value, choices):
    if value not in choices.values:
        raise ValidationError(_("Kies een antwoord uit de lijst."))
    return value


def _room(queryset):
    if queryset.count() >= ROWS_PER_PROCESS_MAX:
        raise ValidationError(_("Hier passen hoogstens %(max)d regels.") % {"max": ROWS_PER_PROCESS_MAX})


def _organisation(process, organisation):
    if organisation is not None and organisation.workspace_id != process.workspace_id:
        raise ValidationError(_("Kies een organisatie uit het netwerk van deze werkruimte."))
    return organisation


# What already exists


def _inventory_fields(*, name, runs_it, domain, touches, contact, align):
    return {
        "name": _line(name, max_len=limits.NAME_MAX, label=_("de naam"), required=True),
        "runs_it": _line(runs_it, max_len=limits.NAME_MAX, label=_("wie het trekt")),
        "domain": _line(domain, max_len=limits.NAME_MAX, label=_("het domein")),
        "touches": _text(touches, label=_("hoe het het thema raakt")),
        "contact": _line(contact, max_len=limits.SHORT_TEXT_MAX, label=_("het contact")),
        "align": _choice(align, Align),
    }


@transaction.atomic
def inventory_add(*, process: Process, **values) -> InventoryItem:
    fields = _inventory_fields(**values)
    Process.objects.select_for_update().filter(pk=process.pk).first()
    _room(process.inventory)
    return InventoryItem.objects.create(process=process, **fields)


@transaction.atomic
def inventory_update(*, item: InventoryItem, **values) -> InventoryItem:
    for key, value in _inventory_fields(**values).items():
        setattr(item, key, value)
    item.save()
    return item


@transaction.atomic
def inventory_delete(*, item: InventoryItem) -> None:
    item.delete()


# Managers


def _manager_fields(process, *, name, organisation, position, email, inform_how, inform_when, kickoff, note):
    return {
        "name": _line(name, max_len=limits.NAME_MAX, label=_("de naam"), required=True),
        "organisation": _organisation(process, organisation),
        "position": _line(position, max_len=limits.NAME_MAX, label=_("de functie")),
        "email": clean_email(email),
        "inform_how": _choice(inform_how, InformHow),
        "inform_when": _choice(inform_when, InformWhen),
        "kickoff": _choice(kickoff or "", Kickoff),
        "note": _line(note, max_len=limits.SHORT_TEXT_MAX, label=_("de afspraak")),
    }


@transaction.atomic
def manager_add(*, process: Process, **values) -> Manager:
    fields = _manager_fields(process, **values)
    Process.objects.select_for_update().filter(pk=process.pk).first()
    _room(process.managers)
    return Manager.objects.create(process=process, **fields)


@transaction.atomic
def manager_update(*, manager: Manager, **values) -> Manager:
    for key, value in _manager_fields(manager.process, **values).items():
        setattr(manager, key, value)
    manager.save()
    return manager


@transaction.atomic
def manager_delete(*, manager: Manager) -> None:
    manager.delete()


@transaction.atomic
def kickoff_plan(*, meeting: Meeting):
    """Put the managers' kick-off first on the meeting's agenda, once: a meeting that has it already keeps it."""
    existing = meeting.items.filter(title=KICKOFF_TITLE).first()
    if existing is not None:
        return existing
    item = planning.agenda_item_create(
        meeting=meeting,
        title=KICKOFF_TITLE,
        duration=KICKOFF_MINUTES,
        goals=KICKOFF_GOALS,
        instructions=KICKOFF_INSTRUCTIONS,
    )
    others = [
        pk for pk in meeting.items.order_by("order", "pk").values_list("pk", flat=True) if pk != item.pk
    ]
    planning.agenda_reorder(meeting=meeting, item_ids=[item.pk, *others])
    return item


# Project team


@transaction.atomic
def team_add(*, participant: Participant, role: str = "") -> TeamMember:
    if participant.is_erased:
        raise ValidationError(_("De gegevens van deze deelnemer zijn gewist; kies iemand anders."))
    role = _line(role, max_len=limits.NAME_MAX, label=_("de rol"))
    member, _created = TeamMember.objects.update_or_create(participant=participant, defaults={"role": role})
    return member


@transaction.atomic
def team_remove(*, member: TeamMember) -> None:
    member.delete()


@transaction.atomic
def debrief_save(
    *, meeting: Meeting, went_well: str, next_time: str, who_does_what: str, user=None
) -> Debrief:
    fields = {
        "went_well": _text(went_well, label=_("wat goed ging")),
        "next_time": _text(next_time, label=_("wat jullie anders doen")),
        "who_does_what": _text(who_does_what, label=_("wie wat doet")),
    }
    if not any(fields.values()):
        raise ValidationError(_("Vul minstens één vraag van de nabespreking in."))
    debrief, _created = Debrief.objects.update_or_create(
        meeting=meeting, defaults={**fields, "updated_by": user}
    )
    return debrief


# Cases


def _case_fields(*, title, story, domains, questions):
    return {
        "title": _line(title, max_len=limits.TITLE_MAX, label=_("de titel"), required=True),
        "story": _text(story, label=_("de casus"), max_len=limits.TEXT_MAX, required=True),
        "domains": _line(domains, max_len=limits.SHORT_TEXT_MAX, label=_("de domeinen")),
        "questions": _text(questions, label=_("de vragen")),
    }


@transaction.atomic
def case_add(*, workspace, user=None, **values) -> Case:
    fields = _case_fields(**values)
    if Case.objects.filter(workspace=workspace).count() >= CASES_PER_WORKSPACE_MAX:
        raise ValidationError(
            _("Een werkruimte heeft hoogstens %(max)d casussen.") % {"max": CASES_PER_WORKSPACE_MAX}
        )
    return Case.objects.create(workspace=workspace, created_by=user, **fields)


@transaction.atomic
def case_update(*, case: Case, **values) -> Case:
    for key, value in _case_fields(**values).items():
        setattr(case, key, value)
    case.save()
    return case


@transaction.atomic
def case_delete(*, case: Case) -> None:
    case.delete()


@transaction.atomic
def case_pick(*, meeting: Meeting, case: Case | None) -> MeetingCase | None:
    """Pick the meeting's case (None: no case)."""
    if case is None:
        MeetingCase.objects.filter(meeting=meeting).delete()
        return None
    if case.workspace_id != meeting.process.workspace_id:
        raise ValidationError(_("Kies een casus uit de casussen van deze werkruimte."))
    picked, _created = MeetingCase.objects.update_or_create(meeting=meeting, defaults={"case": case})
    return picked


# Fixed participants


@transaction.atomic
def fixed_set(*, process: Process, organisation, participant: Participant | None) -> FixedParticipant | None:
    """The organisation's fixed participant (None: none). Someone can be fixed for their own organisation only."""
    _organisation(process, organisation)
    FixedParticipant.objects.filter(process=process, organisation=organisation).delete()
    if participant is None:
        return None
    if participant.process_id != process.pk or participant.organisation_id != organisation.pk:
        raise ValidationError(_("Kies iemand van deze organisatie uit de deelnemerslijst."))
    if participant.is_erased:
        raise ValidationError(_("De gegevens van deze deelnemer zijn gewist; kies iemand anders."))
    return FixedParticipant.objects.create(
        process=process, organisation=organisation, participant=participant
    )
