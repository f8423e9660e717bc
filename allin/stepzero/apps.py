from django.apps import AppConfig


class StepzeroConfig(AppConfig):
    name = "allin.stepzero"
    label = "stepzero"
