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

from . import delta, hopes, notes, realtime, registry, selectors, services, timer
from .forms import ThemeForm
from .models import Activity, LiveMeeting, Note, Theme


def _console_context(request, meeting, live, error=None):
    state = selectors.stage(live, include_hidden=True)
    return {
        **state,
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


def _int(request, name):
    return int(request.POST[name])


def _flag(request, name):
    value = request.POST.get(name)
    return None if value is None else value == "1"


def _activity(live, request):
    return get_object_or_404(Activity, live=live, pk=_int(request, "activity"))


def _note(live, request):
    return get_object_or_404(
        Note.objects.select_related("activity"), activity__live=live, pk=_int(request, "note")
    )


def _theme(live, request, name="theme"):
    return get_object_or_404(
        Theme.objects.select_related("activity"), activity__live=live, pk=_int(request, name)
    )


@console_action
def live_stop(request, live):
    services.live_close(live=live)


@console_action
def live_reopen(request, live):
    services.live_open(meeting=live.meeting, base_url=live.base_url)


@console_action
def item_goto(request, live):
    services.item_goto(live=live, item=selectors.agenda_item_get(live, _int(request, "item")))


@console_action
def item_step(request, live):
    services.item_step(live=live, offset={"next": 1, "previous": -1}[request.POST["direction"]])


@console_action
def screen(request, live):
    services.screen_set(
        live=live, show_join=_flag(request, "show_join"), show_parking=_flag(request, "show_parking")
    )


@console_action
def activity_start(request, live):
    services.activity_start(live=live, item=selectors.agenda_item_get(live, _int(request, "item")))


@console_action
def activity_update(request, live):
    services.activity_set(
        activity=_activity(live, request),
        is_open=_flag(request, "is_open"),
        revealed=_flag(request, "revealed"),
        group_by=request.POST.get("group_by"),
    )


@console_action
def note_add(request, live):
    notes.note_create(
        activity=_activity(live, request),
        author=request.user,
        text=request.POST.get("text", ""),
        client_id=request.POST.get("client_id"),
        category=request.POST.get("category", ""),
    )


@console_action
def note_hide(request, live):
    notes.note_set_hidden(note=_note(live, request), hidden=request.POST.get("hidden") == "1")


@console_action
def note_move(request, live):
    note = _note(live, request)
    theme = _theme(live, request) if request.POST.get("theme") else None
    notes.note_move(note=note, theme=theme)


@console_action
def theme_add(request, live):
    notes.theme_create(activity=_activity(live, request), name=request.POST.get("name", ""))


@console_action
def theme_rename(request, live):
    notes.theme_rename(theme=_theme(live, request), name=request.POST.get("name", ""))


@console_action
def theme_merge(request, live):
    notes.theme_merge(source=_theme(live, request), target=_theme(live, request, "into"))


@console_action
def theme_delete(request, live):
    notes.theme_delete(theme=_theme(live, request))


@console_action
def projector_renew(request, live):
    services.projector_key_renew(live=live)


# ---- the timer (allin/live/timer.py) and the look back on hopes and fears (allin/live/hopes.py) ----------


def _whole(request, name):
    value = request.POST.get(name, "").strip() or "0"
    if not value.isdigit() or len(value) > 4:
        raise ValidationError(_("Vul de tijd in met hele minuten en seconden, bijvoorbeeld 3 en 0."))
    return int(value)


@console_action
def timer_start(request, live):
    timer.timer_start(live=live, seconds=_whole(request, "minutes") * 60 + _whole(request, "seconds"))


@console_action
def timer_add(request, live):
    timer.timer_add(live=live, seconds=_whole(request, "seconds") or 60)


@console_action
def timer_stop(request, live):
    timer.timer_stop(live=live)


@console_action
def hopes_mark(request, live):
    note = get_object_or_404(Note.objects.select_related("activity"), pk=_int(request, "note"))
    hopes.note_mark_came_true(live=live, note=note, value=request.POST.get("value", ""))


@console_action
def hopes_screen(request, live):
    hopes.review_screen_set(activity=_activity(live, request), on_screen=request.POST["on_screen"] == "1")


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
