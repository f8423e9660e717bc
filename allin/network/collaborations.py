"""Writes for the collaborations the facilitator records between two partners (the lines in the picture).
Keyword-only, one transaction each, validated before save."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from allin.core import limits

from .models import Collaboration
from .services import clean_text

COLLABORATIONS_MAX = 2000


@transaction.atomic
def collaboration_add(*, workspace, first, second, note="") -> Collaboration:
    if first is None or second is None or first.pk == second.pk:
        raise ValidationError(_("Kies twee verschillende partners."))
    if first.workspace_id != workspace.pk or second.workspace_id != workspace.pk:
        raise ValidationError(_("Deze partners horen niet bij deze werkruimte."))
    first, second = sorted((first, second), key=lambda p: p.pk)
    if Collaboration.objects.filter(first=first, second=second).exists():
        raise ValidationError(
            _("De samenwerking tussen %(a)s en %(b)s staat er al.") % {"a": first.name, "b": second.name}
        )
    if Collaboration.objects.filter(workspace=workspace).count() >= COLLABORATIONS_MAX:
        raise ValidationError(_("Dit netwerk heeft het grootste aantal samenwerkingen al bereikt."))
    note = clean_text(note, max_len=limits.SHORT_TEXT_MAX, label=_("waarover ze samenwerken"))
    return Collaboration.objects.create(workspace=workspace, first=first, second=second, note=note)


@transaction.atomic
def collaboration_remove(*, collaboration) -> None:
    collaboration.delete()
