from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "allin.accounts"
    label = "accounts"
    verbose_name = "Single sign-on"
