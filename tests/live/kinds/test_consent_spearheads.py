"""Choosing 2 or 3 spearheads from the themes is an explicit step before Werk aan Netwerk's consent check: the
console picks them (refusing fewer, more, or themes of another meeting), phones may only answer after that,
phones and projector show the spearheads with the question, and a change starts the check over."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from allin.live import notes, services
from allin.live.activity_models import ConsentAnswer
from allin.live.kinds import consent
from allin.live.models import Activity
from allin.methods.loader import get_method
from tests.live import helpers

HTMX = {"HX-Request": "true"}
LIVE = {"X-Live": "1"}


@pytest.fixture
def check(live):
    """Three themes on the Plannen board, then a consent check that asks about spearheads, made current."""
    board = helpers.board_of(live, 2)
    for name in ("Nazorg na het mbo", "Werkgevers betrekken", "Eén loket"):
        notes.theme_create(activity=board, name=name)
    item = helpers.items(live)[1]
    Activity.objects.filter(live=live, item=item).delete()
    item.activity = {
        "type": "consent",
        "prompt": "Kan iedereen leven met deze speerpunten?",
        "spearheads": True,
    }
    item.save(update_fields=["activity"])
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live__meeting").get(live=live, item=item)


def _fresh(activity):
    return Activity.objects.select_related("live__meeting").get(pk=activity.pk)


def _themes(activity):
    return list(consent.meeting_themes(activity))


def test_wan_asks_its_consent_check_about_spearheads():
    items = [i for m in get_method("werk-aan-netwerk").meetings for i in m.agenda]
    check = next(i for i in items if i.activity.get("type") == "consent")
    assert check.activity["spearheads"] is True and "speerpunten" in check.activity["prompt"]


def test_phones_wait_for_the_spearheads_then_answer_about_them(check, as_facilitator):
    sam = helpers.join(check.live, name="Sam")
    phone = helpers.phone_client(Client(), check.live, sam)
    url = reverse("live_activity_action", args=[check.live.code, check.pk, "answer"])
    page = phone.get(reverse("live_join", args=[check.live.code])).content.decode()
    assert "De begeleider kiest eerst de speerpunten" in page
    response = phone.post(url, {"answer": "ja"}, headers=LIVE)
    assert response.status_code == 400 and "kiest eerst de speerpunten" in response.content.decode()
    meeting = check.live.meeting
    console = reverse(
        "live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, check.pk, "spearheads"]
    )
    one, two, _three = _themes(check)
    response = as_facilitator.post(console, {"themes": [one.pk]}, headers=HTMX)
    assert response.status_code == 400 and "Kies 2 of 3 speerpunten (nu 1)" in response.content.decode()
    response = as_facilitator.post(console, {"themes": [one.pk, two.pk]}, headers=HTMX)
    assert response.status_code == 200 and "De check gaat over:" in response.content.decode()
    assert consent.spearheads(_fresh(check)) == ["Nazorg na het mbo", "Werkgevers betrekken"]
    page = phone.get(reverse("live_join", args=[check.live.code])).content.decode()
    assert (
        "Kun je leven met deze speerpunten?" in page
        and "Werkgevers betrekken" in page
        and "Eén loket" not in page
    )
    assert phone.post(url, {"answer": "ja"}, headers=LIVE).status_code == 200
    response = phone.post(url, {"answer": "misschien"}, headers=LIVE)
    assert response.status_code == 400 and "Kies ja, ja met een zorg, of nee." in response.content.decode()
    live = check.live
    projector = (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )
    assert "Nazorg na het mbo" in projector and "Eén loket" not in projector


def test_a_change_of_spearheads_starts_over_and_limits_hold(check, other_live):
    one, two, three = _themes(check)
    consent.consent_spearheads_set(activity=check, theme_ids=[one.pk, two.pk])
    sam = helpers.join(check.live, name="Sam")
    consent.consent_answer(activity=_fresh(check), attendee=sam, answer="nee", reason="Te vaag")
    consent.consent_spearheads_set(activity=_fresh(check), theme_ids=[one.pk, two.pk])
    assert ConsentAnswer.objects.count() == 1  # the same choice again changes nothing
    consent.consent_spearheads_set(activity=_fresh(check), theme_ids=[one.pk, two.pk, three.pk])
    assert ConsentAnswer.objects.count() == 0
    foreign = notes.theme_create(activity=helpers.board_of(other_live), name="Elders")
    with pytest.raises(ValidationError, match="thema's van deze bijeenkomst"):
        consent.consent_spearheads_set(activity=_fresh(check), theme_ids=[one.pk, foreign.pk])
    fourth = notes.theme_create(activity=helpers.board_of(check.live, 2), name="Vierde")
    with pytest.raises(ValidationError, match="nu 4"):
        consent.consent_spearheads_set(
            activity=_fresh(check), theme_ids=[one.pk, two.pk, three.pk, fourth.pk]
        )
    assert consent.spearheads(_fresh(check)) == ["Nazorg na het mbo", "Werkgevers betrekken", "Eén loket"]
