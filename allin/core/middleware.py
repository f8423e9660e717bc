from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from .text import REPLACEMENT, clean_user_text

# Never changed: a password is compared byte for byte, and normalising it would lock its owner out.
_UNTOUCHED = ("password", "csrfmiddlewaretoken")


class DutchFirstLocaleMiddleware:
    """Dutch unless the visitor chose another language with the language switch (a cookie). The browser's
    Accept-Language is ignored on purpose: participants share links and screens, and the methods are Dutch."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class UserTextMiddleware:
    """Every posted form value through allin.core.text.clean_user_text before any form sees it, and a form that
    did not arrive as UTF-8 refused with a Dutch message instead of stored as "\ufffd\ufffd\ufffd"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            cleaned = request.POST.copy()
            for key, values in cleaned.lists():
                if any(word in key for word in _UNTOUCHED):
                    continue
                if any(REPLACEMENT in value for value in values):
                    return _not_utf8(request)
                cleaned.setlist(key, [clean_user_text(value) for value in values])
            cleaned._mutable = False
            request.POST = cleaned
        return self.get_response(request)


def _not_utf8(request):
    message = _(
        "Deze tekst is niet goed aangekomen: er staan tekens in die we niet kunnen lezen. Typ de tekst opnieuw "
        "(of plak hem zonder opmaak) en verstuur hem nog een keer."
    )
    if request.headers.get("HX-Request") or request.headers.get("X-Live"):
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    return render(request, "core/bad_text.html", {"message": message}, status=400)
