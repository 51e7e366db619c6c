"""What the workspace's web profile may send: every request, and every cookie.

* :class:`EgressInterceptor` asks the egress rules (:meth:`EgressPolicy.decide`) about every
  request of the profile and fails closed; it adds the user's session (``Authorization:
  Bearer``) to requests to the service's own origin, and to no other;
* :class:`CookieGuard` keeps the cookies of modules that may not be contacted out of the
  profile, at once when the user switches a module off.

Also here: what "the same origin" means for the workspace (:func:`origin`) and the schemes that
never leave the machine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtNetwork import QNetworkCookie
from PySide6.QtWebEngineCore import (
    QWebEngineCookieStore,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from nework_desktop.core.egress import EgressPolicy

__all__ = [
    "DEVTOOLS_SCHEMES",
    "LOCAL_SCHEMES",
    "AccessToken",
    "CookieGuard",
    "EgressInterceptor",
    "encoded",
    "origin",
    "origin_text",
]

log = logging.getLogger("nework.workspace")

#: Schemes that never leave the machine: not egress, not counted.
LOCAL_SCHEMES: Final = frozenset({"data", "blob", "about", "qrc", "chrome-error"})
#: Developer tools' own pages (allowed in debug mode only).
DEVTOOLS_SCHEMES: Final = frozenset({"devtools", "chrome-devtools"})

#: The user's session token for the service (None: not signed in).
AccessToken = Callable[[], str | None]

_DEFAULT_PORTS: Final = {"http": 80, "ws": 80, "https": 443, "wss": 443}


def origin(url: QUrl) -> tuple[str, str, int]:
    """Scheme, host and port of ``url`` (the port filled in for the usual schemes)."""
    scheme = url.scheme().lower()
    return scheme, url.host().lower(), url.port(_DEFAULT_PORTS.get(scheme, -1))


def origin_text(url: QUrl) -> str:
    """The origin of ``url`` as text: ``https://host:443``."""
    scheme, host, port = origin(url)
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


def encoded(url: QUrl) -> str:
    """``url`` as the egress rules read it (percent-encoded)."""
    return bytes(url.toEncoded().data()).decode("ascii", "replace")


class EgressInterceptor(QWebEngineUrlRequestInterceptor):
    """Asks the egress rules about every request of the profile; adds the session header.

    Runs on the UI thread (Qt 6).  Fails closed: an exception blocks the request.
    """

    def __init__(
        self,
        egress: EgressPolicy,
        service: QUrl,
        *,
        access_token: AccessToken | None = None,
        debug: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._egress = egress
        self._service_origin = origin(service)
        self._access_token = access_token
        self._local = LOCAL_SCHEMES | (DEVTOOLS_SCHEMES if debug else frozenset())
        #: The last main-frame URL that was refused (for the error page).
        self.blocked_main_frame: str | None = None

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        try:
            self._intercept(info)
        except Exception:
            log.exception("request interceptor failed: request blocked")
            info.block(True)

    def _intercept(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme().lower() in self._local:
            return
        verdict = self._egress.decide(encoded(url), first_party_url=encoded(info.firstPartyUrl()))
        if not verdict.allowed:
            info.block(True)
            main = QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame
            if info.resourceType() == main:
                self.blocked_main_frame = encoded(url)
            return
        if self._access_token is not None and origin(url) == self._service_origin:
            token = self._access_token()
            if token:
                info.setHttpHeader(b"Authorization", f"Bearer {token}".encode("ascii"))


class CookieGuard(QObject):
    """Keeps cookies of modules that may not be contacted out of the profile.

    * a cookie filter refuses cookie access for requests to such a module's hosts;
    * a cookie of such a module that appears in the store is deleted;
    * when the user switches a module off (:meth:`EgressPolicy.set_choices`), the cookies of
      that module already in the store are deleted at once.
    """

    _state_changed = Signal()

    def __init__(
        self, store: QWebEngineCookieStore, egress: EgressPolicy, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._egress = egress
        self._cookies: dict[tuple[bytes, str, str], QNetworkCookie] = {}
        self.deleted: list[tuple[str, str]] = []

        def cookie_filter(request: QWebEngineCookieStore.FilterRequest) -> bool:
            # Called from Qt's threads too: reads the request and the egress rules only.
            try:
                return egress.cookie_allowed(request.origin.host())
            except Exception:
                return False

        store.setCookieFilter(cookie_filter)
        store.cookieAdded.connect(self._on_added)
        store.cookieRemoved.connect(self._on_removed)
        self._state_changed.connect(self.purge, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = egress.subscribe(lambda _state: self._state_changed.emit())
        store.loadAllCookies()

    @staticmethod
    def _key(cookie: QNetworkCookie) -> tuple[bytes, str, str]:
        return bytes(cookie.name().data()), cookie.domain(), cookie.path()

    def _allowed(self, cookie: QNetworkCookie) -> bool:
        name = bytes(cookie.name().data()).decode("latin-1")
        return self._egress.cookie_allowed(cookie.domain(), name)

    def _delete(self, cookie: QNetworkCookie) -> None:
        name = bytes(cookie.name().data()).decode("latin-1")
        module = self._egress.cookie_module(cookie.domain(), name)
        log.info("cookie of module %s deleted (domain %s)", module or "-", cookie.domain())
        self.deleted.append((cookie.domain(), name))
        self._store.deleteCookie(cookie)

    def _on_added(self, cookie: QNetworkCookie) -> None:
        if not self._allowed(cookie):
            self._delete(cookie)
            return
        self._cookies[self._key(cookie)] = QNetworkCookie(cookie)

    def _on_removed(self, cookie: QNetworkCookie) -> None:
        self._cookies.pop(self._key(cookie), None)

    def purge(self) -> None:
        """Delete every known cookie that the current egress state does not allow."""
        for key, cookie in list(self._cookies.items()):
            if not self._allowed(cookie):
                self._cookies.pop(key, None)
                self._delete(cookie)

    def close(self) -> None:
        self._unsubscribe()
