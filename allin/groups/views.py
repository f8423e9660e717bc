"""Pages for groups: a meeting's groups (make, move, pin, regenerate, name, table leader) and encounters across a
process. Every change is a POST that calls one service, then a redirect."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import pdf, selectors, services
from .models import SIZE_MAX


def _plan_url(meeting):
    return reverse("groups_plan", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _refuse(request, meeting, error):
    for message in error.messages:
        messages.error(request, message)
    return redirect(_plan_url(meeting))


@workspace_view()
def groups_plan(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    plan = selectors.plan_of(meeting)
    groups = list(plan.groups.all()) if plan else []
    context = {
        "meeting": meeting,
        "process": meeting.process,
        "plan": plan,
        "groups": groups,
        "people_count": len(selectors.people_for(meeting)),
        "notes": selectors.plan_notes(plan) if plan else [],
        "sizes": range(1, SIZE_MAX + 1),
        "min_size": plan.min_size if plan else 3,
        "max_size": plan.max_size if plan else 5,
    }
    return render(request, "groups/plan.html", context)


@workspace_view(edit=True)
@require_POST
def groups_make(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    min_size, max_size = _int(request.POST.get("min_size")), _int(request.POST.get("max_size"))
    if min_size is None or max_size is None or not (1 <= min_size <= SIZE_MAX and 2 <= max_size <= SIZE_MAX):
        messages.error(request, _("Kies een groepsgrootte tussen 1 en %(max)s.") % {"max": SIZE_MAX})
        return redirect(_plan_url(meeting))
    try:
        services.plan_make(meeting=meeting, min_size=min_size, max_size=max_size, keep_pinned=True)
    except ValidationError as error:
        return _refuse(request, meeting, error)
    messages.success(request, _("De groepen zijn gemaakt."))
    return redirect(_plan_url(meeting))


def _plan_or_back(request, meeting):
    plan = selectors.plan_of(meeting)
    if plan is None:
        messages.error(request, _("Maak eerst een indeling."))
    return plan


@workspace_view(edit=True)
@require_POST
def groups_move(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    plan = _plan_or_back(request, meeting)
    if plan is not None:
        try:
            services.member_move(
                plan=plan,
                participant_pk=_int(request.POST.get("participant")),
                group_pk=_int(request.POST.get("group")),
            )
        except ValidationError as error:
            return _refuse(request, meeting, error)
    return redirect(_plan_url(meeting))


@workspace_view(edit=True)
@require_POST
def groups_pin(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    plan = _plan_or_back(request, meeting)
    if plan is not None:
        try:
            services.member_pin(
                plan=plan,
                participant_pk=_int(request.POST.get("participant")),
                pinned=request.POST.get("pinned") == "1",
            )
        except ValidationError as error:
            return _refuse(request, meeting, error)
    return redirect(_plan_url(meeting))


@workspace_view(edit=True)
@require_POST
def groups_edit(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    plan = _plan_or_back(request, meeting)
    if plan is not None:
        try:
            services.group_update(
                plan=plan,
                group_pk=_int(request.POST.get("group")),
                name=request.POST.get("name", "")[:200],
                leader_pk=_int(request.POST.get("leader")),
                # Only online and hybrid meetings show the field; elsewhere a stored link stays untouched.
                room_link=request.POST.get("room_link", "")[:1000] if meeting.has_online_groups else None,
            )
        except ValidationError as error:
            return _refuse(request, meeting, error)
    return redirect(_plan_url(meeting))


@workspace_view()
def groups_print(request, pk):
    """The groups on one A4 page (PDF)."""
    meeting = planning.meeting_get(request.workspace, pk)
    plan = selectors.plan_of(meeting)
    if plan is None:
        messages.error(request, _("Maak eerst een indeling."))
        return redirect(_plan_url(meeting))
    content = pdf.groups_pdf(meeting, plan, request=request)
    return pdf.pdf_response(content, f"groepen {meeting.name} {meeting.date:%Y-%m-%d}")


@workspace_view()
def groups_encounters(request, pk):
    process = planning.process_get(request.workspace, pk)
    return render(request, "groups/encounters.html", {"process": process, **selectors.encounters(process)})
