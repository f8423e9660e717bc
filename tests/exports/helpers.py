"""Reading exported files back the way a user's software would."""

import io

from pypdf import PdfReader


def pdf_reader(response) -> PdfReader:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(response.content))


def flat(text: str) -> str:
    """Page text with line breaks and runs of spaces folded, so a title that wraps still matches."""
    return " ".join(text.split())


def pdf_text(reader: PdfReader) -> str:
    return flat(" ".join(page.extract_text() for page in reader.pages))
