import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
django_asgi_app = get_asgi_application()

from django.conf import settings  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

if settings.ALLIN_SECRET_KEY_MISSING:  # no server on a key everyone can read (settings.py)
    raise ImproperlyConfigured(settings.ALLIN_MISSING_KEY_MESSAGE)

from channels.auth import AuthMiddlewareStack  # noqa: E402  (these need Django set up first)
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from allin.live.routing import websocket_urlpatterns  # noqa: E402


def bounded(app, limit):
    """At most `limit` requests inside Django per worker. Each sync view runs in a thread of its own; with no
    bound, a room posting at once makes dozens of threads queue on the database lock (SQLite's is not fair) and
    some give up. Waiting here, in the event loop, is fair and costs nothing."""
    import asyncio

    gate = asyncio.Semaphore(limit)

    async def wrapped(scope, receive, send):
        async with gate:
            await app(scope, receive, send)

    return wrapped


application = ProtocolTypeRouter(
    {
        "http": bounded(django_asgi_app, int(os.environ.get("ALLIN_REQUESTS_PER_WORKER", "8"))),
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
