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
    value = read_token(
        purpose=_purpose(live), token=cookies.get(cookie_name(live), ""), max_age_seconds=MAX_AGE
    )
    try:
        key = uuid.UUID(value) if value else None
    except ValueError:
        return None
    return Attendee.objects.filter(live=live, key=key).first() if key else None


def from_request(request, live) -> Attendee | None:
    return from_cookies(request.COOKIES, live)
