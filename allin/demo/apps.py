from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "allin.demo"
    label = "demo"
