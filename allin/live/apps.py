from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "allin.live"
    label = "live"

    def ready(self):
        # Phones and the projector follow changes to the meeting's groups (a signal of allin.groups).
        from . import groups_panel  # noqa: F401
