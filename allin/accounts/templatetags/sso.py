"""What the login page offers: the organisation account, passwords, or both
(settings ALLIN_OIDC_*, ALLIN_PASSWORD_LOGIN)."""

from django import template
from django.conf import settings
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def password_login():
    return settings.ALLIN_PASSWORD_LOGIN


@register.inclusion_tag("accounts/_sso_login.html", takes_context=True)
def sso_login(context):
    name = settings.ALLIN_OIDC_PROVIDER_NAME
    return {
        "enabled": settings.ALLIN_OIDC_ENABLED,
        "label": _("Inloggen met %(name)s") % {"name": name}
        if name
        else _("Inloggen met je organisatieaccount"),
        "next": context.get("next", ""),
        "only": not settings.ALLIN_PASSWORD_LOGIN,
    }
