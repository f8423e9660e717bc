"""Start-up check: single sign-on that is switched on needs all its provider settings, or every login fails."""

from django.conf import settings
from django.core.checks import Error, register

REQUIRED = {
    "ALLIN_OIDC_CLIENT_SECRET": "OIDC_RP_CLIENT_SECRET",
    "ALLIN_OIDC_AUTHORIZATION_ENDPOINT": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "ALLIN_OIDC_TOKEN_ENDPOINT": "OIDC_OP_TOKEN_ENDPOINT",
    "ALLIN_OIDC_USERINFO_ENDPOINT": "OIDC_OP_USER_ENDPOINT",
    "ALLIN_OIDC_JWKS_ENDPOINT": "OIDC_OP_JWKS_ENDPOINT",
}


@register()
def sso_settings_complete(app_configs, **kwargs):
    if not settings.ALLIN_OIDC_ENABLED:
        return []
    missing = [name for name, setting in REQUIRED.items() if not getattr(settings, setting, "")]
    if not missing:
        return []
    return [
        Error(
            f"ALLIN_OIDC_CLIENT_ID is set, but {', '.join(missing)} not: nobody could log in with single sign-on.",
            hint="`manage.py sso_discover <issuer>` prints the endpoints (docs/operations.md).",
            id="allin.E101",
        )
    ]
