"""The facilitator's pages: the social map of a process, a group's findings typed in, an organisation's details.
The preparations of professionals and policy makers are in preparation_views.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.network.models import Partner
from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import selectors, services
from .forms import FindingForm, GroupForm, NotFoundForm, OrganisationForm, UndercoverForm, WordsForm


@workspace_view()
def socialmap(request, pk):
    process = planning.process_get(request.workspace, pk)
    return _render_map(request, process, GroupForm())


def _render_map(request, process, group_form, status=200):
    context = {"process": process, "map": selectors.SocialMap(process), "group_form": group_form}
    return render(request, "socialmap/map.html", context, status=status)


@workspace_view(edit=True)
@require_POST
def group_create(request, pk):
    process = planning.process_get(request.workspace, pk)
    form = GroupForm(request.POST)
    if form.is_valid():
        group = run_service(form, lambda d: services.group_create(process=process, name=d["name"]))
        if group is not None:
            return redirect(
                "socialmap_group", workspace=request.workspace.slug, pk=process.pk, group_pk=group.pk
            )
    return _render_map(request, process, form, status=400)


def _undercover_initial(group):
    undercover = getattr(group, "undercover", None)
    if undercover is None:
        return {}
    return {
        "organisation_name": undercover.organisation.name if undercover.organisation else "",
        "case": undercover.case,
        "what_they_did": undercover.what_they_did,
        "tops": undercover.tops,
        "tips": undercover.tips,
    }


def _finding_initial(finding):
    initial = {
        "organisation_name": finding.organisation.name,
        "website": finding.organisation.website,
        "how_found": finding.how_found,
        "tops": finding.tops,
        "tips": finding.tips,
    }
    for field in ("findability", "reachability", "clarity", "fit"):
        value = getattr(finding, field)
        initial[field] = str(value) if value else ""
    return initial


def _render_group(request, process, group, bound=None, status=200):
    bound = bound or {}
    group = next(g for g in selectors.groups(process) if g.pk == group.pk)
    findings = list(group.findings.all())
    context = {
        "process": process,
        "group": group,
        "findings": [(f, FindingForm(initial=_finding_initial(f), prefix=f"f{f.pk}")) for f in findings],
        "words_form": bound.get("words") or WordsForm(),
        "finding_form": bound.get("finding") or FindingForm(prefix="new"),
        "not_found_form": bound.get("notfound") or NotFoundForm(),
        "undercover_form": bound.get("undercover") or UndercoverForm(initial=_undercover_initial(group)),
        "organisations": selectors.SocialMap(process).organisations,
    }
    return render(request, "socialmap/group.html", context, status=status)


@workspace_view()
def group_detail(request, pk, group_pk):
    process = planning.process_get(request.workspace, pk)
    return _render_group(request, process, selectors.group_get(process, group_pk))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Dit onderdeel bestaat niet meer. Laad de pagina opnieuw.")) from None


def _words(request, group):
    form = WordsForm(request.POST)
    if form.is_valid() and run_service(
        form, lambda d: services.search_words_add(group=group, texts=services.split_words(d["words"]))
    ):
        return None, _("De zoekwoorden zijn toegevoegd.")
    return {"words": form}, None


def _finding(request, group):
    prefix = request.POST.get("prefix") or "new"
    if prefix != "new" and not (prefix.startswith("f") and prefix[1:].isdigit()):
        prefix = "new"
    form = FindingForm(request.POST, prefix=prefix)
    if form.is_valid():
        saved = run_service(
            form,
            lambda d: services.finding_save(
                group=group,
                organisation_name=d["organisation_name"],
                website=d["website"],
                how_found=d["how_found"],
                ratings=form.ratings(),
                tops=d["tops"],
                tips=d["tips"],
            ),
        )
        if saved is not None:
            return None, _("'%(name)s' is opgeslagen.") % {"name": saved.organisation.name}
    if prefix != "new":
        # An edit of an existing row: say what went wrong at the top and keep the typing in the new form.
        form.prefix = "new"
    return {"finding": form}, None


def _not_found(request, group):
    form = NotFoundForm(request.POST)
    if form.is_valid() and run_service(
        form, lambda d: services.not_found_add(group=group, name=d["name"], note=d["note"])
    ):
        return None, _("Toegevoegd aan wat jullie niet vonden.")
    return {"notfound": form}, None


def _undercover(request, group):
    form = UndercoverForm(request.POST)
    if form.is_valid() and run_service(form, lambda d: services.undercover_save(group=group, **d)):
        return None, _("De undercoveropdracht is opgeslagen.")
    return {"undercover": form}, None


def _delete(service, **ids):
    def run(request, group):
        service(group=group, **{name: _int(request.POST.get("id")) for name in ids})
        return None, _("Verwijderd.")

    return run


GROUP_ACTIONS = {
    "zoekwoorden": _words,
    "organisatie": _finding,
    "niet-gevonden": _not_found,
    "undercover": _undercover,
    "zoekwoord-weg": _delete(services.search_word_delete, word_id=None),
    "organisatie-weg": _delete(services.finding_delete, finding_id=None),
    "niet-gevonden-weg": _delete(services.not_found_delete, not_found_id=None),
}


@workspace_view(edit=True)
@require_POST
def group_action(request, pk, group_pk, action):
    process = planning.process_get(request.workspace, pk)
    group = selectors.group_get(process, group_pk)
    if action == "verwijderen":
        services.group_delete(group=group)
        messages.success(request, _("Het groepje '%(name)s' is verwijderd.") % {"name": group.name})
        return redirect("socialmap", workspace=request.workspace.slug, pk=process.pk)
    handler = GROUP_ACTIONS.get(action)
    if handler is None:
        raise Http404
    try:
        bound, done = handler(request, group)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        bound, done = None, None
    if bound:
        return _render_group(request, process, group, bound=bound, status=400)
    if done:
        messages.success(request, done)
    return redirect("socialmap_group", workspace=request.workspace.slug, pk=process.pk, group_pk=group.pk)


@workspace_view()
def organisation_edit(request, pk, org_pk):
    process = planning.process_get(request.workspace, pk)
    organisation = selectors.organisation_get(process, org_pk)
    partners = Partner.objects.filter(workspace=request.workspace)
    initial = {"name": organisation.name, "website": organisation.website, "partner": organisation.partner}
    form = OrganisationForm(request.POST or None, initial=initial, partners=partners)
    if request.method == "POST" and form.is_valid():
        done = run_service(form, lambda d: services.organisation_update(organisation=organisation, **d))
        if done is not None:
            messages.success(request, _("De organisatie is opgeslagen."))
            return redirect("socialmap", workspace=request.workspace.slug, pk=process.pk)
    status = 400 if request.method == "POST" else 200
    mirror = selectors.SocialMap(process).mirror_of(organisation.pk)
    context = {"process": process, "organisation": organisation, "form": form, "mirror": mirror}
    return render(request, "socialmap/organisation.html", context, status=status)
