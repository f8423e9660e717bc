"""Pages for one meeting: who was invited and what they answered (send, remind, revoke, practical details) and
attendance at the door. Every change is a POST that calls one service, then a redirect (htmx: a partial)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import invitations, selectors, services
from .forms import ChooseParticipantsForm, MeetingInfoForm
from .models import Invitation, MeetingInfo, Participant
from .views import report_sent


def _invitations_url(meeting):
    return reverse(
        "meeting_invitations", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk}
    )


def _invitable(meeting):
    return [p for p in selectors.participants_of(meeting.process) if p.email and not p.is_erased]


def _render_invitations(request, meeting, status=200, send_form=None, info_form=None):
    invitable = _invitable(meeting)
    info = MeetingInfo.objects.filter(meeting=meeting).first()
    already = set(
        meeting.participant_invitations.filter(sent_at__isnull=False, revoked_at__isnull=True).values_list(
            "participant_id", flat=True
        )
    )
    context = {
        "meeting": meeting,
        "process": meeting.process,
        **selectors.meeting_overview(meeting),
        "send_form": send_form
        or ChooseParticipantsForm(
            participants=invitable, initial={"participants": [p.pk for p in invitable if p.pk not in already]}
        ),
        "info_form": info_form
        or MeetingInfoForm(initial={"bring": info.bring, "note": info.note} if info else None),
    }
    return render(request, "people/meeting_invitations.html", context, status=status)


@workspace_view()
def meeting_invitations(request, pk):
    return _render_invitations(request, planning.meeting_get(request.workspace, pk))


@workspace_view(edit=True)
@require_POST
def invitations_send(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    invitable = _invitable(meeting)
    form = ChooseParticipantsForm(request.POST, participants=invitable)
    if form.is_valid():
        chosen = set(form.cleaned_data["participants"])
        result = run_service(
            form,
            lambda d: invitations.invitations_send(
                meeting=meeting, participants=[p for p in invitable if p.pk in chosen], sent_by=request.user
            ),
        )
        if result is not None:
            report_sent(request, result)
            return redirect(_invitations_url(meeting))
    return _render_invitations(request, meeting, status=400, send_form=form)


@workspace_view(edit=True)
@require_POST
def invitations_remind(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    report_sent(request, invitations.invitations_remind(meeting=meeting, sent_by=request.user))
    return redirect(_invitations_url(meeting))


@workspace_view(edit=True)
@require_POST
def rsvp_revoke(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    invitation_id = request.POST.get("invitation", "")
    if not invitation_id.isdigit():
        return HttpResponseBadRequest(_("Kies een uitnodiging."))
    invitation = get_object_or_404(Invitation, meeting=meeting, pk=int(invitation_id))
    invitations.invitation_revoke(invitation=invitation)
    messages.success(
        request,
        _("De link van %(name)s werkt niet meer. Stuur de uitnodiging opnieuw voor een nieuwe link.")
        % {"name": invitation.participant.name},
    )
    return redirect(_invitations_url(meeting) + "#invited")


@workspace_view(edit=True)
@require_POST
def meeting_info_edit(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    form = MeetingInfoForm(request.POST)
    if form.is_valid() and run_service(
        form, lambda d: invitations.meeting_info_set(meeting=meeting, bring=d["bring"], note=d["note"])
    ):
        messages.success(request, _("De praktische informatie is opgeslagen."))
        return redirect(_invitations_url(meeting) + "#practical")
    return _render_invitations(request, meeting, status=400, info_form=form)


@workspace_view()
def attendance_door(request, pk):
    """The list at the door: one big button per participant. Works on a phone, without JavaScript."""
    meeting = planning.meeting_get(request.workspace, pk)
    if request.method == "POST":
        return _attendance_post(request, meeting)
    query = (request.GET.get("q") or "").strip()[:60]
    participants = list(selectors.participants_of(meeting.process))
    present = selectors.present_ids(meeting)
    shown = [p for p in participants if query.lower() in p.name.lower()] if query else participants
    context = {
        "meeting": meeting,
        "process": meeting.process,
        "rows": [(p, p.pk in present) for p in shown],
        "query": query,
        "present_count": len(present),
        "total": len(participants),
    }
    return render(request, "people/attendance_door.html", context)


def _attendance_post(request, meeting):
    participant_id = request.POST.get("participant", "")
    if not participant_id.isdigit():
        return HttpResponseBadRequest(_("Kies een deelnemer."))
    participant = get_object_or_404(Participant, process=meeting.process, pk=int(participant_id))
    present = request.POST.get("present") == "1"
    try:
        services.attendance_set(participant=participant, meeting=meeting, present=present, by=request.user)
    except ValidationError as exc:
        return HttpResponseBadRequest(" ".join(exc.messages))
    if request.htmx:
        context = {
            "meeting": meeting,
            "participant": participant,
            "present": present,
            "oob_count": len(selectors.present_ids(meeting)),
            "total": meeting.process.participants.count(),
        }
        return render(request, "people/_door_row.html", context)
    back = request.POST.get("back")
    if back == "uitnodigingen":
        return redirect(_invitations_url(meeting) + f"#p-{participant.pk}")
    url = reverse("attendance_door", kwargs={"workspace": request.workspace.slug, "pk": meeting.pk})
    query = (request.POST.get("q") or "").strip()[:60]
    if query:
        url += "?" + urlencode({"q": query})
    return redirect(url + f"#p-{participant.pk}")
