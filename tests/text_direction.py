"""For tests: whether the element that holds a piece of user text carries dir="auto", so a browser (or
WeasyPrint) sets Arabic or Hebrew right to left and Dutch left to right, each in its own element."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Holders(HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.text, self.stack, self.found = text, [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.text in data and self.stack:
            self.found.append(self.stack[-1])


def holders(html: str, text: str) -> list:
    """(tag, attributes) of each element whose own text contains `text`."""
    parser = _Holders(text)
    parser.feed(html)
    return parser.found


def assert_dir_auto(html: str, text: str) -> None:
    found = holders(html, text)
    assert found, f"{text!r} is not on the page"
    for tag, attrs in found:
        assert attrs.get("dir") == "auto", (tag, attrs)
