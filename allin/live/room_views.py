"""The console's switches for the room (room.py): its size, closed for new phones, letting a blocked network in,
a new QR code. Each is a console action: a POST that calls one service and answers with the fresh console."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import posted, room
from .console_views import console_action


class RoomSizeForm(forms.Form):
    size = forms.IntegerField(
        label=gettext_lazy("Hoeveel telefoons mogen meedoen"),
        required=False,
        min_value=room.SIZE_MIN,
        max_value=room.SIZE_MAX,
    )


class RoomClosedForm(forms.Form):
    closed = posted.Flag(empty=False)


@console_action
def room_size(request, live):
    form = RoomSizeForm(request.POST)
    if not form.is_valid():
        raise ValidationError(
            _("Kies een aantal tussen %(min)d en %(max)d.") % {"min": room.SIZE_MIN, "max": room.SIZE_MAX}
        )
    room.room_update(live=live, size=form.cleaned_data["size"], closed=live.room_closed)


@console_action
def room_closed(request, live):
    room.room_update(live=live, size=live.room_size, **posted.read(RoomClosedForm, request))


@console_action
def room_let_in(request, live):
    room.flood_lift(live=live)


@console_action
def room_new_qr(request, live):
    room.join_key_renew(live=live)
