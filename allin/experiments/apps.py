from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "allin.experiments"
    label = "experiments"
