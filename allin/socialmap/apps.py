from django.apps import AppConfig


class SocialmapConfig(AppConfig):
    name = "allin.socialmap"
    label = "socialmap"
