"""Signed, expiring tokens for links in e-mails. The signature makes them unguessable; the record they name
carries the state (used, revoked), so a link can be made useless without changing the secret key."""

import hmac

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


def secrets_match(given: str | None, expected: str | None) -> bool:
    """Whether a secret someone sent equals the one we keep, in time that does not tell how much of it was right.
    Nothing (None or empty) never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(str(given).encode(), str(expected).encode())
