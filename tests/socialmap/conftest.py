"""A process with an empty social map, and a fresh cache for every test (rate-limit counts must not leak)."""

import pytest
from django.core.cache import cache

from tests import factories


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def process(workspace):
    return factories.empty_process(workspace, name="ALL-IN Teststad")


@pytest.fixture
def group(process):
    from allin.socialmap import services

    return services.group_create(process=process, name="Groepje 1")
