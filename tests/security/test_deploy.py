"""`manage.py check --deploy` is clean with the production settings that README.md documents (the block after
"Productie-instellingen"): the test reads that block, so the documentation and the settings cannot drift apart."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_environment() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("Productie-instellingen")
    block = re.search(r"```sh\n(.*?)```", readme[start:], re.DOTALL).group(1)
    values = dict(line.split("=", 1) for line in block.splitlines() if line.startswith("ALLIN_"))
    # Placeholders (<...>) are for the operator to fill in; a real secret stands in for them here.
    return {
        name: (secrets.token_urlsafe(50) if value.startswith("<") else value)
        for name, value in values.items()
    }


def _check_deploy(env):
    clean = {name: value for name, value in os.environ.items() if not name.startswith("ALLIN_")}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_readme_documents_the_production_settings():
    env = production_environment()
    assert {"ALLIN_SECRET_KEY", "ALLIN_SITE_URL", "ALLIN_ALLOWED_HOSTS", "ALLIN_HSTS_SECONDS"} <= set(env)
    assert env["ALLIN_DEBUG"] == "false"


def test_check_deploy_is_clean_with_the_documented_production_settings():
    result = _check_deploy(production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout, result.stdout + result.stderr


def test_check_deploy_complains_about_the_laptop_defaults():
    """The other side: without the production settings the check does speak up (the test above means something)."""
    result = _check_deploy({"ALLIN_SECRET_KEY": secrets.token_urlsafe(50)})  # what `make run` adds
    assert result.returncode != 0
    assert "security.W" in result.stdout + result.stderr
