"""Personas shared by all tests: an owner, a facilitator (colleague) and a viewer of one workspace, and an
outsider who is a member of another workspace only."""

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from allin.workspaces.models import Role

from . import factories

# Property tests judge answers, not speed: on a shared, busy machine a slow example is not a wrong one.
hypothesis_settings.register_profile("allin", deadline=None)
hypothesis_settings.load_profile("allin")


@pytest.fixture(autouse=True)
def _plain_static(settings, tmp_path):
    # Tests render templates without a collected manifest; the default storage needs none.
    settings.STORAGES = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_rate_limit_counts():
    # Rate limits count per address in the cache; every test client is 127.0.0.1, so counts must not leak
    # from one test into the next.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def workspace(db):
    return factories.workspace("Gemeente Voorbeeldstad")


@pytest.fixture
def owner(workspace):
    return factories.member(workspace, Role.OWNER, full_name="Olga Eigenaar")


@pytest.fixture
def facilitator(workspace):
    return factories.member(workspace, Role.FACILITATOR, full_name="Fatima Begeleider")


@pytest.fixture
def viewer(workspace):
    return factories.member(workspace, Role.VIEWER, full_name="Victor Meekijker")


@pytest.fixture
def outsider(db):
    other = factories.workspace("Gemeente Elders")
    return factories.member(other, Role.OWNER, full_name="Otto Buitenstaander")


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user, backend="allin.workspaces.backends.EmailBackend")
    return client


@pytest.fixture
def as_owner(owner):
    return client_for(owner)


@pytest.fixture
def as_facilitator(facilitator):
    return client_for(facilitator)


@pytest.fixture
def as_viewer(viewer):
    return client_for(viewer)


@pytest.fixture
def as_outsider(outsider):
    return client_for(outsider)


@pytest.fixture
def allin_process(workspace, facilitator):
    return factories.process(workspace, by=facilitator)
