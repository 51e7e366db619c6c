"""A stand-in for the system browser, for QA automation only (``--automate sign-in-oauth:…``).

Offscreen there is no browser to open.  This one plays it with :mod:`requests`, as a person
would use a provider's pages: it opens the authorization URL, follows redirects, fills the
provider's sign-in form (its text or e-mail field with :data:`LOGIN`, its password field with
:data:`PASSWORD`), submits the consent form and form_post pages (forms of hidden fields), until
the redirect reaches the app's loopback listener, whose page ends the visit.  With
``deny=True`` it follows the page's "Cancel" (or "Deny") link instead of signing in.

**Loopback only**: every address it would open -- the first one, each redirect, each form's
action, each link -- must be http(s) on 127.0.0.0/8, ``::1`` or ``localhost``; anything else
ends the visit before a request is made, so it can never sign in to a real provider.  It sends
nothing through a proxy and keeps its cookies in memory, for this visit only.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import requests

from nework_desktop.core.urls import is_loopback_host, split_url

__all__ = ["LOGIN", "PASSWORD", "NotLoopback", "StandInBrowser", "Visit"]

log = logging.getLogger("nework.automation")

LOGIN = "qa-user"
#: A test provider's stand-in login, not a secret.
PASSWORD = "qa-password"
MAX_STEPS = 20
REQUEST_TIMEOUT = 10.0
_DENY = re.compile(r"\b(cancel|deny|abort|decline)\b", re.IGNORECASE)


class NotLoopback(ValueError):
    """An address the stand-in browser refuses to open (not on this machine)."""


def check_loopback(url: str) -> str:
    parts = split_url(url)
    if parts is None:
        raise NotLoopback("not a valid address")
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not is_loopback_host(host):
        raise NotLoopback(f"{parts.scheme}://{host} is not on this machine")
    return url


@dataclass
class _Form:
    action: str
    method: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (type, name, value)


class _Page(HTMLParser):
    """The forms and links of one page (the little a stand-in browser needs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[_Form] = []
        self.links: list[tuple[str, str]] = []  # (href, text)
        self._link: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(_Form(values.get("action", ""), values.get("method", "get").lower()))
        elif tag == "input" and self.forms and values.get("name"):
            kind = values.get("type", "text").lower()
            self.forms[-1].fields.append((kind, values["name"], values.get("value", "")))
        elif tag == "a" and values.get("href"):
            self._href, self._link = values["href"], []

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append((self._href, "".join(self._link).strip()))
            self._link = None


@dataclass(frozen=True)
class Visit:
    """How a visit ended: the last page's status and text, or why it stopped."""

    status: int
    text: str
    error: str = ""


class StandInBrowser:
    """An ``opener`` (URL → True) that visits the URL in a thread, as described above."""

    def __init__(self, *, deny: bool = False, login: str = LOGIN, password: str = PASSWORD) -> None:
        self.deny = deny
        self.login = login
        self.password = password
        self.urls: list[str] = []
        self.visits: list[Visit] = []
        self._threads: list[threading.Thread] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        thread = threading.Thread(target=lambda: self.visits.append(self.visit(url)), daemon=True)
        self._threads.append(thread)
        thread.start()
        return True

    @property
    def errors(self) -> list[str]:
        return [v.error for v in self.visits if v.error]

    def join(self, timeout: float = 10.0) -> None:
        for thread in self._threads:
            thread.join(timeout)

    def visit(self, url: str) -> Visit:
        """Open ``url`` and go on until a page asks for nothing more (or refuse)."""
        with requests.Session() as session:
            session.trust_env = False  # loopback only: no proxy, no netrc
            method, data = "GET", None
            for _ in range(MAX_STEPS):
                try:
                    check_loopback(url)
                    response = session.request(
                        method, url, data=data, allow_redirects=False, timeout=REQUEST_TIMEOUT
                    )
                except NotLoopback as exc:
                    log.error("stand-in browser: refused to open an address (%s)", exc)
                    return Visit(0, "", f"refused: {exc}")
                except requests.RequestException as exc:
                    return Visit(0, "", f"{type(exc).__name__}")
                location = response.headers.get("Location")
                if response.is_redirect and location:
                    url, method, data = urljoin(url, location), "GET", None
                    continue
                following = self._next(url, response)
                if following is None:
                    return Visit(response.status_code, response.text)
                url, method, data = following
        return Visit(0, "", "too many pages")

    def _next(
        self, url: str, response: requests.Response
    ) -> tuple[str, str, dict[str, str] | None] | None:
        """What a person would do on this page: (url, method, form data), or None (done)."""
        if "html" not in response.headers.get("Content-Type", ""):
            return None
        page = _Page()
        page.feed(response.text)
        if self.deny:
            for href, text in page.links:
                if _DENY.search(text):
                    return urljoin(url, href), "GET", None
        if not page.forms:
            return None
        form = page.forms[0]
        data: dict[str, str] = {}
        for kind, name, value in form.fields:
            if kind in ("text", "email"):
                data[name] = value or self.login
            elif kind == "password":
                data[name] = self.password
            elif kind in ("hidden", "submit"):
                data[name] = value
        target = urljoin(url, form.action or url)
        if form.method == "post":
            return target, "POST", data
        if data:
            target = f"{target}{'&' if urlsplit(target).query else '?'}{urlencode(data)}"
        return target, "GET", None
