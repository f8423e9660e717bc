from django.apps import AppConfig


class ProcessesConfig(AppConfig):
    name = "allin.processes"
    label = "processes"
