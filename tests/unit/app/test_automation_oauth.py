"""``--automate sign-in-oauth:PROVIDER`` and its stand-in browser: loopback only, always."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.app import automation
from nework_desktop.app.standin_browser import NotLoopback, StandInBrowser, check_loopback
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SecretStore
from nework_desktop.net.http import HttpClient
from nework_desktop.net.oauth.providers import load_providers
from nework_desktop.net.service import ServiceClient
from nework_desktop.services.account import AccountManager


def test_the_step_parses() -> None:
    steps = automation.parse("accept-consent,sign-in-oauth:microsoft,quit")
    assert [str(s) for s in steps.steps] == ["accept-consent", "sign-in-oauth:microsoft", "quit"]
    assert steps.steps[1].provider == "microsoft"
    for bad in ("sign-in-oauth", "sign-in-oauth:", "sign-in-oauth:Evil/x", "sign-in-oauth:a b"):
        with pytest.raises(automation.AutomationError):
            automation.parse(bad)


@pytest.mark.parametrize(
    "url",
    [
        "https://accounts.google.com/o/oauth2/v2/auth?x=1",
        "http://10.0.0.1/auth",
        "http://example.com/",
        "file:///etc/passwd",
        "http://127.0.0.1.example.com/",
        "http://user@[::2]/",
    ],
)
def test_the_stand_in_browser_opens_nothing_off_this_machine(url: str) -> None:
    with pytest.raises(NotLoopback):
        check_loopback(url)
    visit = StandInBrowser().visit(url)
    assert visit.error.startswith("refused")


class _Redirector(BaseHTTPRequestHandler):
    target = "https://accounts.google.com/o/oauth2/v2/auth"
    seen: list[str] = []  # noqa: RUF012 - one test's record

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.seen.append(self.path)
        if self.path.startswith("/login"):
            page = (
                b'<form method="post" action="/submit"><input type="hidden" name="prompt" '
                b'value="login"><input type="text" name="login"><input type="password" '
                b'name="password"></form><a href="/abort">[ Cancel ]</a>'
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
            return
        self.send_response(302)
        self.send_header("Location", self.target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        size = int(self.headers.get("Content-Length", "0"))
        self.seen.append(f"POST {self.path} {self.rfile.read(size).decode()}")
        self.send_response(302)
        self.send_header("Location", "/done")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def local() -> Iterator[str]:
    _Redirector.seen = []
    server = HTTPServer(("127.0.0.1", 0), _Redirector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_redirect_off_this_machine_is_not_followed(local: str) -> None:
    visit = StandInBrowser().visit(f"{local}/start")
    assert visit.error.startswith("refused") and "accounts.google.com" in visit.error
    assert _Redirector.seen == ["/start"]


def test_the_login_form_is_filled_and_cancel_is_a_link(local: str) -> None:
    StandInBrowser(login="hanako").visit(f"{local}/login")
    assert _Redirector.seen[1] == "POST /submit prompt=login&login=hanako&password=qa-password"
    _Redirector.seen.clear()
    StandInBrowser(deny=True).visit(f"{local}/login")
    assert _Redirector.seen[:2] == ["/login", "/abort"]


class _CookiePages(BaseHTTPRequestHandler):
    """/a sets cookies (one for /a only, one Secure, one that expires at once), /a/b and /c
    show what came back; the last page is plain text, so the visit ends there."""

    seen: list[tuple[str, str]] = []  # noqa: RUF012 - one test's record

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("Cookie", "")))
        self.send_response(302 if self.path in ("/a", "/a/b") else 200)
        if self.path == "/a":
            self.send_header("Set-Cookie", "site=1; Path=/; HttpOnly; SameSite=Lax")
            self.send_header("Set-Cookie", "here=2; Path=/a; Expires=Wed, 01 Dec 2100 10:00:00 GMT")
            self.send_header("Set-Cookie", "tls=3; Path=/; Secure")
            self.send_header("Set-Cookie", "gone=4; Path=/; Max-Age=0")
            self.send_header("Location", "/a/b")
        elif self.path == "/a/b":
            self.send_header("Set-Cookie", 'site="5 6"; Path=/')  # replaced, not added
            self.send_header("Location", "/c")
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_the_stand_in_browser_keeps_cookies_as_a_browser_does() -> None:
    _CookiePages.seen = []
    server = HTTPServer(("127.0.0.1", 0), _CookiePages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        visit = StandInBrowser().visit(f"http://127.0.0.1:{server.server_address[1]}/a")
    finally:
        server.shutdown()
        server.server_close()
    assert visit.error == ""
    assert _CookiePages.seen == [
        ("/a", ""),
        ("/a/b", "site=1; here=2"),  # its path's cookies; no Secure one over http, none gone
        ("/c", 'site="5 6"'),  # the newer value, as sent; /a's own cookie stays under /a
    ]


def test_the_step_refuses_a_provider_that_is_not_a_loopback_test_one(tmp_path: Path) -> None:
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    client = ServiceClient("http://127.0.0.1:9", HttpClient())

    def manager(environ: dict[str, str]) -> AccountManager:
        store = SecretStore(paths, None)
        return AccountManager(paths, store, client, providers=load_providers(None, environ))

    real = manager({"NEWORK_OAUTH_GOOGLE_CLIENT_ID": "g"})
    assert "not a test provider on this machine" in automation.loopback_provider_problem(
        real, "google"
    )
    remote = manager({"NEWORK_OAUTH_ISSUER_OVERRIDE": "https://op.example"})
    assert "not a test provider" in automation.loopback_provider_problem(remote, "google")
    assert "not configured" in automation.loopback_provider_problem(manager({}), "google")
    assert "unknown provider" in automation.loopback_provider_problem(real, "myspace")
    local = manager({"NEWORK_OAUTH_ISSUER_OVERRIDE": "http://127.0.0.1:8765"})
    assert automation.loopback_provider_problem(local, "apple") == ""
    assert automation.sign_in_oauth(real, "en", "google") is None  # refused before any UI
    client.close()
