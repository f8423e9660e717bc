"""Question cards to print for the conversation tables: one A5 card per page, big type, the method's name."""

from dataclasses import replace

import pytest
from django.urls import reverse

from allin.exports import views
from allin.methods.loader import get_method
from tests import factories

from .helpers import flat, pdf_reader

A5_LONG, A5_SHORT = 595.3, 419.5  # points


def _url(process):
    return reverse("question_cards_pdf", kwargs={"workspace": process.workspace.slug, "pk": process.pk})


def _page_texts(reader):
    return [flat(page.extract_text()) for page in reader.pages]


def test_one_a5_page_per_card_with_its_title_and_questions(as_facilitator, allin_process):
    method = get_method("all-in")
    assert len(method.question_cards) >= 4
    response = as_facilitator.get(_url(allin_process))
    reader = pdf_reader(response)
    assert len(reader.pages) == len(method.question_cards)
    pages = _page_texts(reader)
    for number, (card, text) in enumerate(zip(method.question_cards, pages, strict=True), start=1):
        assert flat(card.title) in text
        assert flat(card.questions[0]) in text
        assert flat(card.questions[-1]) in text
        assert f"{method.name.upper()} · GESPREKSKAART {number}/{len(pages)}" in text
        assert allin_process.name in text
    # a card's questions are on its own page, not the next one
    assert flat(method.question_cards[1].questions[0]) not in pages[0]
    assert response["Content-Disposition"] == 'inline; filename="gesprekskaarten-all-in-testtraject.pdf"'


def test_pages_are_a5(as_facilitator, allin_process):
    reader = pdf_reader(as_facilitator.get(_url(allin_process)))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert sorted([width, height]) == pytest.approx([A5_SHORT, A5_LONG], abs=1.5)
        assert width > height  # landscape


def test_type_is_large(as_facilitator, allin_process):
    """The first card's question is printed in at least 18 pt, readable from across a table."""
    reader = pdf_reader(as_facilitator.get(_url(allin_process)))
    question = get_method("all-in").question_cards[0].questions[0]
    sizes = []

    def visitor(text, cm, tm, font_dict, font_size):
        if text.strip() and text.strip() in question:
            sizes.append(font_size * tm[0] * cm[0])

    reader.pages[0].extract_text(visitor_text=visitor)
    assert sizes and min(sizes) >= 18


def test_a_long_card_still_fits_on_one_page(as_facilitator, allin_process, monkeypatch):
    method = get_method("all-in")
    long_question = (
        "Wat hebben jongeren nodig om de juiste hulp bij geldzorgen of schulden makkelijker te vinden? " * 2
    )
    card = replace(
        method.question_cards[0],
        key="lang",
        title="Een kaart met veel vragen",
        questions=tuple(f"{n}. {long_question.strip()}" for n in range(1, 6)),
    )
    patched = replace(method, question_cards=(card, method.question_cards[0]))
    monkeypatch.setattr(views, "get_method", lambda slug: patched)
    pages = _page_texts(pdf_reader(as_facilitator.get(_url(allin_process))))
    assert len(pages) == 2
    assert "5. Wat hebben jongeren nodig" in pages[0]
    assert "Stel jezelf voor" in pages[1]


def test_card_labels_do_not_repeat_the_title(as_facilitator, allin_process):
    method = get_method("all-in")
    pages = _page_texts(pdf_reader(as_facilitator.get(_url(allin_process))))
    for card, text in zip(method.question_cards, pages, strict=True):
        if card.kind == "brainstorm":
            assert "Brainstorm (optioneel)" in text
        if card.kind == "closing" and card.title == "Slotvraag":
            assert text.count("Slotvraag") == 1


def test_pdf_has_title_and_language(as_facilitator, allin_process):
    reader = pdf_reader(as_facilitator.get(_url(allin_process)))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title == f"Gesprekskaarten: {allin_process.name}"


def test_method_without_cards_is_404(as_facilitator, workspace, facilitator):
    assert not get_method("werk-aan-netwerk").question_cards
    process = factories.process(workspace, method_slug="werk-aan-netwerk", name="Netwerk", by=facilitator)
    assert as_facilitator.get(_url(process)).status_code == 404


def test_outsider_gets_404(as_outsider, allin_process):
    assert as_outsider.get(_url(allin_process)).status_code == 404
