"""User text as we store it. One cleaner for every text on the way in (forms through
allin.core.middleware.UserTextMiddleware, services through one_line):

- NFC normalisation, so "é" typed as e + accent and as one character are the same text (search, duplicates);
- no bidirectional override, embedding or isolate characters (U+202A-U+202E, U+2066-U+2069): they can turn
  "tip <U+202E>gnp.exe" into "tip exe.png" on the projector and in PDFs. Arabic and Hebrew read right without
  them, because user text is shown with dir="auto";
- no control characters (PostgreSQL refuses NUL, and nobody means to type them); forms refuse a NUL with one
  message (NUL_MESSAGE) instead of dropping it silently.
"""

import unicodedata

from django.core.validators import ProhibitNullCharactersValidator

BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Django's own message, which every form field already gives; the phone pages give the same one.
NUL_MESSAGE = ProhibitNullCharactersValidator.message
# What a form posted in another encoding than UTF-8 decodes to (Django replaces each bad byte with U+FFFD).
REPLACEMENT = "\ufffd"


def clean_user_text(value) -> str:
    """NFC, without bidirectional controls. Line breaks and tabs stay (allin.core.text.one_line folds them)."""
    return unicodedata.normalize("NFC", str(value or "")).translate(BIDI_CONTROLS)


def one_line(value) -> str:
    text = "".join(ch for ch in clean_user_text(value) if unicodedata.category(ch) != "Cc" or ch in "\t\n\r")
    return " ".join(text.split())


def _checked(value, *, max_len, label, required):
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if required and not value:
        raise ValidationError(_("Vul %(label)s in.") % {"label": label})
    if len(value) > max_len:
        raise ValidationError(
            _("%(label)s mag hoogstens %(max)d tekens lang zijn.")
            % {"label": label.capitalize(), "max": max_len}
        )
    return value


def checked_line(value, *, max_len, label, required=False) -> str:
    """One line of a service's input, or a Dutch ValidationError naming the field (`label`)."""
    return _checked(one_line(value), max_len=max_len, label=label, required=required)


def checked_text(value, *, max_len, label, required=False) -> str:
    """A text of several lines (control characters other than newline and tab removed), checked like a line."""
    value = "".join(ch for ch in str(value or "") if ch >= " " or ch in "\n\t").strip()
    return _checked(value, max_len=max_len, label=label, required=required)
