from django import forms
from django.utils.translation import gettext_lazy as _

from allin.core import limits

from .catalogue import KINDS, LinkMode, Share
from .models import CARD_TEXT_MAX, CONTACTS_MAX, PHONE_MAX

CONTACT_PARTS = (
    ("name", _("Naam"), limits.NAME_MAX, "name"),
    ("role", _("Functie"), limits.NAME_MAX, "organization-title"),
    ("email", _("E-mailadres"), limits.EMAIL_MAX, "email"),
    ("phone", _("Telefoon"), PHONE_MAX, "tel"),
)


def _area(label, help_text="", rows=4):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=CARD_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ContactsMixin:
    """Three rows of contact-person fields (contact_1_name …), like the lines on the paper card."""

    def add_contact_fields(self, contacts=()):
        for n in range(1, CONTACTS_MAX + 1):
            existing = contacts[n - 1] if n - 1 < len(contacts) else None
            for part, label, max_len, autocomplete in CONTACT_PARTS:
                widget = forms.EmailInput if part == "email" else forms.TextInput
                if part == "phone":
                    widget = forms.TextInput
                attrs = {"autocomplete": "off" if part in ("name", "role") else autocomplete}
                if part == "phone":
                    attrs["inputmode"] = "tel"
                self.fields[f"contact_{n}_{part}"] = forms.CharField(
                    label=label, required=False, max_length=max_len, widget=widget(attrs=attrs)
                )
                if existing is not None:
                    self.initial[f"contact_{n}_{part}"] = getattr(existing, part)

    def contact_rows(self):
        """[(number, [bound fields])] for the template."""
        return [
            (n, [self[f"contact_{n}_{part}"] for part, *_rest in CONTACT_PARTS])
            for n in range(1, CONTACTS_MAX + 1)
        ]

    def contacts(self):
        data = self.cleaned_data
        return [
            {part: data.get(f"contact_{n}_{part}", "") for part, *_rest in CONTACT_PARTS}
            for n in range(1, CONTACTS_MAX + 1)
        ]


class AboutFields(forms.Form):
    name = forms.CharField(label=_("Naam van de organisatie"), max_length=limits.NAME_MAX)
    kind = forms.ChoiceField(label=_("Soort organisatie"), choices=[("", _("Kies een soort")), *KINDS])
    description = _area(
        _("Wat doet de organisatie?"), _("In een paar zinnen: voor wie, en wat jullie bieden.")
    )
    website = forms.CharField(
        label=_("Website"),
        required=False,
        max_length=limits.URL_MAX,
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )


class ViewFields(forms.Form):
    ideas = _area(_("Ideeën"), _("Wat zou je willen proberen of verbeteren?"))
    wishes = _area(_("Wensen"), _("Wat heb je nodig van andere partners?"))
    concerns = _area(_("Zorgen"), _("Waar maak je je zorgen over?"))
    opportunities = _area(_("Kansen"), _("Waar zie je kansen om samen meer te bereiken?"))


class PartnerForm(ContactsMixin, AboutFields, ViewFields):
    """The whole card, as the facilitator fills it."""

    process = forms.ModelChoiceField(
        label=_("Traject"),
        required=False,
        queryset=None,
        empty_label=_("geen traject"),
        help_text=_("Het traject over welk thema deze partner iets zegt."),
    )

    def __init__(self, *args, workspace, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = workspace.processes.all()
        if partner is not None:
            for key in (
                "name",
                "kind",
                "description",
                "website",
                "ideas",
                "wishes",
                "concerns",
                "opportunities",
            ):
                self.initial[key] = getattr(partner, key)
            self.initial["process"] = partner.process_id
        self.add_contact_fields(list(partner.contacts.all()) if partner is not None else ())

    def service_data(self):
        data = dict(self.cleaned_data)
        data = {k: v for k, v in data.items() if not k.startswith("contact_")}
        data["contacts"] = self.contacts()
        return data


class LinkAboutForm(ContactsMixin, AboutFields):
    """Page 1 of the card, through the partner's link."""

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        for key in ("name", "kind", "description", "website"):
            self.initial[key] = getattr(partner, key)
        self.add_contact_fields(list(partner.contacts.all()))


class ConsentFields(forms.Form):
    share_with = forms.ChoiceField(
        label=_("Met wie mogen we deze kaart delen?"),
        choices=Share.choices,
        widget=forms.RadioSelect,
        initial=Share.NOBODY,
    )
    given_by = forms.CharField(
        label=_("Wie geeft deze toestemming?"),
        help_text=_("Je naam, en eventueel je functie."),
        max_length=limits.NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class LinkViewsForm(ViewFields, ConsentFields):
    """Page 2 of the card, through the partner's link."""

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        for key in ("ideas", "wishes", "concerns", "opportunities"):
            self.initial[key] = getattr(partner, key)
        self.initial["share_with"] = partner.share_with
        self.initial["given_by"] = partner.consent_given_by


class ConsentForm(ConsentFields):
    def __init__(self, *args, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["share_with"].label = _("Delen met")
        self.fields["given_by"].help_text = _("De naam van de persoon bij de partner die toestemming gaf.")
        if partner is not None:
            self.initial["share_with"] = partner.share_with
            self.initial["given_by"] = partner.consent_given_by


class LinkForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Wat doet de partner met de link?"),
        choices=[(LinkMode.FILL, LinkMode.FILL.label), (LinkMode.CHECK, LinkMode.CHECK.label)],
        widget=forms.RadioSelect,
        initial=LinkMode.FILL,
    )


class CollaborationForm(forms.Form):
    first = forms.ModelChoiceField(label=_("Partner"), queryset=None)
    second = forms.ModelChoiceField(label=_("werkt samen met"), queryset=None)
    note = forms.CharField(label=_("Waarover?"), required=False, max_length=limits.SHORT_TEXT_MAX)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first"].queryset = partners
        self.fields["second"].queryset = partners


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Een Excel-bestand (.xlsx) of CSV-bestand met dezelfde kolommen als de export, hoogstens 1 MB."
        ),
        widget=forms.FileInput(
            attrs={
                "accept": ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            }
        ),
    )
