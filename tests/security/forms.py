"""Find every form the app renders: walk pages, read their <form method=post> elements and the fields in them.

Forms are found in the HTML rather than listed by hand, so a form that a new feature adds to any page of the
permission walk is fuzzed the day it appears."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, checkbox, radio, number, date, time, email, file, hidden, submit
    values: list = field(default_factory=list)  # options, the checkbox's value, a hidden or button value


@dataclass
class Form:
    action: str
    url_name: str
    fields: dict = field(default_factory=dict)  # name -> Field

    def key(self):
        return (self.url_name, tuple(sorted(self.fields)))


class _FormParser(HTMLParser):
    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms, self.current, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self.current = Form(action=attrs.get("action") or self.page_url, url_name="")
                self.forms.append(self.current)
            return
        if self.current is None or not attrs.get("name"):
            if tag == "option" and self.select is not None:
                self.select.values.append(attrs.get("value", ""))
            return
        name = attrs["name"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            self._add(name, kind, attrs.get("value"))
        elif tag == "textarea":
            self._add(name, "textarea", None)
        elif tag == "select":
            self.select = self._add(name, "select", None)
        elif tag == "button" and (attrs.get("type") or "submit") == "submit":
            self._add(name, "submit", attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None

    def _add(self, name, kind, value):
        entry = self.current.fields.setdefault(name, Field(name, kind))
        if value is not None:
            entry.values.append(value)
        return entry


def forms_in(html: str, page_url: str) -> list[Form]:
    parser = _FormParser(page_url)
    parser.feed(html)
    found = []
    for form in parser.forms:
        path = urlsplit(form.action).path
        try:
            form.url_name = resolve(path).url_name
        except Resolver404:
            continue
        form.action = path
        found.append(form)
    return found
