"""The permission walk's table for the reports URLs (see tests/permission_routes/__init__.py)."""

ROUTES = {}


def extend_world(world):
    pass
