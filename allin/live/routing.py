from django.urls import re_path

from .consumers import LiveConsumer

websocket_urlpatterns = [
    re_path(r"^ws/live/(?P<code>[A-Z0-9]{6})/(?P<audience>phones|console)/$", LiveConsumer.as_asgi()),
    re_path(
        r"^ws/live/(?P<code>[A-Z0-9]{6})/(?P<audience>projector)/(?P<key>[A-Za-z0-9_\-]{10,64})/$",
        LiveConsumer.as_asgi(),
    ),
]
