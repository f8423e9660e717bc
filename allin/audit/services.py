"""Writes for the audit log. Other apps' services call audit_record inside their own transaction, so an entry
exists exactly when the change it describes was saved."""

from django.db import transaction

from . import context
from .models import LABEL_MAX, SUMMARY_MAX, AuditEntry


def _workspace_id(workspace):
    return workspace if isinstance(workspace, int) else workspace.pk


@transaction.atomic
def audit_record(*, workspace, actor=None, actor_label: str = "", action: str, target, summary: str = ""):
    """Add one entry. actor: the user who made the change; when None, the logged-in user of the current request
    (if any). actor_label names who acted when no user did: a link holder ("eigenaar via link") or the system
    ("bewaartermijn"); it is dropped when a user is known. target: the changed object (its model name and key
    are kept, not the object itself). summary: what changed, never personal free text."""
    if actor is None:
        actor = context.current_user()
    if actor is not None:
        actor_label = ""
    return AuditEntry.objects.create(
        workspace_id=_workspace_id(workspace),
        actor=actor,
        actor_label=(actor_label or "")[:LABEL_MAX],
        action=action,
        object_type=target._meta.model_name,
        object_id=str(target.pk or ""),
        summary=" ".join(str(summary or "").split())[:SUMMARY_MAX],
    )
