"""The public feedback page (terugkoppeling) of a process and the youth's reactions to it (verweer)."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.processes.models import Process

REACTION_MAX = 300
REPLY_MAX = 1000


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
