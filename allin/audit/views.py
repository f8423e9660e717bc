"""The owners' page "Logboek". The only module of this app that reaches up (to workspaces, for access): nothing
imports it but the URL configuration."""

from django.core.paginator import Paginator
from django.shortcuts import render

from allin.workspaces.access import workspace_view

from . import selectors
from .models import Kind

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
        "audit/log.html",
        {"page": page, "kind": kind, "kinds": Kind.choices, "total": paginator.count},
    )
