"""How often someone may try a password or ask for a new one, counted in the shared cache (Redis in
production) so every worker agrees.

Three rules, after OWASP's "device cookie" advice:
- Per account, from any address: the first few failures are free; then every further failure closes the account
  for a while, 1 minute, then 2, 4, 8, at most 15. Tries while it is closed are refused without looking at the
  password and do not count, so an attacker gets about four guesses an hour and can never make the lock longer
  than 15 minutes after his last counted try.
- Per address, over all accounts: many failures from one address (spraying one password over many accounts)
  close that address for a quarter of an hour. The budget is larger than an account's, because a town hall or a
  school sends all its staff through one address.
- A browser that logged in to this account before carries a signed device cookie. It ignores both locks above, so
  an attacker who keeps an account closed does not keep its owner out; it has a budget of its own, and a device
  that spends it is no longer trusted (it then counts as any other browser).
A password reset opens the account again. Asking for a reset link is limited per address and per e-mail address;
the limit per e-mail address is silent (the page looks the same), so it tells nobody whether an account exists.
The counts hold hashes, never an e-mail address.
"""

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.urls import reverse

from allin.core import ratelimit

LOCK_AT_FAILURE = settings.LOGIN_FAILURE_LIMIT  # per account: this failure (5th by default) closes it
FIRST_LOCK_SECONDS = 60
MAX_LOCK_SECONDS = 15 * 60
ACCOUNT_MEMORY_SECONDS = 24 * 60 * 60  # failures are forgotten a day after the first

ADDRESS_FAILURES = 20
ADDRESS_WINDOW_SECONDS = 15 * 60

DEVICE_FAILURES = 10
DEVICE_WINDOW_SECONDS = 15 * 60
DEVICE_COOKIE = "allin_device"
DEVICE_MAX_AGE = 365 * 24 * 60 * 60
_DEVICE_SALT = "allin.workspaces.login-device"

RESETS_PER_ADDRESS = 10  # a school or town hall shares one address
RESETS_PER_EMAIL = 3
RESET_WINDOW_SECONDS = 60 * 60


def normalise(username: str) -> str:
    return (username or "").strip().lower()


def _account(username: str) -> str:
    return hashlib.sha256(normalise(username).encode()).hexdigest()[:32]


def _address(request) -> str:
    return hashlib.sha256(ratelimit.client_ip(request).encode()).hexdigest()[:32]


def _trusted_device(request, username: str) -> str | None:
    """The device id of this browser's cookie, if it was given at a login to this very account and still has
    its own budget; None otherwise."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        data = signing.loads(value, salt=_DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != _account(username):
        return None
    device = str(data.get("d", ""))
    if not device or ratelimit.blocked_for(f"login-device:{device}"):
        return None
    return device


def wait_seconds(*, request, username: str) -> tuple[int, str]:
    """Seconds before a login for `username` from this request may be checked, and why ("account" or
    "address"); (0, "") when it may go ahead."""
    if _trusted_device(request, username):
        return 0, ""
    account = ratelimit.blocked_for(f"login-account:{_account(username)}")
    address = ratelimit.blocked_for(f"login-address:{_address(request)}")
    if address > account:
        return address, "address"
    if account:
        return account, "account"
    return 0, ""


def lock_seconds(failures: int) -> int:
    """How long the account closes after its `failures`-th failure in a day."""
    if failures < LOCK_AT_FAILURE:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** min(failures - LOCK_AT_FAILURE, 10), MAX_LOCK_SECONDS)


def login_failed(*, request, username: str) -> None:
    device = _trusted_device(request, username)
    failures = ratelimit.hit(f"login-fails:{_account(username)}", ACCOUNT_MEMORY_SECONDS)
    if seconds := lock_seconds(failures):
        ratelimit.block(f"login-account:{_account(username)}", seconds)
    if device:
        if ratelimit.hit(f"login-device-fails:{device}", DEVICE_WINDOW_SECONDS) >= DEVICE_FAILURES:
            ratelimit.block(f"login-device:{device}", ACCOUNT_MEMORY_SECONDS)
        return
    address = _address(request)
    if ratelimit.hit(f"login-address-fails:{address}", ADDRESS_WINDOW_SECONDS) >= ADDRESS_FAILURES:
        ratelimit.block(f"login-address:{address}", ADDRESS_WINDOW_SECONDS)


def login_succeeded(*, request, response, username: str) -> None:
    """The account's failures are forgotten, and this browser becomes a known device of the account."""
    account_release(username=username)
    device = secrets.token_urlsafe(16)
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps({"a": _account(username), "d": device}, salt=_DEVICE_SALT),
        max_age=DEVICE_MAX_AGE,
        path=reverse("login"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def account_release(*, username: str) -> None:
    account = _account(username)
    ratelimit.forget(f"login-fails:{account}")
    ratelimit.unblock(f"login-account:{account}")


def reset_address_allowed(*, request) -> bool:
    """Count one reset request from this address; False once the address has asked too often this hour."""
    return ratelimit.hit(f"reset-address:{_address(request)}", RESET_WINDOW_SECONDS) <= RESETS_PER_ADDRESS


def reset_email_allowed(*, email: str) -> bool:
    """Count one reset request for this e-mail address, known or not; False once it has had enough links."""
    return ratelimit.hit(f"reset-email:{_account(email)}", RESET_WINDOW_SECONDS) <= RESETS_PER_EMAIL
