"""The personal RSVP page: no account, made for a phone. The link names one invitation; nothing in the form can
point at another participant's invitation."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from allin.core import ratelimit
from allin.core.forms import run_service

from . import invitations, links
from .forms import RsvpForm, posted
from .mail import end_time
from .models import MeetingInfo


@never_cache
@ratelimit.token_link
def rsvp(request, token):
    invitation = links.invitation_from_token(token)
    if invitation is None:
        return render(request, "people/rsvp_invalid.html", status=404)
    meeting = invitation.meeting
    initial = {"answer": invitation.answer, "remark": invitation.remark} if invitation.answer else None
    form = RsvpForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form,
            lambda d: invitations.rsvp_answer(invitation=invitation, answer=d["answer"], remark=d["remark"]),
        )
        if done is not None:
            messages.success(request, _("Dank je! We hebben je antwoord opgeslagen."))
            return redirect("rsvp", token=token)
    context = {
        "invitation": invitation,
        "participant": invitation.participant,
        "meeting": meeting,
        "process": meeting.process,
        "end": end_time(meeting),
        "info": MeetingInfo.objects.filter(meeting=meeting).first(),
        "is_past": meeting.date < timezone.localdate(),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    response = render(request, "people/rsvp.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    # The token never leaves in a Referer; our own POST keeps its Origin (CSRF checks it).
    response["Referrer-Policy"] = "same-origin"
    return response
