from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "allin.groups"
    label = "groups"
