"""Steps people take in the browser, shared by the e2e tests. Plain functions over Playwright pages."""

import re

try:
    from playwright.sync_api import Page, expect
except ImportError:  # collected anyway; conftest skips (or in CI fails) the tests and says why
    Page = expect = None

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}

# A page's own flag: it survives everything but a reload, so "still set" proves nothing reloaded the page.
_MARK = "window.__e2eNoReload = true"
_MARKED = "window.__e2eNoReload === true"

# What a blocked network looks like to the page: the handshake fails (error, then close 1006) and never opens.
REFUSED_WEBSOCKET = """
(() => {
  class RefusedWebSocket extends EventTarget {
    constructor(url) {
      super(); this.url = url; this.readyState = 0;
      setTimeout(() => {
        this.readyState = 3;
        const error = new Event("error"); this.dispatchEvent(error); if (this.onerror) this.onerror(error);
        const close = new CloseEvent("close", { code: 1006, wasClean: false });
        this.dispatchEvent(close); if (this.onclose) this.onclose(close);
      }, 50);
    }
    send() { throw new DOMException("not open", "InvalidStateError"); }
    close() {}
  }
  Object.assign(RefusedWebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = RefusedWebSocket;
})();
"""
NO_WEBSOCKET = "delete window.WebSocket;"


def login(page: Page, server, seed) -> None:
    page.goto(server.url("/inloggen/"))
    page.fill("#id_username", seed["email"])
    page.fill("#id_password", seed["password"])
    page.click("main button[type=submit]")  # the header has a language button too
    page.wait_for_url(lambda url: "/inloggen/" not in url)


def go_live(console: Page, server, seed) -> str:
    """Open the meeting's console, put it live; returns the join code."""
    console.goto(server.url(f"/w/{seed['workspace']}/bijeenkomsten/{seed['meeting']}/live/"))
    console.get_by_role("button", name="Live zetten").click()
    console.wait_for_url(re.compile(r"/live/$"))
    expect(console.locator("#live[data-role=console]")).to_be_visible()
    href = console.locator(".console-bar a[href*='/j/']").first.get_attribute("href")
    return re.search(r"/j/([A-Z0-9]{6})", href).group(1)


def console_click(console: Page, button) -> None:
    """Press a console button (a locator, or its name) and wait for the server's answer: the console posts
    with htmx and swaps its stage."""
    if isinstance(button, str | re.Pattern):
        button = console.get_by_role("button", name=button)
    with console.expect_response(lambda r: r.request.method == "POST" and "/live/" in r.url) as answer:
        button.click()
    assert answer.value.ok, f"{button}: HTTP {answer.value.status}"


def agenda_button(console: Page, title: str):
    """The "Ga hierheen" button of an agenda item. (Its name is "Ga hierheen: <title>" from a visually hidden
    span; chromium puts a space before the colon, so find it by its row.)"""
    row = console.locator("ol.console-agenda > li", has_text=title)
    return row.get_by_role("button", name=re.compile(r"^Ga hierheen"))


def hide_button(console: Page, text: str):
    row = console.locator(".console-notes > li", has_text=text)
    return row.get_by_role("button", name=re.compile(r"^Verbergen"))


def open_projector(console: Page) -> Page:
    with console.context.expect_page() as opened:
        console.get_by_role("link", name="Open het projectorscherm").click()
    projector = opened.value
    projector.wait_for_load_state()
    expect(projector.locator("#live[data-role=projector]")).to_be_attached()
    return projector


def enter_code(phone: Page, server, code: str, *, typed=None) -> None:
    """Type the code in the home page's code box; lands on the join form."""
    if phone.url != server.url("/"):
        phone.goto(server.url("/"))
    phone.fill("#join-code", typed or code)
    phone.locator("form.code-box button[type=submit]").click()
    phone.wait_for_url(re.compile(rf"/j/{code}/$"))
    expect(phone.locator("input[name=role]").first).to_be_visible()


def fill_join_form(phone: Page, *, name="", role="jongere") -> None:
    """Name (optional) and role; lands on the phone page."""
    if name:
        phone.fill("input[name=name]", name)
    phone.check(f"input[name=role][value={role}]")
    phone.get_by_role("button", name="Meedoen").click()
    expect(phone.locator("#live[data-role=phone]")).to_be_attached()


def join(phone: Page, server, code: str, *, typed=None, name="", role="jongere") -> None:
    """From the home page's code box to the phone page."""
    enter_code(phone, server, code, typed=typed)
    fill_join_form(phone, name=name, role=role)


def mark(page: Page) -> None:
    page.wait_for_load_state()
    page.evaluate(_MARK)


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate(_MARKED), f"{page.url} was reloaded"


def watch_websockets(page: Page, urls=None) -> list:
    """The URLs of the websockets the page opens (attach before navigating)."""
    urls = [] if urls is None else urls
    page.on("websocket", lambda ws: urls.append(ws.url))
    return urls


def scroll_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def post_note(phone: Page, text: str, *, show_name=False, category=None) -> None:
    """Post a note; on a board with categories, pick `category` (or the first one): nothing is pre-chosen."""
    form = phone.locator("#stage form.note-form")
    radios = form.locator("input[name=category]")
    if radios.count():
        (form.locator(f"input[name=category][value='{category}']") if category else radios.first).check()
    form.locator("textarea[name=text]").fill(text)
    if show_name:
        form.locator("input[name=show_name]").check()
    form.get_by_role("button", name="Versturen").click()
    expect(form.locator(".form-status")).to_have_text("Verstuurd!")
    expect(phone.locator("#my-notes")).to_contain_text(text)


# ---- dot voting (tests/e2e/test_closing.py) ---------------------------------------------------------------


def ballot(phone: Page, name: str):
    """A phone's list of vote buttons for one ballot ("Beste", "Meest haalbaar"), by its heading."""
    heading = phone.locator("h3.vote-ballot-title").filter(has_text=re.compile(rf"^\s*{re.escape(name)}\s*$"))
    return phone.locator("#stage form.vote-ballot").filter(has=heading)


def dots_left(phone: Page, name: str):
    """The line under "Jouw stippen" for one ballot: "Beste: nog 2 stippen van de 3 over"."""
    label = phone.locator("strong").filter(has_text=re.compile(rf"^\s*{re.escape(name)}:\s*$"))
    return phone.locator("#mine .vote-mine-ballot").filter(has=label)


def give_dot(phone: Page, ballot_name: str, label: str):
    """Tap an idea on a ballot; returns the server's answer (the phone's dots, or a refusal in Dutch)."""
    button = ballot(phone, ballot_name).locator("button.vote-option", has_text=label)
    with phone.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/stip/")) as answer:
        button.click()
    return answer.value
