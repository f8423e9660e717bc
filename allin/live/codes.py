"""Join codes people type from a projector: no look-alike characters, case and spaces forgiven."""

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
LENGTH = 6
_VALID = re.compile(f"^[{ALPHABET}]{{{LENGTH}}}$")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(raw: str) -> str | None:
    """The code as stored, or None when it cannot be one."""
    code = re.sub(r"[\s\-]", "", (raw or "")).upper()
    return code if _VALID.match(code) else None


def spaced(code: str) -> str:
    """ABC DEF: easier to read from the back of a room."""
    return f"{code[:3]} {code[3:]}"
