"""The permission walk's table for the groups URLs (see tests/permission_routes/__init__.py)."""

from allin.groups import services
from tests.permission_table import (
    EDIT_POST,
    POST_ONLY_GET,
    READ,
    Route,
    _code,
    _live_post,
    _meeting,
    _process,
    everyone,
)

ROUTES = {
    "groups_plan": Route(_meeting, READ),
    "groups_make": Route(_meeting, POST_ONLY_GET, EDIT_POST, lambda w: {"min_size": "1", "max_size": "5"}),
    "groups_move": Route(
        _meeting,
        POST_ONLY_GET,
        EDIT_POST,
        lambda w: {"participant": w.participant.pk, "group": w.group_plan.groups.first().pk},
    ),
    "groups_pin": Route(
        _meeting, POST_ONLY_GET, EDIT_POST, lambda w: {"participant": w.participant.pk, "pinned": "1"}
    ),
    "groups_edit": Route(
        _meeting,
        POST_ONLY_GET,
        EDIT_POST,
        lambda w: {"group": w.group_plan.groups.first().pk, "name": "Tafel 1", "leader": ""},
    ),
    "groups_encounters": Route(_process, READ),
    "groups_print": Route(_meeting, READ),
    # The live meeting's groups (allin/live/groups_panel.py): a phone's own table (the walk has no phone
    # cookie: refused) and the console's switch for the projector.
    "live_my_table": Route(_code, everyone(403)),
    "live_groups_screen": _live_post(lambda w: {"on_screen": "1"}),
}


def extend_world(world):
    world.group_plan = services.plan_make(meeting=world.meeting, min_size=1, max_size=5)
