"""The permission walk's table for the actions URLs (see tests/permission_routes/__init__.py)."""

ROUTES = {}


def extend_world(world):
    pass
