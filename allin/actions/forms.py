import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner
from allin.processes.forms import DateInput, TimeInput

from .feedback_models import REACTION_MAX, REPLY_MAX, TIP_TEXT_MAX, ProgressMode, TipStatus
from .followup_models import CALL_TEXT_MAX, ROW_MAX
from .models import ANSWER_MAX, REASON_MAX, UPDATE_MAX, ActionStatus


def _area(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class ClientIdField(forms.UUIDField):
    """A hidden idempotency key, made when the page is drawn; a retried POST carries the same one."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)


def fresh(form_class, **kwargs):
    return form_class(initial={"client_id": uuid.uuid4(), **kwargs.pop("initial", {})}, **kwargs)


class PartnerField(forms.ModelChoiceField):
    def __init__(self, workspace, **kwargs):
        super().__init__(queryset=Partner.objects.filter(workspace=workspace).order_by("name"), **kwargs)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=limits.TITLE_MAX)
    description = forms.CharField(
        label=_("Wat gaat er gebeuren?"), max_length=limits.TEXT_MAX, required=False, widget=_area()
    )
    owner_partner = forms.ModelChoiceField(
        label=_("Organisatie die eigenaar is"), queryset=Partner.objects.none(), required=False
    )
    owner_name = forms.CharField(label=_("Naam van de eigenaar"), max_length=limits.NAME_MAX, required=False)
    owner_email = forms.EmailField(
        label=_("E-mailadres van de eigenaar"),
        max_length=limits.EMAIL_MAX,
        required=False,
        help_text=_("De eigenaar krijgt een persoonlijke link om de actie bij te werken."),
    )
    due_date = forms.DateField(label=_("Klaar op"), required=False, widget=DateInput())

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_partner"] = PartnerField(
            workspace, label=_("Organisatie die eigenaar is"), required=False
        )


class ActionEditForm(ActionForm):
    answer = forms.CharField(
        label=_("Uitleg voor jongeren"),
        max_length=ANSWER_MAX,
        required=False,
        widget=_area(),
        help_text=_("In de woorden van de organisatie, in gewone taal. Jongeren zien dit na het publiceren."),
    )


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("niet veranderen"))] + list(ActionStatus.choices), required=False
    )
    reason = forms.CharField(
        label=_("Reden (nodig bij 'niet doorgegaan')"), max_length=REASON_MAX, required=False, widget=_area(2)
    )
    text = forms.CharField(label=_("Hoe gaat het?"), max_length=UPDATE_MAX, required=False, widget=_area())
    client_id = ClientIdField()


class OwnerProgressForm(ProgressForm):
    author_name = forms.CharField(label=_("Je naam"), max_length=limits.NAME_MAX, required=False)
    answer = forms.CharField(
        label=_("Uitleg voor jongeren"),
        max_length=ANSWER_MAX,
        required=False,
        widget=_area(),
        help_text=_("Wat is er met hun tip gedaan, of waarom niet? Schrijf in gewone taal."),
    )


class FeedbackPlanForm(forms.Form):
    who = forms.CharField(label=_("Wie koppelt terug?"), max_length=limits.SHORT_TEXT_MAX, required=False)
    what = forms.CharField(
        label=_("Wat koppelen we terug?"), max_length=limits.SHORT_TEXT_MAX, required=False
    )
    where = forms.CharField(label=_("Waar?"), max_length=limits.SHORT_TEXT_MAX, required=False)
    when = forms.CharField(label=_("Wanneer?"), max_length=limits.SHORT_TEXT_MAX, required=False)
    how = forms.CharField(label=_("Hoe?"), max_length=limits.SHORT_TEXT_MAX, required=False)


class FeedbackSettingsForm(forms.Form):
    intro = forms.CharField(
        label=_("Woord vooraf voor de jongeren"), max_length=limits.TEXT_MAX, required=False, widget=_area()
    )
    reactions_open = forms.BooleanField(label=_("Jongeren kunnen reageren"), required=False)
    contact = forms.CharField(
        label=_("Niet eens met een antwoord? Hier kunnen jongeren terecht"),
        max_length=limits.SHORT_TEXT_MAX,
        required=False,
        help_text=_(
            "Een naam met e-mailadres of telefoonnummer, of een plek. Dit staat onder 'Niet eens?' op de pagina."
        ),
    )
    progress_mode = forms.ChoiceField(
        label=_("Voortgang van eigenaren op de pagina"),
        choices=ProgressMode.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Kies wanneer de voortgang van eigenaren op de pagina komt.")},
    )


class TipAnswerForm(forms.Form):
    ref = forms.CharField(widget=forms.HiddenInput, max_length=40)
    status = forms.ChoiceField(
        label=_("Wat gebeurt er met deze tip?"),
        choices=TipStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wat er met deze tip gebeurt."),
            "invalid_choice": _("Kies wat er met deze tip gebeurt."),
        },
    )
    text = forms.CharField(
        label=_("Uitleg voor jongeren"),
        max_length=TIP_TEXT_MAX,
        widget=_area(2),
        help_text=_("In gewone woorden: wat is er al, waar nemen jullie het in mee, of waarom niet."),
        error_messages={"required": _("Schrijf een korte uitleg voor jongeren.")},
    )
    link = forms.URLField(
        label=_("Link (bij 'nemen we mee')"),
        max_length=limits.URL_MAX,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Dit is geen geldige link. Begin met https://")},
    )


class ReactionForm(forms.Form):
    text = forms.CharField(
        label=_("Jouw reactie"),
        max_length=REACTION_MAX,
        widget=_area(2),
        error_messages={
            "required": _("Schrijf eerst je reactie."),
            "max_length": _("Je reactie mag hoogstens %(limit_value)d tekens lang zijn (nu %(show_value)d)."),
        },
    )
    client_id = ClientIdField()


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Antwoord op deze reactie"), max_length=REPLY_MAX, widget=_area(2))


class AgreementRowForm(forms.Form):
    what = forms.CharField(label=_("Wat gaan we doen?"), max_length=ROW_MAX)
    who = forms.CharField(label=_("Wie doet het?"), max_length=limits.SHORT_TEXT_MAX, required=False)
    when = forms.CharField(label=_("Wanneer?"), max_length=limits.SHORT_TEXT_MAX, required=False)
    how = forms.CharField(label=_("Hoe?"), max_length=ROW_MAX, required=False)
    client_id = ClientIdField()


class CardLineForm(forms.Form):
    """Which line of an agreement card: a row typed on the card (row-12) or a session row (plan-7)."""

    line = forms.RegexField(
        regex=r"^(row|plan)-[0-9]{1,12}$",
        error_messages={"invalid": _("Kies een regel van een afsprakenkaart.")},
    )


class PlanPartnerForm(forms.Form):
    plan = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = PartnerField(workspace, label=_("Organisatie"))


class PartnerForm(forms.Form):
    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = PartnerField(workspace, label=_("Organisatie"))


class CallForm(forms.Form):
    took_away = forms.CharField(
        label=_("Wat namen ze mee?"), max_length=CALL_TEXT_MAX, required=False, widget=_area(2)
    )
    did = forms.CharField(
        label=_("Is er al actie ondernomen?"), max_length=CALL_TEXT_MAX, required=False, widget=_area(2)
    )
    planned = forms.CharField(
        label=_("Wat staat er op de planning?"), max_length=CALL_TEXT_MAX, required=False, widget=_area(2)
    )
    needs = forms.CharField(
        label=_("Wat hebben ze nog nodig?"), max_length=CALL_TEXT_MAX, required=False, widget=_area(2)
    )
    next_call_on = forms.DateField(label=_("Volgende belafspraak"), required=False, widget=DateInput())


class FollowUpForm(forms.Form):
    date = forms.DateField(label=_("Datum van de opvolgsessie"), widget=DateInput())
    start_time = forms.TimeField(label=_("Begintijd"), widget=TimeInput())
