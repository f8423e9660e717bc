"""The public image routes of photo cards (allin/live/photo_views.py): a phone or projector reaches a card only
by its random token, only for a live meeting that has an activity using photo cards, and only a card of that
meeting's workspace. Counting record numbers finds nothing, and the served file names neither."""

import importlib

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from allin.live import photo_cards, services
from allin.live.activity_models import PhotoCard
from allin.live.models import Activity
from tests import factories
from tests.live import helpers
from tests.live.photo_helpers import upload

fill_tokens = importlib.import_module("allin.live.migrations.0011_photo_card_tokens").fill_tokens


def _live(workspace, *, dreams):
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    if dreams:
        item.activity = {"type": "future_dream", "year": 2030, "prompt": "Hoe ziet 2030 eruit?"}
        item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return live


@pytest.fixture
def dream_live(workspace):
    return _live(workspace, dreams=True)


@pytest.fixture
def card(workspace):
    return upload(workspace)


def _phone(live):
    return helpers.phone_client(Client(), live, helpers.join(live))


def _phone_url(live, token):
    return reverse("live_photo_phone", args=[live.code, token])


def _projector_url(live, token):
    return reverse("live_photo_projector", args=[live.code, live.projector_key, token])


def test_the_token_opens_the_card_for_the_meetings_phone_and_projector(dream_live, card):
    assert Activity.objects.filter(live=dream_live, kind=Activity.Kind.FUTURE_DREAM).exists()
    response = _phone(dream_live).get(_phone_url(dream_live, card.token))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    assert Client().get(_projector_url(dream_live, card.token)).status_code == 200


def test_counting_record_numbers_finds_nothing(dream_live, card, workspace):
    others = [upload(workspace, alt=f"Kaart {n}") for n in range(3)]
    phone = _phone(dream_live)
    # Every record number the cards have, and the next one: on PostgreSQL the numbers keep climbing from test to
    # test, and counting from 1 would also run into the limit on wrong links (a 429, not the 404 asked about here).
    numbers = {c.pk for c in [card, *others]}
    for number in sorted(numbers | {max(numbers) + 1}):
        assert phone.get(_phone_url(dream_live, number)).status_code == 404
        assert Client().get(_projector_url(dream_live, number)).status_code == 404


def test_tokens_are_long_random_and_the_file_name_tells_nothing(dream_live, card, workspace):
    cards = [card, *(upload(workspace, alt=f"Kaart {n}") for n in range(3))]
    assert len({c.token for c in cards}) == len(cards)
    assert all(len(c.token) >= 22 for c in cards)  # 22 base64 characters carry 128 bits; ours carry 192
    response = Client().get(_projector_url(dream_live, card.token))
    disposition = response["Content-Disposition"]
    assert disposition == 'inline; filename="fotokaart.jpg"'
    assert str(card.pk) not in disposition and card.token not in disposition


def test_a_card_of_another_workspace_is_not_shown(dream_live):
    elsewhere = upload(factories.workspace("Gemeente Elders"))
    assert _phone(dream_live).get(_phone_url(dream_live, elsewhere.token)).status_code == 404
    assert Client().get(_projector_url(dream_live, elsewhere.token)).status_code == 404


def test_a_meeting_without_photo_cards_shows_none(workspace, card):
    live = _live(workspace, dreams=False)
    assert not photo_cards.uses_photo_cards(live)
    assert _phone(live).get(_phone_url(live, card.token)).status_code == 404
    assert Client().get(_projector_url(live, card.token)).status_code == 404


def test_the_phone_page_names_cards_by_token(dream_live, card):
    phone = _phone(dream_live)
    activity = Activity.objects.get(live=dream_live, kind=Activity.Kind.FUTURE_DREAM)
    page = phone.get(reverse("live_activity_mine", args=[dream_live.code, activity.pk])).content.decode()
    assert _phone_url(dream_live, card.token) in page
    assert f"/fotokaart/{card.pk}/" not in page


def test_the_migration_gives_an_existing_card_a_token_and_keeps_the_others(workspace):
    old, new = upload(workspace), upload(workspace, alt="Een plein")
    PhotoCard.objects.filter(pk=old.pk).update(token="")  # as a row was before the migration
    fill_tokens(apps, None)
    old.refresh_from_db()
    assert len(old.token) >= 22 and old.token != new.token
    assert PhotoCard.objects.get(pk=new.pk).token == new.token
