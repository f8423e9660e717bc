"""The printed pieces: their text holds the actions and the youth tips; they are tagged PDF/UA."""

import io
import uuid

from pypdf import PdfReader

from allin.actions import agreements, feedback, followup, pdf, services


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _pages(content: bytes):
    return PdfReader(io.BytesIO(content)).pages


def test_poster_and_memo_hold_the_answers_tips_and_link(process, session, brug):
    action = services.action_from_source(process=process, note=session.notes[0], client_id=uuid.uuid4())
    services.action_update(
        action=action, title="Spreekuur schuldhulp", owner_partner=brug, answer="Elke dinsdag op school."
    )
    services.feedback_plan_save(process=process, who="De jongerenwerker", where="Instagram")
    before = _text(pdf.poster(process))
    assert "Spreekuur schuldhulp" not in before  # nothing public before publishing, not even on paper
    feedback.feedback_publish(process=process)
    poster = pdf.poster(process)
    text = _text(poster)
    assert "Spreekuur schuldhulp" in text and "Spreekuur op school" in text and "Jongerenwerk De Brug" in text
    page = feedback.feedback_page_for(process)
    assert page.key[:10] in text.replace(" ", "")
    box = _pages(poster)[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 297 and round(float(box.height) / 72 * 25.4) == 420  # A3
    memo = _text(pdf.memo(process))
    assert "De jongerenwerker" in memo and "Instagram" in memo and "Spreekuur schuldhulp" in memo


def test_agreement_cards(process, brug, gemeente):
    one = followup.agreement_for(process=process, partner=brug)
    followup.agreement_row_add(agreement=one, what="Stageplekken delen", who="Petra", when="Mei", how="Lijst")
    followup.agreement_for(process=process, partner=gemeente)
    content = pdf.agreements(process, agreements.cards(process))
    text = _text(content)
    assert "Jongerenwerk De Brug" in text and "Stageplekken delen" in text and "Petra" in text
    assert "Gemeente Voorbeeldstad" in text
    assert len(_pages(content)) == 2
    root = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]  # tagged, as PDF/UA asks


def test_pdf_views(as_viewer, process, brug):
    followup.agreement_for(process=process, partner=brug)
    base = f"/w/{process.workspace.slug}/trajecten/{process.pk}/"
    for path in ("terugkoppeling/poster.pdf", "terugkoppeling/memo.pdf", "afsprakenkaarten.pdf"):
        response = as_viewer.get(base + path)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
