"""Signed, expiring tokens for links in e-mails. The signature makes them unguessable; the record they name
carries the state (used, revoked), so a link can be made useless without changing the secret key."""

from django.core import signing

_SALT_PREFIX = "allin.link."


def make_token(*, purpose: str, value: str) -> str:
    return signing.TimestampSigner(salt=_SALT_PREFIX + purpose).sign(value)


def read_token(*, purpose: str, token: str, max_age_seconds: int) -> str | None:
    """The signed value, or None when the token is forged, altered or older than max_age_seconds."""
    try:
        return signing.TimestampSigner(salt=_SALT_PREFIX + purpose).unsign(token, max_age=max_age_seconds)
    except (signing.BadSignature, signing.SignatureExpired):
        return None
