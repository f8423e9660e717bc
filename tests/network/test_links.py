"""The partner's personal link: fill or check the card in two pages, without an account. Signed, expires after
30 days, revoked by a new link or on purpose, and never opens another partner's card."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from allin.network import links, services
from allin.network.catalogue import ConsentSource, LinkMode, Share
from allin.network.models import Partner

from . import factories

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

ABOUT = {
    "name": "ROC Voorbeeld",
    "kind": "mbo",
    "description": "Mbo voor 9000 studenten",
    "website": "",
    "contact_1_name": "Fatma Yilmaz",
    "contact_1_role": "loopbaanadviseur",
    "contact_1_email": "fatma@roc.example",
    "contact_1_phone": "",
}
VIEWS = {
    "ideas": "Oud-studenten blijven bellen",
    "wishes": "Meer leerplekken",
    "concerns": "Schulden",
    "opportunities": "Samen met het RMC",
    "share_with": Share.WORKSPACE,
    "given_by": "Fatma Yilmaz",
}


def _about(token):
    return reverse("partner_card_about", kwargs={"token": token})


def _views(token):
    return reverse("partner_card_views", kwargs={"token": token})


@pytest.fixture
def partner(workspace):
    return factories.partner(workspace, "ROC Voorbeeld", contacts=[], description="")


def test_partner_fills_the_card_in_two_pages(partner):
    token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    client = Client()
    page = client.get(_about(token))
    assert page.status_code == 200 and "Stap 1 van 2" in page.content.decode()
    response = client.post(_about(token), ABOUT)
    assert response.status_code == 302 and response["Location"] == _views(token)
    response = client.post(_views(token), VIEWS)
    assert response.status_code == 302
    assert "Bedankt" in client.get(response["Location"]).content.decode()
    partner.refresh_from_db()
    assert partner.description == "Mbo voor 9000 studenten"
    assert partner.ideas == "Oud-studenten blijven bellen"
    assert [c.email for c in partner.contacts.all()] == ["fatma@roc.example"]
    assert partner.filled_by_partner_at is not None and partner.checked_by_partner_at is None
    assert partner.share_with == Share.WORKSPACE
    assert partner.consent_source == ConsentSource.PARTNER and partner.consent_given_by == "Fatma Yilmaz"


def test_partner_checks_what_the_facilitator_filled(workspace):
    partner = factories.partner(workspace, "ROC Voorbeeld", ideas="Een spreekuur", description="Mbo")
    token = services.partner_link_create(partner=partner, mode=LinkMode.CHECK)
    client = Client()
    page = client.get(_about(token)).content.decode()
    assert "Klopt dit over jullie organisatie?" in page and "Mbo" in page  # shows what was filled
    assert "Een spreekuur" in client.get(_views(token)).content.decode()
    # Confirms page 1 unchanged, page 2 unchanged: checked, without changes
    partner.refresh_from_db()
    services.partner_fill_views(
        partner=partner,
        ideas="Een spreekuur",
        wishes="",
        concerns="",
        opportunities="",
        share_with=Share.PROCESS,
        given_by="Karin",
    )
    partner.refresh_from_db()
    assert partner.checked_by_partner_at is not None and not partner.checked_with_changes
    # A new check round, and this time the partner corrects something
    token = services.partner_link_create(partner=partner, mode=LinkMode.CHECK)
    partner.refresh_from_db()
    assert partner.checked_by_partner_at is None
    response = client.post(_views(token), {**VIEWS, "ideas": "Twee spreekuren"})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.ideas == "Twee spreekuren"
    assert partner.checked_by_partner_at is not None and partner.checked_with_changes


def test_bad_input_on_the_link_pages_is_shown_in_dutch_and_saves_nothing(partner):
    token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    client = Client()
    response = client.post(_about(token), {**ABOUT, "contact_1_email": "geen-adres"})
    assert response.status_code == 400
    assert "is geen e-mailadres" in response.content.decode()
    response = client.post(_views(token), {**VIEWS, "given_by": ""})
    assert response.status_code == 400
    partner.refresh_from_db()
    assert partner.description == "" and partner.consent_at is None and not partner.contacts.exists()


@pytest.mark.parametrize("days, status", [(29, 200), (31, 410)])
def test_a_link_expires_after_30_days(partner, days, status):
    with time_machine.travel(START, tick=False):
        token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    with time_machine.travel(START + timedelta(days=days), tick=False):
        page = Client().get(_about(token))
        posted = Client().post(_views(token), VIEWS)
    assert page.status_code == status
    if status == 410:
        assert "Deze link is verlopen" in page.content.decode()
        assert posted.status_code == 410
        partner.refresh_from_db()
        assert partner.consent_at is None  # nothing saved through an expired link


def test_a_revoked_link_no_longer_opens_or_saves(partner):
    token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    services.partner_link_revoke(partner=partner)
    client = Client()
    page = client.get(_about(token))
    assert page.status_code == 410 and "Deze link is ingetrokken" in page.content.decode()
    assert client.post(_about(token), ABOUT).status_code == 410
    partner.refresh_from_db()
    assert partner.description == "" and not partner.link_mode


def test_a_new_link_makes_the_old_one_useless(partner):
    old = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    new = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    assert Client().get(_about(old)).status_code == 410
    assert Client().get(_about(new)).status_code == 200


def test_a_link_revoked_while_the_page_is_open_saves_nothing(partner):
    token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    opened = links.partner_from_token(token)
    services.partner_link_revoke(partner=partner)
    with pytest.raises(Exception, match="ingetrokken"):
        services.partner_fill_views(partner=opened, **{**VIEWS, "share_with": Share.WORKSPACE})
    partner.refresh_from_db()
    assert partner.consent_at is None


def test_one_partner_cannot_open_another_partners_card(workspace, partner):
    other = factories.partner(workspace, "Jongerenwerk Noord", kind="jongerenwerk", ideas="Geheim idee")
    token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    services.partner_link_create(partner=other, mode=LinkMode.FILL)
    page = Client().get(_views(token)).content.decode()
    assert "Geheim idee" not in page and "Jongerenwerk Noord" not in page
    # Putting the other partner's number in the signed value breaks the signature.
    value, _, rest = token.partition(":")
    forged = f"{other.pk}.{value.split('.')[1]}:{rest}"
    response = Client().get(_about(forged))
    assert response.status_code == 404 and "Deze link klopt niet" in response.content.decode()
    # Posting with my link changes only my card.
    Client().post(_about(token), {**ABOUT, "name": "ROC Voorbeeld"})
    other.refresh_from_db()
    assert other.name == "Jongerenwerk Noord" and other.ideas == "Geheim idee"


@pytest.mark.parametrize("token", ["x", "1.1:abc:def", "bestaat-niet"])
def test_a_tampered_or_made_up_token_is_404(partner, token):
    services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    for url in (_about(token), _views(token), reverse("partner_card_done", kwargs={"token": token})):
        response = Client().get(url)
        assert response.status_code == 404
        assert "Deze link klopt niet" in response.content.decode()


def test_a_token_for_a_deleted_card_is_404(partner):
    token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    services.partner_delete(partner=Partner.objects.get(pk=partner.pk))
    assert Client().get(_about(token)).status_code == 404


def test_the_facilitator_sees_the_new_link_once_and_can_revoke_it(as_facilitator, workspace, partner):
    url = reverse("partner_link_create", kwargs={"workspace": workspace.slug, "pk": partner.pk})
    response = as_facilitator.post(url, {"mode": LinkMode.FILL}, follow=True)
    page = response.content.decode()
    assert "/netwerkkaart/" in page and "Link intrekken" in page
    partner.refresh_from_db()
    token = as_facilitator.session[f"network-link-{partner.pk}"]["token"]
    assert Client().get(_about(token)).status_code == 200
    revoke = reverse("partner_link_revoke", kwargs={"workspace": workspace.slug, "pk": partner.pk})
    as_facilitator.post(revoke)
    assert Client().get(_about(token)).status_code == 410
