"""Print the ALLIN_OIDC_* endpoint settings for a provider, read from its discovery document
(ISSUER/.well-known/openid-configuration), to paste into the environment file."""

import requests
from django.core.management.base import BaseCommand, CommandError

SETTINGS = {
    "ALLIN_OIDC_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "ALLIN_OIDC_TOKEN_ENDPOINT": "token_endpoint",
    "ALLIN_OIDC_USERINFO_ENDPOINT": "userinfo_endpoint",
    "ALLIN_OIDC_JWKS_ENDPOINT": "jwks_uri",
    "ALLIN_OIDC_END_SESSION_ENDPOINT": "end_session_endpoint",
}


class Command(BaseCommand):
    help = "Print the ALLIN_OIDC_* endpoints of an OpenID Connect provider from its discovery document."

    def add_arguments(self, parser):
        parser.add_argument("issuer", help="for example https://login.gemeente.nl/realms/medewerkers")

    def handle(self, *args, issuer, **options):
        url = issuer.rstrip("/") + "/.well-known/openid-configuration"
        try:
            response = requests.get(url, timeout=10)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise CommandError(f"Could not read {url}: {error}") from error
        if document.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
            raise CommandError(f"{url} names another issuer: {document.get('issuer')!r}")
        self.stdout.write(f"ALLIN_OIDC_ISSUER={document['issuer']}")
        for name, key in SETTINGS.items():
            if document.get(key):
                self.stdout.write(f"{name}={document[key]}")
        algorithms = document.get("id_token_signing_alg_values_supported") or []
        if algorithms and "RS256" not in algorithms:
            self.stdout.write(f"ALLIN_OIDC_SIGN_ALGO={algorithms[0]}")
