from django.apps import AppConfig


class WorkspacesConfig(AppConfig):
    name = "allin.workspaces"
    label = "workspaces"

    def ready(self):
        from allin.core.panels import panel_register

        # The workspace's own look on every page: base.html is shared (core's floor), so it names places and
        # workspaces fills them, rendered in the page's context so the look finds the page's workspace.
        panel_register(place="head_styles", template="workspaces/_look_stylesheet.html")
        panel_register(place="site_logo", template="workspaces/_look_logo.html")
