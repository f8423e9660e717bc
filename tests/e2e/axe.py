"""Accessibility checks in the browser tests: axe-core (npm, package.json) on the page as the suite sees it.

`check_axe(page, label)` runs axe-core's WCAG 2.1 A and AA rules on the page and fails the test with a readable
list of what is wrong (rule, impact, the elements, a hint). It also saves a screenshot
`test-artifacts/e2e/<test>/axe-<label>.png`, so a person can see the page that was checked.

The app's Content Security Policy forbids inline scripts, so axe is not added as a `<script>` tag: its source
is evaluated through the DevTools protocol (`page.evaluate`), which the page's CSP does not govern. The app's
own CSP stays fully on for everything else the test does.
"""

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts" / "e2e"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """
async (tags) => {
  const result = await window.axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary || "" })),
  }));
}
"""

_source = None


def missing():
    """Why axe cannot run here, or None (conftest reports it like a missing chromium)."""
    if not AXE_JS.is_file():
        return (
            f"axe-core not found at {AXE_JS.relative_to(REPO)} — install npm (apt-get install npm) "
            "and run `make install` (npm install)"
        )
    return None


def _axe_source():
    global _source
    if _source is None:
        _source = AXE_JS.read_text(encoding="utf-8")
    return _source


def _artifact_dir():
    """The running test's folder, named like conftest's `_test_dir` (from pytest's PYTEST_CURRENT_TEST)."""
    current = os.environ.get("PYTEST_CURRENT_TEST", "unknown (call)")
    name = current.rsplit(" (", 1)[0].rsplit("::", 1)[-1]
    folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _inject(page):
    if not page.evaluate("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(_axe_source())  # a whole script, run by DevTools: not subject to the page's CSP
    assert page.evaluate("() => typeof window.axe === 'object'"), "axe-core did not load into the page"


def format_violations(violations):
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact'] or 'no impact'}): {v['help']}  <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    at {' > '.join(node['target'])}" + (f"  — {summary[:300]}" if summary else ""))
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more elements")
    return "\n".join(lines)


def check_axe(page, label):
    """Run axe-core (WCAG 2.1 A + AA) on the page; fail with the list of violations. Saves a screenshot."""
    reason = missing()
    assert reason is None, f"E2E: {reason}"
    page.wait_for_load_state()
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", label).strip("-") or "page"
    page.screenshot(path=_artifact_dir() / f"axe-{slug}.png", full_page=True)
    _inject(page)
    violations = page.evaluate(_RUN, TAGS)
    assert not violations, (
        f"axe-core: {len(violations)} WCAG 2.1 A/AA rule(s) violated on {label!r} ({page.url}):\n"
        + format_violations(violations)
    )
