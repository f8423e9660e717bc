"""Structured logs without personal data.

`JsonFormatter` writes one JSON object per line: time, level, logger, message and a few allowed fields. It never
writes request paths, query strings, form fields or exception messages (they may hold a token, a name or what
somebody typed); e-mail addresses and IP addresses left in third-party messages (django-axes) are masked.

`RequestLogMiddleware` logs one line per request with the *route pattern* (`w/<slug:workspace>/trajecten/<int:pk>/`),
never the path: paths carry join codes, projector keys, invitation and reset tokens.
"""

import ipaddress
import json
import logging
import re
import time
import traceback
from datetime import UTC, datetime

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings

request_logger = logging.getLogger("allin.request")

# Extra fields (logger.info(..., extra={...})) that may appear in a line; anything else is dropped.
ALLOWED_FIELDS = ("event", "method", "route", "view", "status", "duration_ms", "authenticated", "htmx")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
IPV4 = re.compile(r"\b\d{1,3}(\.\d{1,3}){3}\b")
IPV6_CANDIDATE = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
URL_PATH = re.compile(r"(?<![\w.])/[^\s'\"]*")  # "Not Found: /p/CODE/KEY/" and the like
_PATH_LOGGERS = (
    "django.request",
    "django.server",
    "django.channels.server",
    "django.security",
    "daphne",
    "uvicorn",
)


def scrub(text: str) -> str:
    text = EMAIL.sub("[e-mail]", text)
    text = IPV4.sub("[ip]", text)
    return IPV6_CANDIDATE.sub(_ipv6, text)


def _ipv6(match) -> str:
    try:
        ipaddress.IPv6Address(match.group(0))
    except ValueError:
        return match.group(0)  # a clock time or the like
    return "[ip]"


def _message(record: logging.LogRecord) -> str:
    if record.name.startswith(_PATH_LOGGERS):
        # Django's and the servers' own request lines name the path (and query string): keep the words only.
        return URL_PATH.sub("[pad]", scrub(record.getMessage()))
    return scrub(record.getMessage())


def _exception(exc_info) -> dict:
    kind, value, tb = exc_info
    frames = [f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(tb)]
    result = {"type": f"{kind.__module__}.{kind.__qualname__}", "stack": frames}
    if (
        settings.DEBUG
    ):  # an exception's message may quote user text or an SQL value; only on a developer's laptop
        result["message"] = scrub(str(value))
    return result


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": _message(record),
        }
        for field in ALLOWED_FIELDS:
            if field in record.__dict__:
                line[field] = record.__dict__[field]
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = _exception(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """One line per HTTP request: method, route pattern, view name, status and duration. Nothing the visitor typed
    or was sent (no path, no query string, no form data, no user name)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self.get_response):
            return self._acall(request)
        started = time.monotonic()
        response = self.get_response(request)
        log_request(request, response, started)
        return response

    async def _acall(self, request):
        started = time.monotonic()
        response = await self.get_response(request)
        log_request(request, response, started)
        return response


def log_request(request, response, started: float) -> None:
    if not request_logger.isEnabledFor(logging.INFO):
        return
    if request.path_info.startswith(settings.STATIC_URL):
        return  # WhiteNoise's files: many, and nothing to learn from them
    match = getattr(request, "resolver_match", None)
    # Only a user the view already loaded: evaluating request.user here would query (and is not async-safe).
    user = request.__dict__.get("_cached_user")
    request_logger.info(
        "request",
        extra={
            "event": "request",
            "method": request.method if request.method in _METHODS else "OTHER",
            "route": "/" + str(match.route) if match is not None else None,
            "view": match.view_name if match is not None else None,
            "status": response.status_code,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "authenticated": bool(user is not None and user.is_authenticated),
            "htmx": request.headers.get("HX-Request") == "true",
        },
    )


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class TextFormatter(JsonFormatter):
    """The same scrubbed line, readable by a person at a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        line = json.loads(super().format(record))
        extras = " ".join(f"{key}={line[key]}" for key in ALLOWED_FIELDS if key in line and key != "event")
        text = f"{line['time']} {line['level']} {line['logger']}: {line['message']} {extras}".rstrip()
        if "exception" in line:
            text += "\n  " + line["exception"]["type"] + "\n  " + "\n  ".join(line["exception"]["stack"])
        return text
