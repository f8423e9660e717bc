"""The workspace's look in the permission walk: owners set it; its stylesheet and logo are public, by an
unguessable key, because phones, the projector and the feedback page need them without an account."""

from django.core.files.uploadedfile import SimpleUploadedFile

from allin.demo.look import logo_png
from allin.workspaces import look_services
from tests.permission_table import Route, _ws, each, everyone


def _key(w):
    return {"key": getattr(w.look, "key", "x")}  # the walk's stand-in world at collection time has no key


OWNER_PAGE = each("login", 404, 403, 403, 200)
OWNER_POST = each("login", 404, 403, 403, "allowed")

ROUTES = {
    "workspace_look": Route(
        _ws,
        OWNER_PAGE,
        OWNER_POST,
        lambda w: {"primary": "#00607a", "secondary": "#b35c00", "font": "system"},
    ),
    "look_preview_css": Route(_ws, OWNER_POST),  # without colours in the query the owner gets a 400
    "look_css": Route(_key, everyone(200)),
    "look_logo": Route(_key, everyone(200)),
}


def extend_world(world):
    upload = SimpleUploadedFile("logo.png", logo_png("Gemeente Test"), content_type="image/png")
    world.look = look_services.look_set(
        workspace=world.workspace, primary="#0b5394", secondary="#c05a00", font="system", logo_upload=upload
    )
