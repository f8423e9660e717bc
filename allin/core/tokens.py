"""Signed, expiring tokens for links in e-mails. The signature makes them unguessable; the record they name
carries the state (used, revoked), so a link can be made useless without changing the secret key."""

import hashlib
import hmac
import secrets

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


# ---- personal links: a random secret of their own ------------------------------------------------------------
# The signature alone only proves that whoever made the link held ALLIN_SECRET_KEY; a leaked key would mint any
# link. So every personal link also carries a random secret (192 bits) that the database keeps only as its
# SHA-256: a copy of the database does not yield working links either. A fast hash is enough for a secret this
# long (nobody guesses 2^192); replacing the stored hash revokes every link made with the old secret.


def new_link_secret() -> str:
    return secrets.token_urlsafe(24)


def link_secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def link_secret_matches(secret: str | None, stored_hash: str | None) -> bool:
    if not secret or not stored_hash:
        return False
    return hmac.compare_digest(link_secret_hash(secret), stored_hash)


def unknown_secret_hash() -> str:
    """The hash of a secret nobody knows: for records whose links must not open (revoked, or made before links
    carried a secret)."""
    return link_secret_hash(new_link_secret())


def make_link_token(*, purpose: str, parts: list, secret: str) -> str:
    return make_token(purpose=purpose, value=".".join([*(str(p) for p in parts), secret]))


def read_link_token(*, purpose: str, token: str, max_age_seconds: int, numbers: int) -> tuple | None:
    """(number, …, secret) from a link made by make_link_token with `numbers` numeric parts, or None."""
    value = read_token(purpose=purpose, token=token or "", max_age_seconds=max_age_seconds)
    if value is None:
        return None
    parts = value.split(".")
    if len(parts) != numbers + 1 or not all(p.isdigit() for p in parts[:numbers]) or not parts[-1]:
        return None
    return (*(int(p) for p in parts[:numbers]), parts[-1])
