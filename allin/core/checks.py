"""Start-up checks (`manage.py check`, runserver, migrate): settings that would make links dead."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register
from django.http.request import split_domain_port, validate_host


@register()
def site_url_is_allowed(app_configs, **kwargs):
    """Links sent without a request (reminders, the task worker) use ALLIN_SITE_URL; when its host is not one
    this app answers to, every such link ends on a 400 page."""
    netloc = urlsplit(settings.SITE_URL).netloc
    host, _port = split_domain_port(netloc)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]  # what Django itself allows then
    if host and validate_host(host, allowed):
        return []
    return [
        Warning(
            f"ALLIN_SITE_URL ({settings.SITE_URL}) names host {host or netloc!r}, which is not in "
            f"ALLIN_ALLOWED_HOSTS ({', '.join(allowed) or 'empty'}): links in e-mails and from background tasks "
            "would not open.",
            hint="Add the host to ALLIN_ALLOWED_HOSTS or correct ALLIN_SITE_URL.",
            id="allin.W001",
        )
    ]
