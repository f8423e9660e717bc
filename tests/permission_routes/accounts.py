"""Single sign-on in the permission walk: without ALLIN_OIDC_* settings its pages do not exist for anyone
(tests/accounts/test_sso.py walks them with a real provider)."""

from tests.permission_table import Route, everyone

ROUTES = {
    "sso_start": Route(lambda w: {}, everyone(404), everyone(404)),
    "sso_callback": Route(lambda w: {}, everyone(404), everyone(404)),
}


def extend_world(world):
    pass
