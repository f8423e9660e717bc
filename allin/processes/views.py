from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.methods.loader import get_method, library
from allin.workspaces.access import workspace_view

from . import selectors, services
from .forms import MeetingCreateForm, ProcessCreateForm, ProcessEditForm, ProcessToolsForm


@workspace_view()
def process_list(request):
    return render(
        request, "processes/process_list.html", {"processes": selectors.processes_for(request.workspace)}
    )


@workspace_view(edit=True)
def process_create(request):
    initial = {"method": request.GET.get("methode")}
    form = ProcessCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        process = run_service(
            form,
            lambda d: services.process_create(
                workspace=request.workspace,
                method_slug=d["method"],
                name=d["name"],
                theme=d["theme"],
                start_date=d["start_date"],
                created_by=request.user,
            ),
        )
        if process is not None:
            messages.success(request, _("Het traject is aangemaakt met alle bijeenkomsten van de methode."))
            return redirect("process_detail", workspace=request.workspace.slug, pk=process.pk)
    return render(request, "processes/process_create.html", {"form": form, "methods": library().values()})


@workspace_view()
def process_detail(request, pk):
    process = selectors.process_get(request.workspace, pk)
    return _render_process(request, process, MeetingCreateForm())


def _render_process(request, process, create_form, status=200):
    method = get_method(process.method_slug)
    context = {
        "process": process,
        **selectors.process_overview(process),
        "create_form": create_form,
        "has_cards": bool(method and method.question_cards),
        "tools_form": ProcessToolsForm(process=process),
    }
    return render(request, "processes/process_detail.html", context, status=status)


@workspace_view(edit=True)
@require_POST
def process_tools(request, pk):
    process = selectors.process_get(request.workspace, pk)
    form = ProcessToolsForm(request.POST, process=process)
    if form.is_valid():
        done = run_service(form, lambda d: services.process_tools_set(process=process, keys=d["tools"]))
        if done is not None:
            messages.success(request, _("De onderdelen van het traject zijn opgeslagen."))
            back = request.POST.get("terug", "")
            if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                return redirect(back)
            return redirect("process_detail", workspace=request.workspace.slug, pk=process.pk)
    messages.error(request, _("Dit onderdeel kan hier niet aan- of uitgezet worden."))
    return redirect("process_detail", workspace=request.workspace.slug, pk=process.pk)


@workspace_view(edit=True)
def process_edit(request, pk):
    process = selectors.process_get(request.workspace, pk)
    initial = {"name": process.name, "theme": process.theme, "start_date": process.start_date}
    form = ProcessEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = run_service(form, lambda d: services.process_update(process=process, **d))
        if done is not None:
            messages.success(request, _("Het traject is opgeslagen."))
            return redirect("process_detail", workspace=request.workspace.slug, pk=process.pk)
    return render(request, "processes/process_edit.html", {"process": process, "form": form})


@workspace_view(edit=True)
@require_POST
def meeting_create(request, pk):
    process = selectors.process_get(request.workspace, pk)
    form = MeetingCreateForm(request.POST)
    if form.is_valid():
        meeting = run_service(form, lambda d: services.meeting_create(process=process, phase=None, **d))
        if meeting is not None:
            messages.success(request, _("De bijeenkomst is toegevoegd."))
            return redirect("meeting_detail", workspace=request.workspace.slug, pk=meeting.pk)
    return _render_process(request, process, form, status=400)
