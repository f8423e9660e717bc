"""The network app's data: the kinds of partner, the levels of consent, and the method's "who to think of" list
(Werk aan Netwerk, step 1). Kept here, in code, so every label runs through the translation machinery.

A method may add its own kinds: EXTRA_KINDS lists those of Werk aan Netwerk; KINDS is what a card may carry."""

import re
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

# The kinds the issue names, in the order the overview shows them.
BASE_KINDS = [
    ("gemeente", _("Gemeente")),
    ("mbo", _("Mbo-instelling")),
    ("vo", _("Middelbare school")),
    ("pro-vso", _("Pro- of vso-school")),
    ("overheid", _("Andere overheidsinstelling")),
    ("werkgever", _("Werkgever")),
    ("branche", _("Sector of branche")),
    ("jongerenwerk", _("Jongerenwerk")),
    ("schuldhulp", _("Schuldhulp")),
    ("informeel", _("Informele of kerkelijke organisatie")),
    ("jgz", _("Jeugdgezondheidszorg")),
]
# Added by the method Werk aan Netwerk: partners its toolkit names on their own.
EXTRA_KINDS = [
    ("rmc", _("RMC en leerplicht")),
    ("leerwerkloket", _("Leerwerkloket")),
]
OTHER = "overig"
KINDS = [*BASE_KINDS, *EXTRA_KINDS, (OTHER, _("Overig"))]
KIND_LABELS = dict(KINDS)


def kind_label(key: str) -> str:
    return str(KIND_LABELS.get(key, KIND_LABELS[OTHER]))


def kind_from_text(value: str) -> str | None:
    """A kind from what a person typed in a spreadsheet: its key or its label, any case. None if unknown."""
    wanted = " ".join(str(value or "").split()).casefold()
    if not wanted:
        return OTHER
    for key, label in KINDS:
        if wanted in (key.casefold(), str(label).casefold()):
            return key
    return None


class Share(models.TextChoices):
    """With whom a card may be shared, from narrow to wide."""

    NOBODY = "nobody", _("met niemand (alleen begeleiders)")
    PROCESS = "process", _("met de deelnemers van het traject")
    WORKSPACE = "workspace", _("met de hele werkruimte")


SHARE_ORDER = [Share.NOBODY, Share.PROCESS, Share.WORKSPACE]


def share_from_text(value: str) -> str | None:
    wanted = " ".join(str(value or "").split()).casefold()
    if not wanted:
        return Share.NOBODY
    for choice in Share:
        if wanted in (choice.value, str(choice.label).casefold()):
            return choice.value
    short = {"niemand": Share.NOBODY, "traject": Share.PROCESS, "werkruimte": Share.WORKSPACE}
    return short.get(wanted)


class ConsentSource(models.TextChoices):
    PARTNER = "partner", _("de partner zelf, via de persoonlijke link")
    FACILITATOR = "facilitator", _("vastgelegd door een begeleider")


class LinkMode(models.TextChoices):
    NONE = "", _("geen link")
    FILL = "fill", _("de partner vult de kaart in")
    CHECK = "check", _("de partner controleert de kaart")


@dataclass(frozen=True)
class ThinkOf:
    """One line of the method's list. A partner covers it by its kind, or by a word in its name or in the
    function of one of its contact persons (whole words, any case)."""

    key: str
    label: str
    kinds: tuple = ()
    words: tuple = ()
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        alternatives = "|".join(re.escape(w) for w in self.words) or r"(?!x)x"
        object.__setattr__(self, "pattern", re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))

    def covered_by(self, partner, contact_roles) -> bool:
        if partner.kind in self.kinds:
            return True
        return any(self.pattern.search(text or "") for text in [partner.name, *contact_roles])


# Werk aan Netwerk, step 1: "people and organisations you can think of".
THINK_OF = [
    ThinkOf("werk-inkomen", _("Beleidsmedewerkers Werk en Inkomen van de gemeenten"), kinds=("gemeente",)),
    ThinkOf("rmc", _("De RMC-coördinator"), kinds=("rmc",), words=("rmc", "rmc-coördinator", "leerplicht")),
    ThinkOf(
        "loopbaan",
        _("Loopbaancoördinatoren of decanen van scholen en mbo-instellingen"),
        words=("loopbaancoördinator", "loopbaanbegeleider", "loopbaanadviseur", "decaan", "decanen", "slb"),
    ),
    ThinkOf("pro-vso", _("De pro/vso-coördinator"), kinds=("pro-vso",), words=("pro/vso", "vso", "pro")),
    ThinkOf("lob", _("De regiocontactpersoon van het Expertisepunt LOB"), words=("lob", "expertisepunt")),
    ThinkOf("leerwerkloket", _("Het Leerwerkloket"), kinds=("leerwerkloket",), words=("leerwerkloket",)),
    ThinkOf("werkgevers", _("Werkgevers uit de regio"), kinds=("werkgever",)),
    ThinkOf("branches", _("Vertegenwoordigers van sectoren en branches"), kinds=("branche",)),
    ThinkOf(
        "jongeren",
        _("Organisaties die jongeren steunen, zoals het jongerenwerk"),
        kinds=("jongerenwerk",),
        words=("jongerenwerk", "jongerenwerker"),
    ),
]
