"""The forms behind the console's buttons. Every console POST is read through one of them, so a view gets
typed values (ids, flags, texts) and a malformed request is refused with one Dutch message; the services
still decide what is allowed. Flags are the "1"/"0" the console's buttons send; absent means "leave as is"."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import posted
from .models import CATEGORY_MAX, NOTE_MAX, THEME_MAX
from .posted import Flag

WHOLE_MAX = 9999  # minutes or seconds in the timer's fields


class ItemForm(forms.Form):
    item = posted.Id()


class StepForm(forms.Form):
    direction = forms.ChoiceField(choices=[("next", "next"), ("previous", "previous")])

    def clean(self):
        data = super().clean()
        if "direction" in data:
            data["offset"] = 1 if data["direction"] == "next" else -1
        return data


class ScreenForm(forms.Form):
    show_join = Flag()
    show_parking = Flag()


class ActivityForm(forms.Form):
    activity = posted.Id()


class ActivityStateForm(ActivityForm):
    is_open = Flag()
    revealed = Flag()
    # The service says which groupings there are.
    group_by = forms.CharField(max_length=20, required=False, empty_value=None)


class NoteAddForm(ActivityForm):
    # The service counts the characters after folding white space; the form only stops absurd input.
    text = forms.CharField(max_length=NOTE_MAX * 4, strip=False, required=False)
    client_id = forms.UUIDField()
    category = forms.CharField(max_length=CATEGORY_MAX, required=False)


class NoteForm(forms.Form):
    note = posted.Id()


class NoteHideForm(NoteForm):
    hidden = Flag()


class NoteMoveForm(NoteForm):
    theme = posted.Id(required=False)


class ThemeForm(forms.Form):
    theme = posted.Id()


class ThemeAddForm(ActivityForm):
    name = forms.CharField(max_length=THEME_MAX * 4, strip=False, required=False)


class ThemeRenameForm(ThemeForm):
    name = forms.CharField(max_length=THEME_MAX * 4, strip=False, required=False)


class ThemeMergeForm(ThemeForm):
    into = posted.Id()


class TimerStartForm(forms.Form):
    minutes = forms.CharField(required=False, max_length=10)
    seconds = forms.CharField(required=False, max_length=10)

    def _whole(self, name):
        value = (self.cleaned_data.get(name) or "").strip() or "0"
        if not value.isdigit() or int(value) > WHOLE_MAX:
            raise ValidationError(
                _("Vul de tijd in met hele minuten en seconden, bijvoorbeeld 3 en 0."), code=posted.OWN
            )
        return int(value)

    def clean_minutes(self):
        return self._whole("minutes")

    def clean_seconds(self):
        return self._whole("seconds")


class TimerAddForm(forms.Form):
    seconds = forms.CharField(required=False, max_length=10)

    def clean_seconds(self):
        value = (self.cleaned_data.get("seconds") or "").strip() or "0"
        if not value.isdigit() or int(value) > WHOLE_MAX:
            raise ValidationError(
                _("Vul de tijd in met hele minuten en seconden, bijvoorbeeld 3 en 0."), code=posted.OWN
            )
        return int(value) or 60


class HopesMarkForm(NoteForm):
    value = forms.CharField(required=False, max_length=10)


class HopesScreenForm(ActivityForm):
    on_screen = forms.ChoiceField(choices=[("1", "1"), ("0", "0")])


def read(form_class, request) -> dict:
    """The request's values through `form_class` (posted.read): a request the console's own buttons never send
    gets the general message; only the timer's fields say what is wrong in their own words."""
    return posted.read(form_class, request)
