"""The forms behind the console's buttons. Every console POST is read through one of them, so a view gets
typed values (ids, flags, texts) and a malformed request is refused with one Dutch message; the services
still decide what is allowed. Flags are the "1"/"0" the console's buttons send; absent means "leave as is"."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import CATEGORY_MAX, NOTE_MAX, THEME_MAX

WHOLE_MAX = 9999  # minutes or seconds in the timer's fields


class Flag(forms.TypedChoiceField):
    """ "1" or "0"; None when the field is not sent."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("1", "1"), ("0", "0")],
            coerce=lambda v: v == "1",
            empty_value=None,
            required=False,
            **kwargs,
        )


class ItemForm(forms.Form):
    item = forms.IntegerField(min_value=1)


class StepForm(forms.Form):
    direction = forms.ChoiceField(choices=[("next", "next"), ("previous", "previous")])

    @property
    def offset(self):
        return 1 if self.cleaned_data["direction"] == "next" else -1


class ScreenForm(forms.Form):
    show_join = Flag()
    show_parking = Flag()


class ActivityForm(forms.Form):
    activity = forms.IntegerField(min_value=1)


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
    note = forms.IntegerField(min_value=1)


class NoteHideForm(NoteForm):
    hidden = Flag()


class NoteMoveForm(NoteForm):
    theme = forms.IntegerField(min_value=1, required=False)


class ThemeForm(forms.Form):
    theme = forms.IntegerField(min_value=1)


class ThemeAddForm(ActivityForm):
    name = forms.CharField(max_length=THEME_MAX * 4, strip=False, required=False)


class ThemeRenameForm(ThemeForm):
    name = forms.CharField(max_length=THEME_MAX * 4, strip=False, required=False)


class ThemeMergeForm(ThemeForm):
    into = forms.IntegerField(min_value=1)


class TimerStartForm(forms.Form):
    minutes = forms.CharField(required=False, max_length=10)
    seconds = forms.CharField(required=False, max_length=10)

    def _whole(self, name):
        value = (self.cleaned_data.get(name) or "").strip() or "0"
        if not value.isdigit() or int(value) > WHOLE_MAX:
            raise ValidationError(_("Vul de tijd in met hele minuten en seconden, bijvoorbeeld 3 en 0."))
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
            raise ValidationError(_("Vul de tijd in met hele minuten en seconden, bijvoorbeeld 3 en 0."))
        return int(value) or 60


class HopesMarkForm(NoteForm):
    value = forms.CharField(required=False, max_length=10)


class HopesScreenForm(ActivityForm):
    on_screen = forms.ChoiceField(choices=[("1", "1"), ("0", "0")])


def read(form_class, request) -> dict:
    """The request's values through `form_class`, or a ValidationError with the form's first Dutch message
    (the timer's) or the general one (a request the console's own buttons never send)."""
    form = form_class(request.POST)
    if form.is_valid():
        return (
            form.cleaned_data if not hasattr(form, "offset") else {**form.cleaned_data, "offset": form.offset}
        )
    for name in ("minutes", "seconds"):
        if name in form.errors and isinstance(form, TimerStartForm | TimerAddForm):
            raise ValidationError(form.errors[name])
    raise ValidationError(_("Dit verzoek klopt niet. Laad de pagina opnieuw."))
