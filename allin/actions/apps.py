from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "allin.actions"
    label = "actions"
