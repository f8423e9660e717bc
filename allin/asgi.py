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

from allin.core.gate import bounded  # noqa: E402
from allin.live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        # The whole body first, then a place in the gate (allin/core/gate.py): slow senders cannot stall a worker.
        "http": bounded(
            django_asgi_app,
            limit=settings.ALLIN_REQUESTS_PER_WORKER,
            body_max_bytes=settings.ALLIN_BODY_MAX_BYTES,
            body_seconds=settings.ALLIN_BODY_SECONDS,
        ),
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
