"""The personal RSVP link: a signed token naming one invitation and its secret. The signature makes it
unguessable and lets it expire; the secret and revoked_at on the row make it revocable."""

import hmac

from django.urls import reverse

from allin.core.site import public_url
from allin.core.tokens import make_token, read_token

from .models import Invitation

RSVP_PURPOSE = "rsvp"
RSVP_MAX_AGE = 120 * 24 * 60 * 60


def invitation_token(invitation: Invitation) -> str:
    return make_token(purpose=RSVP_PURPOSE, value=f"{invitation.pk}.{invitation.secret}")


def rsvp_url(invitation: Invitation) -> str:
    return public_url(reverse("rsvp", args=[invitation_token(invitation)]))


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a link names, or None when the link is forged, altered, expired or revoked, or the
    participant's data was erased."""
    value = read_token(purpose=RSVP_PURPOSE, token=token or "", max_age_seconds=RSVP_MAX_AGE)
    pk, _sep, secret = (value or "").partition(".")
    if not pk.isdigit() or not secret:
        return None
    invitation = (
        Invitation.objects.select_related("participant", "meeting__process__workspace")
        .filter(pk=int(pk), revoked_at__isnull=True, participant__erased_at__isnull=True)
        .first()
    )
    if invitation is None or not hmac.compare_digest(invitation.secret, secret):
        return None
    return invitation
