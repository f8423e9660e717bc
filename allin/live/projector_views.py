"""The projector: a page of its own behind a secret link, so it can run on a second screen or be shared in an
online meeting. It shows nothing personal: names only where an attendee chose to show theirs."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from allin.core import ratelimit
from allin.core.tokens import secrets_match

from . import delta, realtime, selectors
from .models import LiveMeeting


def _live(code, key):
    live = LiveMeeting.objects.select_related("meeting__process").filter(code=code).first()
    if live is None or not secrets_match(key, live.projector_key):
        raise Http404
    return live


@never_cache
@ratelimit.token_link
@require_GET
def projector(request, code, key):
    live = _live(code, key)
    return render(request, "live/projector.html", selectors.stage(live))


@never_cache
@ratelimit.token_link
@require_GET
def projector_stage(request, code, key):
    live = _live(code, key)
    caught_up = delta.answer(request, live, realtime.PROJECTOR)
    if caught_up is not None:
        return caught_up
    response = render(request, "live/_projector_stage.html", selectors.stage(live))
    response["X-Live-Version"] = str(live.version)
    return response
