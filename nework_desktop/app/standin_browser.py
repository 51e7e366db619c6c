"""A stand-in for the system browser, for QA automation only (``--automate sign-in-oauth:…``).

Offscreen there is no browser to open.  This one plays it with the app's own HTTP transport
(:mod:`nework_desktop.net.transport`) and a cookie jar of its own, as a person would use a
provider's pages: it opens the authorization URL, follows redirects, fills the
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
import time
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

from nework_desktop.core.urls import is_loopback_host, split_url
from nework_desktop.net.errors import ServiceError
from nework_desktop.net.transport import Response, Transport

__all__ = ["LOGIN", "PASSWORD", "NotLoopback", "StandInBrowser", "Visit"]

log = logging.getLogger("nework.automation")

LOGIN = "qa-user"
#: A test provider's stand-in login, not a secret.
PASSWORD = "qa-password"
MAX_STEPS = 20
REQUEST_TIMEOUT = 10.0
#: A provider's sign-in page is a few kB; anything this large is not one.
MAX_PAGE_BYTES = 1024 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})
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


class _FormPage(HTMLParser):
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


class _Cookies:
    """The visit's cookies, as a browser keeps them for the hosts it talks to: per host (no
    Domain sharing: loopback only), sent to the paths under their Path, Secure ones over https
    only, dropped when they expire; in memory, for one visit."""

    def __init__(self) -> None:
        #: (host, path, name) → (value, secure, expires at (monotonic; None: the session))
        self._jar: dict[tuple[str, str, str], tuple[str, bool, float | None]] = {}

    def store(self, url: str, headers: list[str]) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        default_path = parts.path.rsplit("/", 1)[0] or "/"
        for header in headers:
            cookie: SimpleCookie = SimpleCookie()
            try:
                cookie.load(header)
            except CookieError:
                log.info("stand-in browser: a Set-Cookie it cannot read was ignored")
                continue
            for name, morsel in cookie.items():
                path = morsel["path"] or default_path
                key = (host, path, name)
                expires = self._expiry(morsel["max-age"], morsel["expires"])
                if expires is not None and expires <= time.monotonic():
                    self._jar.pop(key, None)
                else:
                    # sent back as it came (quoted or not), as a browser does
                    self._jar[key] = (morsel.coded_value, bool(morsel["secure"]), expires)

    @staticmethod
    def _expiry(max_age: str, expires: str) -> float | None:
        now = time.monotonic()
        if max_age.strip().lstrip("-").isdigit():
            return now + int(max_age)
        if expires:
            try:
                return now + (parsedate_to_datetime(expires).timestamp() - time.time())
            except (TypeError, ValueError):
                return None
        return None

    def header(self, url: str) -> str:
        """The ``Cookie`` header for a request to ``url`` ("" when none applies)."""
        parts = urlsplit(url)
        host, path = (parts.hostname or "").lower(), parts.path or "/"
        now = time.monotonic()
        pairs = []
        for (where, scope, name), (value, secure, expires) in self._jar.items():
            if where != host or (secure and parts.scheme != "https"):
                continue
            if expires is not None and expires <= now:
                continue
            inside = path == scope or path.startswith(scope.rstrip("/") + "/")
            if inside:
                pairs.append(f"{name}={value}")
        return "; ".join(pairs)


@dataclass(frozen=True)
class _Page:
    """What the visit looks at of a reply."""

    status: int
    content_type: str
    text: str

    @classmethod
    def of(cls, response: Response) -> _Page:
        content_type = response.headers.get("Content-Type", "")
        header = Message()
        header["Content-Type"] = content_type
        charset = header.get_content_charset() or "utf-8"
        try:
            text = response.body.decode(charset, errors="replace")
        except LookupError:
            text = response.body.decode("utf-8", errors="replace")
        return cls(response.status, content_type, text)


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
        # Loopback only (checked before every request): the transport never proxies loopback.
        transport = Transport((REQUEST_TIMEOUT, REQUEST_TIMEOUT), MAX_PAGE_BYTES, "NeWork QA")
        cookies = _Cookies()
        method, data = "GET", None
        try:
            for _ in range(MAX_STEPS):
                try:
                    check_loopback(url)
                    response = self._send(transport, cookies, method, url, data)
                except NotLoopback as exc:
                    log.error("stand-in browser: refused to open an address (%s)", exc)
                    return Visit(0, "", f"refused: {exc}")
                except ServiceError as exc:
                    return Visit(0, "", f"{type(exc).__name__}")
                location = response.headers.get("Location")
                if response.status in REDIRECTS and location:
                    url, method, data = urljoin(url, location), "GET", None
                    continue
                page = _Page.of(response)
                following = self._next(url, page)
                if following is None:
                    return Visit(page.status, page.text)
                url, method, data = following
        finally:
            transport.close()
        return Visit(0, "", "too many pages")

    @staticmethod
    def _send(
        transport: Transport,
        cookies: _Cookies,
        method: str,
        url: str,
        data: dict[str, str] | None,
    ) -> Response:
        headers = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        jar = cookies.header(url)
        if jar:
            headers["Cookie"] = jar
        body = None
        if data is not None:
            body = urlencode(data).encode("ascii")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = transport.send(method, url, body, headers, reusable=method == "GET")
        cookies.store(url, response.headers.get_all("Set-Cookie"))
        return response

    def _next(self, url: str, reply: _Page) -> tuple[str, str, dict[str, str] | None] | None:
        """What a person would do on this page: (url, method, form data), or None (done)."""
        if "html" not in reply.content_type:
            return None
        page = _FormPage()
        page.feed(reply.text)
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
