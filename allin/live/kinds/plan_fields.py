"""The fields of a plans item. A method file names them (`fields: [actie, wie, organisatie, wanneer]`); each name
maps on a column of `Plan`, with its label, limit and whether it is required. Phone and console show exactly these
fields through `PlanForm`, the service cleans exactly these, and the system check `live.E101` fails when a method
names a field the kind cannot store, so a form never ignores what the method asks."""

import uuid
from dataclasses import dataclass

from django import forms
from django.core import checks
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from allin.methods.loader import library

from ..activity_models import PLAN_SHORT_MAX, PLAN_TEXT_MAX, PLAN_TITLE_MAX


@dataclass(frozen=True)
class PlanField:
    column: str
    label: str
    short: str
    max_len: int
    required: bool = False
    area: bool = False
    missing: str = ""

    def missing_message(self) -> str:
        return str(self.missing) if self.missing else _("Vul dit in: %(label)s") % {"label": self.short}

    def too_long_message(self) -> str:
        return _("%(label)s mag hoogstens %(max)d tekens hebben.") % {
            "label": self.short,
            "max": self.max_len,
        }


FIELDS = {
    "titel": PlanField(
        "title",
        _("Titel van het plan"),
        _("Titel"),
        PLAN_TITLE_MAX,
        True,
        missing=_("Geef het plan een titel."),
    ),
    "wat": PlanField(
        "what",
        _("Wat gaan jullie doen?"),
        _("Wat"),
        PLAN_TEXT_MAX,
        True,
        True,
        _("Schrijf op wat jullie gaan doen."),
    ),
    "actie": PlanField(
        "what", _("Actie: wat gaan jullie doen?"), _("Actie"), PLAN_TEXT_MAX, required=True, area=True
    ),
    "vraag": PlanField(
        "title", _("Welke vraag zoeken jullie uit?"), _("Vraag"), PLAN_TITLE_MAX, required=True
    ),
    "volgende stap": PlanField(
        "what",
        _("Wat is de volgende kleine stap?"),
        _("Volgende stap"),
        PLAN_TEXT_MAX,
        required=True,
        area=True,
    ),
    "wie": PlanField("who", _("Wie doet het?"), _("Wie"), PLAN_SHORT_MAX),
    "organisatie": PlanField("organisation", _("Voor welke organisatie?"), _("Organisatie"), PLAN_SHORT_MAX),
    "wanneer": PlanField("when", _("Wanneer?"), _("Wanneer"), PLAN_SHORT_MAX),
    "hoe": PlanField("how", _("Hoe pakken jullie het aan?"), _("Hoe"), PLAN_TEXT_MAX, area=True),
}
# A plans item whose method names no fields: the quick fix / big fix plans as they always were.
DEFAULT_FIELDS = ("titel", "wat", "wie")
COLUMNS = ("title", "what", "who", "organisation", "when", "how")


def names_of(activity) -> tuple[str, ...]:
    return tuple((activity.config or {}).get("fields") or DEFAULT_FIELDS)


def problems(names) -> list[str]:
    """What is wrong with a list of field names, in words for the system check (empty when it can be stored)."""
    found, seen = [], {}
    if "wat" not in names and not any(FIELDS.get(n) and FIELDS[n].column == "what" for n in names):
        found.append("no field for what will happen (one of wat, actie, volgende stap)")
    for name in names:
        spec = FIELDS.get(name)
        if spec is None:
            found.append(f"unknown field {name!r} (known: {', '.join(FIELDS)})")
        elif spec.column in seen:
            found.append(f"{name!r} and {seen[spec.column]!r} would both be stored as {spec.column}")
        else:
            seen[spec.column] = name
    return found


def specs(activity) -> list[tuple[str, PlanField]]:
    return [(name, FIELDS[name]) for name in names_of(activity) if name in FIELDS]


def shown(plan, activity) -> list[tuple[str, str]]:
    """The plan's filled fields after the main one, as (short label, value), in the method's order."""
    return [
        (str(spec.short), getattr(plan, spec.column))
        for _name, spec in specs(activity)
        if spec.column not in ("title", "what") and getattr(plan, spec.column)
    ]


class PlanForm(forms.Form):
    """A plan with the fields the method names; `plan` only when the console edits one."""

    client_id = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, activity, edit=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        if edit:
            self.fields["plan"] = forms.IntegerField(widget=forms.HiddenInput)
        self.fields["client_id"].initial = uuid.uuid4
        for _name, spec in specs(activity):
            attrs = {"maxlength": spec.max_len, "autocomplete": "off"}
            if spec.column == "organisation":
                attrs["list"] = f"pl-orgs-{activity.pk}"
            if spec.area:
                attrs["rows"] = 3
            self.fields[spec.column] = forms.CharField(
                label=spec.label,
                max_length=spec.max_len,
                required=spec.required,
                widget=forms.Textarea(attrs=attrs) if spec.area else forms.TextInput(attrs=attrs),
                error_messages={"required": spec.missing_message(), "max_length": spec.too_long_message()},
            )

    def values(self) -> dict:
        """The columns to save: the named ones as typed, the others empty."""
        data = self.cleaned_data_or_raise()
        return {column: data.get(column, "") for column in COLUMNS}

    def cleaned_data_or_raise(self) -> dict:
        if not self.is_valid():
            raise ValidationError([e for errors in self.errors.values() for e in errors])
        return self.cleaned_data


class PlanPickForm(forms.Form):
    """The console's hide and from-note buttons: which plan or note, and (hide) whether to hide it."""

    plan = forms.IntegerField(required=False)
    note = forms.IntegerField(required=False)
    hidden = forms.TypedChoiceField(
        choices=[("0", "0"), ("1", "1")], coerce=lambda v: v == "1", required=False
    )

    def picked(self, name) -> int:
        if not self.is_valid() or not self.cleaned_data.get(name):
            raise ValidationError(_("Dit verzoek klopt niet. Laad de pagina opnieuw."))
        return self.cleaned_data[name]


@checks.register()
def plans_fields_storable(app_configs=None, **kwargs):
    """Every plans item of every method file names only fields the plans kind can store."""
    errors = []
    for slug, method in library().items():
        for meeting in method.meetings:
            for item in meeting.agenda:
                if (item.activity or {}).get("type") != "plans" or "fields" not in item.activity:
                    continue
                for problem in problems(item.activity["fields"]):
                    errors.append(
                        checks.Error(
                            f"method {slug}, meeting {meeting.name!r}, item {item.title!r}: {problem}",
                            id="live.E101",
                        )
                    )
    return errors
