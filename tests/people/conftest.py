"""A fresh cache per test (rate limits) and a process with a meeting in the future for the people tests."""

import pytest
from django.core.cache import cache

from tests import factories

from . import factories as people_factories


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SITE_URL = "https://allin.example.nl"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def process(workspace):
    return factories.empty_process(workspace, name="ALL-IN Rivierstad")


@pytest.fixture
def meeting(process):
    return people_factories.future_meeting(process)


@pytest.fixture
def sam(process):
    return people_factories.participant(process, name="Sam", email="sam@example.org")


@pytest.fixture
def noor(process):
    return people_factories.participant(process, name="Noor", email="noor@example.org")
