from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "allin.exports"
    label = "exports"
