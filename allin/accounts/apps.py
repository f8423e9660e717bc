from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "allin.accounts"
    label = "accounts"
    verbose_name = "Single sign-on"

    def ready(self):
        from . import checks  # noqa: F401  (registers the start-up check)
