import re

from django import template

register = template.Library()

_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")


def _kind(line):
    if line.startswith("- "):
        return "ul"
    if _NUMBERED.match(line):
        return "ol"
    return "p"


def _strip(line, kind):
    if kind == "ul":
        return line[2:].strip()
    if kind == "ol":
        return _NUMBERED.sub("", line, count=1).strip()
    return line


@register.filter
def paragraphs(text):
    """Plain text to blocks for templates: paragraphs (blank-line separated), bullet lists ("- ") and numbered
    lists ("1. "). The text stays auto-escaped; no markup from the text is ever rendered."""
    blocks = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        for line in (line.strip() for line in chunk.split("\n")):
            if not line:
                continue
            kind = _kind(line)
            content = _strip(line, kind)
            last = blocks[-1] if blocks else None
            if last and last["kind"] == kind and kind != "p":
                last["items"].append(content)
            elif last and last["kind"] == kind == "p" and not last.get("closed"):
                last["text"] += " " + content
            elif kind == "p":
                blocks.append({"kind": "p", "text": content})
            else:
                blocks.append({"kind": kind, "items": [content]})
        if blocks:
            blocks[-1]["closed"] = True
    return blocks
