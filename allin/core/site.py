"""The public address of this installation, for every link that leaves the app: e-mails, QR codes, posters,
PDFs, calendar files. During a request it is the address the visitor used (so `make run PORT=8123` or a proxy's
host gives links that work); a background task has no request and uses ALLIN_SITE_URL."""

from contextvars import ContextVar
from urllib.parse import urlsplit

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings

_request = ContextVar("allin_current_request", default=None)


def current_request():
    """The request being served in this thread or task, or None (a background task, a websocket, a command)."""
    return _request.get()


def public_url(path: str = "/") -> str:
    """The absolute address of path: on the request's scheme and host when there is a request, else on SITE_URL.
    The host was checked against ALLOWED_HOSTS when the request came in, so a forged Host never reaches a link."""
    request = _request.get()
    if request is not None:
        base = f"{request.scheme}://{request.get_host()}"
    else:
        base = settings.SITE_URL.rstrip("/")
    return base + (path if path.startswith("/") else "/" + path)


def configured_host() -> str:
    """The host name ALLIN_SITE_URL names, whatever the current request: identifiers that must stay the same
    however the app is reached (a calendar event's UID) use it."""
    return urlsplit(settings.SITE_URL).hostname or "allin"


class CurrentRequestMiddleware:
    """Keeps the request in a context variable while it is served: public_url reads its address, the audit log
    its user (allin.audit.context). Works in sync and async mode, so it adds no thread hop."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self._acall(request)
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)

    async def _acall(self, request):
        token = _request.set(request)
        try:
            return await self.get_response(request)
        finally:
            _request.reset(token)
