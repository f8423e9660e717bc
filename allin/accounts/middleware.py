from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve

# The pages that only make sense while people log in with a password.
PASSWORD_PAGES = {
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


def _password_page(request) -> bool:
    if settings.ALLIN_PASSWORD_LOGIN:
        return False
    try:
        return resolve(request.path_info).url_name in PASSWORD_PAGES
    except Resolver404:
        return False


class PasswordLoginSwitchMiddleware:
    """With ALLIN_PASSWORD_LOGIN=false the password reset pages answer 404: a new password could not be used."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self._acall(request)
        if _password_page(request):
            raise Http404
        return self.get_response(request)

    async def _acall(self, request):
        if _password_page(request):
            raise Http404
        return await self.get_response(request)
