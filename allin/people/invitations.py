"""Writes for invitations: sending them by e-mail (one meeting, or the whole series in one e-mail), reminders
for those who have not answered, revoking a link, and the answer given through the personal RSVP link.

Sending is idempotent for a short window: a double click, or two facilitators clicking at once, finds the rows
locked and just sent, and sends nothing more. The e-mails leave after the transaction commits."""

import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core.text import one_line

from . import mail, selectors
from .models import BRING_MAX, INFO_NOTE_MAX, REMARK_MAX, Invitation, MeetingInfo, RsvpAnswer, RsvpLink

logger = logging.getLogger(__name__)

SEND_WINDOW = timedelta(minutes=10)


@dataclass
class SendResult:
    sent: list = field(default_factory=list)  # participants who got an e-mail now
    recent: list = field(default_factory=list)  # skipped: they got one a moment ago
    without_email: list = field(default_factory=list)  # skipped: no e-mail address


def _last_mail(invitation):
    times = [t for t in (invitation.sent_at, invitation.reminded_at) if t]
    return max(times) if times else None


def _send_after_commit(messages, connection=None):
    if not messages:
        return

    def send():
        try:
            (connection or get_connection()).send_messages(messages)
        except Exception:  # noqa: BLE001 - a mail server that is down must not turn into a 500 after commit
            logger.exception("Sending %d invitation e-mail(s) failed", len(messages))

    transaction.on_commit(send)


def _locked_invitation(participant, meeting) -> Invitation:
    Invitation.objects.get_or_create(participant=participant, meeting=meeting)
    return Invitation.objects.select_for_update().get(participant=participant, meeting=meeting)


@transaction.atomic
def _send(*, meetings, participants, series, sent_by, connection) -> SendResult:
    meetings = sorted(meetings, key=lambda m: (m.date, m.start_time, m.pk))
    process = meetings[0].process
    now = timezone.now()
    result = SendResult()
    messages = []
    for participant in participants:
        if participant.process_id != process.pk:
            raise ValidationError(_("Kies deelnemers van dit traject."))
        if participant.is_erased or not participant.email:
            result.without_email.append(participant)
            continue
        fresh = []
        for meeting in meetings:
            invitation = _locked_invitation(participant, meeting)
            last = _last_mail(invitation)
            if not invitation.is_revoked and last and last > now - SEND_WINDOW:
                continue
            if invitation.is_revoked:  # the e-mail brings a new link; the revoked ones were removed
                invitation.revoked_at = None
            invitation.sent_at = now
            invitation.series = series
            invitation.save()
            fresh.append(invitation)
        if not fresh:
            result.recent.append(participant)
            continue
        messages.append(mail.invitation_message(participant=participant, invitations=fresh, sender=sent_by))
        result.sent.append(participant)
    _send_after_commit(messages, connection)
    return result


def invitations_send(*, meeting, participants, sent_by=None, connection=None) -> SendResult:
    """Invite participants to one meeting: an e-mail with the details, the .ics and their RSVP link."""
    return _send(
        meetings=[meeting], participants=participants, series=False, sent_by=sent_by, connection=connection
    )


def invitations_send_series(
    *, process, participants, sent_by=None, today: date | None = None, connection=None
) -> SendResult:
    """Invite participants to every meeting of the process from today on, in one e-mail per person with all
    the dates, one .ics with every meeting and an RSVP link per meeting."""
    today = today or timezone.localdate()
    meetings = list(process.meetings.filter(date__gte=today).select_related("process"))
    if not meetings:
        raise ValidationError(_("Dit traject heeft geen bijeenkomsten meer in de toekomst."))
    return _send(
        meetings=meetings, participants=participants, series=True, sent_by=sent_by, connection=connection
    )


@transaction.atomic
def invitations_remind(*, meeting, sent_by=None, connection=None) -> SendResult:
    """Remind everyone who was invited to the meeting and has not answered. Records when."""
    now = timezone.now()
    result = SendResult()
    messages = []
    for open_invitation in selectors.open_invitations(meeting):
        invitation = Invitation.objects.select_for_update().get(pk=open_invitation.pk)
        if invitation.answer or invitation.is_revoked:
            continue
        participant = open_invitation.participant
        last = _last_mail(invitation)
        if last and last > now - SEND_WINDOW:
            result.recent.append(participant)
            continue
        invitation.reminded_at = now
        invitation.reminder_count += 1
        invitation.save(update_fields=["reminded_at", "reminder_count"])
        invitation.meeting = meeting
        messages.append(
            mail.invitation_message(
                participant=participant, invitations=[invitation], sender=sent_by, reminder=True
            )
        )
        result.sent.append(participant)
    _send_after_commit(messages, connection)
    return result


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """Make the invitation's links useless at once. Sending the invitation again makes a new link."""
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    RsvpLink.objects.filter(invitation=invitation).delete()
    invitation.refresh_from_db()
    return invitation


@transaction.atomic
def rsvp_answer(
    *, invitation: Invitation, answer: str, remark: str = "", today: date | None = None
) -> Invitation:
    """The participant's own answer through their link: ja, nee or misschien, with an optional short remark."""
    if answer not in RsvpAnswer.values:
        raise ValidationError(_("Kies ja, nee of misschien."))
    remark = one_line(remark)
    if len(remark) > REMARK_MAX:
        raise ValidationError(_("Je opmerking mag hoogstens %(max)d tekens lang zijn.") % {"max": REMARK_MAX})
    invitation = (
        Invitation.objects.select_for_update().select_related("meeting", "participant").get(pk=invitation.pk)
    )
    if invitation.is_revoked or invitation.participant.is_erased:
        raise ValidationError(_("Deze link werkt niet meer."))
    if invitation.meeting.date < (today or timezone.localdate()):
        raise ValidationError(_("Deze bijeenkomst is al geweest. Je hoeft niets meer door te geven."))
    invitation.answer = answer
    invitation.remark = remark
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["answer", "remark", "answered_at"])
    return invitation


@transaction.atomic
def meeting_info_set(*, meeting, bring: str = "", note: str = "") -> MeetingInfo:
    """The practical details the invitation e-mail adds: what to bring, and a short extra note."""
    bring = one_line(bring)
    note = "".join(
        ch for ch in (note or "").replace("\r\n", "\n") if ch == "\n" or unicodedata.category(ch) != "Cc"
    )
    note = note.strip()
    if len(bring) > BRING_MAX:
        raise ValidationError(
            _("“Wat neem je mee” mag hoogstens %(max)d tekens lang zijn.") % {"max": BRING_MAX}
        )
    if len(note) > INFO_NOTE_MAX:
        raise ValidationError(
            _("De extra informatie mag hoogstens %(max)d tekens lang zijn.") % {"max": INFO_NOTE_MAX}
        )
    info, _created = MeetingInfo.objects.update_or_create(
        meeting=meeting, defaults={"bring": bring, "note": note}
    )
    return info
