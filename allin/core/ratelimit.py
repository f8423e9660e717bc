"""Counting requests per client in the shared cache (Redis when configured), so every worker sees the same
counts and a restart forgets nothing that matters for longer than a minute."""

from django.conf import settings
from django.core.cache import cache


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
