"""The personal RSVP link: a signed token naming one invitation and a random secret of its own (allin.core.tokens),
whose hash only an RsvpLink row keeps. The signature lets it expire; the secret makes it impossible to mint
with the key alone; revoked_at on the invitation (and removing its links) makes it revocable."""

from django.urls import reverse

from allin.core.site import public_url
from allin.core.tokens import (
    link_secret_hash,
    link_secret_matches,
    make_link_token,
    new_link_secret,
    read_link_token,
)

from .models import Invitation, RsvpLink

RSVP_PURPOSE = "rsvp"
RSVP_MAX_AGE = 120 * 24 * 60 * 60


def invitation_token(invitation: Invitation) -> str:
    """A new link for the invitation: its secret is stored only as a hash, so each call makes (and records)
    another one. Links sent earlier keep working."""
    secret = new_link_secret()
    RsvpLink.objects.create(invitation=invitation, secret_hash=link_secret_hash(secret))
    return make_link_token(purpose=RSVP_PURPOSE, parts=[invitation.pk], secret=secret)


def rsvp_url(invitation: Invitation) -> str:
    """A new personal link (see invitation_token), absolute."""
    return public_url(reverse("rsvp", args=[invitation_token(invitation)]))


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a link names, or None when the link is forged (even with the key), altered, expired or
    revoked, or the participant's data was erased."""
    found = read_link_token(purpose=RSVP_PURPOSE, token=token, max_age_seconds=RSVP_MAX_AGE, numbers=1)
    if found is None:
        return None
    pk, secret = found
    invitation = (
        Invitation.objects.select_related("participant", "meeting__process__workspace")
        .filter(pk=pk, revoked_at__isnull=True, participant__erased_at__isnull=True)
        .first()
    )
    if invitation is None:
        return None
    hashes = RsvpLink.objects.filter(invitation=invitation).values_list("secret_hash", flat=True)
    if not any([link_secret_matches(secret, stored) for stored in hashes]):  # every one compared
        return None
    return invitation
