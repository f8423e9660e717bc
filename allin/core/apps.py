from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "allin.core"
    label = "core"
