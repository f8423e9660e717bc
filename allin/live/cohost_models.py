"""A co-host (ALL-INstructeur): a young co-facilitator who helps run one live meeting from their phone. They
get a handful of the console's controls for this meeting only, never its participants' data (cohost.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LABEL_MAX = 40


class CoHost(models.Model):
    live = models.ForeignKey("live.LiveMeeting", on_delete=models.CASCADE, related_name="cohosts")
    # The phone that holds the controls: set when the invitation is accepted, or at once when the facilitator
    # makes a joined phone the co-host. The controls follow this attendee's cookie.
    attendee = models.ForeignKey(
        "live.Attendee", on_delete=models.CASCADE, null=True, blank=True, related_name="cohost_roles"
    )
    # How the co-host appears on the console and in the audit log: "ALL-INstructeur 2", or the name they chose.
    label = models.CharField(_("naam"), max_length=LABEL_MAX)
    # The invitation link's random secret, kept only as its hash; replaced once used or revoked.
    secret_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["attendee"],
                condition=Q(attendee__isnull=False, revoked_at__isnull=True),
                name="one_active_cohost_per_attendee",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def is_active(self):
        return self.revoked_at is None
