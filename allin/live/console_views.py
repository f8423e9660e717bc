"""The facilitator's console. Every action is a POST that calls one service; htmx gets the fresh console stage
back, a browser without JavaScript is redirected to the console (POST, then redirect)."""

import uuid
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import console_forms as forms
from . import delta, hopes, notes, realtime, registry, room, selectors, services, timer
from .forms import ThemeForm
from .models import Activity, LiveMeeting, Note, Theme


def _console_context(request, meeting, live, error=None):
    state = selectors.stage(live, include_hidden=True)
    return {
        **state,
        **room.console_context(live),
        "meeting": meeting,
        "process": meeting.process,
        "error": error,
        "theme_form": ThemeForm(),
        "projector_url": request.build_absolute_uri(f"/p/{live.code}/{live.projector_key}/"),
        "ws_slug": meeting.process.workspace.slug,
        "meeting_pk": meeting.pk,
        "can_edit": request.membership.can_edit,
        # The flip-over form's idempotency key, so it works without JavaScript too (the page makes one
        # only when this is empty); every render of the console is a new form with a new key.
        "client_id": uuid.uuid4(),
    }


@never_cache
@workspace_view()
def console(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    if live is None:
        return render(request, "live/console_start.html", {"meeting": meeting, "process": meeting.process})
    return render(request, "live/console.html", _console_context(request, meeting, live))


@never_cache
@require_GET
@workspace_view()
def console_stage(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    live = get_object_or_404(LiveMeeting, meeting=meeting)
    caught_up = delta.answer(request, live, realtime.CONSOLE)
    if caught_up is not None:
        return caught_up
    response = render(request, "live/_console_stage.html", _console_context(request, meeting, live))
    response["X-Live-Version"] = str(live.version)
    return response


@workspace_view(edit=True)
@require_POST
def live_start(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    services.live_open(meeting=meeting, base_url=request.build_absolute_uri("/"))
    return redirect("live_console", workspace=request.workspace.slug, pk=meeting.pk)


def console_action(handler):
    """Load the meeting's live state, run the handler (which calls a service), answer the console."""

    @workspace_view(edit=True)
    @require_POST
    @wraps(handler)
    def view(request, pk):
        meeting = planning.meeting_get(request.workspace, pk)
        live = LiveMeeting.objects.filter(meeting=meeting).first()
        if live is None:
            raise Http404
        return _run(request, meeting, live, lambda: handler(request, live))

    return view


def _run(request, meeting, live, call):
    """Run one console action and answer: the fresh console stage for htmx (400 with the reason when refused),
    otherwise back to the console page with the reason as a message."""
    error = None
    try:
        call()
    except ValidationError as exc:
        error = " ".join(exc.messages)
    except (ValueError, KeyError):
        error = _("Dit verzoek klopt niet. Laad de pagina opnieuw.")
    live.refresh_from_db()
    if request.htmx:
        response = render(
            request, "live/_console_stage.html", _console_context(request, meeting, live, error)
        )
        if error:
            response.status_code = 400
        response["X-Live-Version"] = str(live.version)  # the page ignores a refetch older than this answer
        return response
    if error:
        messages.error(request, error)
    return redirect("live_console", workspace=request.workspace.slug, pk=meeting.pk)


def _activity(live, pk):
    return get_object_or_404(Activity, live=live, pk=pk)


def _note(live, pk):
    return get_object_or_404(Note.objects.select_related("activity"), activity__live=live, pk=pk)


def _theme(live, pk):
    return get_object_or_404(Theme.objects.select_related("activity"), activity__live=live, pk=pk)


@console_action
def live_stop(request, live):
    services.live_close(live=live)


@console_action
def live_reopen(request, live):
    services.live_open(meeting=live.meeting, base_url=live.base_url)


@console_action
def item_goto(request, live):
    data = forms.read(forms.ItemForm, request)
    services.item_goto(live=live, item=selectors.agenda_item_get(live, data["item"]))


@console_action
def item_step(request, live):
    services.item_step(live=live, offset=forms.read(forms.StepForm, request)["offset"])


@console_action
def screen(request, live):
    data = forms.read(forms.ScreenForm, request)
    services.screen_set(live=live, show_join=data["show_join"], show_parking=data["show_parking"])


@console_action
def activity_start(request, live):
    data = forms.read(forms.ItemForm, request)
    services.activity_start(live=live, item=selectors.agenda_item_get(live, data["item"]))


@console_action
def activity_update(request, live):
    data = forms.read(forms.ActivityStateForm, request)
    services.activity_set(
        activity=_activity(live, data["activity"]),
        is_open=data["is_open"],
        revealed=data["revealed"],
        group_by=data["group_by"],
    )


@console_action
def note_add(request, live):
    data = forms.read(forms.NoteAddForm, request)
    notes.note_create(
        activity=_activity(live, data["activity"]),
        author=request.user,
        text=data["text"],
        client_id=data["client_id"],
        category=data["category"],
    )


@console_action
def note_hide(request, live):
    data = forms.read(forms.NoteHideForm, request)
    notes.note_set_hidden(note=_note(live, data["note"]), hidden=bool(data["hidden"]))


@console_action
def note_move(request, live):
    data = forms.read(forms.NoteMoveForm, request)
    note = _note(live, data["note"])
    notes.note_move(note=note, theme=_theme(live, data["theme"]) if data["theme"] else None)


@console_action
def theme_add(request, live):
    data = forms.read(forms.ThemeAddForm, request)
    notes.theme_create(activity=_activity(live, data["activity"]), name=data["name"])


@console_action
def theme_rename(request, live):
    data = forms.read(forms.ThemeRenameForm, request)
    notes.theme_rename(theme=_theme(live, data["theme"]), name=data["name"])


@console_action
def theme_merge(request, live):
    data = forms.read(forms.ThemeMergeForm, request)
    notes.theme_merge(source=_theme(live, data["theme"]), target=_theme(live, data["into"]))


@console_action
def theme_delete(request, live):
    notes.theme_delete(theme=_theme(live, forms.read(forms.ThemeForm, request)["theme"]))


@console_action
def projector_renew(request, live):
    services.projector_key_renew(live=live)


# ---- the timer (allin/live/timer.py) and the look back on hopes and fears (allin/live/hopes.py) ----------


@console_action
def timer_start(request, live):
    data = forms.read(forms.TimerStartForm, request)
    timer.timer_start(live=live, seconds=data["minutes"] * 60 + data["seconds"])


@console_action
def timer_add(request, live):
    timer.timer_add(live=live, seconds=forms.read(forms.TimerAddForm, request)["seconds"])


@console_action
def timer_stop(request, live):
    timer.timer_stop(live=live)


@console_action
def hopes_mark(request, live):
    data = forms.read(forms.HopesMarkForm, request)
    note = get_object_or_404(Note.objects.select_related("activity"), pk=data["note"])
    hopes.note_mark_came_true(live=live, note=note, value=data["value"])


@console_action
def hopes_screen(request, live):
    data = forms.read(forms.HopesScreenForm, request)
    hopes.review_screen_set(activity=_activity(live, data["activity"]), on_screen=data["on_screen"] == "1")


@workspace_view(edit=True)
@require_POST
def kind_action(request, pk, activity, action):
    """A console action of one activity kind (merge two words, add vote options, reveal a dream, ...)."""
    meeting = planning.meeting_get(request.workspace, pk)
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    target = Activity.objects.filter(live=live, pk=activity).first() if live else None
    spec = registry.get(target.kind) if target else None
    handler = spec.console_actions.get(action) if spec else None
    if handler is None:
        raise Http404
    return _run(request, meeting, live, lambda: handler(request, target))
