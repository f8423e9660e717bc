from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from allin.core import limits

from .models import Role


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"),
        max_length=limits.EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op hoofdletters."),
        "inactive": _("Dit account is niet actief."),
    }

    def clean_username(self):
        # Lower-case before authenticate(), as the login throttle does, so "Olga@…" and "olga@…" are one account.
        return self.cleaned_data["username"].strip().lower()


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"), max_length=limits.EMAIL_MAX)
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices, initial=Role.FACILITATOR)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)


class WorkspaceForm(forms.Form):
    name = forms.CharField(label=_("Naam van de gemeente of regio"), max_length=limits.NAME_MAX)


class NewAccountForm(forms.Form):
    full_name = forms.CharField(label=_("Je naam"), max_length=limits.NAME_MAX)
    password = forms.CharField(
        label=_("Kies een wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=128,
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            # A stand-in user lets the similarity check compare the password with the address and name.
            from .models import User

            candidate = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                validate_password(password, user=candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return cleaned


class WorkspaceDeleteForm(forms.Form):
    confirm_name = forms.CharField(
        label=_("Typ de naam van de werkruimte om te bevestigen"),
        max_length=limits.NAME_MAX,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "aria-describedby": "confirm-name-hint"}
        ),
    )
