"""The permission walk's table for the groups URLs (see tests/permission_routes/__init__.py)."""

from allin.groups import services
from tests.permission_table import EDIT_POST, POST_ONLY_GET, READ, Route, _meeting, _process

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
}


def extend_world(world):
    world.group_plan = services.plan_make(meeting=world.meeting, min_size=1, max_size=5)
