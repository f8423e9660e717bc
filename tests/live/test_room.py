"""The room of a live meeting (allin/live/room.py): a join rate per address that lets a class in, the room size
and the "closed for new phones" switch, the QR code's join key, the per-address note budget, and what the
console shows of it."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from allin.live import room
from allin.live.models import Attendee, Note
from allin.live.phone_views import WRONG_CODES_PER_MINUTE
from allin.people.models import Invitation, RsvpAnswer
from tests.conftest import client_for
from tests.people.factories import participant

from . import helpers

SCHOOL = "203.0.113.40"
RATE_TEXT = "Vanaf dit netwerk melden zich nu heel veel telefoons tegelijk aan"
FLOOD_TEXT = "Er melden zich veel telefoons tegelijk aan"


def _join(live, address=SCHOOL, client=None):
    client = client or Client()
    response = client.post(
        reverse("live_join", args=[live.code]), {"name": "", "role": "jongere"}, REMOTE_ADDR=address
    )
    return client, response


def _qr_url(live, key=None):
    return reverse("live_join_qr", args=[live.code, key or live.join_key])


def _console(user, live):
    return client_for(user).get(
        reverse("live_console", args=[live.meeting.process.workspace.slug, live.meeting.pk])
    )


def _console_post(user, live, name, data=None):
    url = reverse(name, args=[live.meeting.process.workspace.slug, live.meeting.pk])
    return client_for(user).post(url, data or {}, HTTP_HX_REQUEST="true")


# ---- the join rate per address -------------------------------------------------------------------------------


def test_a_class_behind_one_address_gets_in_and_a_flood_gets_a_dutch_429(live, facilitator):
    statuses = [_join(live)[1].status_code for _ in range(room.JOINS_PER_ADDRESS_PER_MINUTE)]
    assert statuses == [302] * room.JOINS_PER_ADDRESS_PER_MINUTE
    client, response = _join(live)
    assert response.status_code == 429
    assert RATE_TEXT in response.content.decode()
    assert response["Retry-After"] == "60"
    assert Attendee.objects.filter(live=live).count() == room.JOINS_PER_ADDRESS_PER_MINUTE
    assert _join(live, address="198.51.100.7")[1].status_code == 302  # another network is not held up

    console = _console(facilitator, live).content.decode()
    assert FLOOD_TEXT in console
    assert '<span id="join-rate">61</span>' in console


def test_the_facilitator_lifts_a_flood_block_during_the_meeting(live, facilitator):
    for _ in range(room.JOINS_PER_ADDRESS_PER_MINUTE + 1):
        _join(live)
    assert _join(live)[1].status_code == 429
    assert _console_post(facilitator, live, "live_room_let_in").status_code == 200
    assert _join(live)[1].status_code == 302


def test_a_viewer_cannot_lift_a_block(live, viewer):
    assert _console_post(viewer, live, "live_room_let_in").status_code == 403


# ---- the room size and the closed switch ---------------------------------------------------------------------


def test_the_room_size_the_facilitator_sets_holds_and_phones_inside_stay(live, facilitator):
    assert _console_post(facilitator, live, "live_room_size", {"size": "2"}).status_code == 200
    live.refresh_from_db()
    assert live.room_size == 2
    first, _response = _join(live, address="198.51.100.1")
    _join(live, address="198.51.100.2")
    _client, response = _join(live, address="198.51.100.3")
    assert response.status_code == 403
    assert "De bijeenkomst is vol" in response.content.decode()
    assert Attendee.objects.filter(live=live).count() == 2
    assert first.get(reverse("live_join", args=[live.code])).status_code == 200  # already in: the phone page


def test_a_room_size_out_of_range_is_refused_in_dutch(live, facilitator):
    response = _console_post(facilitator, live, "live_room_size", {"size": "0"})
    assert response.status_code == 400
    assert "Kies een aantal tussen 1 en 2000." in response.content.decode()
    live.refresh_from_db()
    assert live.room_size is None


def test_the_default_size_follows_the_expected_attendance(live):
    assert room.size(live) == room.SIZE_WITHOUT_INVITATIONS  # nobody invited through ALL-IN
    process = live.meeting.process
    for n in range(40):
        answer = RsvpAnswer.NO if n < 4 else ""
        Invitation.objects.create(
            participant=participant(process, name=f"P{n}"), meeting=live.meeting, answer=answer
        )
    assert room.expected_attendance(live.meeting) == 36
    assert room.size(live) == 36 + 18
    keep = (
        Invitation.objects.filter(meeting=live.meeting)
        .exclude(answer=RsvpAnswer.NO)
        .values_list("pk", flat=True)
    )
    Invitation.objects.filter(pk__in=list(keep)[:30]).delete()
    assert room.size(live) == 30  # never under 30


def test_a_room_closed_for_new_phones_keeps_its_phones(live, facilitator):
    inside, _response = _join(live)
    assert _console_post(facilitator, live, "live_room_closed", {"closed": "1"}).status_code == 200
    for method in ("get", "post"):
        response = getattr(Client(), method)(reverse("live_join", args=[live.code]), {"role": "jongere"})
        assert response.status_code == 403
        assert "gesloten voor nieuwe telefoons" in response.content.decode()
    assert Client().get(_qr_url(live)).status_code == 403
    assert inside.get(reverse("live_join", args=[live.code])).status_code == 200
    assert Attendee.objects.filter(live=live).count() == 1

    _console_post(facilitator, live, "live_room_closed", {"closed": "0"})
    assert _join(live)[1].status_code == 302


def test_the_last_place_is_checked_inside_the_join_itself(live):
    from django.core.exceptions import ValidationError

    from allin.live import services

    live.room_size = 1
    live.save(update_fields=["room_size"])
    services.attendee_join(live=live, name="", role="jongere")
    with pytest.raises(ValidationError):
        services.attendee_join(live=live, name="", role="jongere")


# ---- the QR code's join key ----------------------------------------------------------------------------------


def test_mistyped_codes_never_lock_out_a_class_that_scans_the_qr_code(live):
    for _ in range(WRONG_CODES_PER_MINUTE):
        Client().get("/j/ZZZZZZ/", REMOTE_ADDR=SCHOOL)
    assert Client().get(reverse("live_join", args=[live.code]), REMOTE_ADDR=SCHOOL).status_code == 429

    phone = Client()
    assert phone.get(_qr_url(live), REMOTE_ADDR=SCHOOL).status_code == 200
    response = phone.post(_qr_url(live), {"role": "jongere"}, REMOTE_ADDR=SCHOOL)
    assert response.status_code == 302 and response["Location"] == reverse("live_join", args=[live.code])
    # Joined, the phone's own page opens on the same network.
    assert phone.get(response["Location"], REMOTE_ADDR=SCHOOL).status_code == 200


def test_the_qr_key_is_long_and_a_new_one_retires_the_old_qr_code(live, facilitator):
    assert len(live.join_key) >= 32  # 24 random bytes, base64: 192 bits
    old = live.join_key
    assert _console_post(facilitator, live, "live_room_new_qr").status_code == 200
    live.refresh_from_db()
    assert live.join_key != old
    response = Client().get(_qr_url(live, key=old))
    assert response.status_code == 302 and response["Location"] == reverse("live_join", args=[live.code])
    assert Client().get(_qr_url(live)).status_code == 200


def test_a_new_qr_code_is_one_stage_change_in_the_meetings_version(live):
    # The version moves only through events.py: one change, one step, and phones and screens redraw the stage.
    before = live.version
    room.join_key_renew(live=live)
    live.refresh_from_db()
    assert live.version == before + 1
    assert live.stage_version == live.screens_version == live.version


def test_the_projector_draws_the_qr_code_with_the_key(live):
    from allin.live.templatetags.live_tags import qr_join_url

    assert qr_join_url(live).endswith(f"/j/{live.code}/qr/{live.join_key}/")


def test_a_qr_link_with_an_unknown_code_counts_as_a_wrong_code(db):
    for _ in range(WRONG_CODES_PER_MINUTE):
        assert Client().get("/j/ZZZZZZ/qr/iets/", REMOTE_ADDR=SCHOOL).status_code == 404
    assert Client().get("/j/ZZZZZZ/", REMOTE_ADDR=SCHOOL).status_code == 429


def test_a_made_up_qr_key_is_held_to_the_code_limit_so_the_qr_address_is_no_code_oracle(live):
    for _ in range(WRONG_CODES_PER_MINUTE):
        Client().get("/j/ZZZZZZ/qr/iets/", REMOTE_ADDR=SCHOOL)
    # A guessed code with a made-up key waits like any other guess, whether the code exists or not...
    assert Client().get(_qr_url(live, key="iets"), REMOTE_ADDR=SCHOOL).status_code == 429
    assert Client().get("/j/YYYYYY/qr/iets/", REMOTE_ADDR=SCHOOL).status_code == 429
    # ...while the QR code's own key still lets the class in.
    assert Client().get(_qr_url(live), REMOTE_ADDR=SCHOOL).status_code == 200


# ---- notes: a budget per address beside the one per phone ----------------------------------------------------


def test_many_phones_behind_one_address_share_a_note_budget(live, board, monkeypatch):
    monkeypatch.setattr(room, "NOTES_PER_ADDRESS_PER_MINUTE", 5)
    phones = [helpers.phone_client(Client(), live, helpers.join(live, name=f"P{n}")) for n in range(3)]
    url = reverse("live_note_post", args=[live.code])

    def post(phone, address=SCHOOL):
        data = {"activity": board.pk, "client_id": str(uuid.uuid4()), "text": "Nog een", "category": "top"}
        return phone.post(url, data, REMOTE_ADDR=address, HTTP_X_LIVE="1")

    statuses = [post(phones[n % 3]).status_code for n in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    refused = post(phones[0])
    assert "Vanaf dit netwerk komen nu heel veel post-its binnen" in refused.content.decode()
    assert Note.objects.filter(activity=board).count() == 5
    assert post(phones[1], address="198.51.100.9").status_code == 200


# ---- what the console hears -----------------------------------------------------------------------------------


@pytest.fixture
def sent(monkeypatch):
    from allin.live import screens

    calls = []
    monkeypatch.setattr(screens.realtime, "send", lambda sends, version=0: calls.extend(sends))
    return calls


def test_each_join_pushes_the_rate_and_a_refused_join_makes_the_consoles_show_the_warning(
    live, sent, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(room, "JOINS_PER_ADDRESS_PER_MINUTE", 2)  # refused well before it looks like a flood
    from allin.live.realtime import CONSOLE, group

    with django_capture_on_commit_callbacks(execute=True):
        _join(live)
    console = [ops for name, ops in sent if name == group(live.pk, CONSOLE)]
    assert {"op": "text", "target": "#join-rate", "text": "1"} in helpers.bare(console[-1])

    sent.clear()
    for _ in range(room.JOINS_PER_ADDRESS_PER_MINUTE):
        with django_capture_on_commit_callbacks(execute=True):
            _join(live)
    assert (group(live.pk, CONSOLE), [{"op": "refresh"}]) in sent  # refused: the consoles refetch
