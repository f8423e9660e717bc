from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "allin.live"
    label = "live"

    def ready(self):
        from . import checks, groups_panel, photo_set, registry, screens  # noqa: F401

        # Every kind module registers its spec; the screens layer listens to the events services announce.
        registry.discover()
        screens.listen()
        # A new workspace starts with the shipped photo cards.
        photo_set.listen()
        # (groups_panel: phones and the projector follow changes to the meeting's groups, a signal of allin.groups.)
