import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX, NOTE_MAX, THEME_MAX, AttendeeRole


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)


class JoinForm(forms.Form):
    name = forms.CharField(
        label=_("Je voornaam of bijnaam"),
        max_length=NAME_MAX,
        required=False,
        help_text=_("Niet verplicht. Je naam komt alleen op het scherm als je dat zelf kiest."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    role = forms.ChoiceField(label=_("Ik ben"), choices=AttendeeRole.choices, widget=forms.RadioSelect)


class NoteForm(forms.Form):
    activity = forms.IntegerField(widget=forms.HiddenInput)
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    # The form only stops absurd input; the service counts the 280 characters after folding white space.
    text = forms.CharField(
        label=_("Jouw post-it"),
        max_length=NOTE_MAX * 4,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    category = forms.CharField(required=False, max_length=60)
    show_name = forms.BooleanField(label=_("Zet mijn naam erbij"), required=False)


class ThemeForm(forms.Form):
    name = forms.CharField(label=_("Naam van het thema"), max_length=THEME_MAX)
