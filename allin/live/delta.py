"""A screen catching up: the stage views answer `?since=<version>` with what that screen missed — nothing
(204), the notes added since (JSON operations, projector and consoles), or, when that is not enough, the
whole stage as always (the view renders it). Used after a gap in the pushed versions, a reconnect, or a
quiet spell (live.js)."""

from django.http import HttpResponse, JsonResponse

from . import screens, selectors


def _since(request) -> int | None:
    value = request.GET.get("since", "")
    return int(value) if value.isdigit() and len(value) <= 18 else None


def answer(request, live, audience, *, phone=False) -> HttpResponse | None:
    """The catching-up answer, or None when the view should render the whole stage."""
    since = _since(request)
    if since is None:
        return None
    change = selectors.changes_since(live, since, phone=phone)
    if change == selectors.WHOLE_STAGE:
        return None
    if change == selectors.NOTHING:
        response = HttpResponse(status=204)
    else:
        response = JsonResponse({"v": live.version, "ops": screens.delta_ops(change, audience)})
    response["X-Live-Version"] = str(live.version)
    return response
