from django.apps import AppConfig


class WorkspacesConfig(AppConfig):
    name = "allin.workspaces"
    label = "workspaces"
