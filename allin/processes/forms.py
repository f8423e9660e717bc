from django import forms
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.methods.activities import ACTIVITY_LABELS
from allin.methods.loader import library
from allin.methods.tools import NEUTRAL_LABELS

from .models import AgendaItem, Meeting


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def method_choices():
    return [(slug, method.name) for slug, method in library().items()]


class ProcessCreateForm(forms.Form):
    method = forms.ChoiceField(label=_("Methode"), choices=method_choices, widget=forms.RadioSelect)
    name = forms.CharField(label=_("Naam van het traject"), max_length=limits.NAME_MAX)
    theme = forms.CharField(
        label=_("Thema"),
        max_length=limits.NAME_MAX,
        required=False,
        help_text=_("Bijvoorbeeld: nazorg in het mbo, of schulden bij jongeren."),
    )
    start_date = forms.DateField(label=_("Startdatum"), widget=DateInput())


class ProcessEditForm(forms.Form):
    name = forms.CharField(label=_("Naam van het traject"), max_length=limits.NAME_MAX)
    theme = forms.CharField(label=_("Thema"), max_length=limits.NAME_MAX, required=False)
    start_date = forms.DateField(label=_("Startdatum"), widget=DateInput())


class ProcessToolsForm(forms.Form):
    tools = forms.MultipleChoiceField(
        label=_("Extra onderdelen"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, process, **kwargs):
        kwargs.setdefault("initial", {"tools": list(process.tools_on)})
        super().__init__(*args, **kwargs)
        own = process.method_tools()
        self.fields["tools"].choices = [(k, v) for k, v in NEUTRAL_LABELS.items() if k not in own]


class MeetingForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=limits.NAME_MAX)
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    start_time = forms.TimeField(label=_("Begintijd"), widget=TimeInput())
    planned_minutes = forms.IntegerField(
        label=_("Geplande duur (minuten)"),
        min_value=limits.MEETING_MINUTES_MIN,
        max_value=limits.MEETING_MINUTES_MAX,
    )
    location = forms.CharField(label=_("Plaats"), max_length=limits.SHORT_TEXT_MAX, required=False)
    online_link = forms.URLField(
        label=_("Link voor online deelname"), max_length=limits.URL_MAX, required=False, assume_scheme="https"
    )
    # Not required: a form without the field (an older page still open) keeps the meeting's form as it is.
    mode = forms.TypedChoiceField(
        label=_("Vorm"),
        choices=Meeting.Mode.choices,
        required=False,
        empty_value=None,
        help_text=_(
            "Online of hybride: elke groep kan een eigen breakoutroom krijgen, die deelnemers op hun telefoon zien."
        ),
    )
    video_tool = forms.CharField(
        label=_("Vergadertool"),
        max_length=limits.NAME_MAX,
        required=False,
        help_text=_("Kies een tool met breakoutrooms, bijvoorbeeld Teams, Zoom of Jitsi."),
    )


class MeetingCreateForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=limits.NAME_MAX)
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    start_time = forms.TimeField(label=_("Begintijd"), widget=TimeInput())
    planned_minutes = forms.IntegerField(
        label=_("Geplande duur (minuten)"),
        min_value=limits.MEETING_MINUTES_MIN,
        max_value=limits.MEETING_MINUTES_MAX,
    )


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=limits.TITLE_MAX)
    duration = forms.IntegerField(
        label=_("Duur (minuten)"),
        min_value=limits.DURATION_MIN,
        max_value=limits.DURATION_MAX,
        error_messages={
            "min_value": _("Een onderdeel duurt minstens 1 minuut."),
            "max_value": _("Een onderdeel duurt hoogstens 240 minuten."),
        },
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=AgendaItem.Kind.choices, initial=AgendaItem.Kind.ITEM)
    goals = forms.CharField(
        label=_("Doelen (één per regel)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
    )
    instructions = forms.CharField(
        label=_("Werkwijze"),
        required=False,
        max_length=limits.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    materials = forms.CharField(
        label=_("Benodigdheden (één per regel)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    activity_type = forms.ChoiceField(
        label=_("Activiteit op telefoons en scherm"),
        required=False,
        choices=lambda: [("", _("Geen: het scherm toont dit onderdeel")), *ACTIVITY_LABELS.items()],
    )
    activity_prompt = forms.CharField(
        label=_("Vraag bij de activiteit"), required=False, max_length=limits.SHORT_TEXT_MAX
    )
    activity_categories = forms.CharField(
        label=_("Soorten post-its (één per regel)"),
        required=False,
        max_length=1000,
        help_text=_("Bijvoorbeeld: tip en top, of hoop en angst. Leeg laten mag."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ShortenForm(forms.Form):
    target_minutes = forms.IntegerField(
        label=_("Inkorten naar (minuten)"),
        min_value=limits.MEETING_MINUTES_MIN,
        max_value=limits.MEETING_MINUTES_MAX,
    )


class ChecklistItemForm(forms.Form):
    text = forms.CharField(label=_("Nieuw punt"), max_length=limits.SHORT_TEXT_MAX)
