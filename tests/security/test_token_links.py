"""Every public URL with a secret in its path (a token, key or code), walked for four personas:

- the holder of a valid link gets the page (and opening it often is not held against them);
- the holder of a revoked (or renewed, or closed) link gets 404 or 410 with a Dutch message, and a POST saves
  nothing;
- a forged secret gets 404;
- an address that tried too many wrong secrets gets a calm Dutch 429 page, for every link, until the minute is
  over, while a valid link from another address keeps working. The counts live in the shared cache
  (allin/core/ratelimit.py), so all workers see them.

A new public route with a token, key or code in its path makes this module fail until it is listed in LINKS (or,
with a reason, in NO_ORACLE / EXEMPT).

The world (objects, valid secrets) is the permission walk's: tests/test_permissions.py and
tests/permission_routes/*.py.
"""

import re
import uuid
from typing import NamedTuple

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from allin.actions import feedback, followup
from allin.actions import services as action_services
from allin.core import ratelimit
from allin.live import cohost as cohosts
from allin.live import phone_views
from allin.network import services as network_services
from allin.people import invitations as people_invitations
from allin.socialmap import preparation_views, preparations
from allin.workspaces import services as workspace_services
from tests.security import snapshot
from tests.test_permissions import ROUTES
from tests.test_permissions import world as _permission_world  # noqa: F401  (a fixture)

TOKEN_KWARGS = {"token", "key", "code", "uidb64"}
HERE = "203.0.113.7"
ELSEWHERE = "198.51.100.9"


class Link(NamedTuple):
    revoke: (
        object  # (world, kwargs) -> kwargs of the revoked link, after revoking it; None: nothing to revoke
    )
    post_only: bool = False
    data: object = None  # world -> POST data (a real answer, so "nothing saved" means something)
    limit: int = ratelimit.WRONG_LINKS_PER_MINUTE


def _same(do):
    def revoke(w, kwargs):
        do(w)
        return kwargs

    return revoke


def _old_projector_key(w, kwargs):
    return {**kwargs, "key": w.revoked_key}  # the world renewed the projector link once


_partner = _same(lambda w: network_services.partner_link_revoke(partner=w.network_partner))
_feedback = _same(lambda w: feedback.feedback_key_renew(process=w.process))
_owner = _same(lambda w: action_services.owner_link_revoke(action=w.action))
_agreement = _same(lambda w: followup.agreement_key_renew(agreement=w.agreement))

LINKS = {
    # network: a partner's personal card link, the participants' network list
    "partner_card_about": Link(_partner, data=lambda w: {"name": "Nep", "kind": "mbo"}),
    "partner_card_views": Link(_partner, data=lambda w: {"ideas": "Nep"}),
    "partner_card_done": Link(_partner),
    "participant_network": Link(_same(lambda w: network_services.participant_link_revoke(process=w.process))),
    # people: the personal RSVP link
    "rsvp": Link(
        _same(lambda w: people_invitations.invitation_revoke(invitation=w.participant_invitation)),
        data=lambda w: {"answer": "ja", "remark": "Ik kom"},
    ),
    # socialmap: the preparation link (its own counts, in allin/socialmap/preparation_views.py)
    "preparation_form": Link(
        _same(lambda w: preparations.preparation_revoke(preparation=w.preparation)),
        limit=preparation_views.WRONG_LINKS_PER_MINUTE,
    ),
    # actions: the feedback page and its reactions, the owner's page, the agreement card on a phone
    "feedback_public": Link(_feedback),
    "feedback_react": Link(
        _feedback,
        post_only=True,
        data=lambda w: {"text": "Mooi plan!", "client_id": str(uuid.uuid4())},
    ),
    "action_owner": Link(_owner, data=lambda w: {"text": "Loopt goed", "client_id": str(uuid.uuid4())}),
    "action_owner_reply": Link(_owner, post_only=True, data=lambda w: {"text": "Dank je wel!"}),
    "agreement_phone": Link(_agreement, data=lambda w: {"what": "Bellen"}),
    "agreement_phone_delete": Link(_agreement, post_only=True, data=lambda w: {}),
    # live: the join code (its own counts, in allin/live/phone_views.py; a code is not revoked), the projector
    "live_join": Link(None, limit=phone_views.WRONG_CODES_PER_MINUTE),
    "live_projector": Link(_old_projector_key),
    "live_projector_stage": Link(_old_projector_key),
    "live_photo_projector": Link(_old_projector_key),
    # the co-host's invitation (ALL-INstructeur): revoked, its secret opens nothing
    "live_cohost_invitation": Link(
        _same(lambda w: cohosts.cohost_revoke(cohost=cohosts.invitation_for(w.cohost_token))),
        data=lambda w: {"name": ""},
    ),
    # workspaces: the invitation to become a member
    "invitation_accept": Link(
        _same(lambda w: workspace_services.invitation_revoke(invitation=w.invitation)),
        data=lambda w: {"full_name": "Nep Lid", "password": "een-lang-wachtwoord-42"},
    ),
}

