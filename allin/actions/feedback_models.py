"""The public feedback page (terugkoppeling) of a process and the youth's reactions to it (verweer)."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.processes.models import Process

REACTION_MAX = 300
REPLY_MAX = 1000
TIP_TEXT_MAX = 1000


class ProgressMode(models.TextChoices):
    DIRECT = "direct", _("meteen op de pagina")
    REVIEW = "controle", _("pas nadat ik ze heb bekeken")


def new_key():
    return secrets.token_urlsafe(24)


class FeedbackPage(models.Model):
    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="feedback_page")
    # The unguessable part of the public link (and its QR code); renewing it revokes old links.
    key = models.CharField(max_length=64, unique=True, default=new_key)
    intro = models.TextField(_("woord vooraf"), max_length=limits.TEXT_MAX, blank=True)
    first_published_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    reactions_open = models.BooleanField(_("reacties open"), default=True)
    # Verweer: where a young person can go who does not agree with an answer.
    contact = models.CharField(
        _("niet eens? hier kun je terecht"), max_length=limits.SHORT_TEXT_MAX, blank=True
    )
    # When owners' progress texts appear on the page: at once, or after the facilitator looked at them.
    progress_mode = models.CharField(
        _("voortgang van eigenaren"), max_length=10, choices=ProgressMode.choices, default=ProgressMode.REVIEW
    )
    # How many tips had no answer yet at the last publication: the page says so, so nothing looks finished early.
    unanswered_at_publish = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.process)

    @property
    def is_published(self):
        return self.published_at is not None


class ReactionStatus(models.TextChoices):
    PENDING = "wacht", _("wacht op controle")
    APPROVED = "goedgekeurd", _("goedgekeurd")
    REJECTED = "afgewezen", _("afgewezen")


class Reaction(models.Model):
    """A short anonymous reaction of a young person to one answer; shown only after a facilitator approved it."""

    action = models.ForeignKey("actions.Action", on_delete=models.CASCADE, related_name="reactions")
    client_id = models.UUIDField(default=uuid.uuid4)
    text = models.CharField(_("reactie"), max_length=REACTION_MAX)
    status = models.CharField(max_length=12, choices=ReactionStatus.choices, default=ReactionStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(_("antwoord"), max_length=REPLY_MAX, blank=True)
    reply_by = models.CharField(max_length=limits.NAME_MAX, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "client_id"], name="one_reaction_per_client_id")
        ]

    def __str__(self):
        return self.text[:40]


class TipStatus(models.TextChoices):
    ARRANGED = "geregeld", _("is al geregeld")
    ALONG = "meegenomen", _("nemen we mee in iets anders")
    NOT_TAKEN = "niet", _("doen we niet")


class TipAnswer(models.Model):
    """The answer to a tip that did not become an action: already arranged, taken along in something else (with a
    link), or not taken up, always with an explanation in plain words. Tips that became an action are answered by
    that action. The public_* fields are what the page shows since the last publication."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="tip_answers")
    kind = models.CharField(max_length=10)  # actions.models.SourceKind
    note = models.ForeignKey("live.Note", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    theme = models.ForeignKey("live.Theme", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    option = models.ForeignKey(
        "live.VoteOption", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    finding = models.ForeignKey(
        "socialmap.Finding", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    undercover = models.ForeignKey(
        "socialmap.Undercover", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    label = models.CharField(max_length=280)
    status = models.CharField(_("antwoord"), max_length=12, choices=TipStatus.choices)
    text = models.TextField(_("uitleg voor jongeren"), max_length=TIP_TEXT_MAX)
    link = models.URLField(_("link"), max_length=limits.URL_MAX, blank=True)
    public_status = models.CharField(max_length=12, choices=TipStatus.choices, blank=True)
    public_text = models.TextField(max_length=TIP_TEXT_MAX, blank=True)
    public_link = models.URLField(max_length=limits.URL_MAX, blank=True)
    public_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["note"], condition=models.Q(note__isnull=False), name="one_answer_per_note"
            ),
            models.UniqueConstraint(
                fields=["theme"], condition=models.Q(theme__isnull=False), name="one_answer_per_theme"
            ),
            models.UniqueConstraint(
                fields=["finding"], condition=models.Q(finding__isnull=False), name="one_answer_per_finding"
            ),
            models.UniqueConstraint(
                fields=["undercover"],
                condition=models.Q(undercover__isnull=False),
                name="one_answer_per_undercover",
            ),
            models.UniqueConstraint(
                fields=["option"], condition=models.Q(option__isnull=False), name="one_answer_per_option"
            ),
        ]

    def __str__(self):
        return self.label
