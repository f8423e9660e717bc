"""Forms of the social map pages. They only shape the page; the services check every value (ratings 1 to 5,
lengths, web addresses) and refuse with a Dutch message, which the views show beside the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from allin.core import limits

from . import questions
from .models import ANSWER_MAX, GROUP_NAME_MAX, RATING_FIELDS, WORD_MAX, Preparation, rating_labels


def rating_choices():
    return [("", _("geen cijfer")), *[(str(n), str(n)) for n in range(1, 6)]]


def _textarea(label, rows=3, required=False):
    return forms.CharField(
        label=label, required=required, max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": rows})
    )


class RatingsMixin:
    """The four ratings as selects ('geen cijfer', 1..5). Left as text, so a wrong value reaches the service
    and is refused there with the criterion's name."""

    def add_ratings(self):
        labels = rating_labels()
        for field in RATING_FIELDS:
            self.fields[field] = forms.CharField(
                label=labels[field],
                required=False,
                widget=forms.Select(choices=rating_choices()),
            )

    def ratings(self) -> dict:
        return {field: self.cleaned_data.get(field, "") for field in RATING_FIELDS}


class GroupForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van het groepje"), max_length=GROUP_NAME_MAX, help_text=_("Bijvoorbeeld: Groepje 1")
    )


class WordsForm(forms.Form):
    words = forms.CharField(
        label=_("Zoekwoorden"),
        max_length=WORD_MAX * 60,
        help_text=_("Eén per regel of gescheiden door komma's; elk hoogstens drie woorden."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FindingForm(RatingsMixin, forms.Form):
    organisation_name = forms.CharField(label=_("Naam van de organisatie"), max_length=limits.NAME_MAX)
    website = forms.CharField(label=_("Website"), required=False, max_length=limits.URL_MAX)
    how_found = forms.CharField(
        label=_("Hoe gevonden"),
        required=False,
        max_length=limits.SHORT_TEXT_MAX,
        help_text=_("Bijvoorbeeld: Google, Instagram, via school, de website van de gemeente."),
    )
    tops = _textarea(_("Tops: wat is goed?"))
    tips = _textarea(_("Tips: wat kan beter?"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_ratings()
        order = ["organisation_name", "website", "how_found", *RATING_FIELDS, "tops", "tips"]
        self.order_fields(order)


class NotFoundForm(forms.Form):
    name = forms.CharField(label=_("Wat zochten jullie maar vonden jullie niet?"), max_length=limits.NAME_MAX)
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=limits.SHORT_TEXT_MAX)


class UndercoverForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Bij welke organisatie?"), required=False, max_length=limits.NAME_MAX
    )
    case = _textarea(_("De casus"))
    what_they_did = _textarea(_("Wat hebben jullie gedaan?"))
    tops = _textarea(_("Tops voor de organisatie"))
    tips = _textarea(_("Tips voor de organisatie"))


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=limits.NAME_MAX)
    website = forms.CharField(label=_("Website"), required=False, max_length=limits.URL_MAX)
    partner = forms.ModelChoiceField(
        label=_("Partner op de netwerkkaart"), required=False, queryset=None, empty_label=_("geen")
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class PreparationCreateForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Preparation.Role.choices, widget=forms.RadioSelect)
    name = forms.CharField(label=_("Naam"), max_length=limits.NAME_MAX)
    organisation_name = forms.CharField(
        label=_("Organisatie"),
        required=False,
        max_length=limits.NAME_MAX,
        help_text=_("Bij een professional: de organisatie waarover hij of zij het eigen aanbod beoordeelt."),
    )
    email = forms.CharField(label=_("E-mailadres"), required=False, max_length=limits.EMAIL_MAX)
    send = forms.BooleanField(label=_("Stuur de link meteen per e-mail"), required=False)


class PreparationAnswerForm(RatingsMixin, forms.Form):
    """The questions of one role; a professional also rates their own organisation."""

    def __init__(self, *args, preparation, **kwargs):
        super().__init__(*args, **kwargs)
        self.preparation = preparation
        answers = preparation.answers or {}
        if preparation.role == Preparation.Role.PROFESSIONAL:
            self.add_ratings()
            for field in RATING_FIELDS:
                value = getattr(preparation, field)
                self.fields[field].initial = str(value) if value else ""
        for key, question in questions.for_role(preparation.role):
            self.fields[key] = _textarea(question, rows=4)
            self.fields[key].initial = answers.get(key, "")

    @property
    def rating_fields(self):
        return [self[f] for f in RATING_FIELDS if f in self.fields]

    @property
    def question_fields(self):
        return [self[key] for key, _q in questions.for_role(self.preparation.role)]

    def answers(self) -> dict:
        return {key: self.cleaned_data.get(key, "") for key, _q in questions.for_role(self.preparation.role)}
