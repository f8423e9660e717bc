from allin.core.templatetags.allin_text import paragraphs


def test_paragraphs_bullets_and_numbered_lists():
    text = "Eerste zin\nloopt door.\n\n- een\n- twee\n\nStappen:\n1. Voorbereiding\n2. Het gesprek\n\nSlot."
    assert paragraphs(text) == [
        {"kind": "p", "text": "Eerste zin loopt door.", "closed": True},
        {"kind": "ul", "items": ["een", "twee"], "closed": True},
        {"kind": "p", "text": "Stappen:"},
        {"kind": "ol", "items": ["Voorbereiding", "Het gesprek"], "closed": True},
        {"kind": "p", "text": "Slot.", "closed": True},
    ]


def test_paragraphs_of_nothing_is_empty():
    assert paragraphs("") == [] and paragraphs(None) == []


def test_markup_in_text_stays_text(client, db):
    from django.template import Context, Template

    html = Template('{% include "_paragraphs.html" %}').render(Context({"text": "<script>alert(1)</script>"}))
    assert "<script>" not in html and "&lt;script&gt;" in html
