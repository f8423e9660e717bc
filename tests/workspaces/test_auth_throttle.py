"""Login and password-reset limits that hold across addresses and accounts (auth_throttle)."""

import time

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from allin.workspaces import auth_throttle
from tests import factories

from .conftest import link_in

ACCOUNT_LOCKED = "Te vaak een verkeerd wachtwoord"
ADDRESS_LOCKED = "Te veel mislukte inlogpogingen vanaf dit netwerk"
WRONG = "Dit e-mailadres en wachtwoord horen niet bij elkaar."


def _login(client, email, password=factories.PASSWORD, address="198.51.100.1"):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address)


def _logged_in(client):
    return client.session.get("_auth_user_id")


def _later(seconds):
    return time_machine.travel(time.time() + seconds, tick=False)


# --- one account, many addresses ------------------------------------------------------------------


def test_thirty_wrong_passwords_from_thirty_addresses_close_the_account(owner):
    statuses = [
        _login(Client(), owner.email, password=f"fout-{n}", address=f"203.0.113.{n}").status_code
        for n in range(30)
    ]
    assert statuses[:4] == [200] * 4
    assert statuses[4:] == [429] * 26

    client = Client()
    response = _login(client, owner.email, address="192.0.2.77")  # the right password, from a fresh address
    assert response.status_code == 429
    assert ACCOUNT_LOCKED in response.content.decode()
    assert "over 1 minuut" in response.content.decode()
    assert int(response["Retry-After"]) <= 60
    assert _logged_in(client) is None


def test_the_right_password_works_once_the_lock_is_over(owner):
    for n in range(5):
        _login(Client(), owner.email, password=f"fout-{n}", address=f"203.0.113.{n}")
    with _later(auth_throttle.FIRST_LOCK_SECONDS + 1):
        client = Client()
        response = _login(client, owner.email, address="192.0.2.77")
        assert response.status_code == 302
        assert _logged_in(client) == str(owner.pk)


def test_the_lock_grows_with_more_failures_but_never_past_a_quarter_of_an_hour(owner):
    assert [auth_throttle.lock_seconds(n) for n in range(1, 11)] == [0, 0, 0, 0, 60, 120, 240, 480, 900, 900]
    for n in range(5):
        _login(Client(), owner.email, password=f"fout-{n}", address=f"203.0.113.{n}")
    with _later(61):
        response = _login(Client(), owner.email, password="nog-een-fout", address="203.0.113.99")
        assert response.status_code == 429
        assert "over 2 minuten" in response.content.decode()
    # Tries while it is closed do not count: a stream of them leaves the lock as it was.
    with _later(90):
        for n in range(20):
            _login(Client(), owner.email, password=f"fout-{n}", address=f"198.18.0.{n}")
    with _later(61 + 121):
        assert _login(Client(), owner.email, address="192.0.2.77").status_code == 302


def test_a_known_computer_gets_in_while_an_attacker_keeps_the_account_closed(owner):
    own = Client()
    assert _login(own, owner.email, address="192.0.2.10").status_code == 302
    assert auth_throttle.DEVICE_COOKIE in own.cookies
    own.post(reverse("logout"))

    for n in range(10):
        _login(Client(), owner.email, password=f"fout-{n}", address=f"203.0.113.{n}")
    assert _login(Client(), owner.email, address="192.0.2.10").status_code == 429  # a stranger's browser

    response = _login(own, owner.email, address="192.0.2.10")
    assert response.status_code == 302
    assert _logged_in(own) == str(owner.pk)


def test_a_known_computer_of_one_account_is_a_stranger_to_another(owner, facilitator):
    browser = Client()
    _login(browser, owner.email)
    browser.post(reverse("logout"))
    for n in range(5):
        _login(Client(), facilitator.email, password=f"fout-{n}", address=f"203.0.113.{n}")
    assert _login(browser, facilitator.email).status_code == 429


