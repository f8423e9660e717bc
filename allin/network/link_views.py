"""Pages without an account: a partner fills or checks their own card through their personal link (two short
pages, like the paper card), and the participants of a process read the network cards they may see. Also the
members' page of a process's network and its participant link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from allin.core import ratelimit
from allin.processes.models import Process
from allin.workspaces.access import workspace_view

from . import links, selectors, services
from .catalogue import LinkMode
from .forms import LinkAboutForm, LinkViewsForm
from .links import LinkProblem

_PROBLEMS = {
    LinkProblem.BROKEN: (
        404,
        gettext_lazy("Deze link klopt niet. Controleer of je de hele link hebt gekopieerd."),
    ),
    LinkProblem.EXPIRED: (
        410,
        gettext_lazy("Deze link is verlopen. Vraag de begeleider om een nieuwe link."),
    ),
    LinkProblem.REVOKED: (
        410,
        gettext_lazy("Deze link is ingetrokken. Vraag de begeleider om een nieuwe link."),
    ),
}


def _posted(request):
    """The POST data to bind a form to (also when it is empty), or None for a GET."""
    return request.POST if request.method == "POST" else None


def _problem(request, problem):
    status, message = _PROBLEMS[problem]
    response = render(request, "network/link_problem.html", {"message": message}, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def _private(response):
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = (
        "same-origin"  # the token never leaves; "no-referrer" sends Origin: null and fails CSRF
    )
    return response


def _open(token):
    return links.partner_from_token(token)


@never_cache
@ratelimit.token_link
def partner_card_about(request, token):
    """Page 1: the organisation and its contact persons."""
    partner = _open(token)
    if isinstance(partner, LinkProblem):
        return _problem(request, partner)
    form = LinkAboutForm(_posted(request), partner=partner)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_fill_about(
                partner=partner,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                description=form.cleaned_data["description"],
                website=form.cleaned_data["website"],
                contacts=form.contacts(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("partner_card_views", token=token)
    context = {"partner": partner, "form": form, "token": token, "check": partner.link_mode == LinkMode.CHECK}
    return _private(render(request, "network/link_about.html", context, status=400 if form.errors else 200))


@never_cache
@ratelimit.token_link
def partner_card_views(request, token):
    """Page 2: ideas, wishes, concerns, opportunities, and consent to share."""
    partner = _open(token)
    if isinstance(partner, LinkProblem):
        return _problem(request, partner)
    form = LinkViewsForm(_posted(request), partner=partner)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_fill_views(partner=partner, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("partner_card_done", token=token)
    context = {"partner": partner, "form": form, "token": token, "check": partner.link_mode == LinkMode.CHECK}
    return _private(render(request, "network/link_views.html", context, status=400 if form.errors else 200))


@never_cache
@ratelimit.token_link
def partner_card_done(request, token):
    partner = _open(token)
    if isinstance(partner, LinkProblem):
        return _problem(request, partner)
    return _private(render(request, "network/link_done.html", {"partner": partner, "token": token}))


@never_cache
@ratelimit.token_link
def participant_network(request, token):
    """The read-only network list for the participants of one process."""
    link = links.participant_link_from_token(token)
    if isinstance(link, LinkProblem):
        return _problem(request, link)
    partners = list(selectors.partners_for_participants(link.process))
    context = {"process": link.process, "groups": selectors.by_kind(partners), "count": len(partners)}
    return _private(render(request, "network/participant_network.html", context))


# ---- members: a process's network and its participant link -------------------------------------------------


@workspace_view()
def process_network(request, pk):
    process = get_object_or_404(Process, workspace=request.workspace, pk=pk)
    manage = selectors.can_manage(request.membership)
    partners = list(selectors.partners_for_participants(process))
    link_url = None
    stored = request.session.get(f"network-participants-{process.pk}")
    link = getattr(process, "network_link", None) if manage else None
    if link is not None and link.active and stored and stored.get("version") == link.version:
        link_url = request.build_absolute_uri(
            reverse("participant_network", kwargs={"token": stored["token"]})
        )
    context = {
        "process": process,
        "groups": selectors.by_kind(partners),
        "count": len(partners),
        "manage": manage,
        "link": link,
        "link_url": link_url,
        "link_days": links.PARTICIPANT_LINK_DAYS,
    }
    return render(request, "network/process_network.html", context)


@workspace_view(edit=True)
@require_POST
def participant_link_create(request, pk):
    process = get_object_or_404(Process, workspace=request.workspace, pk=pk)
    token = services.participant_link_create(process=process)
    process.network_link.refresh_from_db()
    request.session[f"network-participants-{process.pk}"] = {
        "token": token,
        "version": process.network_link.version,
    }
    messages.success(request, _("Er is een nieuwe link voor de deelnemers. Eerdere links werken niet meer."))
    return redirect("process_network", workspace=request.workspace.slug, pk=process.pk)


@workspace_view(edit=True)
@require_POST
def participant_link_revoke(request, pk):
    process = get_object_or_404(Process, workspace=request.workspace, pk=pk)
    services.participant_link_revoke(process=process)
    request.session.pop(f"network-participants-{process.pk}", None)
    messages.success(request, _("De link voor de deelnemers is ingetrokken."))
    return redirect("process_network", workspace=request.workspace.slug, pk=process.pk)
