from django.apps import AppConfig
from django.core import checks


class MethodsConfig(AppConfig):
    name = "allin.methods"
    label = "methods"

    def ready(self):
        checks.register(check_library, "methods")


def check_library(app_configs=None, **kwargs):
    """A broken method file stops runserver and migrate with a message naming the file and field."""
    from .loader import LibraryError, load_library

    try:
        methods = load_library()
    except LibraryError as exc:
        return [checks.Error(str(exc), id="methods.E001")]
    if not methods:
        return [checks.Error("allin/methods/library/ bevat geen methoden", id="methods.E002")]
    return []
