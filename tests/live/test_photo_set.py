"""A workspace starts with a usable set of photo cards (live/photo_set.py): drawings shipped with the app, each
with an alt text, served like uploaded cards (by token, only to meetings that use them), and as much the
facilitator's to change or delete as their own uploads, without taking their room for uploads."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from allin.live import photo_cards, photo_set, services
from allin.live.activity_models import PhotoCard
from allin.workspaces.models import Workspace
from tests.live import helpers
from tests.live.photo_helpers import upload


@pytest.fixture
def stocked(workspace):
    photo_set.install(workspace_id=workspace.pk)
    return workspace


@pytest.mark.django_db
def test_a_new_workspace_gets_the_whole_set_once_it_is_saved(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workspace = Workspace.objects.create(name="Gemeente Oost", slug="gemeente-oost")
    cards = PhotoCard.objects.filter(workspace=workspace)
    assert sorted(cards.values_list("stock", flat=True)) == sorted(photo_set.CARDS)
    assert all(card.alt_text and not card.image for card in cards)
    assert photo_set.install(workspace_id=workspace.pk) == 0  # installing again adds nothing


def test_every_drawing_is_shipped_safe_and_described():
    files = {path.stem for path in photo_set.SET_DIR.glob("*.svg")}
    assert files == set(photo_set.CARDS)
    assert len(files) >= 24
    for key in files:
        svg = photo_set.path_of(key).read_text()
        assert svg.startswith("<svg") and 'viewBox="0 0 600 400"' in svg
        # nothing that runs or reaches out: no scripts, handlers, links or embedded documents
        assert not re.search(r"<script|\son\w+=|href=|<foreignObject|url\(", svg, re.IGNORECASE)
        assert len(str(photo_set.CARDS[key])) >= 20


def test_a_stock_card_is_served_by_token_to_a_meeting_with_a_future_dream(stocked):
    meeting = helpers.meeting(stocked)
    item = meeting.items.all()[1]
    item.activity = {"type": "future_dream", "year": 2030, "prompt": "Hoe ziet 2030 eruit?"}
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    card = PhotoCard.objects.get(workspace=stocked, stock="brug")
    phone = helpers.phone_client(Client(), live, helpers.join(live))
    response = phone.get(reverse("live_photo_phone", args=[live.code, card.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"<svg")
    assert phone.get(reverse("live_photo_phone", args=[live.code, "brug"])).status_code == 404


def test_stock_cards_can_be_described_anew_deleted_and_leave_room_for_uploads(stocked, as_facilitator):
    card = PhotoCard.objects.get(workspace=stocked, stock="sleutel")
    photo_cards.photo_card_set_alt(card=card, alt_text="Een sleutel: de oplossing")
    card.refresh_from_db()
    assert card.alt_text == "Een sleutel: de oplossing"
    page = as_facilitator.get(reverse("photo_cards", kwargs={"workspace": stocked.slug})).content.decode()
    assert "Een sleutel: de oplossing" in page and "Uit de set van ALL-IN" in page
    photo_cards.photo_card_delete(card=card)
    assert not PhotoCard.objects.filter(pk=card.pk).exists()
    own = upload(stocked)
    assert own.stock == "" and own.image
