"""Werk aan Netwerk's closing and follow-up: an agreement card per organisation, the call list two weeks after a
meeting, a follow-up meeting months later, and the record of every reminder sent (so a rerun sends nothing twice)."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner
from allin.processes.models import Meeting, Process

from .models import Action

ROW_MAX = 500
CALL_TEXT_MAX = 1000
AGREEMENT_ROWS_MAX = 30


def new_key():
    return secrets.token_urlsafe(24)


class Agreement(models.Model):
    """An organisation's agreement card (afsprakenkaart). Its representatives fill it in on their phones through
    a link with `key`; renewing the key revokes the link."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="agreements")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="agreements")
    key = models.CharField(max_length=64, unique=True, default=new_key)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partner__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["process", "partner"], name="one_agreement_per_partner")
        ]

    def __str__(self):
        return f"{self.partner}"


class AgreementRow(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="rows")
    client_id = models.UUIDField(default=uuid.uuid4)
    what = models.CharField(_("wat"), max_length=ROW_MAX)
    who = models.CharField(_("wie"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    when = models.CharField(_("wanneer"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    how = models.CharField(_("hoe"), max_length=ROW_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "client_id"], name="one_row_per_client_id")
        ]

    def __str__(self):
        return self.what[:40]


class CardAction(models.Model):
    """The action a line of an agreement card became: a row typed on the card, or a row the organisation sent
    in the session's "Acties!" item (a live plan). One action per line; the label keeps the line's words, so
    the action still says where it came from if the line is later removed."""

    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="card_line")
    partner = models.ForeignKey(Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    row = models.OneToOneField(
        AgreementRow, on_delete=models.SET_NULL, null=True, blank=True, related_name="card_action"
    )
    plan = models.OneToOneField(
        "live.Plan", on_delete=models.SET_NULL, null=True, blank=True, related_name="card_action"
    )
    label = models.CharField(max_length=ROW_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.label[:40]


class FollowUpCall(models.Model):
    """One row of the call list (nabellen) of a meeting: one organisation, called about two weeks later."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_up_calls")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="follow_up_calls")
    due_on = models.DateField(_("bellen op"))
    took_away = models.TextField(_("wat namen ze mee"), max_length=CALL_TEXT_MAX, blank=True)
    did = models.TextField(_("wat deden ze al"), max_length=CALL_TEXT_MAX, blank=True)
    planned = models.TextField(_("wat staat er op de planning"), max_length=CALL_TEXT_MAX, blank=True)
    needs = models.TextField(_("wat hebben ze nodig"), max_length=CALL_TEXT_MAX, blank=True)
    next_call_on = models.DateField(_("volgende belafspraak"), null=True, blank=True)
    called_at = models.DateTimeField(null=True, blank=True)
    called_by = models.CharField(max_length=limits.NAME_MAX, blank=True)

    class Meta:
        ordering = ["due_on", "partner__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "partner"], name="one_call_per_partner")]

    def __str__(self):
        return f"{self.partner} ({self.due_on})"

    @property
    def next_due(self):
        """The date the next call is due: the agreed next call once called, else the first call's date."""
        return self.next_call_on if self.called_at else self.due_on


class FollowUpMeeting(models.Model):
    """A follow-up session planned months after a meeting; its invitation goes out halfway in between."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="follow_up_meetings")
    after = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="follow_up_of")
    invite_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.meeting)


class SentReminder(models.Model):
    """Proof that a reminder went out: one row per kind, object and date it is about. The unique constraint
    makes the daily task idempotent, even when two workers run it at once."""

    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    about = models.DateField()
    to = models.CharField(max_length=1000, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "about"], name="one_reminder_per_kind_day")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.about}"
