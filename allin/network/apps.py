from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "allin.network"
    label = "network"
