"""The forms of the co-host's pages (cohost_views.py): the facilitator's choices on the co-host page and the
invited phone's optional name. The co-host's buttons post the console's own forms (console_forms.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX


class AcceptForm(forms.Form):
    # The service folds white space and counts; the form only stops absurd input.
    name = forms.CharField(
        label=_("Hoe mogen we je noemen? (mag leeg blijven)"),
        max_length=NAME_MAX * 4,
        required=False,
        strip=False,
    )


class PhoneForm(forms.Form):
    attendee = forms.IntegerField(min_value=1)


class CoHostForm(forms.Form):
    cohost = forms.IntegerField(min_value=1)
