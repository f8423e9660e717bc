"""A card is never shown beyond its consent: one test per level, for every reader (selectors.py's rule)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from allin.network import collaborations, selectors, services
from allin.network.catalogue import Share
from allin.network.models import Partner
from allin.workspaces.models import Membership
from tests import factories as base_factories
from tests.conftest import client_for

from . import factories


@pytest.fixture
def other_process(workspace):
    return base_factories.process(workspace, name="Werk aan Netwerk", method_slug="werk-aan-netwerk")


def _card(workspace, share, process):
    return factories.partner(workspace, f"Kaart {share}", share=share, process=process, ideas=f"Idee {share}")


def _participants_page(process):
    token = services.participant_link_create(process=process)
    return Client().get(reverse("participant_network", kwargs={"token": token})).content.decode()


def _readers(workspace, viewer, facilitator, process, other_process):
    """What each kind of reader is shown: names on their page(s)."""
    ws = workspace.slug
    viewer_client = client_for(viewer)
    return {
        "viewer": viewer_client.get(reverse("network_overview", kwargs={"workspace": ws})).content.decode(),
        "participants": _participants_page(process),
        "other_participants": _participants_page(other_process),
    }


def test_nobody_only_facilitators_see_it(workspace, viewer, facilitator, allin_process, other_process):
    card = _card(workspace, Share.NOBODY, allin_process)
    pages = _readers(workspace, viewer, facilitator, allin_process, other_process)
    assert all(card.name not in page for page in pages.values())
    assert list(selectors.visible_partners(workspace, Membership.objects.get(user=viewer))) == []
    assert list(selectors.visible_partners(workspace, Membership.objects.get(user=facilitator))) == [card]


def test_process_the_participants_of_that_process_see_it(
    workspace, viewer, facilitator, allin_process, other_process
):
    card = _card(workspace, Share.PROCESS, allin_process)
    pages = _readers(workspace, viewer, facilitator, allin_process, other_process)
    assert card.name in pages["participants"] and card.ideas in pages["participants"]
    assert card.name not in pages["viewer"]
    assert card.name not in pages["other_participants"]


def test_process_without_a_process_is_shown_to_no_participants(workspace, allin_process, other_process):
    card = _card(workspace, Share.PROCESS, None)
    assert card.name not in _participants_page(allin_process)
    assert card.name not in _participants_page(other_process)


def test_workspace_everyone_in_the_workspace_sees_it(
    workspace, viewer, facilitator, allin_process, other_process
):
    card = _card(workspace, Share.WORKSPACE, allin_process)
    pages = _readers(workspace, viewer, facilitator, allin_process, other_process)
    assert all(card.name in page for page in pages.values())


def test_a_viewer_cannot_open_a_card_beyond_its_consent(workspace, as_viewer, allin_process):
    hidden = _card(workspace, Share.PROCESS, allin_process)
    shown = _card(workspace, Share.WORKSPACE, allin_process)
    for name in ("partner_detail", "partner_pdf"):
        url = reverse(name, kwargs={"workspace": workspace.slug, "pk": hidden.pk})
        assert as_viewer.get(url).status_code == 404
    detail = as_viewer.get(reverse("partner_detail", kwargs={"workspace": workspace.slug, "pk": shown.pk}))
    assert detail.status_code == 200 and shown.ideas in detail.content.decode()
    assert "Toestemming vastleggen" not in detail.content.decode()  # no forms for viewers
    overview = as_viewer.get(
        reverse("network_overview", kwargs={"workspace": workspace.slug})
    ).content.decode()
    assert "1 kaart is niet gedeeld." in overview


def test_the_picture_and_the_collaborations_respect_consent(workspace, as_viewer):
    hidden = factories.partner(workspace, "Verborgen Partner", share=Share.NOBODY)
    shown = factories.partner(workspace, "Zichtbare Partner", share=Share.WORKSPACE)
    collaborations.collaboration_add(
        workspace=workspace, first=hidden, second=shown, note="geheime samenwerking"
    )
    for name in ("network_overview", "collaborations"):
        page = as_viewer.get(reverse(name, kwargs={"workspace": workspace.slug})).content.decode()
        assert "Zichtbare Partner" in page or name == "collaborations"
        assert "Verborgen Partner" not in page and "geheime samenwerking" not in page


def test_a_viewer_cannot_change_consent(workspace, as_viewer):
    card = _card(workspace, Share.NOBODY, None)
    url = reverse("partner_consent", kwargs={"workspace": workspace.slug, "pk": card.pk})
    response = as_viewer.post(url, {"share_with": Share.WORKSPACE, "given_by": "Victor"})
    assert response.status_code == 403
    assert "Dit mag je niet doen" in response.content.decode()
    card.refresh_from_db()
    assert card.share_with == Share.NOBODY


def test_a_wrong_token_cannot_change_consent(workspace):
    card = _card(workspace, Share.NOBODY, None)
    good = services.partner_link_create(partner=card, mode="fill")
    bad = good[:-2] + ("aa" if not good.endswith("aa") else "bb")
    response = Client().post(
        reverse("partner_card_views", kwargs={"token": bad}), {"share_with": Share.WORKSPACE, "given_by": "X"}
    )
    assert response.status_code == 404 and "Deze link klopt niet" in response.content.decode()
    assert Partner.objects.get(pk=card.pk).share_with == Share.NOBODY


def test_the_facilitator_records_consent_on_the_card_page(workspace, as_facilitator, facilitator):
    card = _card(workspace, Share.NOBODY, None)
    url = reverse("partner_consent", kwargs={"workspace": workspace.slug, "pk": card.pk})
    response = as_facilitator.post(url, {"share_with": Share.WORKSPACE, "given_by": "Karin (telefonisch)"})
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.share_with == Share.WORKSPACE and card.consent_recorded_by == facilitator
    refused = as_facilitator.post(url, {"share_with": Share.NOBODY, "given_by": ""})
    assert refused.status_code == 400 and "Dit veld is verplicht" in refused.content.decode()


def test_the_participant_link_expires_and_can_be_revoked(workspace, allin_process):
    card = _card(workspace, Share.WORKSPACE, None)
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        token = services.participant_link_create(process=allin_process)
    url = reverse("participant_network", kwargs={"token": token})
    with time_machine.travel(start + timedelta(days=89), tick=False):
        assert card.name in Client().get(url).content.decode()
    with time_machine.travel(start + timedelta(days=91), tick=False):
        assert Client().get(url).status_code == 410
    services.participant_link_revoke(process=allin_process)
    with time_machine.travel(start + timedelta(days=1), tick=False):
        response = Client().get(url)
    assert response.status_code == 410 and "ingetrokken" in response.content.decode()