# A phone's routes behind its join code: they only serve a phone that joined (a signed cookie). A wrong code
# answers exactly like a right code without that cookie, so guessing learns nothing (tested below).
NO_ORACLE = {
    "live_phone_stage",
    "live_note_post",
    "live_activity_mine",
    "live_activity_action",
    "live_my_table",
    "live_photo_phone",
    "live_cohost",
    "live_cohost_stage",
    "live_cohost_action",
}

EXEMPT = {
    # Django's own view: the token is an HMAC over the user's password hash and last login (it cannot be guessed
    # and dies with a new password); the view moves it out of the URL into the session at once.
    "password_reset_confirm",
    # The QR code's join key: a wrong key opens nothing a code does not (it only lets the right key skip the
    # mistyped-code limit, tests/live/test_room.py) and "Nieuwe QR-code" replaces it.
    "live_join_qr",
    # A workspace's house style, published on purpose to phones and the feedback page; the key in the address
    # changes with each save so that no cache serves an old look (tests/workspaces/test_look.py).
    "look_css",
    "look_logo",
}


def _public_token_routes(patterns, prefix=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _public_token_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and not route.startswith("w/"):
            names = set(re.findall(r"<(?:\w+:)?(\w+)>", route)) | set(re.findall(r"\(\?P<(\w+)>", route))
            if names & TOKEN_KWARGS:
                yield entry.name


def test_every_public_token_route_is_listed():
    found = set(_public_token_routes(get_resolver().url_patterns))
    listed = set(LINKS) | NO_ORACLE | EXEMPT
    assert found == listed, {
        "not listed here": sorted(found - listed),
        "no longer a URL": sorted(listed - found),
    }


@pytest.fixture
def world(_permission_world):  # noqa: F811  (the walk's world, under the name its routes expect)
    return _permission_world


@pytest.fixture(autouse=True)
def _clean_counts():
    cache.clear()
    yield
    cache.clear()


def _client(address=HERE):
    return Client(REMOTE_ADDR=address)


def _forged(kwargs):
    """The same link with each secret replaced by a well-formed one that opens nothing."""
    return {
        name: ("".join("Y" if c == "Z" else "Z" for c in value) if name in TOKEN_KWARGS else value)
        for name, value in kwargs.items()
    }


def _open(client, name, kwargs, world, post=False):
    url = reverse(name, kwargs=kwargs)
    if post or LINKS[name].post_only:
        data = LINKS[name].data(world) if LINKS[name].data else {}
        return client.post(url, data)
    return client.get(url)


def _valid_ok(response):
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        assert "/inloggen/" not in response["Location"]


def _is_dutch_refusal(response, statuses):
    assert response.status_code in statuses, response.status_code
    text = response.content.decode()
    assert any(word in text for word in ("niet", "ingetrokken", "verlopen", "Even wachten")), text[:400]


def _takes_post(name):
    return LINKS[name].post_only or ROUTES[name].post is not None


@pytest.mark.parametrize("name", sorted(LINKS))
def test_holder_of_a_valid_link(world, name):
    kwargs = ROUTES[name].kwargs(world)
    _valid_ok(_open(_client(), name, kwargs, world))


@pytest.mark.parametrize("name", sorted(n for n, link in LINKS.items() if not link.post_only))
def test_a_valid_link_opened_often_is_not_limited(world, name):
    kwargs = ROUTES[name].kwargs(world)
    client = _client()
    for _ in range(LINKS[name].limit + 3):
        response = _open(client, name, kwargs, world)
    _valid_ok(response)


@pytest.mark.parametrize("name", sorted(n for n, link in LINKS.items() if link.revoke is not None))
def test_holder_of_a_revoked_link(world, name):
    kwargs = LINKS[name].revoke(world, ROUTES[name].kwargs(world))
    client = _client()
    if not LINKS[name].post_only:
        _is_dutch_refusal(_open(client, name, kwargs, world), (404, 410))
    if _takes_post(name):
        before = snapshot.counts()
        _is_dutch_refusal(_open(client, name, kwargs, world, post=True), (404, 410))
        assert snapshot.counts() == before


@pytest.mark.parametrize("name", sorted(LINKS))
def test_forged_secret(world, name):
    kwargs = _forged(ROUTES[name].kwargs(world))
    client = _client()
    if not LINKS[name].post_only:
        _is_dutch_refusal(_open(client, name, kwargs, world), (404,))
    if _takes_post(name):
        before = snapshot.counts()
        _is_dutch_refusal(_open(client, name, kwargs, world, post=True), (404,))
        assert snapshot.counts() == before


@pytest.mark.parametrize("name", sorted(LINKS))
def test_too_many_wrong_secrets_from_one_address(world, name):
    valid = ROUTES[name].kwargs(world)
    forged = _forged(valid)
    here = _client(HERE)
    for _ in range(LINKS[name].limit):
        assert _open(here, name, forged, world).status_code == 404
    refused = _open(here, name, forged, world)
    _is_dutch_refusal(refused, (429,))
    assert "Even wachten" in refused.content.decode()
    # From this address even the right link waits (and saves nothing) until the minute is over...
    before = snapshot.counts()
    assert _open(here, name, valid, world, post=_takes_post(name)).status_code == 429
    assert snapshot.counts() == before
    # ...while its holder elsewhere is not bothered.
    _valid_ok(_open(_client(ELSEWHERE), name, valid, world))


def test_wrong_links_count_together_across_routes(world):
    """One counter per address for all links behind the shared helper: spreading guesses over kinds of links
    does not multiply the attempts."""
    here = _client(HERE)
    names = ["partner_card_about", "rsvp", "action_owner", "live_projector", "invitation_accept"]
    for attempt in range(ratelimit.WRONG_LINKS_PER_MINUTE):
        name = names[attempt % len(names)]
        assert _open(here, name, _forged(ROUTES[name].kwargs(world)), world).status_code == 404
    assert (
        _open(here, "agreement_phone", _forged(ROUTES["agreement_phone"].kwargs(world)), world).status_code
        == 429
    )


def test_the_counts_are_in_the_shared_cache(world):
    """The view counts through django's cache (Redis when ALLIN_REDIS_URL is set): what one worker counted,
    another sees."""
    here = _client(HERE)
    _open(here, "rsvp", _forged(ROUTES["rsvp"].kwargs(world)), world)
    assert cache.get(f"rl:link-wrong:{HERE}") == 1


@pytest.mark.parametrize("name", sorted(NO_ORACLE))
def test_a_phone_route_does_not_tell_a_wrong_code_from_a_right_one(world, name):
    route = ROUTES[name]
    kwargs = route.kwargs(world)
    data = route.data(world) if route.data else {}
    method = "get" if route.get["anonymous"] != 405 else "post"
    right = getattr(Client(), method)(reverse(name, kwargs=kwargs), data)
    wrong = getattr(Client(), method)(reverse(name, kwargs=_forged(kwargs)), data)
    assert right.status_code == wrong.status_code
    assert right.status_code in (403, 404)
