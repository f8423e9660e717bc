"""The OpenID Connect backend: mozilla-django-oidc runs the protocol (state, nonce, PKCE, the code exchange, the
ID token's signature against the provider's keys); services.sso_login decides who the person is here."""

import logging

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import services

logger = logging.getLogger(__name__)


class SsoBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        if not settings.ALLIN_OIDC_ENABLED:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except requests.RequestException as error:
            # A code the provider does not know (replayed, forged, expired), or the provider out of reach: no
            # login, and the callback view says it did not work (never a 500 page).
            logger.warning(
                "sso provider refused or unreachable: %s", type(error).__name__, extra={"event": "sso_error"}
            )
            return None

    def get_or_create_user(self, access_token, id_token, payload):
        # mozilla-django-oidc checked the signature, expiry and nonce; the audience and issuer are ours to check
        # (OpenID Connect Core 3.1.3.7): a token the provider made for another application is no login here.
        audience = payload.get("aud")
        if self.OIDC_RP_CLIENT_ID not in (audience if isinstance(audience, list) else [audience]):
            raise SuspiciousOperation("ID token for another client")
        issuer = settings.ALLIN_OIDC_ISSUER
        if issuer and str(payload.get("iss", "")).rstrip("/") != issuer.rstrip("/"):
            raise SuspiciousOperation("ID token from another issuer")
        claims = self.get_userinfo(access_token, id_token, payload)
        # The userinfo must be about the person the signed ID token names (OpenID Connect Core 5.3.2).
        if str(claims.get("sub", "")) != str(payload.get("sub", "")):
            raise SuspiciousOperation("userinfo sub differs from the ID token's")
        try:
            return services.sso_login(
                issuer=str(payload.get("iss", "")), subject=str(payload["sub"]), claims={**payload, **claims}
            )
        except services.Refused as refusal:
            # The callback view shows why; the log says that it happened, without the person's address.
            logger.info("sso login refused", extra={"event": "sso_refused"})
            self.request.sso_refusal = str(refusal)
            return None
