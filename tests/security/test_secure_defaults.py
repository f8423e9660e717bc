"""Secure defaults (issue 15 item 5): no start on a public key with DEBUG off, booleans that refuse typos,
secrets from files, and every comparison of a secret in constant time."""

import ast
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from allin.core.tokens import secrets_match

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "allin" / "settings.py"


def load_settings(monkeypatch, **env):
    """allin/settings.py run afresh with exactly these ALLIN_* variables."""
    for name in [name for name in os.environ if name.startswith("ALLIN_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_without_a_key_and_debug_off_the_server_refuses_to_start():
    env = {name: value for name, value in os.environ.items() if not name.startswith("ALLIN_")}
    started = subprocess.run(
        [sys.executable, "-c", "import allin.asgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert started.returncode != 0
    assert "ALL-IN start niet zonder eigen geheime sleutel: zet ALLIN_SECRET_KEY" in started.stderr


def test_without_a_key_nothing_can_sign(monkeypatch):
    """Commands that sign nothing (check, migrate) may run without a key, as Django allows; nothing falls back
    to a key written in the code."""
    loaded = load_settings(monkeypatch)
    assert loaded["SECRET_KEY"] == ""
    assert loaded["ALLIN_SECRET_KEY_MISSING"] is True


@pytest.mark.parametrize(
    "key",
    [
        "allin-demo-only-insecure-key-change-me-in-production-0123456789",
        "allin-debug-only-insecure-key-never-in-production-0123456789",
    ],
)
def test_the_public_keys_written_in_the_code_are_refused_with_debug_off(monkeypatch, key):
    with pytest.raises(ImproperlyConfigured, match="ALLIN_SECRET_KEY"):
        load_settings(monkeypatch, ALLIN_SECRET_KEY=key)


def test_debug_on_runs_without_a_key(monkeypatch):
    assert load_settings(monkeypatch, ALLIN_DEBUG="true")["SECRET_KEY"]


def test_an_own_key_is_used(monkeypatch):
    assert load_settings(monkeypatch, ALLIN_SECRET_KEY="k" * 50)["SECRET_KEY"] == "k" * 50


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("yes", True),
        ("false", False),
        ("0", False),
        ("No", False),
    ],
)
def test_booleans_accept_the_six_words_in_any_case(monkeypatch, word, expected):
    assert (
        load_settings(monkeypatch, ALLIN_SECRET_KEY="k" * 50, ALLIN_SSL_REDIRECT=word)["SECURE_SSL_REDIRECT"]
        is expected
    )


@pytest.mark.parametrize("word", ["ture", "on", "off", "enabled", "2"])
def test_a_boolean_typo_stops_the_start_instead_of_reading_as_false(monkeypatch, word):
    with pytest.raises(ImproperlyConfigured, match=f"ALLIN_SSL_REDIRECT='{word}'"):
        load_settings(monkeypatch, ALLIN_SECRET_KEY="k" * 50, ALLIN_SSL_REDIRECT=word)


def test_a_number_that_is_not_one_stops_the_start(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLIN_EMAIL_PORT"):
        load_settings(monkeypatch, ALLIN_SECRET_KEY="k" * 50, ALLIN_EMAIL_PORT="587a")


def test_secrets_are_read_from_files(monkeypatch, tmp_path):
    (tmp_path / "key").write_text("from-a-file-" + "x" * 40 + "\n")
    (tmp_path / "password").write_text("smtp secret\n")
    loaded = load_settings(
        monkeypatch,
        ALLIN_SECRET_KEY_FILE=str(tmp_path / "key"),
        ALLIN_EMAIL_PASSWORD_FILE=str(tmp_path / "password"),
    )
    assert loaded["SECRET_KEY"] == "from-a-file-" + "x" * 40  # the line end dropped, nothing else
    assert loaded["EMAIL_HOST_PASSWORD"] == "smtp secret"


def test_a_missing_secret_file_stops_the_start(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="ALLIN_SECRET_KEY_FILE"):
        load_settings(monkeypatch, ALLIN_SECRET_KEY_FILE=str(tmp_path / "nowhere"))


def test_a_value_and_a_file_for_one_variable_stop_the_start(monkeypatch, tmp_path):
    (tmp_path / "key").write_text("y" * 50)
    with pytest.raises(ImproperlyConfigured, match="allebei"):
        load_settings(monkeypatch, ALLIN_SECRET_KEY="k" * 50, ALLIN_SECRET_KEY_FILE=str(tmp_path / "key"))


def test_an_empty_file_variable_counts_as_unset(monkeypatch):
    # `make run` exports ALLIN_SECRET_KEY_FILE empty when the person set ALLIN_SECRET_KEY themselves.
    loaded = load_settings(monkeypatch, ALLIN_SECRET_KEY="k" * 50, ALLIN_SECRET_KEY_FILE="")
    assert loaded["SECRET_KEY"] == "k" * 50


def test_key_fallbacks_are_read_for_rotation(monkeypatch):
    loaded = load_settings(monkeypatch, ALLIN_SECRET_KEY="n" * 50, ALLIN_SECRET_KEY_FALLBACKS="o" * 50 + ",")
    assert loaded["SECRET_KEY_FALLBACKS"] == ["o" * 50]


def test_the_makefile_gives_the_demo_its_own_untracked_key():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run: export ALLIN_SECRET_KEY_FILE \?=.*\.allin-secret-key", makefile, re.M)
    assert ".allin-secret-key" in (ROOT / ".gitignore").read_text().splitlines()


@pytest.mark.parametrize(
    ("given", "expected", "match"),
    [
        ("abc", "abc", True),
        ("abd", "abc", False),
        ("ab", "abc", False),
        ("", "", False),
        (None, "abc", False),
    ],
)
def test_secrets_match(given, expected, match):
    assert secrets_match(given, expected) is match


SECRET_NAME = re.compile(r"secret|nonce|projector_key|token", re.IGNORECASE)


def _name(node):
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Subscript):
        return _name(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        first = node.args[0] if node.args else None
        return str(first.value) if isinstance(first, ast.Constant) else ""
    return ""


def test_no_secret_is_compared_with_equals():
    """`==` stops at the first differing character, so its time tells an attacker how much was right; secrets
    are compared with hmac.compare_digest (allin.core.tokens.secrets_match). Comparing with a literal (an empty
    check) is not a comparison of two secrets."""
    found = []
    for path in sorted((ROOT / "allin").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Compare) or not any(
                isinstance(o, ast.Eq | ast.NotEq) for o in node.ops
            ):
                continue
            sides = [node.left, *node.comparators]
            if any(isinstance(side, ast.Constant) for side in sides):
                continue
            if any(SECRET_NAME.search(_name(side)) for side in sides):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert not found, "\n".join(found)
