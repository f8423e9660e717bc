"""Single sign-on end to end: ALL-IN's pages, a real OpenID Connect provider on 127.0.0.1 (conftest), and a
browser that carries each side's cookies. Login, logout, a refused person, a changed e-mail address, and who
gets which rights."""

import re
import subprocess
import sys
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from django.core.checks import run_checks
from django.test import Client

from allin.accounts.models import SsoIdentity
from allin.audit.models import AuditEntry
from allin.workspaces.models import Membership, Role, User, WorkspaceInvitation
from allin.workspaces.services import invitation_create
from tests import factories

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """One person's browser: the Django test client for ALL-IN, httpx for the provider (a real HTTP server)."""

    def __init__(self):
        self.app = Client()
        self.web = httpx.Client(follow_redirects=False, timeout=10)
        self.saw_provider_login = False

    def _follow(self, response):
        """Follow redirects across both sites until a page is shown; log in at the provider when it asks."""
        for _step in range(20):
            if isinstance(response, httpx.Response):
                if response.is_redirect:
                    response = self.open(urljoin(str(response.url), response.headers["location"]))
                    continue
                if response.status_code == 200 and 'name="password"' in response.text:
                    self.saw_provider_login = True
                    response = self.web.post(
                        str(response.url),
                        data={
                            "csrfmiddlewaretoken": CSRF.search(response.text).group(1),
                            "username": self.username,
                            "password": "wachtwoord-van-de-organisatie",
                            "next": re.search(r'name="next" value="([^"]*)"', response.text)
                            .group(1)
                            .replace("&amp;", "&"),
                        },
                    )
                    continue
                return response
            if response.status_code in (301, 302):
                response = self.open(urljoin("http://testserver/", response["Location"]))
                continue
            return response
        raise AssertionError("too many redirects")

    def open(self, url):
        parts = urlsplit(url)
        if parts.netloc in ("", "testserver"):
            return self.app.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        return self.web.get(url)

    def sso_login(self, username):
        self.username = username
        self.saw_provider_login = False
        return self._follow(self.app.get("/sso/inloggen/"))

    def logout(self):
        return self._follow(self.app.post("/uitloggen/"))

    def user(self):
        return self.app.get("/").wsgi_request.user


@pytest.fixture
def browser():
    return Browser()


def test_an_invited_colleague_logs_in_and_gets_the_role_the_owner_chose(sso, browser, workspace, owner):
    invitation_create(workspace=workspace, email="Fenna@Gemeente.nl", role=Role.FACILITATOR, invited_by=owner)
    sso.people(fenna={"email": "fenna@gemeente.nl", "name": "Fenna de Vries"})
    page = browser.sso_login("fenna")
    assert page.status_code == 200 and browser.saw_provider_login
    user = browser.user()
    assert user.is_authenticated and user.email == "fenna@gemeente.nl" and user.full_name == "Fenna de Vries"
    assert Membership.objects.get(user=user).role == Role.FACILITATOR
    assert not user.has_usable_password() and not user.is_staff and not user.is_superuser
    assert WorkspaceInvitation.objects.get().accepted_by == user
    assert browser.app.get(f"/w/{workspace.slug}/").status_code == 200


def test_a_workspace_claim_makes_a_viewer_and_nothing_more(sso, browser, workspace):
    sso.people(sam={"email": "sam@gemeente.nl", "allin_workspace": workspace.slug})
    browser.sso_login("sam")
    user = User.objects.get(email="sam@gemeente.nl")
    assert [(m.workspace, m.role) for m in user.memberships.all()] == [(workspace, Role.VIEWER)]
    assert AuditEntry.objects.filter(action="member.sso_join", workspace=workspace).exists()
    # a viewer may look, not change
    assert browser.app.post(f"/w/{workspace.slug}/trajecten/nieuw/", {"name": "X"}).status_code == 403


def test_an_existing_account_is_matched_by_verified_email_and_keeps_its_rights(
    sso, browser, workspace, viewer
):
    sso.people(anna={"email": viewer.email.upper(), "allin_workspace": "een-andere-werkruimte"})
    browser.sso_login("anna")
    assert browser.user() == viewer
    assert [m.role for m in viewer.memberships.all()] == [Role.VIEWER]
    assert SsoIdentity.objects.get(user=viewer).issuer == sso.issuer
    assert viewer.has_usable_password()  # password login goes on working


def test_someone_without_an_invitation_or_claim_is_refused(sso, browser, workspace):
    sso.people(onbekend={"email": "onbekend@elders.nl"})
    page = browser.sso_login("onbekend")
    body = page.content.decode()
    assert page.wsgi_request.path == "/inloggen/"
    assert "Er is nog geen account voor onbekend@elders.nl" in body
    assert not page.wsgi_request.user.is_authenticated
    assert not User.objects.filter(email="onbekend@elders.nl").exists()


