"""The meeting page: details, the timed agenda and the checklists.

Agenda changes answer htmx requests with the
agenda partial and everything else with a redirect back to the page (POST, then redirect)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.workspaces.access import workspace_view

from . import selectors, services
from .forms import AgendaItemForm, ChecklistItemForm, MeetingForm, ShortenForm


def _meeting_url(meeting, anchor=""):
    return (
        reverse("meeting_detail", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})
        + anchor
    )


def _render_meeting(request, meeting, status=200, **forms):
    context = {
        "meeting": meeting,
        "process": meeting.process,
        **selectors.meeting_detail(meeting),
        "meeting_form": forms.get("meeting_form") or MeetingForm(initial=_meeting_initial(meeting)),
        "item_form": forms.get("item_form") or AgendaItemForm(),
        "shorten_form": forms.get("shorten_form") or ShortenForm(),
        "checklist_form": ChecklistItemForm(),
    }
    return render(request, "processes/meeting_detail.html", context, status=status)


def _meeting_initial(meeting):
    return {
        "name": meeting.name,
        "date": meeting.date,
        "start_time": meeting.start_time,
        "planned_minutes": meeting.planned_minutes,
        "location": meeting.location,
        "online_link": meeting.online_link,
        "mode": meeting.mode,
        "video_tool": meeting.video_tool,
    }


def _agenda_response(request, meeting, anchor="#agenda"):
    if request.htmx:
        context = {"meeting": meeting, **selectors.meeting_detail(meeting), "shorten_form": ShortenForm()}
        return render(request, "processes/_agenda.html", context)
    return redirect(_meeting_url(meeting, anchor))


@workspace_view()
def meeting_detail(request, pk):
    return _render_meeting(request, selectors.meeting_get(request.workspace, pk))


@workspace_view(edit=True)
@require_POST
def meeting_edit(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    form = MeetingForm(request.POST)
    if form.is_valid() and run_service(form, lambda d: services.meeting_update(meeting=meeting, **d)):
        messages.success(request, _("De bijeenkomst is opgeslagen."))
        return redirect(_meeting_url(meeting))
    meeting.refresh_from_db()
    return _render_meeting(request, meeting, status=400, meeting_form=form)


@workspace_view(edit=True)
@require_POST
def meeting_delete(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    process = meeting.process
    services.meeting_delete(meeting=meeting)
    messages.success(request, _("De bijeenkomst is verwijderd."))
    return redirect("process_detail", workspace=request.workspace.slug, pk=process.pk)


@workspace_view(edit=True)
@require_POST
def agenda_item_create(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid() and run_service(form, lambda d: services.agenda_item_create(meeting=meeting, **d)):
        messages.success(request, _("Het onderdeel is toegevoegd."))
        return redirect(_meeting_url(meeting, "#agenda"))
    return _render_meeting(request, meeting, status=400, item_form=form)


@workspace_view(edit=True)
def agenda_item_edit(request, pk, item_pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    item = selectors.agenda_item_get(meeting, item_pk)
    initial = {
        "title": item.title,
        "duration": item.duration,
        "kind": item.kind,
        "instructions": item.instructions,
        "goals": "\n".join(item.goals),
        "materials": "\n".join(item.materials),
        "activity_type": (item.activity or {}).get("type", ""),
        "activity_prompt": (item.activity or {}).get("prompt", ""),
        "activity_categories": "\n".join((item.activity or {}).get("categories", [])),
    }
    form = AgendaItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if run_service(form, lambda d: services.agenda_item_update(item=item, **d)):
            messages.success(request, _("Het onderdeel is opgeslagen."))
            return redirect(_meeting_url(meeting, f"#item-{item.pk}"))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "processes/agenda_item_edit.html",
        {"meeting": meeting, "process": meeting.process, "item": item, "form": form},
        status=status,
    )


@workspace_view(edit=True)
@require_POST
def agenda_item_delete(request, pk, item_pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    services.agenda_item_delete(item=selectors.agenda_item_get(meeting, item_pk))
    if not request.htmx:
        messages.success(request, _("Het onderdeel is verwijderd."))
    return _agenda_response(request, meeting)


@workspace_view(edit=True)
@require_POST
def agenda_item_move(request, pk, item_pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    item = selectors.agenda_item_get(meeting, item_pk)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    if offset is None:
        return HttpResponse(_("Kies omhoog of omlaag."), status=400)
    services.agenda_item_move(item=item, offset=offset)
    return _agenda_response(request, meeting, anchor=f"#item-{item.pk}")


@workspace_view(edit=True)
@require_POST
def agenda_reorder(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    try:
        ids = [int(value) for value in request.POST.getlist("order")]
        services.agenda_reorder(meeting=meeting, item_ids=ids)
    except ValueError:
        return HttpResponse(_("De nieuwe volgorde is ongeldig."), status=400)
    except services.ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400)
    return _agenda_response(request, meeting)


@workspace_view(edit=True)
@require_POST
def agenda_shorten(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    form = ShortenForm(request.POST)
    if form.is_valid() and run_service(
        form, lambda d: services.agenda_shorten(meeting=meeting, target_minutes=d["target_minutes"])
    ):
        messages.success(
            request,
            _("De agenda is ingekort naar %(minutes)d minuten.")
            % {"minutes": form.cleaned_data["target_minutes"]},
        )
        return redirect(_meeting_url(meeting, "#agenda"))
    return _render_meeting(request, meeting, status=400, shorten_form=form)


@workspace_view(edit=True)
@require_POST
def checklist_item_toggle(request, pk, item_pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    item = selectors.checklist_item_get(meeting, item_pk)
    services.checklist_item_set_done(item=item, done=request.POST.get("done") == "1", user=request.user)
    if request.htmx:
        return render(request, "processes/_checklist_item.html", {"meeting": meeting, "entry": item})
    return redirect(_meeting_url(meeting, f"#check-{item.pk}"))


@workspace_view(edit=True)
@require_POST
def checklist_item_create(request, pk, checklist_pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    checklist = selectors.checklist_get(meeting, checklist_pk)
    form = ChecklistItemForm(request.POST)
    if form.is_valid() and run_service(
        form, lambda d: services.checklist_item_create(checklist=checklist, **d)
    ):
        return redirect(_meeting_url(meeting, f"#checklist-{checklist.pk}"))
    for error in form.non_field_errors() + form.errors.get("text", []):
        messages.error(request, error)
    return redirect(_meeting_url(meeting, f"#checklist-{checklist.pk}"))
