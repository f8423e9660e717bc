"""A real OpenID Connect provider on 127.0.0.1 for these tests (oidc_provider/: django-oauth-toolkit in its own
process), and ALL-IN configured against it through the same discovery an operator uses (manage.py sso_discover)."""

import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SECRET = "client-secret-for-tests"


class Provider:
    def __init__(self, directory: Path, port: int):
        self.directory, self.port = directory, port
        self.issuer = f"http://127.0.0.1:{port}/o"

    def people(self, **people):
        """Replace the organisation's accounts: username -> {email, email_verified, name, allin_workspace}."""
        rows = {
            name: {"password": "wachtwoord-van-de-organisatie", **person} for name, person in people.items()
        }
        (self.directory / "accounts.json").write_text(json.dumps(rows))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    directory = tmp_path_factory.mktemp("oidc-provider")
    port = _free_port()
    provider = Provider(directory, port)
    provider.people()
    log = (directory / "server.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.accounts.oidc_provider.serve",
            str(port),
            str(directory),
            SECRET,
            "http://testserver/sso/terug/",
            "http://testserver/inloggen/",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if (
                    httpx.get(provider.issuer + "/.well-known/openid-configuration", timeout=2).status_code
                    == 200
                ):
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "the OIDC provider did not start: " + (directory / "server.log").read_text()
                )
            time.sleep(0.2)
        yield provider
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def sso(oidc_provider, settings):
    """ALL-IN with single sign-on against the provider; settings as `manage.py sso_discover` prints them."""
    out = io.StringIO()
    call_command("sso_discover", oidc_provider.issuer, stdout=out)
    found = dict(line.split("=", 1) for line in out.getvalue().split())
    settings.ALLIN_OIDC_ENABLED = True
    settings.ALLIN_OIDC_ISSUER = found["ALLIN_OIDC_ISSUER"]
    settings.OIDC_RP_CLIENT_ID = "allin"
    settings.OIDC_RP_CLIENT_SECRET = SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = found["ALLIN_OIDC_AUTHORIZATION_ENDPOINT"]
    settings.OIDC_OP_TOKEN_ENDPOINT = found["ALLIN_OIDC_TOKEN_ENDPOINT"]
    settings.OIDC_OP_USER_ENDPOINT = found["ALLIN_OIDC_USERINFO_ENDPOINT"]
    settings.OIDC_OP_JWKS_ENDPOINT = found["ALLIN_OIDC_JWKS_ENDPOINT"]
    settings.ALLIN_OIDC_END_SESSION_ENDPOINT = found["ALLIN_OIDC_END_SESSION_ENDPOINT"]
    settings.ALLIN_OIDC_WORKSPACE_CLAIM = "allin_workspace"
    return oidc_provider
