from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "allin.core"
    label = "core"

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import checks  # noqa: F401  (registers the start-up checks)
        from .sqlite import use_wal

        connection_created.connect(use_wal, dispatch_uid="allin-sqlite-wal")
