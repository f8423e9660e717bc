"""The owners' page "Logboek": the audit app keeps the entries (on the lowest floor, so every app can write
them); the page lives here, where the workspace and its owners are."""

from django.core.paginator import Paginator
from django.shortcuts import render

from allin.audit import selectors
from allin.audit.models import Kind

from .access import workspace_view

PER_PAGE = 50


@workspace_view(owner=True)
def audit_log(request):
    kind = request.GET.get("soort", "")
    if kind not in Kind.values:
        kind = ""
    paginator = Paginator(selectors.entries_for(request.workspace, kind=kind), PER_PAGE)
    page = paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "workspaces/audit_log.html",
        {"page": page, "kind": kind, "kinds": Kind.choices, "total": paginator.count},
    )
