"""Personal links without an account: the owner link of an action (signed, expiring, revocable, with a random
secret of its own that the database keeps only as a hash) and the addresses of the public pages, absolute for
e-mails and the QR code."""

from django.urls import reverse

from allin.core.site import public_url
from allin.core.tokens import (
    link_secret_hash,
    link_secret_matches,
    make_link_token,
    new_link_secret,
    read_link_token,
)

OWNER_PURPOSE = "action-owner"
# A link lives for half a year; every reminder carries a fresh one, so an owner who is reminded never loses it.
OWNER_LINK_MAX_AGE = 183 * 24 * 3600


def owner_token(action) -> str:
    """A new link for the action's current owner: its secret is stored only as a hash, so each call makes (and
    records) another one. Older links of the same owner keep working."""
    from .models import OwnerLink

    secret = new_link_secret()
    OwnerLink.objects.create(action=action, version=action.link_version, secret_hash=link_secret_hash(secret))
    return make_link_token(purpose=OWNER_PURPOSE, parts=[action.pk, action.link_version], secret=secret)


def owner_action(token: str):
    """The action this token opens, or None when it is forged (even with the key), expired, revoked or replaced
    by a newer link."""
    from .models import Action, OwnerLink

    found = read_link_token(purpose=OWNER_PURPOSE, token=token, max_age_seconds=OWNER_LINK_MAX_AGE, numbers=2)
    if found is None:
        return None
    pk, version, secret = found
    action = Action.objects.select_related("process", "owner_partner").filter(pk=pk).first()
    if action is None or action.link_revoked or action.link_version != version:
        return None
    hashes = OwnerLink.objects.filter(action=action, version=version).values_list("secret_hash", flat=True)
    if not any([link_secret_matches(secret, stored) for stored in hashes]):  # every one compared
        return None
    return action


def absolute(path: str) -> str:
    return public_url(path)


def owner_url(action) -> str:
    """A new personal link (see owner_token), absolute."""
    return absolute(reverse("action_owner", kwargs={"token": owner_token(action)}))


def feedback_url(page) -> str:
    return absolute(reverse("feedback_public", kwargs={"key": page.key}))


def agreement_url(agreement) -> str:
    return absolute(reverse("agreement_phone", kwargs={"key": agreement.key}))
