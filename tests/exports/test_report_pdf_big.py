"""A report of a big board: the compact PDF keeps every visible note's text (nothing is lost on paper), says the
counts first, and stays accessible (tagged list items, headings, the language set)."""

import uuid

import pytest
from django.urls import reverse

from allin.live.models import NOTE_MAX, Activity, Note, Theme

from .helpers import pdf_reader, pdf_text
from .test_report_world import held_meeting

WORDS = "jongeren school geld hulp wachttijd toeslag schuld budget coach mentor buurt sport werk".split()


def _fill(board, attendees, count):
    """`count` notes with unique texts over two themes, two categories and no theme; every 10th one as long as a
    note may be; every 7th with its author's name; every 13th hidden."""
    themes = [
        Theme.objects.create(activity=board, name=n, order=9 + i) for i, n in enumerate(["Wonen", "Sport"])
    ]
    texts, hidden = [], []
    for n in range(count):
        words = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(3 + n % 6))
        text = f"Notitie {n} {words}"
        if n % 10 == 0:
            text = (text + " " + " ".join(WORDS) * 4)[: NOTE_MAX - 8] + f" eind{n}"
        note = Note.objects.create(
            activity=board,
            attendee=attendees[n % len(attendees)],
            text=text,
            category=("tip", "top")[n % 2],
            theme=themes[n % 3] if n % 3 < 2 else None,
            show_name=n % 7 == 0,
            hidden=n % 13 == 0,
            client_id=uuid.uuid4(),
        )
        (hidden if note.hidden else texts).append(text)
    return texts, hidden


@pytest.fixture
def big(workspace):
    world = held_meeting(workspace)
    attendees = list(world.live.attendees.all())
    world.texts, world.hidden = _fill(world.board, attendees, 150)
    return world


def _pdf(client, meeting):
    url = reverse(
        "meeting_report_pdf", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk}
    )
    return pdf_reader(client.get(url))


def _tags(reader) -> set:
    """Every structure type in the PDF's tag tree."""
    found, todo = set(), [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop().get_object()
        if hasattr(node, "get") and node.get("/S"):
            found.add(str(node["/S"]))
        kids = node.get("/K") if hasattr(node, "get") else None
        if kids is None:
            continue
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object()
            if hasattr(kid, "get"):
                todo.append(kid)
    return found


def test_every_visible_note_of_a_big_board_is_in_the_pdf(as_viewer, big):
    text = pdf_text(_pdf(as_viewer, big.meeting))
    missing = [t for t in big.texts if " ".join(t.split()) not in text]
    assert not missing, missing[:5]
    for gone in big.hidden:
        assert gone not in text


def test_the_counts_come_first(as_viewer, big):
    text = pdf_text(_pdf(as_viewer, big.meeting))
    board_total = big.board.notes.filter(hidden=False).count()
    sport = big.board.notes.filter(hidden=False, theme__name="Sport").count()
    summary = f"{board_total} post-its:"
    assert summary in text
    # The summary line comes before the first note and names each group's count.
    assert text.index(summary) < text.index("Notitie 1 ")
    assert f"Thema Sport {sport}" in text[text.index(summary) :]


def test_the_big_pdf_stays_tagged_with_headings_lists_and_language(as_viewer, big):
    reader = _pdf(as_viewer, big.meeting)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"]
    tags = _tags(reader)
    assert {"/H1", "/H2", "/H3", "/H4", "/L", "/LI", "/LBody"} <= tags, tags


def test_a_board_without_themes_or_categories_is_one_list(as_viewer, workspace):
    world = held_meeting(workspace)
    plain = Activity.objects.create(
        live=world.live, item=world.items[5], kind="notes", prompt="Wat neem je mee?"
    )
    attendee = world.live.attendees.first()
    for n in range(30):
        Note.objects.create(activity=plain, attendee=attendee, text=f"Meeneem {n}", client_id=uuid.uuid4())
    text = pdf_text(_pdf(as_viewer, world.meeting))
    assert "30 post-its Meeneem 0" in text
    assert all(f"Meeneem {n}" in text for n in range(30))
