"""People of a process: participants, their invitations and attendance, and who has met whom."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner
from allin.processes.models import Process


class ParticipantRole(models.TextChoices):
    YOUTH = "jongere", _("jongere")
    PROFESSIONAL = "professional", _("professional")
    POLICY = "beleidsmaker", _("beleidsmaker")
    EXPERT = "ervaringsdeskundige", _("ervaringsdeskundige")
    TEACHER = "docent", _("docent")
    OTHER = "overig", _("overig")


class Participant(models.Model):
    """A known person in a process. Youth: a first name is enough."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    role = models.CharField(_("rol"), max_length=30, choices=ParticipantRole.choices)
    organisation = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="participants"
    )
    domain = models.CharField(_("domein"), max_length=limits.NAME_MAX, blank=True)
    is_expert = models.BooleanField(_("getrainde ervaringsdeskundige"), default=False)
    email = models.EmailField(_("e-mailadres"), max_length=limits.EMAIL_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name
