"""The permission walk's vocabulary: personas, what each may get, and a Route. Shared by tests/test_permissions.py
and the per-app tables in tests/permission_routes/, so that a new app lists its URLs in a file of its own."""

from typing import NamedTuple

PERSONAS = ("anonymous", "outsider", "viewer", "facilitator", "owner")
LOGIN = "login"  # 302 to the login page
ALLOWED = "allowed"  # 200, 302 elsewhere, or 400 for the empty form
SKIPPED_NAMESPACES = {"admin"}


def each(anonymous, outsider, viewer, facilitator, owner):
    return dict(zip(PERSONAS, (anonymous, outsider, viewer, facilitator, owner), strict=True))


def everyone(expected):
    return each(*[expected] * len(PERSONAS))


# Workspace pages. The outsider is an owner of another workspace, so only membership can be what stops them.
READ = each(LOGIN, 404, 200, 200, 200)
EDIT_PAGE = each(LOGIN, 404, 403, 200, 200)  # a form page that viewers may not even open
EDIT_POST = each(LOGIN, 404, 403, ALLOWED, ALLOWED)
POST_ONLY_GET = each(LOGIN, 404, 403, 405, 405)  # a POST-only edit view, opened with GET
OWNER_GET = each(LOGIN, 404, 403, 403, 405)  # a POST-only member-management view, opened with GET
OWNER_POST = each(LOGIN, 404, 403, 403, ALLOWED)
ACCOUNT_PAGE = each(LOGIN, 200, 200, 200, 200)  # any logged-in person, no workspace involved


class Route(NamedTuple):
    kwargs: object  # world -> URL kwargs
    get: dict
    post: dict | None = None  # None: the view does not take POST
    data: object = None  # world -> POST data


def _ws(w):
    return {"workspace": w.workspace.slug}


def _process(w):
    return {**_ws(w), "pk": w.process.pk}


def _meeting(w):
    return {**_ws(w), "pk": w.meeting.pk}


def _agenda_item(w):
    return {**_meeting(w), "item_pk": w.agenda_item.pk}


def _photo(w):
    return {**_ws(w), "pk": w.photo_card.pk}


def _code(w):
    return {"code": w.live.code}


def _projector(w):
    return {"code": w.live.code, "key": w.projector_key}


def _live_post(data):
    """A console action: a POST-only edit view, posted with data that names the world's objects."""
    return Route(_meeting, POST_ONLY_GET, EDIT_POST, data)
