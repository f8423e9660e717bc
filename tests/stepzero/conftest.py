"""A child-poverty process with two organisations and three participants."""

import pytest

from allin.network.models import Partner
from allin.people import services as people
from tests import factories


@pytest.fixture
def process(workspace, facilitator):
    return factories.process(
        workspace, method_slug="kinderarmoede", name="Kinderarmoede Teststad", by=facilitator
    )


@pytest.fixture
def schuldhulp(workspace):
    return Partner.objects.create(workspace=workspace, name="Schuldhulp Teststad")


@pytest.fixture
def jgz(workspace):
    return Partner.objects.create(workspace=workspace, name="JGZ Teststad")


@pytest.fixture
def karim(process, schuldhulp):
    return people.participant_create(
        process=process, name="Karim", role="professional", organisation=schuldhulp
    )


@pytest.fixture
def petra(process, schuldhulp):
    return people.participant_create(
        process=process, name="Petra", role="professional", organisation=schuldhulp
    )


@pytest.fixture
def els(process, jgz):
    return people.participant_create(process=process, name="Els", role="professional", organisation=jgz)


def manager_values(**extra):
    values = {
        "name": "Marieke",
        "organisation": None,
        "position": "teamleider",
        "email": "",
        "inform_how": "email",
        "inform_when": "elke",
        "kickoff": "",
        "note": "",
    }
    return {**values, **extra}


def inventory_values(**extra):
    values = {
        "name": "Armoedeoverleg",
        "runs_it": "Gemeente",
        "domain": "armoede",
        "touches": "Bespreekt gezinnen met schulden.",
        "contact": "Jan, 06-12345678",
        "align": "ja",
    }
    return {**values, **extra}
