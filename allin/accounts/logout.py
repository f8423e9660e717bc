"""RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): after a single sign-on, logging out here also
ends the session at the provider, so a shared computer does not log the next person in as the last one."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from allin.core.site import public_url


def provider_logout_url(request) -> str | None:
    """The provider's end-session address for this session, or None (a password login, or no such endpoint)."""
    id_token = request.session.get("oidc_id_token")
    endpoint = settings.ALLIN_OIDC_END_SESSION_ENDPOINT
    if not (settings.ALLIN_OIDC_ENABLED and endpoint and id_token):
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": public_url(reverse("login")),
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
