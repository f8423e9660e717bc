"""Remembering an attendee on their phone with a signed cookie: no account, and a reload or a dropped
connection keeps the same attendee. A forged or expired cookie is simply not an attendee.

The cookie is signed with our own token helper (not Django's signed cookies) so that the HTTP views and the
websocket handshake, which has cookies but no request object, check it in exactly the same way."""

import uuid

from django.conf import settings

from allin.core.tokens import make_token, read_token

from .models import Attendee

MAX_AGE = 2 * 24 * 60 * 60


def cookie_name(live) -> str:
    return f"allin_{live.code}"


def _purpose(live) -> str:
    return f"attendee-{live.code}"


def _key(cookies, code: str) -> uuid.UUID | None:
    value = read_token(
        purpose=f"attendee-{code}", token=cookies.get(f"allin_{code}", ""), max_age_seconds=MAX_AGE
    )
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def remember(response, live, attendee) -> None:
    response.set_cookie(
        cookie_name(live),
        make_token(purpose=_purpose(live), value=str(attendee.key)),
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def from_cookies(cookies, live) -> Attendee | None:
    key = _key(cookies, live.code)
    return Attendee.objects.filter(live=live, key=key).first() if key else None


def with_meeting(cookies, code: str) -> Attendee | None:
    """The attendee of the meeting with this (normalised) code, with the meeting, its process and workspace,
    in one query: the path every post from a phone takes."""
    key = _key(cookies, code)
    if key is None:
        return None
    # The key is unique: no ORDER BY (with `.first()`, Django spends more CPU matching the ordering against
    # the hundred selected columns than SQLite spends on the query).
    found = list(
        Attendee.objects.select_related("live__meeting__process__workspace")
        .filter(key=key, live__code=code)
        .order_by()[:1]
    )
    return found[0] if found else None


def from_request(request, live) -> Attendee | None:
    return from_cookies(request.COOKIES, live)
