"""What a button posts, read through a Django form: views and kind actions call `read(FormClass, request)` and hand
the typed values to a service; no code in live reads `request.POST` itself (tests/live/test_posted.py).

A form that does not validate becomes one ValidationError with one Dutch message, which the phone and console
views answer with a 400 (the phone's own message text for its scripts, the console's stage for htmx), before any
service ran: a bad value never saves half a record. Which message: a field's own `error_messages` when the form
gives them (in the words of the page), else "<label>: <Django's message>" for a field with a label, else the
general "this request is not right" (a hidden id the page's own buttons always send right).

Imports nothing of live, so kinds and views alike can use it."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Flag(forms.TypedChoiceField):
    """ "1" or "0" (and "on", what a checkbox sends); None when the field is not sent."""

    def __init__(self, *, empty=None, **kwargs):
        super().__init__(
            choices=[("1", "1"), ("0", "0"), ("on", "on")],
            coerce=lambda v: v in ("1", "on"),
            empty_value=empty,
            required=False,
            **kwargs,
        )


class ClientId(forms.UUIDField):
    """The idempotency key a phone sends with a new answer; a fresh one when it sends none (a plain form)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"invalid": gettext_lazy("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw.")},
        )
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        return super().clean(value) or uuid.uuid4()


ID_MAX = 2**63 - 1  # the largest key a database column holds: a bigger number would fail the query, not miss


class Id(forms.IntegerField):
    """A record's key the page posts (a table, an option, a phone). `message`: the page's words for one that is
    missing, no number, or out of every key's range; without it the general message."""

    def __init__(self, *, message=None, **kwargs):
        if message is not None:
            kwargs["error_messages"] = {
                key: message for key in ("required", "invalid", "min_value", "max_value")
            }
        super().__init__(min_value=1, max_value=ID_MAX, **kwargs)


class Ids(forms.Field):
    """Every value of a repeated field (`?note=3&note=7`) as whole numbers; empty when none is sent."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        try:
            ids = [int(v) for v in value or ()]
            if any(not 1 <= pk <= ID_MAX for pk in ids):
                raise ValueError
            return ids
        except (TypeError, ValueError):
            raise ValidationError(
                self.error_messages.get("invalid") or bad_request(), code="invalid"
            ) from None


OWN = "own"  # the code of a ValidationError a field raises in the page's own words


class Text(forms.CharField):
    """A text the service cleans and counts itself (after folding white space): the form only stops absurd
    input, more than four times `limit`, and says so in `too_long` ("... hoogstens %(max)d tekens ...")."""

    def __init__(self, limit, *, too_long=None, **kwargs):
        self.limit, self.too_long = limit, too_long
        super().__init__(required=False, strip=False, **kwargs)

    def validate(self, value):
        super().validate(value)
        if len(value) > self.limit * 4:
            message = str(self.too_long or _("Deze tekst mag hoogstens %(max)d tekens hebben."))
            raise ValidationError(message % {"max": self.limit}, code=OWN)


def message(text, **numbers):
    """A form's own message with its numbers filled in when it is shown, in the language of that request
    (`gettext_lazy(...) % {...}` would fix it in the language of the moment the module was imported)."""
    return lazy(lambda: str(text) % numbers, str)()


def bad_request() -> str:
    return _("Dit verzoek klopt niet. Laad de pagina opnieuw.")


def first_message(form) -> str:
    """The one Dutch message for an invalid form (see the module's docstring)."""
    for name, errors in form.errors.as_data().items():
        messages = [m for error in errors for m in error.messages]
        field = form.fields.get(name)
        if field is None:  # the form's own clean()
            return " ".join(messages)
        own = _own_codes(field)
        for error in errors:
            if error.code in own:
                return " ".join(error.messages)
        if field.label and not field.widget.is_hidden:
            return f"{field.label}: {messages[0]}"
        return bad_request()
    return bad_request()


def _own_codes(field) -> set[str]:
    """The error codes whose message the form chose itself, not the one the field's class gives by default."""
    defaults = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    return {OWN} | {
        code for code, message in field.error_messages.items() if defaults.get(code) is not message
    }


def read(form_class, request, **kwargs) -> dict:
    """The request's POST through `form_class`: its cleaned values, or a ValidationError with one Dutch message."""
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        return form.cleaned_data
    raise ValidationError(first_message(form))
