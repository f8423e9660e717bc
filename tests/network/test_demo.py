"""The demo's network: about fifteen partners, some filled in by the partner, varied consent, collaborations."""

from allin.demo import network as demo_network
from allin.network.catalogue import ConsentSource, Share
from allin.network.models import Collaboration, Partner
from allin.network.selectors import think_of_status
from tests import factories


def test_demo_network(workspace, owner):
    allin = factories.process(workspace, by=owner)
    wan = factories.process(workspace, method_slug="werk-aan-netwerk", name="Werk aan Netwerk", by=owner)
    demo_network.load(workspace=workspace, user=owner, allin=allin, wan=wan)
    partners = Partner.objects.filter(workspace=workspace)
    assert 14 <= partners.count() <= 16
    assert (
        partners.filter(filled_by_partner_at__isnull=False, consent_source=ConsentSource.PARTNER).count() >= 3
    )
    assert partners.filter(checked_by_partner_at__isnull=False).exists()
    assert {p.share_with for p in partners} == set(Share.values)
    assert Collaboration.objects.filter(workspace=workspace).count() >= 5
    missing = [line["key"] for line in think_of_status(partners) if not line["partners"]]
    assert missing == ["lob"]
