"""The personal RSVP link: it answers for one invitation only, and a wrong, expired, revoked or tampered link
gets a Dutch page that says so, and changes nothing."""

import time
from datetime import date
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from allin.core.tokens import link_secret_hash, make_link_token, new_link_secret, read_link_token
from allin.people import invitations, links, services
from allin.people.models import Invitation, RsvpLink

from . import factories as people_factories


@pytest.fixture
def invitation(meeting, sam):
    return Invitation.objects.create(participant=sam, meeting=meeting)


def _url(token):
    return reverse("rsvp", args=[token])


def test_the_page_shows_the_meeting_on_a_phone(client, invitation):
    invitations.meeting_info_set(meeting=invitation.meeting, bring="Je ov-kaart")
    response = client.get(_url(links.invitation_token(invitation)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hoi Sam!" in page and "Sessie" in page and "De Plek" in page and "Je ov-kaart" in page
    assert 'name="viewport"' in page and 'value="misschien"' in page
    assert response["X-Robots-Tag"] == "noindex"


def test_answering_saves_the_answer_and_remark(client, invitation):
    url = _url(links.invitation_token(invitation))
    response = client.post(url, {"answer": "misschien", "remark": "Ik kom wat later"})
    assert response.status_code == 302 and response["Location"] == url
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.remark) == ("misschien", "Ik kom wat later")
    assert invitation.answered_at is not None
    page = client.get(url).content.decode()
    assert "Dank je!" in page and "Je antwoord nu: <strong>misschien</strong>" in page
    client.post(url, {"answer": "ja"})
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.remark) == ("ja", "")


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "Kies ja, nee of misschien."),
        ({"answer": "altijd"}, "Kies ja, nee of misschien."),
        ({"answer": "ja", "remark": "x" * 201}, "hoogstens 200 tekens"),
    ],
)
def test_bad_answers_are_refused_in_dutch(client, invitation, data, message):
    response = client.post(_url(links.invitation_token(invitation)), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.answer == "" and invitation.answered_at is None


def test_one_participant_cannot_answer_for_another(client, invitation, meeting, noor):
    other = Invitation.objects.create(participant=noor, meeting=meeting)
    client.post(
        _url(links.invitation_token(invitation)),
        {"answer": "nee", "invitation": other.pk, "participant": noor.pk, "pk": other.pk},
    )
    other.refresh_from_db()
    invitation.refresh_from_db()
    assert other.answer == "" and invitation.answer == "nee"
    # The other's id with this one's secret is not a valid link either, though it is signed with the key.
    _pk, secret = read_link_token(
        purpose=links.RSVP_PURPOSE, token=links.invitation_token(invitation), max_age_seconds=60, numbers=1
    )
    forged = make_link_token(purpose=links.RSVP_PURPOSE, parts=[other.pk], secret=secret)
    assert client.post(_url(forged), {"answer": "ja"}).status_code == 404
    other.refresh_from_db()
    assert other.answer == ""


def _refused(client, token, invitation):
    response = client.get(_url(token))
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in response.content.decode()
    assert client.post(_url(token), {"answer": "ja"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.answer == ""


def test_an_expired_link_is_refused(client, invitation):
    old = time.time() - links.RSVP_MAX_AGE - 60
    with mock.patch("django.core.signing.time.time", return_value=old):
        token = links.invitation_token(invitation)
    _refused(client, token, invitation)


def test_a_revoked_link_is_refused_and_sending_again_makes_a_new_one(client, invitation, sam):
    token = links.invitation_token(invitation)
    invitations.invitation_revoke(invitation=invitation)
    _refused(client, token, invitation)
    invitations.invitations_send(meeting=invitation.meeting, participants=[sam])
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    _refused(client, token, invitation)  # the old link stays dead
    assert client.get(_url(links.invitation_token(invitation))).status_code == 200


@pytest.mark.parametrize(
    "change", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "1" + t, lambda t: "x"]
)
def test_a_tampered_link_is_refused(client, invitation, change):
    _refused(client, change(links.invitation_token(invitation)), invitation)


def test_a_link_of_an_erased_participant_is_refused(client, invitation, sam):
    token = links.invitation_token(invitation)
    services.participant_erase(participant=sam)
    _refused(client, token, invitation)


def test_a_meeting_that_is_over_takes_no_answer(invitation, process, sam):
    past = people_factories.future_meeting(process, day=date(2020, 1, 6), name="Voorbij")
    old = Invitation.objects.create(participant=sam, meeting=past)
    response = Client().post(_url(links.invitation_token(old)), {"answer": "ja"})
    assert response.status_code == 400 and "al geweest" in response.content.decode()
    old.refresh_from_db()
    assert old.answer == ""


def test_the_token_does_not_leak_but_our_own_post_keeps_its_origin(client, invitation):
    # "no-referrer" would make browsers send "Origin: null" on the form's POST, which Django's CSRF check refuses.
    response = client.get(_url(links.invitation_token(invitation)))
    assert response["Referrer-Policy"] == "same-origin"
    assert 'content="same-origin"' in response.content.decode()


def test_a_link_minted_with_the_key_but_not_sent_by_us_is_refused(client, invitation):
    """Whoever holds ALLIN_SECRET_KEY can sign any value, but not guess a secret whose hash we keep."""
    links.invitation_token(invitation)  # a real link exists for this invitation
    forged = make_link_token(purpose=links.RSVP_PURPOSE, parts=[invitation.pk], secret=new_link_secret())
    _refused(client, forged, invitation)


def test_only_the_hash_is_kept_and_earlier_links_keep_working(client, invitation):
    first, second = (
        links.invitation_token(invitation),
        links.invitation_token(invitation),
    )  # invitation, reminder
    stored = set(RsvpLink.objects.filter(invitation=invitation).values_list("secret_hash", flat=True))
    for token in (first, second):
        _pk, secret = read_link_token(purpose=links.RSVP_PURPOSE, token=token, max_age_seconds=60, numbers=1)
        assert len(secret) >= 22 and link_secret_hash(secret) in stored  # 128 bits at least
        assert not RsvpLink.objects.filter(secret_hash=secret).exists()
        assert client.get(_url(token)).status_code == 200
