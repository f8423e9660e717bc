"""Cleaning and checking what people type, shared by the services: every refusal is a ValidationError with a Dutch
message, raised before anything is written."""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from allin.core import limits
from allin.core.text import one_line

from .models import RATING_FIELDS, RATING_MAX, RATING_MIN, WORD_MAX, rating_labels

WORDS_PER_ANSWER = 3


def key(name) -> str:
    """The spelling names are compared by: 'Geldfit ' and 'geldfit' are the same organisation."""
    return one_line(name).casefold()


def normalise_word(text) -> str:
    """How search words are counted: lower case, spaces folded, one trailing punctuation mark removed."""
    word = one_line(text).lower()
    if word and unicodedata.category(word[-1]).startswith("P"):
        word = word[:-1].rstrip()
    return word


def line(value, *, max_length, too_long) -> str:
    text = one_line(value)
    if len(text) > max_length:
        raise ValidationError(too_long % {"max": max_length})
    return text


def long_text(value, *, max_length, too_long) -> str:
    """Text with its line breaks kept; control characters removed, each line trimmed."""
    raw = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Cc" or ch == "\n")
    lines = [" ".join(part.split()) for part in raw.split("\n")]
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    if len(text) > max_length:
        raise ValidationError(too_long % {"max": max_length})
    return text


def name(value, *, empty, max_length=limits.NAME_MAX) -> str:
    text = line(value, max_length=max_length, too_long=_("Een naam mag hoogstens %(max)d tekens hebben."))
    if not text:
        raise ValidationError(empty)
    return text


def website(value) -> str:
    """A web address; 'geldfit.nl' becomes 'https://geldfit.nl'. Empty is fine."""
    text = one_line(value)
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    if len(text) > limits.URL_MAX:
        raise ValidationError(
            _("Een webadres mag hoogstens %(max)d tekens hebben.") % {"max": limits.URL_MAX}
        )
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise ValidationError(
            _("'%(value)s' is geen webadres. Bijvoorbeeld: www.geldfit.nl") % {"value": text}
        ) from None
    return text


def search_word(text) -> tuple[str, str]:
    """(the text as typed, the word it counts as)."""
    text = one_line(text)
    if not text:
        raise ValidationError(_("Typ eerst een zoekwoord."))
    if len(text) > WORD_MAX:
        raise ValidationError(_("Een zoekwoord mag hoogstens %(max)d tekens hebben.") % {"max": WORD_MAX})
    if len(text.split()) > WORDS_PER_ANSWER:
        raise ValidationError(
            _("Gebruik hoogstens %(max)d woorden per zoekwoord: '%(text)s'.")
            % {"max": WORDS_PER_ANSWER, "text": text}
        )
    word = normalise_word(text)
    if not word:
        raise ValidationError(_("Typ eerst een zoekwoord."))
    return text, word


def rating(value, field) -> int | None:
    """A rating of 1 to 5, or None when not given. Anything else is refused with the criterion's name."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    label = rating_labels()[field]
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        number = None
    if number is None or not RATING_MIN <= number <= RATING_MAX:
        raise ValidationError(
            _("%(label)s: kies een cijfer van %(min)d tot en met %(max)d.")
            % {"label": label, "min": RATING_MIN, "max": RATING_MAX}
        )
    return number


def ratings(values: dict) -> dict:
    """All four ratings from a dict (missing ones are None); every wrong one is named in one refusal."""
    cleaned, errors = {}, []
    for field in RATING_FIELDS:
        try:
            cleaned[field] = rating(values.get(field), field)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return cleaned
