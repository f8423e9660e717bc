"""The benchmark's HTTP side: shared httpx clients that keep no cookies; each phone keeps its own."""

import http.cookiejar
import sys

if "sniffio" not in sys.modules:
    try:
        import sniffio  # noqa: F401
    except ImportError:
        # httpcore asks sniffio which event loop runs on every request; without it installed, that is a failed
        # import (a search of sys.path) per request, a tenth of this client's CPU. We only ever run asyncio.
        import types

        sys.modules["sniffio"] = types.SimpleNamespace(current_async_library=lambda: "asyncio")

import httpx  # noqa: E402


class NoCookies(http.cookiejar.DefaultCookiePolicy):
    """The shared HTTP clients keep no cookies: each phone keeps its own (see set_cookies)."""

    def set_ok(self, cookie, request):
        return False

    def return_ok(self, cookie, request):
        return False


def http_clients(count: int, connections: int) -> list:
    limits = httpx.Limits(
        max_connections=connections, max_keepalive_connections=connections, keepalive_expiry=2
    )  # below uvicorn's 5 s keep-alive, so no request meets a closing socket
    return [
        httpx.AsyncClient(
            limits=limits,
            timeout=httpx.Timeout(30, connect=10),
            trust_env=False,
            cookies=http.cookiejar.CookieJar(policy=NoCookies()),
            follow_redirects=False,
        )
        for _ in range(count)
    ]


def set_cookies(jar: dict, response: httpx.Response) -> None:
    """Keep each client's cookies ourselves: the HTTP clients are shared by many phones and keep none."""
    for header in response.headers.get_list("set-cookie"):
        name, _, rest = header.partition("=")
        name, value = name.strip(), rest.split(";", 1)[0]
        if not value or "max-age=0" in header.lower():
            jar.pop(name, None)
        else:
            jar[name] = value


def cookie_header(jar: dict) -> str:
    return "; ".join(f"{k}={v}" for k, v in jar.items())
