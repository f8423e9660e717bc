"""The open questions of the individual preparations, after the ALL-IN method: professionals reflect on their
own offer and how reachable it is; policy makers evaluate the municipality's offer and how reachable it is."""

from django.utils.translation import gettext_lazy as _

from .models import Preparation

PROFESSIONAL = (
    (
        "search_words",
        _(
            "Zoek je eigen organisatie op zoals een jongere dat zou doen. Met welke zoekwoorden kom je bij jullie uit?"
        ),
    ),
    (
        "contact",
        _(
            "Hoe kan een jongere contact met jullie opnemen (telefoon, mail, chat, inloop)? Hoe snel komt er antwoord?"
        ),
    ),
    (
        "language",
        _(
            "Lees jullie informatie door de ogen van een jongere. Is de taal begrijpelijk? "
            "Is duidelijk wat jullie bieden en voor wie?"
        ),
    ),
    ("offer", _("Wat bieden jullie speciaal voor jongeren met geldzorgen of schulden? Wat ontbreekt er?")),
    ("tops", _("Wat gaat al goed (tops)?")),
    ("tips", _("Wat kan beter (tips)?")),
)

POLICY_MAKER = (
    (
        "schemes",
        _("Welke regelingen en voorzieningen heeft de gemeente voor jongeren met geldzorgen of schulden?"),
    ),
    ("finding", _("Hoe vinden jongeren deze informatie (website, sociale kaart, loket)?")),
    ("reach", _("Hoe bereikbaar zijn de gemeente en haar partners voor jongeren?")),
    ("collaboration", _("Welke organisaties in de gemeente bieden hulp, en hoe werken ze samen?")),
    ("going_well", _("Wat gaat goed in het aanbod van de gemeente?")),
    ("better", _("Wat kan beter?")),
)


def for_role(role) -> tuple:
    return PROFESSIONAL if role == Preparation.Role.PROFESSIONAL else POLICY_MAKER


def answered(preparation) -> list[tuple[str, str]]:
    """(question, answer) of the questions this preparation answered, in the order of the questions."""
    answers = preparation.answers or {}
    return [(str(q), answers[key]) for key, q in for_role(preparation.role) if answers.get(key)]
