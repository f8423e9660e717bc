from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "allin.live"
    label = "live"

    def ready(self):
        from . import checks, groups_panel, registry  # noqa: F401

        # Every kind module registers its spec.
        registry.discover()
        # (groups_panel: phones and the projector follow changes to the meeting's groups, a signal of allin.groups.)
