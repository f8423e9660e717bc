"""The co-host of a live meeting (allin/live/cohost_views.py) in the permission walk: the facilitator's co-host
page and its three actions, and the co-host's phone pages for people without their cookie (with it, and for
the co-host persona itself: tests/live/test_live_permissions.py)."""

from allin.live import cohost as cohosts
from allin.live import services as live_services
from tests.permission_table import EDIT_PAGE, Route, _code, _live_post, _meeting, everyone

ROUTES = {
    "live_cohosts": Route(_meeting, EDIT_PAGE),
    "live_cohost_invite": _live_post(None),
    "live_cohost_from_phone": _live_post(lambda w: {"attendee": w.attendee.pk}),
    "live_cohost_revoke": _live_post(lambda w: {"cohost": w.cohost.pk}),
    # public: the invitation opens for whoever holds the link, and posted (no name is needed) it is accepted
    "live_cohost_invitation": Route(lambda w: {"token": w.cohost_token}, everyone(200), everyone(302)),
    "live_cohost": Route(_code, everyone(403)),
    "live_cohost_stage": Route(_code, everyone(403)),
    "live_cohost_action": Route(lambda w: {**_code(w), "action": "stap"}, everyone(405), everyone(403)),
}


def extend_world(world):
    """An open invitation, a co-host who accepted one (on a phone of its own), and one whose role was revoked."""
    _pending, world.cohost_token = cohosts.cohost_invite(live=world.live)
    accepted, _token = cohosts.cohost_invite(live=world.live)
    world.cohost = cohosts.cohost_accept(cohost=accepted, attendee=None, name="")
    world.cohost_attendee = world.cohost.attendee
    revoked = cohosts.cohost_from_phone(
        live=world.live, attendee=live_services.attendee_join(live=world.live, name="", role="jongere")
    )
    cohosts.cohost_revoke(cohost=revoked)
    world.revoked_cohost_attendee = revoked.attendee
