from django import forms
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner
from allin.processes.forms import DateInput

from .models import BRING_MAX, INFO_NOTE_MAX, REMARK_MAX, ParticipantRole, RsvpAnswer


def posted(request):
    """The POST data for a bound form, also when it is empty (an empty POST must show its errors)."""
    return request.POST if request.method == "POST" else None


class ParticipantForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"),
        max_length=limits.NAME_MAX,
        help_text=_("Voor jongeren is een voornaam genoeg."),
    )
    role = forms.ChoiceField(label=_("Rol"), choices=ParticipantRole.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("Geen of onbekend"),
        error_messages={"invalid_choice": _("Kies een organisatie uit het netwerk van deze werkruimte.")},
    )
    domain = forms.CharField(
        label=_("Domein"),
        max_length=limits.NAME_MAX,
        required=False,
        help_text=_("Bijvoorbeeld: schuldhulp, onderwijs of jongerenwerk."),
    )
    is_expert = forms.BooleanField(label=_("Getrainde ervaringsdeskundige"), required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=limits.EMAIL_MAX,
        required=False,
        help_text=_("Nodig om een uitnodiging te sturen."),
        error_messages={
            "invalid": _("Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.")
        },
    )

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Partner.objects.filter(workspace=workspace).order_by("name")


class EraseDateForm(forms.Form):
    erase_on = forms.DateField(
        label=_("Persoonsgegevens wissen op"),
        widget=DateInput(),
        help_text=_(
            "Op deze dag worden namen, e-mailadressen en opmerkingen gewist. Bijdragen blijven anoniem."
        ),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )


class EraseConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, wis de gegevens van deze deelnemer. Dit kan niet ongedaan worden gemaakt."),
        error_messages={"required": _("Vink aan dat je de gegevens echt wilt wissen.")},
    )


class ChooseParticipantsForm(forms.Form):
    participants = forms.TypedMultipleChoiceField(
        label=_("Wie nodig je uit?"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies minstens één deelnemer."),
            "invalid_choice": _("Kies deelnemers uit de lijst."),
        },
    )

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = [(p.pk, p.name) for p in participants]


class MeetingInfoForm(forms.Form):
    bring = forms.CharField(
        label=_("Wat neem je mee?"),
        max_length=BRING_MAX,
        required=False,
        help_text=_("Bijvoorbeeld: je telefoon (opgeladen) en je ov-kaart."),
    )
    note = forms.CharField(
        label=_("Extra informatie in de uitnodiging"),
        max_length=INFO_NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Kom je?"),
        choices=RsvpAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies ja, nee of misschien."),
            "invalid_choice": _("Kies ja, nee of misschien."),
        },
    )
    remark = forms.CharField(
        label=_("Wil je nog iets zeggen?"),
        max_length=REMARK_MAX,
        required=False,
        help_text=_("Bijvoorbeeld: ik kom wat later. Dit mag leeg blijven."),
        error_messages={"max_length": _("Je opmerking mag hoogstens 200 tekens lang zijn.")},
    )
