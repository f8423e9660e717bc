"""Who is making the current request, so that services record the actor without every caller passing it.
core's middleware keeps the request in a context variable; audit_record reads its user only when it writes (in
the service's own thread), so nothing touches the database in async code."""

from allin.core.site import current_request


def current_user():
    user = getattr(current_request(), "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return user
    return None
