"""Single sign-on pages: start (to the provider), back (from it), and logging out of both."""

from django.conf import settings
from django.contrib import auth, messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .logout import provider_logout_url


class _Enabled:
    def dispatch(self, request, *args, **kwargs):
        if not settings.ALLIN_OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SsoStartView(_Enabled, OIDCAuthenticationRequestView):
    """To the organisation's login page, with state, nonce and a PKCE challenge kept in the session."""


class SsoCallbackView(_Enabled, OIDCAuthenticationCallbackView):
    """Back from the provider: logged in, or on the login page with the reason it did not work."""

    def login_failure(self):
        reason = getattr(self.request, "sso_refusal", "") or _(
            "Inloggen met je organisatieaccount is niet gelukt. Probeer het opnieuw, of vraag je beheerder om hulp."
        )
        messages.error(self.request, reason)
        return redirect("login")


@require_POST
def logout(request):
    """Log out here; after a single sign-on also at the provider, so the next login asks who you are again."""
    url = provider_logout_url(request) if request.user.is_authenticated else None
    auth.logout(request)
    return HttpResponseRedirect(url or resolve_url(settings.LOGOUT_REDIRECT_URL))
