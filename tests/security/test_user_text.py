"""Text that cannot spoof (issue 17 item 5): invalid UTF-8 refused in Dutch, bidirectional controls stripped
and NFC applied on the way in (one cleaner for every form), one NUL message, user text shown with dir="auto"."""

import unicodedata
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from allin.core.text import clean_user_text, one_line
from allin.live.models import Note

from ..live import helpers


@pytest.fixture
def board(workspace):
    live = helpers.live_meeting(workspace)
    return helpers.start_board(live, 1)


@pytest.fixture
def phone(board):
    return helpers.phone_client(Client(), board.live, helpers.join(board.live))


def _post(phone, board, text, **headers):
    data = {"activity": board.pk, "client_id": str(uuid.uuid4()), "text": text, "category": "top"}
    return phone.post(
        reverse("live_note_post", args=[board.live.code]), data, headers={"X-Live": "1", **headers}
    )


@pytest.mark.parametrize("control", [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]])
def test_every_bidirectional_control_is_stripped(control):
    assert clean_user_text(f"tip {control}gnp.exe") == "tip gnp.exe"
    assert one_line(f"tip {control}gnp.exe") == "tip gnp.exe"


def test_the_cleaner_normalises_to_nfc_and_keeps_right_to_left_letters():
    decomposed = unicodedata.normalize("NFD", "café")
    assert clean_user_text(decomposed) == "café" and len(clean_user_text(decomposed)) == 4
    assert clean_user_text("שלום مرحبا") == "שלום مرحبا"


def test_a_phone_note_loses_its_override_on_the_way_in(phone, board):
    response = _post(phone, board, "tip \u202egnp.exe")
    assert response.status_code == 200
    assert Note.objects.get().text == "tip gnp.exe"


def test_a_phone_note_is_stored_in_nfc(phone, board):
    _post(phone, board, unicodedata.normalize("NFD", "Meer café's"))
    assert Note.objects.get().text == unicodedata.normalize("NFC", "Meer café's")


def test_text_that_was_not_utf8_is_refused_in_dutch(phone, board):
    url = reverse("live_note_post", args=[board.live.code])
    body = f"activity={board.pk}&client_id={uuid.uuid4()}&category=top&text=caf%E9".encode()  # Latin-1 é
    response = phone.post(
        url, body, content_type="application/x-www-form-urlencoded", headers={"X-Live": "1"}
    )
    assert response.status_code == 400
    assert "niet goed aangekomen: er staan tekens in die we niet kunnen lezen" in response.content.decode()
    assert not Note.objects.exists()


def test_a_form_page_refuses_bad_utf8_with_a_dutch_page(as_facilitator, workspace):
    response = as_facilitator.post(
        reverse("home"), b"name=caf%E9", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "Tekst niet goed aangekomen" in response.content.decode()


def test_passwords_are_left_exactly_as_typed(client, db):
    from allin.workspaces.models import User

    password = unicodedata.normalize("NFD", "Wachtwoord-café-\u202e-2026")
    user = User.objects.create_user(email="p@example.org", password=password)
    response = client.post(reverse("login"), {"username": "p@example.org", "password": password})
    assert response.status_code == 302
    assert user.check_password(password)


def test_a_nul_gets_the_message_every_form_gives(phone, board):
    response = _post(phone, board, "nul\x00teken")
    assert response.status_code == 400
    assert response.content.decode() == "Null-tekens zijn niet toegestaan."


def test_notes_are_shown_with_dir_auto(phone, board):
    _post(phone, board, "مرحبا")
    live = board.live
    projector = Client().get(reverse("live_projector", args=[live.code, live.projector_key])).content.decode()
    assert 'dir="auto">مرحبا' in projector
