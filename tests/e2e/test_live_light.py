"""A "next" that costs the server nothing per phone, and a projector whose "en nog N" follows the pushes
(issue 13 items 3 and 4), in a real browser."""

import re
import uuid

import pytest

from . import journey
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e


def test_only_a_phone_that_posted_asks_for_its_notes_and_the_projector_counts_what_it_has_no_room_for(
    new_context, e2e_server, seed
):
    items, board = seed["items"], seed["board_index"]
    console = new_context().new_page()
    journey.login(console, e2e_server, seed)
    code = journey.go_live(console, e2e_server, seed)
    journey.console_click(console, re.compile(r"^Beginnen"))
    journey.console_click(console, journey.agenda_button(console, items[board]))
    projector = journey.open_projector(console)
    journey.mark(projector)

    poster, quiet = new_context(**PHONE).new_page(), new_context(**PHONE).new_page()
    asked = {"poster": [], "quiet": []}
    for name, phone in (("poster", poster), ("quiet", quiet)):
        phone.on("request", lambda r, name=name: asked[name].append(r.url) if "/mijn/" in r.url else None)
        journey.join(phone, e2e_server, code)
        expect(phone.locator("#stage form.note-form textarea")).to_be_visible()

    # Six notes fill the projector's bucket; the seventh and eighth push the oldest out of sight, counted.
    token = uuid.uuid4().hex[:6]
    more = projector.locator("#stage .bucket-more").first
    for n in range(1, 9):
        journey.post_note(poster, f"Idee {n} {token}")
        expect(projector.locator("#stage").get_by_text(f"Idee {n} {token}")).to_be_attached()
        if n <= 6:
            expect(more).to_be_hidden()
    expect(more).to_have_text("en nog 2")
    expect(projector.locator("#stage").get_by_text(f"Idee 1 {token}")).to_be_hidden()
    journey.assert_not_reloaded(projector)

    # Next and back: the board comes to both phones again in one push. Only the phone that posted there
    # asks for its own notes; the other one already shows that it sent nothing.
    journey.console_click(console, re.compile(r"^Volgende"))
    for phone in (poster, quiet):
        expect(phone.locator("#stage h1")).to_have_text(items[board + 1])
    journey.console_click(console, re.compile(r"Vorige$"))
    for phone in (poster, quiet):
        expect(phone.locator("#stage h1")).to_have_text(items[board])
    expect(poster.locator("#my-notes")).to_contain_text(f"Idee 8 {token}")
    expect(quiet.locator("#my-notes")).to_have_text("Je hebt hier nog niets gestuurd.")
    assert asked["poster"], "the phone that posted did not ask for its notes"
    assert not asked["quiet"], f"a phone that never posted asked for its notes: {asked['quiet']}"
