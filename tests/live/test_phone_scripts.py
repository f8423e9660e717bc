"""The live pages' scripts say nothing of their own (issue 13 item 5, issue 17 item 4): every word a phone
reads, and the note limit, come from the server translated (the #live-texts script), never from a literal in
live.js or live-outbox.js."""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "allin" / "live" / "static" / "live"
DUTCH = re.compile(
    r"verstu|verbinding|wacht|niet|geen|tekens|post-it|opnieuw|tijd|geluid|insturen|antwoord|bewaard", re.I
)


def _literals(source):
    code = re.sub(r"(^|\s)//.*$", r"\1", source, flags=re.M)  # comments may quote the server's words
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    return re.findall(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'', code)


@pytest.mark.parametrize("script", ["live.js", "live-outbox.js"])
def test_no_dutch_word_and_no_note_limit_in_the_script(script):
    literals = [a or b for a, b in _literals((STATIC / script).read_text())]
    assert literals, "the scan found no string literals at all"
    assert [text for text in literals if DUTCH.search(text)] == []
    assert not re.search(r"\b280\b", (STATIC / script).read_text())
