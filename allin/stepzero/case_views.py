"""The case library of a workspace (one picked per meeting, printable) and the project team's debrief of a
meeting."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.workspaces.access import workspace_view

from . import pdf, selectors, services
from .forms import CaseForm, CasePickForm, DebriefForm
from .models import Case, MeetingCase

CASE_FIELDS = ["title", "story", "domains", "questions"]
DEBRIEF_FIELDS = ["went_well", "next_time", "who_does_what"]


@workspace_view()
def case_list(request):
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = run_service(
            form,
            lambda d: services.case_add(
                workspace=request.workspace, user=request.user, **{k: d[k] for k in CASE_FIELDS}
            ),
        )
        if case is not None:
            messages.success(request, _("De casus staat in de casusbank."))
            return redirect("case_list", workspace=request.workspace.slug)
    context = {"cases": list(selectors.cases(request.workspace)), "form": form}
    return render(request, "stepzero/case_list.html", context, status=400 if form.is_bound else 200)


@workspace_view()
def case_detail(request, case_pk):
    case = get_object_or_404(Case, workspace=request.workspace, pk=case_pk)
    form = CaseForm(request.POST or None, initial={k: getattr(case, k) for k in CASE_FIELDS})
    if request.method == "POST" and form.is_valid():
        if run_service(form, lambda d: services.case_update(case=case, **{k: d[k] for k in CASE_FIELDS})):
            messages.success(request, _("De casus is opgeslagen."))
            return redirect("case_detail", workspace=request.workspace.slug, case_pk=case.pk)
    used = MeetingCase.objects.filter(case=case).select_related("meeting__process").order_by("meeting__date")
    context = {"case": case, "form": form, "used_in": list(used)}
    return render(request, "stepzero/case_detail.html", context, status=400 if form.is_bound else 200)


@workspace_view(edit=True)
@require_POST
def case_delete(request, case_pk):
    case = get_object_or_404(Case, workspace=request.workspace, pk=case_pk)
    services.case_delete(case=case)
    messages.success(request, _("De casus is verwijderd."))
    return redirect("case_list", workspace=request.workspace.slug)


@workspace_view()
def case_pdf(request, case_pk):
    case = get_object_or_404(Case, workspace=request.workspace, pk=case_pk)
    return pdf.response(pdf.case(case), case.title)


@workspace_view()
def meeting_case(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    cases = list(selectors.cases(request.workspace))
    picked = MeetingCase.objects.filter(meeting=meeting).select_related("case").first()
    form = CasePickForm(
        request.POST or None, cases=cases, initial={"case": picked.case_id if picked else None}
    )
    if request.method == "POST" and form.is_valid():
        case = next((c for c in cases if c.pk == form.cleaned_data["case"]), None)
        if run_service(form, lambda d: services.case_pick(meeting=meeting, case=case) or True):
            messages.success(request, _("De casus voor deze bijeenkomst is opgeslagen."))
            return redirect("meeting_case", workspace=request.workspace.slug, pk=meeting.pk)
    context = {"meeting": meeting, "process": meeting.process, "picked": picked, "form": form, "cases": cases}
    return render(request, "stepzero/meeting_case.html", context, status=400 if form.is_bound else 200)


@workspace_view()
def debrief(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    current = getattr(meeting, "debrief", None)
    initial = {k: getattr(current, k) for k in DEBRIEF_FIELDS} if current else None
    form = DebriefForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda d: services.debrief_save(
                meeting=meeting, user=request.user, **{k: d[k] for k in DEBRIEF_FIELDS}
            ),
        )
        if saved is not None:
            messages.success(
                request, _("De nabespreking is bewaard bij de bijeenkomst en staat in het verslag.")
            )
            return redirect("meeting_debrief", workspace=request.workspace.slug, pk=meeting.pk)
    context = {"meeting": meeting, "process": meeting.process, "debrief": current, "form": form}
    return render(request, "stepzero/debrief.html", context, status=400 if form.is_bound else 200)
