"""Writes for Werk aan Netwerk's closing and follow-up: agreement cards, the call list and the follow-up meeting."""

import uuid
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core import limits
from allin.network.models import Partner
from allin.processes import services as process_services

from . import agreements, cleaning
from . import services as action_services
from .followup_models import (
    AGREEMENT_ROWS_MAX,
    CALL_TEXT_MAX,
    ROW_MAX,
    Agreement,
    AgreementRow,
    CardAction,
    FollowUpCall,
    FollowUpMeeting,
    new_key,
)
from .models import Action

CALL_AFTER_DAYS = 14
# The method_key of a method's follow-up meeting (Werk aan Netwerk, step 4).
FOLLOW_UP_KEY = "opvolgsessie"


def _check_partner(process, partner):
    if partner is None or partner.workspace_id != process.workspace_id:
        raise ValidationError(_("Kies een organisatie uit het netwerk van deze werkruimte."))


@transaction.atomic
def agreement_for(*, process, partner) -> Agreement:
    _check_partner(process, partner)
    try:
        with transaction.atomic():
            agreement, _created = Agreement.objects.get_or_create(process=process, partner=partner)
    except IntegrityError:
        agreement = Agreement.objects.get(process=process, partner=partner)
    return agreement


@transaction.atomic
def agreement_key_renew(*, agreement: Agreement) -> Agreement:
    agreement.key = new_key()
    agreement.save(update_fields=["key"])
    return agreement


@transaction.atomic
def agreement_row_add(*, agreement: Agreement, what, who="", when="", how="", client_id=None) -> AgreementRow:
    """A row of what / who / when / how. Idempotent per client_id, so a phone that sends twice adds one row."""
    try:
        client_id = uuid.UUID(str(client_id)) if client_id else uuid.uuid4()
    except ValueError:
        raise ValidationError(_("Deze aanvraag is niet compleet. Laad de pagina opnieuw.")) from None
    Agreement.objects.select_for_update().filter(pk=agreement.pk).first()
    existing = AgreementRow.objects.filter(agreement=agreement, client_id=client_id).first()
    if existing is not None:
        return existing
    if agreement.rows.count() >= AGREEMENT_ROWS_MAX:
        raise ValidationError(
            _("Een afsprakenkaart heeft hoogstens %(max)d regels.") % {"max": AGREEMENT_ROWS_MAX}
        )
    return AgreementRow.objects.create(
        agreement=agreement,
        client_id=client_id,
        what=cleaning.line(what, max_len=ROW_MAX, label=_("wat"), required=True),
        who=cleaning.line(who, max_len=limits.SHORT_TEXT_MAX, label=_("wie")),
        when=cleaning.line(when, max_len=limits.SHORT_TEXT_MAX, label=_("wanneer")),
        how=cleaning.line(how, max_len=ROW_MAX, label=_("hoe")),
    )


@transaction.atomic
def agreement_row_delete(*, row: AgreementRow) -> None:
    row.delete()


@transaction.atomic
def action_from_card_line(*, process, row: AgreementRow | None = None, plan=None) -> Action:
    """A line of an agreement card (a row typed on the card, or a session row with its organisation) becomes an
    action owned by that organisation, its "who" as the owner's name; the date is set on the action's page.
    A line becomes one action only: a second click finds the first."""
    if (row is None) == (plan is None):
        raise ValidationError(_("Kies een regel van een afsprakenkaart."))
    if row is not None:
        partner, line_process = row.agreement.partner, row.agreement.process
    else:
        partner, line_process = plan.partner, plan.activity.live.meeting.process
    if line_process.pk != process.pk or partner is None:
        raise ValidationError(_("Deze regel hoort niet bij een afsprakenkaart van dit traject."))
    existing = CardAction.objects.filter(row=row) if row is not None else CardAction.objects.filter(plan=plan)
    existing = existing.select_related("action").first()
    if existing is not None:
        return existing.action
    line = row or plan
    action = action_services.action_create(
        process=process,
        title=line.what[: limits.TITLE_MAX],
        description=line.how,
        owner_partner=partner,
        owner_name=line.who[: limits.NAME_MAX],
    )
    CardAction.objects.create(action=action, partner=partner, row=row, plan=plan, label=line.what[:ROW_MAX])
    return action


def participating_partners(process):
    """The organisations that took part: of the process's participants, action owners and agreement cards
    (typed, or filled from the session)."""
    ids = set(
        Partner.objects.filter(workspace=process.workspace, participants__process=process).values_list(
            "pk", flat=True
        )
    )
    ids |= set(
        Action.objects.filter(process=process, owner_partner__isnull=False).values_list(
            "owner_partner", flat=True
        )
    )
    ids |= set(Agreement.objects.filter(process=process).values_list("partner", flat=True))
    # Organisations whose rows the session's "Acties!" put on a card, even before anyone opened that card.
    ids |= set(
        agreements.session_plans(process).filter(partner__isnull=False).values_list("partner", flat=True)
    )
    return Partner.objects.filter(pk__in=ids).order_by("name")


