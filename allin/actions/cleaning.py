"""Clean user text before it is stored: control characters out, required where needed, within its limit,
with a Dutch message naming the field."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from allin.core.text import one_line


def line(value, *, max_len, label, required=False) -> str:
    return _check(one_line(value), max_len=max_len, label=label, required=required)


def block(value, *, max_len, label, required=False) -> str:
    """Text of several lines: control characters out (line breaks stay), trailing space trimmed."""
    text = "".join(ch for ch in str(value or "") if unicodedata.category(ch) != "Cc" or ch == "\n")
    text = "\n".join(part.rstrip() for part in text.replace("\r\n", "\n").split("\n")).strip()
    return _check(text, max_len=max_len, label=label, required=required)


def _check(text, *, max_len, label, required):
    if required and not text:
        raise ValidationError(_("Vul %(label)s in.") % {"label": label})
    if len(text) > max_len:
        raise ValidationError(
            _("%(label)s mag hoogstens %(max)d tekens lang zijn.")
            % {"label": label.capitalize(), "max": max_len}
        )
    return text
