from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from allin.core import limits

from .models import Role


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"), max_length=limits.EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op hoofdletters."),
        "inactive": _("Dit account is niet actief."),
    }


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"), max_length=limits.EMAIL_MAX)
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices, initial=Role.FACILITATOR)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)


class WorkspaceForm(forms.Form):
    name = forms.CharField(label=_("Naam van de gemeente of regio"), max_length=limits.NAME_MAX)


class NewAccountForm(forms.Form):
    full_name = forms.CharField(label=_("Je naam"), max_length=limits.NAME_MAX)
    password = forms.CharField(label=_("Kies een wachtwoord"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               max_length=128)

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password
