"""Step 0 pages of a process: the overview, what already exists, the managers, the project team and the fixed
participants. Cases and the project team's debrief: case_views.py. Every method may use step 0."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.network.models import Partner
from allin.workspaces.access import workspace_view

from . import selectors, services
from .forms import FixedForm, InventoryForm, KickoffForm, ManagerForm, ParticipantPickForm
from .models import InventoryItem, TeamMember

INVENTORY_FIELDS = ["name", "runs_it", "domain", "touches", "contact", "align"]
MANAGER_FIELDS = ["name", "organisation", "position", "email", "inform_how", "inform_when", "kickoff", "note"]


def _back(request, name, process):
    return redirect(name, workspace=request.workspace.slug, pk=process.pk)


@workspace_view()
def overview(request, pk):
    process = selectors.process_get(request.workspace, pk)
    rows = selectors.fixed_overview(process)
    context = {
        "process": process,
        "inventory_count": process.inventory.count(),
        "align_count": process.inventory.filter(align="ja").count(),
        "managers": selectors.managers(process),
        "team": selectors.team(process),
        "organisations": rows,
        "without_fixed": [r for r in rows if r.fixed is None],
        "missed": [r for r in rows if r.missed],
        "case_count": selectors.cases(request.workspace).count(),
    }
    return render(request, "stepzero/overview.html", context)


# What already exists


def _render_inventory(request, process, form, status=200):
    context = {"process": process, "items": list(process.inventory.all()), "form": form}
    return render(request, "stepzero/inventory.html", context, status=status)


@workspace_view()
def inventory(request, pk):
    process = selectors.process_get(request.workspace, pk)
    if request.method != "POST":
        return _render_inventory(request, process, InventoryForm())
    form = InventoryForm(request.POST)
    if form.is_valid() and run_service(
        form, lambda d: services.inventory_add(process=process, **{k: d[k] for k in INVENTORY_FIELDS})
    ):
        messages.success(request, _("Toegevoegd aan wat er al is."))
        return _back(request, "stepzero_inventory", process)
    return _render_inventory(request, process, form, status=400)


@workspace_view(edit=True)
def inventory_edit(request, pk, item_pk):
    process = selectors.process_get(request.workspace, pk)
    item = get_object_or_404(InventoryItem, process=process, pk=item_pk)
    form = InventoryForm(request.POST or None, initial={k: getattr(item, k) for k in INVENTORY_FIELDS})
    if request.method == "POST" and form.is_valid():
        if run_service(
            form, lambda d: services.inventory_update(item=item, **{k: d[k] for k in INVENTORY_FIELDS})
        ):
            messages.success(request, _("Opgeslagen."))
            return _back(request, "stepzero_inventory", process)
    context = {"process": process, "item": item, "form": form}
    return render(request, "stepzero/inventory_edit.html", context, status=400 if form.is_bound else 200)


@workspace_view(edit=True)
@require_POST
def inventory_delete(request, pk, item_pk):
    process = selectors.process_get(request.workspace, pk)
    services.inventory_delete(item=get_object_or_404(InventoryItem, process=process, pk=item_pk))
    messages.success(request, _("Verwijderd."))
    return _back(request, "stepzero_inventory", process)


# Managers


def _render_managers(request, process, form=None, kickoff_form=None, status=200):
    meetings = list(process.meetings.order_by("date", "start_time", "order"))
    context = {
        "process": process,
        "managers": selectors.managers(process),
        "form": form or ManagerForm(workspace=request.workspace),
        "kickoff_items": list(selectors.kickoff_items(process)),
        "kickoff_form": kickoff_form
        or KickoffForm(meetings=meetings, initial={"meeting": meetings[0].pk} if meetings else None),
        "has_meetings": bool(meetings),
    }
    return render(request, "stepzero/managers.html", context, status=status)


@workspace_view()
def managers(request, pk):
    process = selectors.process_get(request.workspace, pk)
    if request.method != "POST":
        return _render_managers(request, process)
    form = ManagerForm(request.POST, workspace=request.workspace)
    if form.is_valid() and run_service(
        form, lambda d: services.manager_add(process=process, **{k: d[k] for k in MANAGER_FIELDS})
    ):
        messages.success(request, _("De leidinggevende is toegevoegd."))
        return _back(request, "stepzero_managers", process)
    return _render_managers(request, process, form=form, status=400)


@workspace_view(edit=True)
def manager_edit(request, pk, manager_pk):
    process = selectors.process_get(request.workspace, pk)
    manager = selectors.manager_get(process, manager_pk)
    form = ManagerForm(
        request.POST or None,
        workspace=request.workspace,
        initial={k: getattr(manager, k) for k in MANAGER_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        if run_service(
            form, lambda d: services.manager_update(manager=manager, **{k: d[k] for k in MANAGER_FIELDS})
        ):
            messages.success(request, _("Opgeslagen."))
            return _back(request, "stepzero_managers", process)
    context = {"process": process, "manager": manager, "form": form}
    return render(request, "stepzero/manager_edit.html", context, status=400 if form.is_bound else 200)


@workspace_view(edit=True)
@require_POST
def manager_delete(request, pk, manager_pk):
    process = selectors.process_get(request.workspace, pk)
    services.manager_delete(manager=selectors.manager_get(process, manager_pk))
    messages.success(request, _("Verwijderd."))
    return _back(request, "stepzero_managers", process)


@workspace_view(edit=True)
@require_POST
def kickoff(request, pk):
    process = selectors.process_get(request.workspace, pk)
    meetings = list(process.meetings.order_by("date", "start_time", "order"))
    form = KickoffForm(request.POST, meetings=meetings)
    if form.is_valid():
        meeting = next(m for m in meetings if m.pk == form.cleaned_data["meeting"])
        if run_service(form, lambda d: services.kickoff_plan(meeting=meeting)):
            messages.success(
                request, _("Het startmoment staat bovenaan de agenda van %(name)s.") % {"name": meeting.name}
            )
            return _back(request, "stepzero_managers", process)
    return _render_managers(request, process, kickoff_form=form, status=400)


# Project team


def _render_team(request, process, form=None, status=200):
    context = {
        "process": process,
        "team": selectors.team(process),
        "form": form or ParticipantPickForm(candidates=selectors.team_candidates(process)),
        "meetings": list(process.meetings.select_related("debrief").order_by("date", "start_time", "order")),
    }
    return render(request, "stepzero/team.html", context, status=status)


@workspace_view()
def team(request, pk):
    process = selectors.process_get(request.workspace, pk)
    if request.method != "POST":
        return _render_team(request, process)
    candidates = selectors.team_candidates(process)
    form = ParticipantPickForm(request.POST, candidates=candidates)
    if form.is_valid():
        participant = candidates.filter(pk=form.cleaned_data["participant"]).first()
        if participant is not None and run_service(
            form, lambda d: services.team_add(participant=participant, role=d["role"])
        ):
            messages.success(request, _("%(name)s zit in het projectteam.") % {"name": participant.name})
            return _back(request, "stepzero_team", process)
    return _render_team(request, process, form=form, status=400)


@workspace_view(edit=True)
@require_POST
def team_remove(request, pk, member_pk):
    process = selectors.process_get(request.workspace, pk)
    member = get_object_or_404(TeamMember, participant__process=process, pk=member_pk)
    services.team_remove(member=member)
    messages.success(
        request, _("%(name)s is uit het projectteam gehaald.") % {"name": member.participant.name}
    )
    return _back(request, "stepzero_team", process)


# Fixed participants


def _render_fixed(request, process, errors=None, status=200):
    rows = selectors.fixed_overview(process)
    for row in rows:
        row.form = FixedForm(
            people=[p for p in row.participants if not p.is_erased],
            auto_id=f"o{row.organisation.pk}_%s",
            initial={"organisation": row.organisation.pk, "participant": row.fixed.pk if row.fixed else None},
        )
    context = {
        "process": process,
        "rows": rows,
        "held": selectors.held_meetings(process),
        "errors": errors or [],
    }
    return render(request, "stepzero/fixed.html", context, status=status)


@workspace_view()
def fixed(request, pk):
    process = selectors.process_get(request.workspace, pk)
    if request.method != "POST":
        return _render_fixed(request, process)
    organisation_pk = request.POST.get("organisation", "")
    organisation = (
        Partner.objects.filter(workspace=request.workspace, pk=int(organisation_pk)).first()
        if organisation_pk.isdigit()
        else None
    )
    if organisation is None:
        return _render_fixed(
            request,
            process,
            errors=[_("Deze organisatie bestaat niet meer. Laad de pagina opnieuw.")],
            status=400,
        )
    people = list(process.participants.filter(organisation=organisation, erased_at__isnull=True))
    form = FixedForm(
        {"organisation": organisation.pk, "participant": request.POST.get("participant", "")}, people=people
    )
    if not form.is_valid():
        return _render_fixed(
            request, process, errors=[e for errs in form.errors.values() for e in errs], status=400
        )
    participant = next((p for p in people if p.pk == form.cleaned_data["participant"]), None)
    try:
        services.fixed_set(process=process, organisation=organisation, participant=participant)
    except ValidationError as exc:
        return _render_fixed(request, process, errors=exc.messages, status=400)
    messages.success(
        request, _("De vaste deelnemer van %(name)s is opgeslagen.") % {"name": organisation.name}
    )
    return _back(request, "stepzero_fixed", process)
