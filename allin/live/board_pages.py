"""The console's earlier notes of a big board, a page at a time (htmx): the console itself shows the newest
selectors.CONSOLE_PAGE notes with the counts first, so it stays light at 2,000 notes."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import selectors
from .models import Activity, LiveMeeting, Note


def _int(value):
    return int(value) if value and value.isdigit() else None


@never_cache
@require_GET
@workspace_view()
def console_older(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    activity_pk, note_pk = _int(request.GET.get("bord")), _int(request.GET.get("voor"))
    activity = Activity.objects.filter(live=live, pk=activity_pk).first() if live and activity_pk else None
    before = Note.objects.filter(activity=activity, pk=note_pk).first() if activity and note_pk else None
    if before is None:
        raise Http404
    notes, older = selectors.older_notes(activity, before)
    themes = list(activity.themes.all()) if activity.kind != Activity.Kind.PARKING else []
    context = {
        "notes": notes,
        "older": older,
        "themes": themes,
        "ws_slug": meeting.process.workspace.slug,
        "meeting_pk": meeting.pk,
        "can_edit": request.membership.can_edit,
    }
    return render(request, "live/_console_older_page.html", context)
