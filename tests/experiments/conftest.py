"""A process of the workbook method with two participants from different organisations."""

import pytest

from allin.network.models import Partner
from allin.people import services as people
from tests import factories


@pytest.fixture
def process(workspace, facilitator):
    return factories.process(workspace, method_slug="werkboek", name="Werkboek Teststad", by=facilitator)


@pytest.fixture
def rmc(workspace):
    return Partner.objects.create(workspace=workspace, name="RMC Teststad")


@pytest.fixture
def anna(process, rmc):
    return people.participant_create(
        process=process, name="Anna", role="professional", organisation=rmc, domain="onderwijs"
    )


@pytest.fixture
def bram(process):
    return people.participant_create(
        process=process, name="Bram", role="professional", domain="werk en inkomen"
    )
