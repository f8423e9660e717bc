import pytest
from django.core.cache import cache

from tests import factories as base

from . import factories


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Tasks run at once in these tests (deterministic); tests/actions/test_tasks.py also runs the database
    backend and its worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = "http://testserver"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def process(workspace, facilitator):
    return base.process(workspace, by=facilitator)


@pytest.fixture
def session(process):
    return factories.held_session(process)


@pytest.fixture
def brug(workspace):
    return factories.partner(workspace, "Jongerenwerk De Brug")


@pytest.fixture
def gemeente(workspace):
    return factories.partner(workspace, "Gemeente Voorbeeldstad, schuldhulp")
