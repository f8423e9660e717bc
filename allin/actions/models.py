"""Closing the loop: actions, agreement cards, the feedback page, reactions and follow-ups.

An action keeps the youth tips it answers (ActionSource), its timeline (ProgressUpdate) and, once the facilitator
publishes the feedback page, the snapshot the youth see (public_*), so nothing changes in public by accident."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner
from allin.processes.models import Process

REASON_MAX = 1000
ANSWER_MAX = 1000
UPDATE_MAX = 1000


class ActionStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    BUSY = "bezig", _("bezig")
    DONE = "gedaan", _("gedaan")
    DROPPED = "niet_doorgegaan", _("niet doorgegaan")


OPEN_STATUSES = {ActionStatus.PLANNED, ActionStatus.BUSY}


class Action(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="actions")
    # Sent by the page that made the button; a double click or a retried POST finds this row.
    client_id = models.UUIDField(null=True, blank=True)
    title = models.CharField(_("titel"), max_length=limits.TITLE_MAX)
    description = models.TextField(_("wat er gebeurt"), max_length=limits.TEXT_MAX, blank=True)
    owner_partner = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_actions"
    )
    owner_name = models.CharField(_("eigenaar"), max_length=limits.NAME_MAX, blank=True)
    owner_email = models.EmailField(_("e-mailadres eigenaar"), max_length=limits.EMAIL_MAX, blank=True)
    due_date = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    status_reason = models.TextField(_("reden"), max_length=REASON_MAX, blank=True)
    # The explanation for youth, in the organisation's own words: a draft until the facilitator publishes.
    answer = models.TextField(_("uitleg voor jongeren"), max_length=ANSWER_MAX, blank=True)
    public_status = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    public_answer = models.TextField(max_length=ANSWER_MAX, blank=True)
    public_reason = models.TextField(max_length=REASON_MAX, blank=True)
    public_at = models.DateTimeField(null=True, blank=True)
    # The owner's personal link names this version; bumping it (or revoking) makes older links useless.
    link_version = models.PositiveIntegerField(default=1)
    link_revoked = models.BooleanField(default=False)
    assigned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "client_id"],
                condition=Q(client_id__isnull=False),
                name="one_action_per_client_id",
            ),
            models.CheckConstraint(
                condition=~Q(status="niet_doorgegaan") | ~Q(status_reason=""),
                name="action_dropped_needs_reason",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES


class OwnerLink(models.Model):
    """One personal link given to an action's owner (in an e-mail, or made for the facilitator to pass on): the
    hash of its random secret and the link version it was made for. Every e-mail brings a new one and the older
    ones keep working, until a new owner, a renewal (a new version) or a revocation."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="owner_links")
    version = models.PositiveIntegerField()
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.action_id} v{self.version}"


class SourceKind(models.TextChoices):
    NOTE = "note", _("post-it")
    THEME = "theme", _("thema")
    OPTION = "option", _("idee uit de stemming")
    # Social map (ALL-IN phase A): the tips a youth group gave an organisation it found, or visited undercover.
    FINDING = "finding", _("tip aan een organisatie")
    UNDERCOVER = "undercover", _("tip uit de undercoveropdracht")


class ActionSource(models.Model):
    """A youth tip an action answers: a note, a theme (with its notes) or a voted idea. The label keeps the
    text as it was, so the action still says what it answers if the tip is later removed."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="sources")
    kind = models.CharField(max_length=10, choices=SourceKind.choices)
    note = models.ForeignKey("live.Note", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    theme = models.ForeignKey(
        "live.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    option = models.ForeignKey(
        "live.VoteOption", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finding = models.ForeignKey(
        "socialmap.Finding", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    undercover = models.ForeignKey(
        "socialmap.Undercover", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    label = models.CharField(max_length=280)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "note"], condition=Q(note__isnull=False), name="one_source_per_note"
            ),
            models.UniqueConstraint(
                fields=["action", "theme"], condition=Q(theme__isnull=False), name="one_source_per_theme"
            ),
            models.UniqueConstraint(
                fields=["action", "option"], condition=Q(option__isnull=False), name="one_source_per_option"
            ),
            models.UniqueConstraint(
                fields=["action", "finding"],
                condition=Q(finding__isnull=False),
                name="one_source_per_finding",
            ),
            models.UniqueConstraint(
                fields=["action", "undercover"],
                condition=Q(undercover__isnull=False),
                name="one_source_per_undercover",
            ),
        ]

    def __str__(self):
        return self.label


class ProgressUpdate(models.Model):
    """One entry in an action's timeline: a status change, a note on progress, or both."""

    class Via(models.TextChoices):
        FACILITATOR = "begeleider", _("begeleider")
        OWNER = "eigenaar", _("eigenaar")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    client_id = models.UUIDField(default=uuid.uuid4)
    via = models.CharField(max_length=12, choices=Via.choices)
    author_name = models.CharField(max_length=limits.NAME_MAX, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    text = models.TextField(max_length=UPDATE_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # An owner's progress text on the public feedback page: set when the facilitator showed it (or at once when the
    # page's progress mode is "direct").
    shown_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "client_id"], name="one_update_per_client_id")
        ]

    def __str__(self):
        return self.text[:40] or self.status


class FeedbackPlan(models.Model):
    """What the ALL-IN session agreed about feedback to the youth: who, what, where, when and how."""

    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="feedback_plan")
    who = models.TextField(_("wie"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    what = models.TextField(_("wat"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    where = models.TextField(_("waar"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    when = models.TextField(_("wanneer"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    how = models.TextField(_("hoe"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return str(self.process)


from .feedback_models import FeedbackPage, Reaction  # noqa: E402,F401  (registered with Django)
from .followup_models import (  # noqa: E402,F401
    Agreement,
    AgreementRow,
    FollowUpCall,
    FollowUpMeeting,
    SentReminder,
)
