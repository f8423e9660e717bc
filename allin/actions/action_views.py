"""Pages for the facilitator: the action list, one action (tips, timeline, owner link) and the page that turns
the youth's ideas into actions with one click."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.processes import selectors as process_selectors
from allin.workspaces.access import workspace_view

from . import links, selectors, services
from .forms import ActionEditForm, ActionForm, ProgressForm, fresh
from .models import ActionSource, ProgressUpdate


def _pk(value) -> int:
    """A primary key from a form, or 0 (which matches nothing) for anything that is not one."""
    value = str(value or "").strip()
    return int(value) if value.isdigit() and len(value) < 19 else 0


def _process(request, pk):
    return process_selectors.process_get(request.workspace, pk)


def _action_url(request, action):
    return redirect(
        "action_detail", workspace=request.workspace.slug, pk=action.process_id, action_pk=action.pk
    )


@workspace_view()
def action_list(request, pk):
    process = _process(request, pk)
    form = ActionForm(request.POST or None, workspace=request.workspace)
    if request.method == "POST" and form.is_valid():
        action = run_service(form, lambda d: services.action_create(process=process, **d))
        if action is not None:
            messages.success(request, _("De actie is toegevoegd."))
            return _action_url(request, action)
    actions = list(selectors.process_actions(process))
    return render(
        request,
        "actions/action_list.html",
        {"process": process, "actions": actions, "form": form},
        status=400 if form.errors else 200,
    )


@workspace_view()
def action_detail(request, pk, action_pk):
    process = _process(request, pk)
    return _render_detail(request, process, selectors.action_get(process, action_pk))


_SESSION_OWNER_LINK = "actions.owner-link.{pk}"


def _copied_owner_url(request, action):
    """The link the facilitator made to pass on (the database keeps only its hash, so it lives in their session),
    while it still works."""
    stored = request.session.get(_SESSION_OWNER_LINK.format(pk=action.pk))
    if (
        not stored
        or action.link_revoked
        or not action.owner_email
        or stored.get("version") != action.link_version
    ):
        return ""
    return stored["url"]


def _render_detail(request, process, action, edit_form=None, progress_form=None, status=200):
    initial = {
        "title": action.title,
        "description": action.description,
        "owner_partner": action.owner_partner_id,
        "owner_name": action.owner_name,
        "owner_email": action.owner_email,
        "due_date": action.due_date,
        "answer": action.answer,
    }
    context = {
        "process": process,
        "action": action,
        "source_tips": list(zip(action.sources.all(), selectors.tips_of(action), strict=True)),
        "updates": list(action.updates.all()),
        "reactions": list(action.reactions.all()),
        "edit_form": edit_form or ActionEditForm(initial=initial, workspace=request.workspace),
        "progress_form": progress_form or fresh(ProgressForm),
        "owner_url": _copied_owner_url(request, action),
    }
    return render(request, "actions/action_detail.html", context, status=status)


@workspace_view(edit=True)
@require_POST
def action_edit(request, pk, action_pk):
    process = _process(request, pk)
    action = selectors.action_get(process, action_pk)
    form = ActionEditForm(request.POST, workspace=request.workspace)
    if form.is_valid():
        done = run_service(form, lambda d: services.action_update(action=action, **d))
        if done is not None:
            messages.success(request, _("De actie is opgeslagen."))
            return _action_url(request, action)
    return _render_detail(request, process, action, edit_form=form, status=400)


@workspace_view(edit=True)
@require_POST
def action_progress(request, pk, action_pk):
    process = _process(request, pk)
    action = selectors.action_get(process, action_pk)
    form = ProgressForm(request.POST)
    if form.is_valid():
        author = request.user.full_name or request.user.email
        done = run_service(
            form,
            lambda d: services.action_progress(
                action=action, via=ProgressUpdate.Via.FACILITATOR, author_name=author, **d
            ),
        )
        if done is not None:
            messages.success(request, _("De voortgang is opgeslagen."))
            return _action_url(request, action)
    return _render_detail(request, process, action, progress_form=form, status=400)


@workspace_view(edit=True)
@require_POST
def action_link(request, pk, action_pk):
    """Revoke the owner's link, send them a new one, or make one for the facilitator to pass on."""
    action = selectors.action_get(_process(request, pk), action_pk)
    try:
        if request.POST.get("do") == "copy":
            if action.link_revoked or not action.owner_email:
                raise ValidationError(_("Deze actie heeft geen eigenaar met een werkende link."))
            request.session[_SESSION_OWNER_LINK.format(pk=action.pk)] = {
                "url": links.owner_url(action),
                "version": action.link_version,
            }
        elif request.POST.get("do") == "renew":
            services.owner_link_renew(action=action)
            messages.success(
                request, _("De eigenaar krijgt een nieuwe link per e-mail; de oude werkt niet meer.")
            )
        else:
            services.owner_link_revoke(action=action)
            messages.success(request, _("De link van de eigenaar werkt niet meer."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _action_url(request, action)


@workspace_view(edit=True)
@require_POST
def action_delete(request, pk, action_pk):
    action = selectors.action_get(_process(request, pk), action_pk)
    services.action_delete(action=action)
    messages.success(request, _("De actie is verwijderd."))
    return redirect("action_list", workspace=request.workspace.slug, pk=pk)


@workspace_view(edit=True)
@require_POST
def action_source_unlink(request, pk, action_pk):
    action = selectors.action_get(_process(request, pk), action_pk)
    source = get_object_or_404(ActionSource, action=action, pk=_pk(request.POST.get("source")))
    services.source_unlink(source=source)
    messages.success(request, _("De tip hangt niet meer aan deze actie."))
    return _action_url(request, action)


@workspace_view()
def ideas_to_actions(request, pk):
    process = _process(request, pk)
    actions = list(selectors.process_actions(process))
    return render(
        request,
        "actions/ideas.html",
        {
            "process": process,
            "meetings": selectors.ideas(process),
            "social_map_tips": selectors.social_map_tips(process),
            "actions": actions,
            "client_id": uuid.uuid4(),
        },
    )


@workspace_view(edit=True)
@require_POST
def action_from_source(request, pk):
    """One click: a tip, theme or voted idea becomes an action, or (with `action`) is linked to an existing one."""
    process = _process(request, pk)
    try:
        source = services.source_by_ref(process, request.POST.get("source", ""))
        target = request.POST.get("action")
        if target:
            action = selectors.action_get(process, _pk(target))
            services.source_link(action=action, **source)
            messages.success(
                request, _("De tip hangt nu aan de actie “%(title)s”.") % {"title": action.title}
            )
            return redirect("ideas_to_actions", workspace=request.workspace.slug, pk=pk)
        action = services.action_from_source(
            process=process, client_id=request.POST.get("client_id"), **source
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("ideas_to_actions", workspace=request.workspace.slug, pk=pk)
    messages.success(request, _("De actie is gemaakt. Kies nu een eigenaar en een datum."))
    return _action_url(request, action)
