"""Logging in with e-mail, lock-out after failures (auth_throttle), password reset, the workspace switcher."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core import mail
from django.urls import reverse

import allin.settings
from allin.workspaces.models import Role, User
from tests import factories
from tests.conftest import client_for

from .conftest import link_in

WRONG = "Dit e-mailadres en wachtwoord horen niet bij elkaar."
LOCKED = "Te vaak een verkeerd wachtwoord"
LOGIN = "/inloggen/"


def _login(client, email, password=factories.PASSWORD, follow=False, **extra):
    return client.post(reverse("login"), {"username": email, "password": password, **extra}, follow=follow)


def _logged_in_as(client):
    return client.session.get("_auth_user_id")


# --- logging in -----------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", [str.lower, str.upper, lambda e: f"  {e.title()}  "])
def test_login_with_email_in_any_case_leads_to_the_workspace(client, workspace, owner, spelling):
    response = _login(client, spelling(owner.email), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("workspace_home", args=[workspace.slug])
    assert _logged_in_as(client) == str(owner.pk)


def test_login_goes_to_the_page_asked_for(client, workspace, owner):
    members = reverse("members", args=[workspace.slug])
    response = _login(client, owner.email, next=members)
    assert response.status_code == 302
    assert response["Location"] == members


def test_login_does_not_redirect_to_another_site(client, owner):
    response = _login(client, owner.email, next="https://kwaadwillend.example/")
    assert response.status_code == 302
    assert "kwaadwillend" not in response["Location"]


def test_wrong_password_shows_the_dutch_error_and_does_not_log_in(client, owner):
    response = _login(client, owner.email, password="fout-wachtwoord")
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert _logged_in_as(client) is None


def test_unknown_address_gets_the_same_error(client, db):
    response = _login(client, "niemand@example.org")
    assert response.status_code == 200
    assert WRONG in response.content.decode()


def test_a_logged_in_user_who_opens_the_login_page_is_sent_on(owner):
    response = client_for(owner).get(reverse("login"))
    assert response.status_code == 302


def test_logout_ends_the_session(client, owner):
    _login(client, owner.email)
    assert _logged_in_as(client) == str(owner.pk)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert _logged_in_as(client) is None


# --- lock-out -------------------------------------------------------------------------------------


def test_five_failures_lock_the_account_even_for_the_right_password(client, owner):
    for attempt in range(4):
        response = _login(client, owner.email, password=f"fout-{attempt}")
        assert response.status_code == 200
        assert WRONG in response.content.decode()
    response = _login(client, owner.email, password="fout-5")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()

    response = _login(client, owner.email)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert _logged_in_as(client) is None


def test_changing_the_case_of_the_address_does_not_buy_extra_tries(client, owner):
    spellings = [owner.email, owner.email.upper(), owner.email.title(), owner.email.capitalize(), owner.email]
    for spelling in spellings:
        response = _login(client, spelling, password="fout-wachtwoord")
    assert response.status_code == 429
    assert _login(client, owner.email.upper()).status_code == 429
    assert _logged_in_as(client) is None


def test_a_lock_out_of_one_account_leaves_colleagues_alone(client, owner, facilitator):
    for _ in range(5):
        _login(client, owner.email, password="fout-wachtwoord")
    response = _login(client, facilitator.email)
    assert response.status_code == 302
    assert _logged_in_as(client) == str(facilitator.pk)


def test_a_successful_login_resets_the_count(client, owner):
    for _ in range(4):
        _login(client, owner.email, password="fout-wachtwoord")
    assert _login(client, owner.email).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        response = _login(client, owner.email, password="fout-wachtwoord")
    assert response.status_code == 200
    assert WRONG in response.content.decode()


# --- password reset -------------------------------------------------------------------------------


def test_password_reset_mails_a_link_that_sets_a_new_password(client, workspace, owner):
    response = client.post(reverse("password_reset"), {"email": owner.email.upper()})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert message.subject == "Nieuw wachtwoord voor ALL-IN"
    link = link_in(message)
    assert link.startswith("/wachtwoord-herstellen/")

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Kies een nieuw wachtwoord" in form_page.content.decode()
    assert 'name="new_password1"' in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "nieuw-wachtwoord-2026", "new_password2": "nieuw-wachtwoord-2026"}
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("password_reset_complete")

    assert WRONG in _login(client, owner.email).content.decode()  # the old password no longer works
    response = _login(client, owner.email, password="nieuw-wachtwoord-2026", follow=True)
    assert response.redirect_chain[-1][0] == reverse("workspace_home", args=[workspace.slug])
    assert _logged_in_as(client) == str(owner.pk)


def test_password_reset_link_works_once(client, owner):
    client.post(reverse("password_reset"), {"email": owner.email})
    link = link_in(mail.outbox[0])
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "nieuw-wachtwoord-2026", "new_password2": "nieuw-wachtwoord-2026"})
    again = client.get(link, follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


def test_password_reset_refuses_a_weak_password(client, owner):
    client.post(reverse("password_reset"), {"email": owner.email})
    set_url = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200
    assert "Er ging iets mis" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(factories.PASSWORD)


def test_password_reset_for_an_unknown_address_sends_nothing_but_looks_the_same(client, db):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


# --- password storage -----------------------------------------------------------------------------


def test_production_settings_hash_passwords_with_argon2():
    # conftest swaps in MD5 for speed; the settings module itself is what production runs.
    assert allin.settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("een-wachtwoord-2026", hasher.salt())  # argon2-cffi is installed, not just named
    assert encoded.startswith("argon2$argon2id$")
    assert hasher.verify("een-wachtwoord-2026", encoded)
    assert not hasher.verify("een-ander-wachtwoord", encoded)


def test_new_accounts_get_argon2_hashes_under_production_hashers(db, settings):
    settings.PASSWORD_HASHERS = allin.settings.PASSWORD_HASHERS
    person = User.objects.create_user(email="argon@example.org", password="een-wachtwoord-2026")
    assert person.password.startswith("argon2$")
    assert person.check_password("een-wachtwoord-2026")


# --- home page and workspace switcher -------------------------------------------------------------


def test_home_for_anonymous_visitors_shows_the_login_link(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{LOGIN}"' in html
    assert "Inloggen als begeleider" in html


def test_home_for_a_member_of_one_workspace_goes_straight_there(workspace, owner):
    response = client_for(owner).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace_home", args=[workspace.slug])


def test_a_member_of_two_workspaces_chooses_and_can_switch(workspace, facilitator):
    other = factories.workspace("Regio Oost")
    factories.Membership.objects.create(workspace=other, user=facilitator, role=Role.VIEWER)
    client = client_for(facilitator)

    home = client.get(reverse("home"))
    assert home.status_code == 200
    html = home.content.decode()
    assert 'class="switcher"' in html
    for ws in (workspace, other):
        assert f'href="{reverse("workspace_home", args=[ws.slug])}"' in html
        assert ws.name in html

    for ws in (workspace, other):
        page = client.get(reverse("workspace_home", args=[ws.slug]))
        assert page.status_code == 200
        assert (
            f'href="{reverse("workspace_home", args=[ws.slug])}" aria-current="page"' in page.content.decode()
        )


def test_a_member_of_one_workspace_sees_no_switcher(workspace, owner):
    page = client_for(owner).get(reverse("workspace_home", args=[workspace.slug]))
    assert page.status_code == 200
    assert 'class="switcher"' not in page.content.decode()


def test_someone_without_a_workspace_can_create_one(db):
    person = factories.user()
    client = client_for(person)
    page = client.get(reverse("home"))
    assert page.status_code == 200
    assert "Je hoort nog bij geen enkele werkruimte" in page.content.decode()
    response = client.post(reverse("workspace_create"), {"name": "Gemeente Nieuwdorp"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("workspace_home", args=["gemeente-nieuwdorp"])
    assert "Jij bent eigenaar" in response.content.decode()
    assert person.memberships.get().role == Role.OWNER


def test_creating_a_workspace_without_a_name_shows_the_error(db):
    response = client_for(factories.user()).post(reverse("workspace_create"), {"name": "   "})
    assert response.status_code == 400
    assert "Er ging iets mis" in response.content.decode()
