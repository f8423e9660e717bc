from .models import AuditEntry, Kind


def entries_for(workspace, *, kind: str = ""):
    """A workspace's entries, newest first, optionally of one kind (see Kind)."""
    entries = AuditEntry.objects.filter(workspace=workspace).select_related("actor")
    if kind in Kind.values:
        entries = entries.filter(action__startswith=f"{kind}.")
    return entries
