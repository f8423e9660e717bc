"""A live meeting in the shared workspace, its first notes board and an attendee; a fresh cache and channel
layer for every test, so rate-limit counts and group memberships never leak from one test into the next."""

import pytest
from channels.layers import channel_layers
from django.core.cache import cache

from . import helpers


@pytest.fixture(autouse=True)
def _fresh_cache_and_layer(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    cache.clear()
    channel_layers.backends = {}
    yield
    cache.clear()
    channel_layers.backends = {}


@pytest.fixture
def live(workspace):
    return helpers.live_meeting(workspace)


@pytest.fixture
def board(live):
    """The tips/tops board (categories top and tip), made the current item."""
    return helpers.start_board(live)


@pytest.fixture
def attendee(live):
    return helpers.join(live)


@pytest.fixture
def other_live(workspace):
    """Another meeting of the same workspace, live, on its own tips/tops board."""
    other = helpers.live_meeting(workspace, name="Andere bijeenkomst")
    helpers.start_board(other)
    return other
