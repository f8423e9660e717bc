from django import forms
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner

from .models import TEXT_MAX, Align, InformHow, InformWhen, Kickoff

CHOICE_ERRORS = {"invalid_choice": _("Kies een antwoord uit de lijst."), "required": _("Kies een antwoord.")}


def _area(label, help_text="", required=False, max_length=TEXT_MAX, rows=3, missing=None):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing} if missing else None,
    )


def _line(label, help_text="", required=False, max_length=limits.NAME_MAX, missing=None):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        error_messages={"required": missing} if missing else None,
    )


class InventoryForm(forms.Form):
    name = _line(
        _("Naam"), _("Een programma, project of overlegtafel."), required=True, missing=_("Vul de naam in.")
    )
    runs_it = _line(_("Wie trekt het?"))
    domain = _line(_("Domein"), _("Bijvoorbeeld: schuldhulp, onderwijs of jeugdgezondheidszorg."))
    touches = _area(_("Hoe raakt het ons thema?"))
    contact = _line(
        _("Contact"),
        _("Naam, e-mailadres of telefoon van wie je kunt bellen."),
        max_length=limits.SHORT_TEXT_MAX,
    )
    align = forms.ChoiceField(
        label=_("Afstemmen?"),
        choices=Align.choices,
        initial=Align.LATER,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )


class ManagerForm(forms.Form):
    name = _line(_("Naam"), required=True, missing=_("Vul de naam in."))
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("Geen of onbekend"),
        error_messages={"invalid_choice": _("Kies een organisatie uit het netwerk van deze werkruimte.")},
    )
    position = _line(_("Functie"), _("Bijvoorbeeld: teamleider of directeur."))
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=limits.EMAIL_MAX,
        required=False,
        error_messages={
            "invalid": _("Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.")
        },
    )
    inform_how = forms.ChoiceField(
        label=_("Hoe wil die op de hoogte blijven?"), choices=InformHow.choices, error_messages=CHOICE_ERRORS
    )
    inform_when = forms.ChoiceField(
        label=_("Wanneer?"),
        choices=InformWhen.choices,
        help_text=_("Je krijgt op die momenten een herinnering per e-mail."),
        error_messages=CHOICE_ERRORS,
    )
    kickoff = forms.ChoiceField(
        label=_("Startmoment"), choices=Kickoff.choices, required=False, error_messages=CHOICE_ERRORS
    )
    note = _line(
        _("Afspraak over terugkoppeling"),
        _("Hoe praten de deelnemers van deze organisatie hun leidinggevende bij?"),
        max_length=limits.SHORT_TEXT_MAX,
    )

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Partner.objects.filter(workspace=workspace).order_by("name")


class KickoffForm(forms.Form):
    meeting = forms.TypedChoiceField(
        label=_("Op de agenda van"),
        coerce=int,
        error_messages={
            "invalid_choice": _("Kies een bijeenkomst uit de lijst."),
            "required": _("Kies een bijeenkomst."),
        },
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [(m.pk, f"{m.name} ({m.date:%d-%m-%Y})") for m in meetings]


class ParticipantPickForm(forms.Form):
    participant = forms.TypedChoiceField(
        label=_("Wie komt erbij?"),
        coerce=int,
        error_messages={
            "required": _("Kies een deelnemer."),
            "invalid_choice": _("Kies een deelnemer uit de lijst."),
        },
    )
    role = _line(_("Rol in het projectteam"), _("Bijvoorbeeld: voorbereiden, tijd bewaken of verslag maken."))

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].choices = [("", _("Kies een deelnemer"))] + [
            (p.pk, " · ".join(x for x in (p.name, p.organisation.name if p.organisation else "") if x))
            for p in candidates
        ]


class DebriefForm(forms.Form):
    went_well = _area(_("Wat ging goed?"))
    next_time = _area(_("Wat doen we de volgende keer anders?"))
    who_does_what = _area(_("Wie doet wat voor de volgende bijeenkomst?"))


class CaseForm(forms.Form):
    title = _line(
        _("Titel"), required=True, max_length=limits.TITLE_MAX, missing=_("Geef de casus een titel.")
    )
    story = _area(
        _("De casus"),
        _(
            "Een goede casus is complex, raakt meerdere domeinen en gaat over een gezin met geldzorgen. "
            "Geen echte namen."
        ),
        required=True,
        max_length=limits.TEXT_MAX,
        rows=8,
        missing=_("Beschrijf de casus."),
    )
    domains = _line(
        _("Domeinen"), _("Bijvoorbeeld: schulden, school, zorg, wonen."), max_length=limits.SHORT_TEXT_MAX
    )
    questions = _area(
        _("Vragen bij de casus"), _("Bijvoorbeeld: wie zou dit gezin moeten kennen? Wie mist er?")
    )


class CasePickForm(forms.Form):
    case = forms.TypedChoiceField(
        label=_("Casus voor deze bijeenkomst"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een casus uit de lijst.")},
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [("", _("Geen casus"))] + [(c.pk, c.title) for c in cases]


class FixedForm(forms.Form):
    organisation = forms.IntegerField(widget=forms.HiddenInput)
    participant = forms.TypedChoiceField(
        label=_("Vaste deelnemer"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies iemand van deze organisatie.")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].choices = [("", _("Nog niemand"))] + [(p.pk, p.name) for p in people]
