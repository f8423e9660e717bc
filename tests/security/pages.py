"""What a page may not contain under the Content Security Policy, and the checks shared by the page walks."""

import re

from csp.constants import HEADER

# A JSON data block (Django's json_script, as the live texts use) is never run, so the policy does not touch it.
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']application/json[\"'])[^>]*>", re.IGNORECASE
)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def policy_problems(response, url) -> list[str]:
    """Why this HTML response breaks the policy; empty when it does not."""
    problems = []
    policy = response.get(HEADER, "")
    if "script-src 'self'" not in policy or "unsafe-inline" in policy or "unsafe-eval" in policy:
        problems.append(f"{url}: Content-Security-Policy missing or too loose: {policy!r}")
    html = response.content.decode(errors="replace")
    for name, pattern in (
        ("inline <script>", INLINE_SCRIPT),
        ("<style> element", STYLE_ELEMENT),
        ("style= attribute", STYLE_ATTRIBUTE),
        ("on...= event attribute", EVENT_ATTRIBUTE),
    ):
        match = pattern.search(html)
        if match:
            problems.append(f"{url}: {name}: {html[match.start() : match.start() + 120]!r}")
    return problems
