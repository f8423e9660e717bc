"""Writes for participants, attendance and privacy. Every function is keyword-only, runs in one transaction and
validates before it saves, so a refused request changes nothing. Invitations: invitations.py."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.audit.services import audit_record
from allin.core import limits
from allin.core.text import one_line
from allin.processes.models import Meeting, Process

from . import selectors
from .models import (
    Attendance,
    AttendanceSource,
    Participant,
    ParticipantRole,
    ProcessPrivacy,
    RsvpLink,
)


def _text(value, *, max_len, label, required=True):
    value = one_line(value)
    if required and not value:
        raise ValidationError(_("Vul %(label)s in.") % {"label": label})
    if len(value) > max_len:
        raise ValidationError(
            _("%(label)s mag hoogstens %(max)d tekens lang zijn.")
            % {"label": label.capitalize(), "max": max_len}
        )
    return value


def clean_email(value) -> str:
    value = (value or "").strip().lower()
    if not value:
        return ""
    if len(value) > limits.EMAIL_MAX:
        raise ValidationError(
            _("Een e-mailadres mag hoogstens %(max)d tekens lang zijn.") % {"max": limits.EMAIL_MAX}
        )
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(
            _("“%(value)s” is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.")
            % {"value": value[:60]}
        ) from None
    return value


def _clean(*, process, name, role, organisation, domain, email):
    if role not in ParticipantRole.values:
        raise ValidationError(_("Kies een rol uit de lijst."))
    if organisation is not None and organisation.workspace_id != process.workspace_id:
        raise ValidationError(_("Kies een organisatie uit het netwerk van deze werkruimte."))
    return {
        "name": _text(name, max_len=limits.NAME_MAX, label=_("de naam")),
        "role": role,
        "organisation": organisation,
        "domain": _text(domain, max_len=limits.NAME_MAX, label=_("het domein"), required=False),
        "email": clean_email(email),
    }


@transaction.atomic
def participant_create(
    *,
    process: Process,
    name: str,
    role: str,
    organisation=None,
    domain: str = "",
    is_expert: bool = False,
    email: str = "",
) -> Participant:
    fields = _clean(
        process=process, name=name, role=role, organisation=organisation, domain=domain, email=email
    )
    # Lock the process so two additions at once cannot take the same number.
    Process.objects.select_for_update().filter(pk=process.pk).first()
    number = (process.participants.aggregate(n=Max("number"))["n"] or 0) + 1
    return Participant.objects.create(process=process, is_expert=bool(is_expert), number=number, **fields)


@transaction.atomic
def participant_update(
    *,
    participant: Participant,
    name: str,
    role: str,
    organisation=None,
    domain: str = "",
    is_expert: bool = False,
    email: str = "",
) -> Participant:
    if participant.is_erased:
        raise ValidationError(
            _("De gegevens van deze deelnemer zijn gewist; je kunt ze niet meer aanpassen.")
        )
    fields = _clean(
        process=participant.process,
        name=name,
        role=role,
        organisation=organisation,
        domain=domain,
        email=email,
    )
    for key, value in fields.items():
        setattr(participant, key, value)
    participant.is_expert = bool(is_expert)
    participant.save()
    return participant


@transaction.atomic
def participant_delete(*, participant: Participant) -> None:
    """Remove a participant entirely (added by mistake), with their invitations and attendance. Phones linked to
    them in a live meeting stay, unlinked. To honour a request to forget someone, erase instead."""
    participant.attendees.update(participant=None)
    participant.delete()


def erased_label(participant) -> str:
    return _("Deelnemer %(number)d") % {"number": participant.number or participant.pk}


@transaction.atomic
def participant_erase(*, participant: Participant) -> Participant:
    """Erase the personal data of one participant at once: the name becomes "Deelnemer 7", the e-mail address
    and domain go, remarks on invitations are cleared and links stop working, and the names of the live
    attendees linked to them are cleared. What they contributed stays, anonymous."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.is_erased:
        return participant
    if not participant.number:
        participant.number = (participant.process.participants.aggregate(n=Max("number"))["n"] or 0) + 1
    participant.name = erased_label(participant)
    participant.email = ""
    participant.domain = ""
    participant.erased_at = timezone.now()
    participant.save()
    now = timezone.now()
    participant.invitations.update(remark="", revoked_at=now)
    RsvpLink.objects.filter(invitation__participant=participant).delete()
    participant.attendees.update(name="")
    audit_record(
        workspace=participant.process.workspace_id,
        actor_label=_("bewaartermijn verstreken"),
        action="participant.erase",
        target=participant,
        summary=participant.name,
    )
    return participant


@transaction.atomic
def privacy_set(*, process: Process, erase_on: date) -> ProcessPrivacy:
    if not isinstance(erase_on, date):
        raise ValidationError(_("Vul een geldige datum in."))
    privacy, _created = ProcessPrivacy.objects.update_or_create(
        process=process, defaults={"erase_on": erase_on}
    )
    return privacy


def participants_erase_due(*, today: date) -> int:
    """Erase the participants of every process whose erase date has come. Returns how many were erased."""
    erased = 0
    for process in selectors.processes_due(today=today):
        with transaction.atomic():
            for participant in process.participants.filter(erased_at__isnull=True):
                participant_erase(participant=participant)
                erased += 1
            ProcessPrivacy.objects.update_or_create(
                process=process,
                defaults={"erase_on": selectors.erase_date(process), "erased_at": timezone.now()},
            )
    return erased


@transaction.atomic
def attendance_set(
    *, participant: Participant, meeting: Meeting, present: bool, by=None, source=None
) -> bool:
    """Tick or untick a participant as present. Returns whether they are present now."""
    if participant.process_id != meeting.process_id:
        raise ValidationError(_("Deze deelnemer hoort niet bij dit traject."))
    if not present:
        Attendance.objects.filter(participant=participant, meeting=meeting).delete()
        return False
    try:
        with transaction.atomic():
            Attendance.objects.get_or_create(
                participant=participant,
                meeting=meeting,
                defaults={"marked_by": by, "source": source or AttendanceSource.LIST},
            )
    except IntegrityError:  # ticked at the same moment on another phone: it is ticked
        pass
    return True
