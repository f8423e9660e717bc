"""The audit log in the permission walk: owners only, like the workspace's member management."""

from tests.permission_table import Route, _ws, each

OWNER_PAGE = each("login", 404, 403, 403, 200)

ROUTES = {
    "audit_log": Route(_ws, OWNER_PAGE),
}


def extend_world(world):
    pass
