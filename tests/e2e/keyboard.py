"""Keyboard-only steps and the 360 px check for the browser journeys (journeys 3, 4 and 5). Only the keyboard
acts: these helpers press Tab, Enter and Space through `page.keyboard`; reading which element has the focus is
how a sighted keyboard user sees the focus ring, so that is allowed."""

try:
    from playwright.sync_api import Locator, Page
except ImportError:  # collected anyway; conftest skips (or in CI fails) the tests and says why
    Locator = Page = None

NARROW = 360
TAB_LIMIT = 150  # presses before we give up: a page where a control takes more is not usable by keyboard


def has_focus(page: Page, target: Locator) -> bool:
    handle = target.element_handle()
    return page.evaluate("(el) => document.activeElement === el", handle)


def focused(page: Page) -> str:
    """A short description of the focused element, for failure messages."""
    return page.evaluate(
        "() => { const e = document.activeElement; if (!e) return 'nothing';"
        " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' +"
        " (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 60); }"
    )


_FOCUS_RING = """(el) => {
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return outline || s.boxShadow !== "none";
}"""


def assert_focus_visible(page: Page, target: Locator) -> None:
    """WCAG 2.4.7: the element reached by keyboard shows where the focus is (an outline or a ring)."""
    assert target.evaluate(_FOCUS_RING), (
        f"{target} has the focus but shows no focus ring (outline/box-shadow)"
    )


def tab_to(page: Page, target: Locator, *, limit=TAB_LIMIT, backwards=False) -> None:
    """Press Tab (or Shift+Tab) until `target` has the focus. Fails when it never does: then it cannot be
    reached by keyboard."""
    target.wait_for(state="visible")
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if has_focus(page, target):
            assert_focus_visible(page, target)
            return
        page.keyboard.press(key)
    raise AssertionError(f"{target} not reached with {limit} × {key}; the focus is on {focused(page)}")


def press_on(page: Page, target: Locator, key="Enter", *, navigates=True) -> None:
    """Tab to `target` and press `key` (Enter or Space). When it submits a form or follows a link, wait for
    the new page."""
    tab_to(page, target)
    if navigates:
        with page.expect_navigation():
            page.keyboard.press(key)
    else:
        page.keyboard.press(key)


def type_into(page: Page, field: Locator, text: str) -> None:
    """Tab to a text field and type, as a person does (select-all first, so a pre-filled value goes)."""
    tab_to(page, field)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def choose_option(page: Page, select: Locator, label: str) -> None:
    """Tab to a <select> and pick the option with this label using the arrow keys alone."""
    tab_to(page, select)
    labels = [text.strip() for text in select.locator("option").all_inner_texts()]
    assert label in labels, f"{label!r} is not one of {labels}"
    want = labels.index(label)
    now = select.evaluate("(el) => el.selectedIndex")
    step = "ArrowDown" if want > now else "ArrowUp"
    for _ in range(abs(want - now)):
        page.keyboard.press(step)
    picked = select.evaluate("(el) => el.options[el.selectedIndex].text.trim()")
    assert picked == label, f"the arrow keys chose {picked!r}, not {label!r}"


def fits(page: Page, width=NARROW) -> None:
    """The page, as it is now, has no sideways scrolling at `width` px (resized and back for wider pages)."""
    before = page.viewport_size
    if before and before["width"] != width:
        page.set_viewport_size({"width": width, "height": before["height"]})
    try:
        page.wait_for_timeout(50)  # a layout pass
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{page.url} is {scroll}px wide at {width}px: sideways scrolling"
    finally:
        if before and before["width"] != width:
            page.set_viewport_size(before)
