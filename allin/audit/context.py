"""Who is making the current request, so that services record the actor without every caller passing it.
The middleware keeps the request in a context variable; audit_record reads its user only when it writes (in the
service's own thread), so nothing touches the database in async code."""

from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

_request = ContextVar("allin_audit_request", default=None)


def current_user():
    request = _request.get()
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return user
    return None


class CurrentRequestMiddleware:
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