@transaction.atomic
def call_list_create(*, meeting, due_on: date | None = None) -> list[FollowUpCall]:
    """The call list of a meeting: one row per participating organisation, due two weeks after it. Running it
    again adds organisations that joined since and keeps every row already there."""
    due_on = due_on or meeting.date + timedelta(days=CALL_AFTER_DAYS)
    partners = list(participating_partners(meeting.process))
    if not partners:
        raise ValidationError(
            _(
                "Er zijn nog geen organisaties bij dit traject: voeg deelnemers, acties of afsprakenkaarten toe."
            )
        )
    for partner in partners:
        FollowUpCall.objects.get_or_create(meeting=meeting, partner=partner, defaults={"due_on": due_on})
    return list(FollowUpCall.objects.filter(meeting=meeting).select_related("partner"))


@transaction.atomic
def call_add(*, meeting, partner, due_on: date | None = None) -> FollowUpCall:
    _check_partner(meeting.process, partner)
    call, _created = FollowUpCall.objects.get_or_create(
        meeting=meeting,
        partner=partner,
        defaults={"due_on": due_on or meeting.date + timedelta(days=CALL_AFTER_DAYS)},
    )
    return call


@transaction.atomic
def call_record(
    *,
    call: FollowUpCall,
    took_away="",
    did="",
    planned="",
    needs="",
    next_call_on: date | None = None,
    by: str = "",
) -> FollowUpCall:
    """What the call brought, the toolkit's questions: what they took away, what they did already, what is
    planned, what they still need, and when to call next."""
    call = FollowUpCall.objects.select_for_update().get(pk=call.pk)
    call.took_away = cleaning.block(took_away, max_len=CALL_TEXT_MAX, label=_("wat ze meenamen"))
    call.did = cleaning.block(did, max_len=CALL_TEXT_MAX, label=_("wat ze deden"))
    call.planned = cleaning.block(planned, max_len=CALL_TEXT_MAX, label=_("wat er op de planning staat"))
    call.needs = cleaning.block(needs, max_len=CALL_TEXT_MAX, label=_("wat ze nodig hebben"))
    today = timezone.localdate()
    if next_call_on is not None and next_call_on <= today:
        raise ValidationError(_("De volgende belafspraak moet na vandaag liggen."))
    call.next_call_on = next_call_on
    call.called_at = timezone.now()
    call.called_by = cleaning.line(by, max_len=limits.NAME_MAX, label=_("de naam"))
    call.save()
    return call


def halfway(start: date, end: date) -> date:
    return start + timedelta(days=(end - start).days // 2)


def _method_follow_up(after):
    """The process's own follow-up meeting from the method (Werk aan Netwerk's opvolgsessie), if it is not yet
    the follow-up of a meeting and not held: planning dates that one instead of adding a second, empty one."""
    taken = FollowUpMeeting.objects.filter(process=after.process).values_list("meeting_id", flat=True)
    return (
        after.process.meetings.filter(method_key=FOLLOW_UP_KEY, date__gt=after.date)
        .exclude(pk__in=taken)
        .exclude(pk=after.pk)
        .order_by("date", "pk")
        .first()
    )


@transaction.atomic
def follow_up_meeting_plan(
    *, after, date: date, start_time: time = time(13, 0), planned_minutes: int = 120, name: str = ""
) -> FollowUpMeeting:
    """Plan a follow-up session some months after `after`; the facilitator is reminded to send its invitation
    halfway between the two, as the toolkit advises. The method's own follow-up meeting, with its agenda, is
    moved to that date when the process has one; otherwise a meeting is made."""
    if date <= after.date + timedelta(days=13):
        raise ValidationError(
            _("Plan de opvolgsessie minstens twee weken na de bijeenkomst, liefst een paar maanden.")
        )
    own = _method_follow_up(after)
    if own is not None:
        meeting = process_services.meeting_update(
            meeting=own,
            name=(name or own.name)[: limits.NAME_MAX],
            date=date,
            start_time=start_time,
            planned_minutes=planned_minutes or own.planned_minutes,
            location=own.location,
            online_link=own.online_link,
        )
    else:
        name = name or _("Opvolgsessie: %(name)s") % {"name": after.name}
        meeting = process_services.meeting_create(
            process=after.process,
            phase=after.phase,
            name=name[: limits.NAME_MAX],
            date=date,
            start_time=start_time,
            planned_minutes=planned_minutes,
        )
    return FollowUpMeeting.objects.create(
        process=after.process, after=after, meeting=meeting, invite_on=halfway(after.date, date)
    )
