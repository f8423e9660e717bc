"""The provider's people (accounts.json: username -> password, email, email_verified, name, allin_workspace) and
the claims it gives about them."""

import json

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from oauth2_provider.oauth2_validators import OAuth2Validator


def people() -> dict:
    return json.loads((settings.DIR / "accounts.json").read_text())


class AccountsFileBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        person = people().get(username or "")
        if person is None or person["password"] != password:
            return None
        user, _created = User.objects.get_or_create(username=username)
        return user


class Validator(OAuth2Validator):
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "allin_workspace": "profile"}

    def get_additional_claims(self, request):
        person = people()[request.user.username]
        claims = {"email": person["email"], "email_verified": person.get("email_verified", True)}
        for name in ("name", "allin_workspace"):
            if person.get(name):
                claims[name] = person[name]
        return claims
