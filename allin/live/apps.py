from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "allin.live"
    label = "live"
