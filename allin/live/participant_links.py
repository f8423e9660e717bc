"""Linking a live attendee (a phone that joined with the code) to the known participant they are. Linking marks
the participant present at the meeting through the people app's service. The page lists the meeting's phones
with a choice of participant each, and suggests the participant whose name matches what the phone typed."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from allin.people import selectors as people_selectors
from allin.people import services as people_services
from allin.people.models import AttendanceSource, Participant
from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from .models import Attendee, LiveMeeting


@transaction.atomic
def attendee_link(*, attendee: Attendee, participant: Participant | None, by=None) -> Attendee:
    """Link the attendee to a participant of the meeting's process (None: unlink). Linking marks them present;
    unlinking leaves attendance as it is (untick it on the attendance list if it was a mistake)."""
    meeting = attendee.live.meeting
    if participant is not None:
        if participant.process_id != meeting.process_id:
            raise ValidationError(_("Deze deelnemer hoort niet bij dit traject."))
        if participant.is_erased:
            raise ValidationError(_("De gegevens van deze deelnemer zijn gewist."))
    attendee.participant = participant
    attendee.save(update_fields=["participant"])
    if participant is not None:
        people_services.attendance_set(
            participant=participant, meeting=meeting, present=True, by=by, source=AttendanceSource.LIVE
        )
    return attendee


class LinkForm(forms.Form):
    """One row of the page: the phone, and the participant it is (empty: unlink)."""

    attendee = forms.IntegerField(min_value=1)
    participant = forms.IntegerField(min_value=1, required=False)


def _suggestion(attendee, by_name):
    name = (attendee.name or "").strip().lower()
    return by_name.get(name) if name else None


@never_cache
@workspace_view()
def page(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    url = reverse("live_participant_links", kwargs={"workspace": request.workspace.slug, "pk": meeting.pk})
    if request.method == "POST":
        if live is None:
            return HttpResponseBadRequest(_("Deze bijeenkomst is nog niet live geweest."))
        form = LinkForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest(_("Kies een aanwezige en een deelnemer."))
        attendee = get_object_or_404(Attendee, live=live, pk=form.cleaned_data["attendee"])
        participant_id = form.cleaned_data["participant"]
        participant = (
            get_object_or_404(Participant, process=meeting.process, pk=participant_id)
            if participant_id
            else None
        )
        try:
            attendee_link(attendee=attendee, participant=participant, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if participant is None:
                messages.success(request, _("De koppeling is weggehaald."))
            else:
                messages.success(
                    request,
                    _("Gekoppeld aan %(name)s, en aangevinkt als aanwezig.") % {"name": participant.name},
                )
        return redirect(f"{url}#a-{attendee.pk}")
    participants = [p for p in people_selectors.participants_of(meeting.process) if not p.is_erased]
    by_name = {}
    for p in participants:
        by_name.setdefault(p.name.strip().lower(), p)
    attendees = list(live.attendees.select_related("participant").order_by("joined_at", "pk")) if live else []
    rows = [(a, None if a.participant_id else _suggestion(a, by_name)) for a in attendees]
    context = {
        "meeting": meeting,
        "process": meeting.process,
        "live": live,
        "rows": rows,
        "participants": participants,
        "linked_count": sum(1 for a in attendees if a.participant_id),
    }
    return render(request, "live/participant_links/page.html", context)
