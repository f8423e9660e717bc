"""The network map: partner organisations of a workspace (netwerkkaarten)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.workspaces.models import Workspace


class Partner(models.Model):
    """An organisation in the workspace's network."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    kind = models.CharField(_("soort"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
