"""The network map: partner organisations of a workspace (netwerkkaarten), their contact persons, the
collaborations a facilitator records between them, and the link that shows a process's participants the cards
they may see. Who sees which card is decided in selectors.py (its docstring is the rule)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.processes.models import Process
from allin.workspaces.models import Workspace

from .catalogue import ConsentSource, LinkMode, Share

CARD_TEXT_MAX = 2000  # each of: what the organisation does, ideas, wishes, concerns, opportunities
PHONE_MAX = 30
CONTACTS_MAX = 3  # the paper card has room for three


class Partner(models.Model):
    """An organisation in the workspace's network."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    kind = models.CharField(_("soort"), max_length=40, blank=True)  # a key of catalogue.KINDS
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The card
    description = models.TextField(_("wat de organisatie doet"), max_length=CARD_TEXT_MAX, blank=True)
    website = models.URLField(_("website"), max_length=limits.URL_MAX, blank=True)
    ideas = models.TextField(_("ideeën"), max_length=CARD_TEXT_MAX, blank=True)
    wishes = models.TextField(_("wensen"), max_length=CARD_TEXT_MAX, blank=True)
    concerns = models.TextField(_("zorgen"), max_length=CARD_TEXT_MAX, blank=True)
    opportunities = models.TextField(_("kansen"), max_length=CARD_TEXT_MAX, blank=True)
    process = models.ForeignKey(
        Process,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_partners",
        verbose_name=_("traject"),
    )

    # Consent to share
    share_with = models.CharField(_("delen met"), max_length=20, choices=Share.choices, default=Share.NOBODY)
    consent_given_by = models.CharField(_("toestemming gegeven door"), max_length=limits.NAME_MAX, blank=True)
    consent_source = models.CharField(max_length=20, choices=ConsentSource.choices, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The partner's personal link: the token names (pk, link_version); a new link or a revocation bumps the
    # version, so every older link stops working at once.
    link_mode = models.CharField(max_length=10, choices=LinkMode.choices, blank=True, default=LinkMode.NONE)
    link_version = models.PositiveIntegerField(default=0)
    link_secret_hash = models.CharField(max_length=64, default="")  # the link's own secret, hashed
    link_created_at = models.DateTimeField(null=True, blank=True)
    filled_by_partner_at = models.DateTimeField(null=True, blank=True)
    checked_by_partner_at = models.DateTimeField(null=True, blank=True)
    checked_with_changes = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "workspace", name="partner_name_unique_per_workspace"),
        ]

    def __str__(self):
        return self.name

    @property
    def kind_label(self):
        from .catalogue import kind_label

        return kind_label(self.kind)


class ContactPerson(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    role = models.CharField(_("functie"), max_length=limits.NAME_MAX, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=limits.EMAIL_MAX, blank=True)
    phone = models.CharField(_("telefoon"), max_length=PHONE_MAX, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Collaboration(models.Model):
    """Two partners that work together, as a facilitator recorded it. Stored once per pair: first < second."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="collaborations")
    first = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(_("waarover"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first__name", "second__name"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_collaboration_per_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="collaboration_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.first} – {self.second}"


class ParticipantLink(models.Model):
    """The read-only network list for the participants of one process: a link without an account. A new link
    or a revocation bumps the version."""

    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="network_link")
    version = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=False)
    secret_hash = models.CharField(max_length=64, default="")  # the link's own secret, hashed
    created_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.process} ({self.version})"
