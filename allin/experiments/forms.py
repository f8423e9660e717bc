from django import forms
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.processes.forms import DateInput

from .models import EXPERIMENT_TEXT_MAX, QUESTION_MAX, TASK_MAX, ExperimentStatus

DATE_ERRORS = {"invalid": _("Vul een geldige datum in.")}


class MemberAddForm(forms.Form):
    participant = forms.TypedChoiceField(
        label=_("Wie komt erbij?"),
        coerce=int,
        error_messages={
            "required": _("Kies een deelnemer."),
            "invalid_choice": _("Kies een deelnemer uit de lijst."),
        },
    )
    task = forms.CharField(
        label=_("Taak in de werkgroep"),
        max_length=TASK_MAX,
        required=False,
        help_text=_("Bijvoorbeeld: trekker, notulist of contact met de privacy officer."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].choices = [("", _("Kies een deelnemer"))] + [
            (
                p.pk,
                " · ".join(x for x in (p.name, p.organisation.name if p.organisation else "", p.domain) if x),
            )
            for p in candidates
        ]


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Onze urgente, concrete vraag"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Welke jongeren, op welk moment, en wat gaat er nu mis?"),
        error_messages={"required": _("Vul de vraag in.")},
    )
    why = forms.CharField(
        label=_("Waarom deze vraag, of wat is er veranderd"),
        max_length=limits.SHORT_TEXT_MAX,
        required=False,
    )


def _area(label, help_text="", required=False):
    return forms.CharField(
        label=label,
        max_length=EXPERIMENT_TEXT_MAX,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Vul dit in.")},
    )


class ExperimentForm(forms.Form):
    question = forms.CharField(
        label=_("Wat testen we?"),
        max_length=QUESTION_MAX,
        help_text=_("De vraag die dit experiment beantwoordt."),
        error_messages={"required": _("Vul in wat jullie testen.")},
    )
    hypothesis = _area(_("Wat verwachten we?"), _("Wat denken jullie dat er gebeurt?"))
    step = _area(
        _("De kleine stap"),
        _("Iets wat jullie binnen een paar weken kunnen doen, met wat er al is."),
        required=True,
    )
    who = forms.CharField(
        label=_("Wie doet het?"),
        max_length=limits.SHORT_TEXT_MAX,
        required=False,
    )
    starts_on = forms.DateField(
        label=_("Van"), required=False, widget=DateInput(), error_messages=DATE_ERRORS
    )
    ends_on = forms.DateField(label=_("Tot"), required=False, widget=DateInput(), error_messages=DATE_ERRORS)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ExperimentStatus.choices,
        initial=ExperimentStatus.IDEA,
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
    result = _area(_("Resultaat"), _("Wat is er gebeurd?"))
    learned = _area(_("Wat hebben we geleerd?"), _("Wat werkte, wat niet, en wat verraste jullie?"))
    next_step = _area(_("Volgende stap"))

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("De einddatum ligt voor de begindatum. Kies een latere einddatum."))
        return data


EXPERIMENT_FIELDS = [
    "question",
    "hypothesis",
    "step",
    "who",
    "starts_on",
    "ends_on",
    "status",
    "result",
    "learned",
    "next_step",
]
