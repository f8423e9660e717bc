"""Security headers that depend on the page.

Every page refuses to be framed (X-Frame-Options: DENY and CSP frame-ancestors 'none'). A few pages, named in
settings.ALLIN_SAME_ORIGIN_FRAMES, may be framed by pages of this site only: the projector, so that the
facilitator's console could show it as a preview. Nothing else may frame them.
"""

from csp.constants import SELF
from django.conf import settings


class SameOriginFramesMiddleware:
    """Must sit after (inside) XFrameOptionsMiddleware and CSPMiddleware in MIDDLEWARE: both leave a header or
    policy part alone that an inner middleware has already set."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.names = frozenset(getattr(settings, "ALLIN_SAME_ORIGIN_FRAMES", ()))

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name in self.names:
            response["X-Frame-Options"] = "SAMEORIGIN"
            response._csp_replace = {
                **(getattr(response, "_csp_replace", None) or {}),
                "frame-ancestors": [SELF],
            }
        return response
