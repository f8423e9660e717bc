from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "allin.audit"
    label = "audit"
