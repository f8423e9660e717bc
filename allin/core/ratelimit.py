"""Counting requests per client in the shared cache (Redis when configured), so every worker sees the same
counts and a restart forgets nothing that matters for longer than a minute."""

import functools
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render


def client_ip(request) -> str:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        # Our proxy appends the address it saw; entries before it come from the client and can be forged.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def hits(key: str) -> int:
    return cache.get(f"rl:{key}", 0)


def hit(key: str, window_seconds: int) -> int:
    """Count one more hit in the window that started with the first hit; returns the new count."""
    full = f"rl:{key}"
    if cache.add(full, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(full)
    except ValueError:  # expired between add and incr
        cache.add(full, 1, timeout=window_seconds)
        return 1


def forget(key: str) -> None:
    cache.delete(f"rl:{key}")


def block(key: str, seconds: int) -> None:
    """Refuse `key` for the next `seconds` (never shortens a longer block already running)."""
    until = time.time() + seconds
    if until > cache.get(f"rl-until:{key}", 0):
        cache.set(f"rl-until:{key}", until, timeout=seconds + 1)


def blocked_for(key: str) -> int:
    """Whole seconds left of a block on `key`; 0 when it is free."""
    left = cache.get(f"rl-until:{key}", 0) - time.time()
    return math.ceil(left) if left > 0 else 0


def unblock(key: str) -> None:
    cache.delete(f"rl-until:{key}")


# ---- public links with a secret in their path -----------------------------------------------------------------

WRONG_LINKS_PER_MINUTE = 20
WRONG_LINK_WINDOW_SECONDS = 60


def _wrong_link_key(request) -> str:
    return f"link-wrong:{client_ip(request)}"


def too_many_wrong_links(request) -> bool:
    return hits(_wrong_link_key(request)) >= WRONG_LINKS_PER_MINUTE


def wrong_link(request) -> None:
    hit(_wrong_link_key(request), WRONG_LINK_WINDOW_SECONDS)


def rate_limited_page(request):
    response = render(request, "rate_limited.html", status=429)
    response["Retry-After"] = str(WRONG_LINK_WINDOW_SECONDS)
    response["X-Robots-Tag"] = "noindex"
    return response


def token_link(view):
    """For a public view behind a secret link (a token, key or code in its path): an address that opened many
    wrong, expired or revoked links (answers 404 or 410) in the last minute gets a calm 429 page for every link
    until the minute is over. Only failures count, so the holder of a valid link can use it as often as needed;
    the count lives in the shared cache, so all workers see it."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if too_many_wrong_links(request):
            return rate_limited_page(request)
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            wrong_link(request)
            raise
        if response.status_code in (404, 410):
            wrong_link(request)
        return response

    return wrapped
