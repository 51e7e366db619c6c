"""The workspace's web page and its navigation rules.

* ``file:`` is never reachable (and local content may not read file URLs, see
  :mod:`.profile`);
* the service's own origin loads in the view;
* another origin in the main frame never loads here: it opens in the system browser (the
  injectable ``opener``) when the user clicked a link, and a script's navigation is refused;
* frames are left to the egress rules (:mod:`.interceptor`);
* the web client's console is not logged, except at debug level in debug mode (it may hold
  personal data).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import QWebEngineNavigationRequest, QWebEnginePage, QWebEngineProfile

from nework_desktop.ui.workspace.interceptor import DEVTOOLS_SCHEMES, LOCAL_SCHEMES, origin

__all__ = ["Opener", "WorkspacePage"]

log = logging.getLogger("nework.workspace")

#: Opens a URL in the system browser; returns False if that failed.
Opener = Callable[[QUrl], bool]


class WorkspacePage(QWebEnginePage):
    """A page whose navigations follow the workspace's rules (:meth:`navigate`).

    ``navigationRequested`` (not ``acceptNavigationRequest``) because only the request object
    tells a user's click from a script's navigation.
    """

    def __init__(
        self,
        profile: QWebEngineProfile,
        service: QUrl,
        opener: Opener,
        parent: QObject | None = None,
        *,
        debug: bool = False,
    ) -> None:
        super().__init__(profile, parent)
        self.service = QUrl(service)
        self.opener = opener
        self._debug = debug
        self.navigationRequested.connect(self._on_navigation)

    def is_service_origin(self, url: QUrl) -> bool:
        return origin(url) == origin(self.service)

    def navigate(
        self,
        url: QUrl,
        kind: QWebEngineNavigationRequest.NavigationType,
        main_frame: bool,
        user_initiated: bool,
    ) -> bool:
        """The navigation rule: may ``url`` load in the view?

        ``file:`` never; the service's own origin yes; another origin in the main frame never
        loads here -- it opens in the system browser when the user clicked a link, and a
        script's navigation is simply refused.  Frames are left to the egress rules.
        """
        scheme = url.scheme().lower()
        if scheme == "file":
            log.warning("navigation to a file: URL refused")
            return False
        if scheme in DEVTOOLS_SCHEMES:
            return self._debug
        if not main_frame or scheme in LOCAL_SCHEMES or self.is_service_origin(url):
            return True
        link = QWebEngineNavigationRequest.NavigationType.LinkClickedNavigation
        if kind == link and user_initiated:
            self.open_externally(url)
        else:
            log.info("navigation to another origin refused (%s)", url.host() or scheme)
        return False

    def open_externally(self, url: QUrl) -> bool:
        """Hand an http(s) URL to the system browser (the injectable opener)."""
        if url.scheme().lower() not in ("http", "https"):
            log.info("not opened externally: %s URL", url.scheme() or "relative")
            return False
        log.info("opening %s in the system browser", url.host())
        return bool(self.opener(QUrl(url)))

    def _on_navigation(self, request: QWebEngineNavigationRequest) -> None:
        try:
            allowed = self.navigate(
                request.url(),
                request.navigationType(),
                request.isMainFrame(),
                request.isUserInitiated(),
            )
        except Exception:
            log.exception("navigation rule failed: navigation refused")
            allowed = False
        if not allowed:
            request.reject()

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        lineNumber: int,
        sourceID: str,
    ) -> None:
        # The web client's console may hold personal data: only in debug mode, and only at
        # debug level (Qt's default would print every message as a Qt warning).
        if self._debug:
            log.debug("console %s: %s (line %d)", level.name, message, lineNumber)
