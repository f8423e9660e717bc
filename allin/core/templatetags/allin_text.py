from django import template

register = template.Library()


@register.filter
def paragraphs(text):
    """Split plain text into paragraphs and bullet lists (lines starting with "- "), for safe rendering in
    templates; the text itself stays auto-escaped."""
    blocks = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append({"bullets": [line[2:].strip() for line in lines]})
        else:
            prose = [line for line in lines if not line.startswith("- ")]
            bullets = [line[2:].strip() for line in lines if line.startswith("- ")]
            blocks.append({"text": " ".join(prose)})
            if bullets:
                blocks.append({"bullets": bullets})
    return blocks
