"""Loaded by pytest before Django (`-p tests.testenv` in pyproject.toml): with DEBUG off, as in production, the
settings refuse to start without a secret key of their own, so the tests bring one. It is made fresh for every
run and handed on to the servers and commands the tests start."""

import os
import secrets

os.environ.setdefault("ALLIN_SECRET_KEY", "tests-" + secrets.token_urlsafe(40))
