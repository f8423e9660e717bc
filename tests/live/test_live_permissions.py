"""The permission walk of tests/test_permissions.py, for a live meeting's people without an account: a phone
that joined (its signed cookie), a phone of another meeting, the projector (the secret key in its link) and a
projector whose link was renewed. A cookie opens its own meeting's phone pages only; the key opens the
projector pages only; a renewed link opens nothing; neither is an account, so every workspace page sends them
to the login page. The world is the permission walk's own."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from allin.live import attendance
from allin.live.urls import public_patterns
from tests import test_permissions as walk

LOGIN, ROUTES, _check = walk.LOGIN, walk.ROUTES, walk._check
# The fixture: a workspace with a process, a live meeting, a phone and a renewed projector link.
world = walk.world

LIVE_PERSONAS = ("attendee", "foreign_attendee", "projector", "revoked_projector")
# A co-host (allin/live/cohost.py) is a phone of the meeting as well: where a route names no co-host, they get
# what its phone gets; a revoked co-host is just that phone again, on the co-host's pages too.
PHONE_LIKE = {"cohost": "attendee", "revoked_cohost": "attendee"}

# name: {persona: (GET, POST)}; POST None where the URL takes no POST.
LIVE_ROUTES = {
    "live_code": dict.fromkeys(LIVE_PERSONAS, (404, None)),
    "live_join": {**dict.fromkeys(LIVE_PERSONAS, (200, 400)), "attendee": (200, 200)},  # 200: the phone page
    # The QR code's link with a wrong key (none of these personas holds the join key): on to the code page.
    "live_join_qr": dict.fromkeys(LIVE_PERSONAS, (302, 302)),
    "live_phone_stage": {**dict.fromkeys(LIVE_PERSONAS, (403, None)), "attendee": (200, None)},
    "live_note_post": {**dict.fromkeys(LIVE_PERSONAS, (405, 403)), "attendee": (405, 400)},
    "live_projector": {**dict.fromkeys(LIVE_PERSONAS, (404, None)), "projector": (200, None)},
    "live_projector_stage": {**dict.fromkeys(LIVE_PERSONAS, (404, None)), "projector": (200, None)},
    "live_photo_phone": {**dict.fromkeys(LIVE_PERSONAS, (404, None)), "attendee": (200, None)},
    "live_photo_projector": {**dict.fromkeys(LIVE_PERSONAS, (404, None)), "projector": (200, None)},
    # The world's consent check: its own phone sees its part, and its post gets past the check (a plain form
    # is sent back to the phone page with a Dutch reason: the item is not the current one), never a 403.
    "live_activity_mine": {**dict.fromkeys(LIVE_PERSONAS, (403, None)), "attendee": (200, None)},
    "live_activity_action": {**dict.fromkeys(LIVE_PERSONAS, (405, 403)), "attendee": (405, walk.ALLOWED)},
    # The phone's own table in a group plan: only the meeting's own phone (an empty part when it has no table).
    "live_my_table": {**dict.fromkeys(LIVE_PERSONAS, (403, None)), "attendee": (200, None)},
    # The co-host's phone: an invitation opens for anyone with the link; the phone that already co-hosts cannot
    # accept a second one. Its controls open only for the co-host; to a phone of the meeting that is none (or
    # no longer), the stage answers with the refusal in place of the controls.
    "live_cohost_invitation": {**dict.fromkeys(LIVE_PERSONAS, (200, 302)), "cohost": (200, 400)},
    "live_cohost": {**dict.fromkeys(LIVE_PERSONAS, (403, None)), "cohost": (200, None)},
    "live_cohost_stage": {
        **dict.fromkeys(LIVE_PERSONAS, (403, None)),
        "attendee": (200, None),
        "cohost": (200, None),
    },
    "live_cohost_action": {**dict.fromkeys(LIVE_PERSONAS, (405, 403)), "cohost": (405, 302)},
}


def _client(world, persona):
    client = Client()
    phones = {
        "attendee": (world.live, world.attendee),
        "foreign_attendee": (world.other_live, world.foreign_attendee),
        "cohost": (world.live, world.cohost_attendee),
        "revoked_cohost": (world.live, world.revoked_cohost_attendee),
    }
    if persona in phones:
        live, attendee = phones[persona]
        response = HttpResponse()
        attendance.remember(response, live, attendee)
        value = response.cookies[attendance.cookie_name(live)].value
        # A foreign phone's cookie under its own name and under this meeting's name: neither may count.
        client.cookies[attendance.cookie_name(live)] = value
        client.cookies[attendance.cookie_name(world.live)] = value
    return client


def _kwargs(world, persona, name):
    kwargs = ROUTES[name].kwargs(world)
    if "key" in kwargs:
        keys = {"projector": world.projector_key, "revoked_projector": world.revoked_key}
        kwargs["key"] = keys.get(persona, "x" * 32)
    return kwargs


def test_every_public_live_url_is_in_the_table():
    assert {pattern.name for pattern in public_patterns} == set(LIVE_ROUTES)


def _cases():
    for name in (name for name in ROUTES if name.startswith("live_")):
        for persona in (*LIVE_PERSONAS, *PHONE_LIKE):
            table = LIVE_ROUTES.get(name, {})
            row = persona if persona in table or persona not in PHONE_LIKE else PHONE_LIKE[persona]
            get, post = table[row] if name in LIVE_ROUTES else (LOGIN, LOGIN)
            yield pytest.param(name, persona, get, post, id=f"{name}-{persona}")


@pytest.mark.parametrize("name, persona, get, post", list(_cases()))
def test_live_personas(world, name, persona, get, post):
    url = reverse(name, kwargs=_kwargs(world, persona, name))
    client = _client(world, persona)
    _check(client.get(url), get, url)
    if post is not None and ROUTES[name].post is not None:
        _check(client.post(url, {}), post, url)


def test_the_cohost_opens_no_page_that_needs_an_account(world):
    """Every page of the walk behind a login (the console, the participant list, other meetings, the audit
    log, ...), walked in one world for the co-host's phone: a co-host has no account, so each sends them to the
    login page, GET and POST alike."""
    client = _client(world, "cohost")
    behind_login = [name for name, route in ROUTES.items() if route.get["anonymous"] == LOGIN]
    assert "live_console" in behind_login and "participant_list" in behind_login
    for name in behind_login:
        route = ROUTES[name]
        url = reverse(name, kwargs=route.kwargs(world))
        _check(client.get(url), LOGIN, url)
        if route.post is not None:
            _check(client.post(url, {}), LOGIN, url)
