"""The console's moderation switches (moderation.py): the mode, and everything from one phone hidden. Console
actions: a POST that calls one service and answers with the fresh console."""

from django.shortcuts import get_object_or_404

from . import moderation
from .console_views import console_action
from .models import Attendee


def _attendee(request, live):
    return get_object_or_404(Attendee, live=live, pk=int(request.POST["attendee"]))


@console_action
def moderation_mode(request, live):
    moderation.moderation_set(live=live, on=request.POST.get("on") == "1", by=request.user)


@console_action
def phone_hide(request, live):
    moderation.attendee_hide_all(live=live, attendee=_attendee(request, live), by=request.user)


@console_action
def phone_unmute(request, live):
    moderation.attendee_unmute(live=live, attendee=_attendee(request, live), by=request.user)