def test_a_known_computer_that_guesses_too_often_loses_its_trust(owner):
    browser = Client()
    _login(browser, owner.email)
    browser.post(reverse("logout"))
    statuses = [_login(browser, owner.email, password=f"fout-{n}").status_code for n in range(12)]
    budget = auth_throttle.DEVICE_FAILURES
    assert statuses[: budget - 1] == [200] * (budget - 1)  # past the account's five: the owner's own browser
    assert statuses[budget - 1 :] == [429] * (
        12 - budget + 1
    )  # then it is a stranger, and the account is closed
    assert _login(browser, owner.email).status_code == 429


def test_a_forged_device_cookie_counts_for_nothing(owner):
    for n in range(5):
        _login(Client(), owner.email, password=f"fout-{n}", address=f"203.0.113.{n}")
    client = Client()
    client.cookies[auth_throttle.DEVICE_COOKIE] = "eyJhIjoiMTIzIn0:vervalst:handtekening"
    assert _login(client, owner.email).status_code == 429


def test_a_new_password_opens_the_account_at_once(client, owner):
    for n in range(8):
        _login(Client(), owner.email, password=f"fout-{n}", address=f"203.0.113.{n}")
    client.post(reverse("password_reset"), {"email": owner.email})
    set_url = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "nieuw-wachtwoord-2026", "new_password2": "nieuw-wachtwoord-2026"})
    fresh = Client()
    assert (
        _login(fresh, owner.email, password="nieuw-wachtwoord-2026", address="192.0.2.5").status_code == 302
    )
    assert _logged_in(fresh) == str(owner.pk)


# --- one address, many accounts -------------------------------------------------------------------


def test_thirty_accounts_tried_from_one_address_close_that_address(workspace, owner):
    statuses = [
        _login(Client(), f"gok-{n}@example.org", password="Welkom2026!", address="203.0.113.200").status_code
        for n in range(30)
    ]
    limit = auth_throttle.ADDRESS_FAILURES
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert statuses[limit - 1 :] == [429] * (30 - limit + 1)

    response = _login(Client(), owner.email, address="203.0.113.200")
    assert response.status_code == 429
    assert ADDRESS_LOCKED in response.content.decode()
    assert _login(Client(), owner.email, address="192.0.2.8").status_code == 302  # other networks are not hit
    with _later(auth_throttle.ADDRESS_WINDOW_SECONDS + 1):
        assert _login(Client(), owner.email, address="203.0.113.200").status_code == 302


# --- password reset -------------------------------------------------------------------------------


def _reset(client, email, address="198.51.100.1"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


@pytest.mark.parametrize("known", [True, False])
def test_reset_links_per_e_mail_address_are_limited_without_saying_whether_it_exists(owner, known):
    email = owner.email if known else "niemand@example.org"
    responses = [_reset(Client(), email, address=f"203.0.113.{n}") for n in range(6)]
    assert {r.status_code for r in responses} == {302}
    assert {r["Location"] for r in responses} == {reverse("password_reset_done")}
    assert len(mail.outbox) == (auth_throttle.RESETS_PER_EMAIL if known else 0)
    page = Client().get(reverse("password_reset_done")).content.decode()
    assert f"hoogstens {auth_throttle.RESETS_PER_EMAIL} links per uur" in page


def test_reset_requests_from_one_address_are_limited_with_a_dutch_page(owner):
    for n in range(auth_throttle.RESETS_PER_ADDRESS):
        assert _reset(Client(), f"iemand-{n}@example.org", address="203.0.113.50").status_code == 302
    response = _reset(Client(), owner.email, address="203.0.113.50")
    assert response.status_code == 429
    assert "Te veel aanvragen vanaf dit netwerk" in response.content.decode()
    assert mail.outbox == []
    assert _reset(Client(), owner.email, address="192.0.2.9").status_code == 302
    assert len(mail.outbox) == 1
