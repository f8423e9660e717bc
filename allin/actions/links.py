"""Personal links without an account: the owner link of an action (signed, expiring, revocable) and the
addresses of the public pages, absolute for e-mails and the QR code."""

from django.urls import reverse

from allin.core.site import public_url
from allin.core.tokens import make_token, read_token

OWNER_PURPOSE = "action-owner"
# A link lives for half a year; every reminder carries a fresh one, so an owner who is reminded never loses it.
OWNER_LINK_MAX_AGE = 183 * 24 * 3600


def owner_token(action) -> str:
    return make_token(purpose=OWNER_PURPOSE, value=f"{action.pk}.{action.link_version}")


def owner_action(token: str):
    """The action this token opens, or None when it is forged, expired, revoked or replaced by a newer link."""
    from .models import Action

    value = read_token(purpose=OWNER_PURPOSE, token=token, max_age_seconds=OWNER_LINK_MAX_AGE)
    if value is None:
        return None
    try:
        pk, version = (int(part) for part in value.split("."))
    except ValueError:
        return None
    action = Action.objects.select_related("process", "owner_partner").filter(pk=pk).first()
    if action is None or action.link_revoked or action.link_version != version:
        return None
    return action


def absolute(path: str) -> str:
    return public_url(path)


def owner_url(action) -> str:
    return absolute(reverse("action_owner", kwargs={"token": owner_token(action)}))


def feedback_url(page) -> str:
    return absolute(reverse("feedback_public", kwargs={"key": page.key}))


def agreement_url(agreement) -> str:
    return absolute(reverse("agreement_phone", kwargs={"key": agreement.key}))
