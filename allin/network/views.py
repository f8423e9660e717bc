"""The network pages of a workspace: the overview, a card, the facilitator's forms, consent, the partner's link
and the collaborations. Who sees what: selectors.py."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.workspaces.access import workspace_view

from . import collaborations as collaboration_services
from . import links, selectors, services
from .catalogue import LinkMode
from .forms import CollaborationForm, ConsentForm, LinkForm, PartnerForm
from .models import Collaboration, Partner
from .picture import render_svg

_SESSION_LINK = "network-link-{pk}"


def _posted(request):
    """The POST data to bind a form to (also when it is empty), or None for a GET."""
    return request.POST if request.method == "POST" else None


def _manageable(request, pk):
    """A card a manager works on (the decorator already refused viewers for writes)."""
    return get_object_or_404(Partner, workspace=request.workspace, pk=pk)


def _visible(request, pk):
    partner = selectors.partner_get(request.workspace, request.membership, pk)
    if partner is None:
        raise Http404
    return partner


def _to_card(request, partner):
    return redirect("partner_detail", workspace=request.workspace.slug, pk=partner.pk)


@workspace_view()
def network_overview(request):
    context = selectors.overview(request.workspace, request.membership)
    context["picture"] = render_svg(context["partners"], context["collaborations"])
    return render(request, "network/overview.html", context)


@workspace_view(edit=True)
def partner_create(request):
    form = PartnerForm(_posted(request), workspace=request.workspace)
    if request.method == "POST" and form.is_valid():
        partner = run_service(
            form,
            lambda d: services.partner_create(
                workspace=request.workspace, created_by=request.user, **form.service_data()
            ),
        )
        if partner is not None:
            messages.success(request, _("De netwerkkaart van %(name)s is gemaakt.") % {"name": partner.name})
            return _to_card(request, partner)
    status = 400 if form.errors else 200
    return render(request, "network/partner_form.html", {"form": form}, status=status)


@workspace_view()
def partner_detail(request, pk):
    partner = _visible(request, pk)
    context = {"partner": partner, "manage": selectors.can_manage(request.membership)}
    if context["manage"]:
        context["consent_form"] = ConsentForm(partner=partner)
        context["link_form"] = LinkForm(
            initial={"mode": LinkMode.CHECK if partner.description else LinkMode.FILL}
        )
        context.update(_link_context(request, partner))
    return render(request, "network/partner_detail.html", context)


def _link_context(request, partner):
    """The personal link, shown only in the session that made it (it cannot be shown again later: a new
    token would carry a new date)."""
    stored = request.session.get(_SESSION_LINK.format(pk=partner.pk))
    url = None
    if partner.link_mode and stored and stored.get("version") == partner.link_version:
        url = request.build_absolute_uri(reverse("partner_card_about", kwargs={"token": stored["token"]}))
    expires = (
        partner.link_created_at + timedelta(days=links.PARTNER_LINK_DAYS) if partner.link_created_at else None
    )
    first_email = next((c.email for c in partner.contacts.all() if c.email), "")
    return {
        "link_url": url,
        "link_expires": expires,
        "link_email": first_email,
        "link_days": links.PARTNER_LINK_DAYS,
    }


@workspace_view(edit=True)
def partner_edit(request, pk):
    partner = _manageable(request, pk)
    form = PartnerForm(_posted(request), workspace=request.workspace, partner=partner)
    if request.method == "POST" and form.is_valid():
        done = run_service(form, lambda d: services.partner_update(partner=partner, **form.service_data()))
        if done is not None:
            messages.success(request, _("De netwerkkaart is opgeslagen."))
            return _to_card(request, partner)
    status = 400 if form.errors else 200
    return render(request, "network/partner_form.html", {"form": form, "partner": partner}, status=status)


@workspace_view(edit=True)
@require_POST
def partner_delete(request, pk):
    partner = _manageable(request, pk)
    services.partner_delete(partner=partner)
    messages.success(request, _("De netwerkkaart van %(name)s is verwijderd.") % {"name": partner.name})
    return redirect("network_overview", workspace=request.workspace.slug)


@workspace_view(edit=True)
@require_POST
def partner_consent(request, pk):
    # Viewers are refused by the decorator already (403, in Dutch); the service checks it again.
    partner = _manageable(request, pk)
    form = ConsentForm(request.POST, partner=partner)
    if form.is_valid():
        try:
            services.consent_change(
                partner=partner,
                membership=request.membership,
                share_with=form.cleaned_data["share_with"],
                given_by=form.cleaned_data["given_by"],
            )
        except PermissionDenied as denied:
            messages.error(request, str(denied))
            return _to_card(request, partner)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De toestemming om te delen is vastgelegd."))
            return _to_card(request, partner)
    context = {"partner": partner, "manage": True, "consent_form": form, "link_form": LinkForm()}
    context.update(_link_context(request, partner))
    return render(request, "network/partner_detail.html", context, status=400)


@workspace_view(edit=True)
@require_POST
def partner_link_create(request, pk):
    partner = _manageable(request, pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies of de partner de kaart invult of controleert."))
        return _to_card(request, partner)
    token = services.partner_link_create(partner=partner, mode=form.cleaned_data["mode"])
    partner.refresh_from_db()
    request.session[_SESSION_LINK.format(pk=partner.pk)] = {"token": token, "version": partner.link_version}
    messages.success(
        request,
        _("Er is een nieuwe persoonlijke link gemaakt. Eerdere links van deze kaart werken niet meer."),
    )
    return _to_card(request, partner)


@workspace_view(edit=True)
@require_POST
def partner_link_revoke(request, pk):
    partner = _manageable(request, pk)
    services.partner_link_revoke(partner=partner)
    request.session.pop(_SESSION_LINK.format(pk=partner.pk), None)
    messages.success(request, _("De link is ingetrokken. De partner kan de kaart niet meer openen."))
    return _to_card(request, partner)


@workspace_view()
def collaborations(request):
    manage = selectors.can_manage(request.membership)
    visible = selectors.visible_partners(request.workspace, request.membership)
    form = CollaborationForm(_posted(request), partners=visible)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lambda d: collaboration_services.collaboration_add(workspace=request.workspace, **d)
        )
        if done is not None:
            messages.success(request, _("De samenwerking is toegevoegd."))
            return redirect("collaborations", workspace=request.workspace.slug)
    context = {
        "form": form,
        "manage": manage,
        "collaborations": selectors.collaborations_between(list(visible)),
    }
    return render(request, "network/collaborations.html", context, status=400 if form.errors else 200)


@workspace_view(edit=True)
@require_POST
def collaboration_delete(request, pk):
    collaboration = get_object_or_404(Collaboration, workspace=request.workspace, pk=pk)
    collaboration_services.collaboration_remove(collaboration=collaboration)
    messages.success(request, _("De samenwerking is verwijderd."))
    return redirect("collaborations", workspace=request.workspace.slug)