def test_an_unverified_email_is_refused_even_for_an_existing_account(sso, browser, facilitator):
    sso.people(f={"email": facilitator.email, "email_verified": False})
    page = browser.sso_login("f")
    assert "niet als bevestigd doorgegeven" in page.content.decode()
    assert not page.wsgi_request.user.is_authenticated
    assert not SsoIdentity.objects.exists()


def test_a_changed_email_at_the_organisation_keeps_the_same_user(sso, browser, facilitator, workspace):
    sso.people(f={"email": facilitator.email})
    browser.sso_login("f")
    browser.logout()
    sso.people(f={"email": "nieuw.adres@gemeente.nl"})
    browser.sso_login("f")
    user = browser.user()
    assert user.pk == facilitator.pk and user.email == "nieuw.adres@gemeente.nl"
    assert Membership.objects.get(user=user, workspace=workspace).role == Role.FACILITATOR
    assert not User.objects.filter(email=facilitator.email).exists()  # no second account for the old address


def test_a_changed_email_that_belongs_to_someone_else_is_refused(sso, browser, facilitator, viewer):
    sso.people(f={"email": facilitator.email})
    browser.sso_login("f")
    browser.logout()
    sso.people(f={"email": viewer.email})
    page = browser.sso_login("f")
    assert "hoort al bij een ander account" in page.content.decode()
    assert not page.wsgi_request.user.is_authenticated
    facilitator.refresh_from_db()
    assert facilitator.email != viewer.email


def test_logout_ends_the_session_here_and_at_the_provider(sso, browser, facilitator):
    sso.people(f={"email": facilitator.email})
    browser.sso_login("f")
    assert browser.user() == facilitator
    page = browser.logout()
    assert page.wsgi_request.path == "/inloggen/" and not page.wsgi_request.user.is_authenticated
    # the provider forgot the person too: the next single sign-on asks for their organisation password again
    browser.sso_login("f")
    assert browser.saw_provider_login and browser.user() == facilitator


def test_a_forged_callback_logs_nobody_in(sso, browser, facilitator):
    browser.app.get("/sso/inloggen/")  # a real state in the session, but a code the provider never issued
    state = next(iter(browser.app.session["oidc_states"]))
    page = browser._follow(browser.app.get(f"/sso/terug/?code=verzonnen&state={state}"))
    assert page.wsgi_request.path == "/inloggen/" and not page.wsgi_request.user.is_authenticated
    assert "niet gelukt" in page.content.decode()


def test_a_token_from_another_issuer_logs_nobody_in(sso, browser, facilitator, settings):
    settings.ALLIN_OIDC_ISSUER = "https://login.elders.nl"
    sso.people(f={"email": facilitator.email})
    page = browser.sso_login("f")
    assert page.wsgi_request.path == "/inloggen/" and not page.wsgi_request.user.is_authenticated
    assert not SsoIdentity.objects.exists()


def test_password_login_can_be_switched_off(sso, browser, facilitator, settings):
    settings.ALLIN_PASSWORD_LOGIN = False
    settings.AUTHENTICATION_BACKENDS = [
        b for b in settings.AUTHENTICATION_BACKENDS if "EmailBackend" not in b
    ]
    page = browser.app.get("/inloggen/").content.decode()
    assert 'name="password"' not in page and "Inloggen met je organisatieaccount" in page
    tried = browser.app.post("/inloggen/", {"username": facilitator.email, "password": factories.PASSWORD})
    assert not tried.wsgi_request.user.is_authenticated
    assert browser.app.get("/wachtwoord-vergeten/").status_code == 404
    sso.people(f={"email": facilitator.email})
    browser.sso_login("f")
    assert browser.user() == facilitator


def test_without_sso_settings_the_login_page_has_passwords_only(client):
    page = client.get("/inloggen/").content.decode()
    assert 'name="password"' in page and "organisatieaccount" not in page
    assert client.get("/sso/inloggen/").status_code == 404


def test_start_up_check_names_missing_provider_settings(settings):
    settings.ALLIN_OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://login.gemeente.nl/auth"
    (error,) = [m for m in run_checks() if m.id == "allin.E101"]
    assert "ALLIN_OIDC_TOKEN_ENDPOINT" in error.msg and "ALLIN_OIDC_AUTHORIZATION_ENDPOINT" not in error.msg


def test_the_environment_switches_password_login_off():
    code = "from django.conf import settings; print(settings.AUTHENTICATION_BACKENDS)"
    env = {
        "ALLIN_PASSWORD_LOGIN": "false",
        "DJANGO_SETTINGS_MODULE": "allin.settings",
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert "EmailBackend" not in out.stdout and "SsoBackend" in out.stdout, out.stderr
