"""The console's moderation switches (moderation.py): the mode, and everything from one phone hidden. Console
actions: a POST that calls one service and answers with the fresh console."""

from django import forms
from django.shortcuts import get_object_or_404

from . import moderation, posted
from .console_views import console_action
from .models import Attendee


class ModeForm(forms.Form):
    on = posted.Flag(empty=False)


class PhoneForm(forms.Form):
    attendee = posted.Id()


def _attendee(request, live):
    return get_object_or_404(Attendee, live=live, pk=posted.read(PhoneForm, request)["attendee"])


@console_action
def moderation_mode(request, live):
    moderation.moderation_set(live=live, **posted.read(ModeForm, request), by=request.user)


@console_action
def phone_hide(request, live):
    moderation.attendee_hide_all(live=live, attendee=_attendee(request, live), by=request.user)


@console_action
def phone_unmute(request, live):
    moderation.attendee_unmute(live=live, attendee=_attendee(request, live), by=request.user)
