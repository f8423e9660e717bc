import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when every check (allin/core/health.py) passes, else 503."""
    results = health.run_checks()
    healthy = all(value in health.PASSING for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


logger = logging.getLogger("allin.errors")
RETRY_AFTER_SECONDS = 5


def _unreachable(error) -> bool:
    """The database or Redis is away for a moment (a restart, a failover): not a bug in a page."""
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:  # pragma: no cover - redis is installed with channels-redis
        RedisConnectionError = RedisTimeoutError = ()
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, OperationalError | InterfaceError | RedisConnectionError | RedisTimeoutError):
            return True
        if isinstance(error, ConnectionError | TimeoutError):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def server_error(request):
    """Django calls this inside its `except`: a service that is briefly away gets a 503 that says "try again" (a
    phone's outbox resends on it), rendered without touching the database; anything else the 500 page."""
    error = sys.exc_info()[1]
    if _unreachable(error):
        logger.warning("service unavailable", extra={"event": "unavailable", "error": type(error).__name__})
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "500.html", status=500)


def bad_request(request, exception):
    return render(request, "400.html", status=400)
