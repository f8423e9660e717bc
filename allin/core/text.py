"""One line of user text as we store it: control characters removed (PostgreSQL refuses NUL, and nobody
means to type them) and runs of white space folded to one space."""

import unicodedata


def one_line(value) -> str:
    text = "".join(ch for ch in str(value or "") if unicodedata.category(ch) != "Cc" or ch in "\t\n\r")
    return " ".join(text.split())
