"""The neutral names of a process's optional parts (schema.TOOL_KEYS): what a part says when a facilitator
switches it on for a method that does not use it, so it never speaks another method's words."""

from django.utils.translation import gettext_lazy as _

from .schema import TOOL_KEYS

NEUTRAL_LABELS = {
    "socialmap": _("Sociale kaart"),
    "network": _("Netwerk"),
    "five_steps": _("Stappen van betekenisvolle participatie"),
    "feedback": _("Terugkoppeling aan deelnemers"),
    "agreements": _("Afsprakenkaarten en opvolging"),
    "experiments": _("Werkgroep en experimenten"),
}
assert set(NEUTRAL_LABELS) == set(TOOL_KEYS)
