"""The workspace: the NeWork service's web client in a QtWebEngine view.

Importing this module loads QtWebEngine (a large library that starts helper processes and may
write a web profile), so nothing imports it before the workspace opens: not the consent dialog,
not the window-less commands.  The main window imports it when it shows the workspace.

What the workspace guarantees
-----------------------------
* **Profile inside the owned roots.**  :func:`create_profile` builds the profile with explicit
  storage and cache paths (``paths.ensure("web_profile")`` / ``paths.ensure("web_cache")``)
  through ``QWebEngineProfileBuilder``, so Qt's default locations are never used, not even
  briefly.  Before consent (``egress.state.consented`` false) the profile is off the record and
  nothing is created on disk.  Qt is asked to remember no permission itself
  (``AskEveryTime``: the camera/microphone answers live in :mod:`.permissions`), the spell
  checker and the push service are off, the download folder is set explicitly.
* **Every request asks the egress rules** (:class:`EgressInterceptor` calls
  :meth:`EgressPolicy.decide`), and cookies of modules that may not be contacted are refused
  and deleted (:class:`CookieGuard`), at once when the user switches a module off.
* **Signed in with the user's session**: the ``access_token`` callable's token is sent as
  ``Authorization: Bearer`` with requests to the service's own origin, and to no other.
* **Other origins open in the system browser** (the ``opener``), and only when the user
  clicked a link; ``file:`` is never reachable (navigation refused, and local content may not
  read file URLs).
* **Offline, server error, refused address, bad certificate, crashed renderer**: a friendly
  page (a Qt widget, translated) with a "Try again" button replaces Chromium's error page.
* **Downloads** ask where to save (:meth:`Workspace.choose_download_path`); **camera and
  microphone** requests are asked of the user once per origin (:meth:`Workspace.ask_permission`)
  and remembered; every other permission is denied.  Third-party module origins are never
  asked.
* **Developer tools** only with ``debug=True`` (``--debug``): F12 opens them.

Close with :meth:`Workspace.shutdown` (the page must go before its profile, and the files of the
profile are only released once the profile is gone).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtNetwork import QNetworkCookie
from PySide6.QtWebEngineCore import (
    QWebEngineCookieStore,
    QWebEngineDownloadRequest,
    QWebEngineLoadingInfo,
    QWebEngineNavigationRequest,
    QWebEngineNewWindowRequest,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineProfileBuilder,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.cleanup import note_file_dialog, note_file_dialog_done
from nework_desktop.core.egress import EgressPolicy
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.urls import WORKSPACE_PATH, workspace_url
from nework_desktop.ui.permissions import Kind, PermissionStore

__all__ = [
    "PROFILE_NAME",
    "WORKSPACE_PATH",
    "CookieGuard",
    "EgressInterceptor",
    "Opener",
    "Workspace",
    "WorkspacePage",
    "create_profile",
]

log = logging.getLogger("nework.workspace")

#: Storage name of the persistent profile (its files live in the web_profile role's folder).
PROFILE_NAME: Final = "NeWork"
#: Upper bound of the disk HTTP cache (bytes).
HTTP_CACHE_BYTES: Final = 200 * 1024 * 1024
#: Seconds between writes of the transmission log while the workspace is open.
FLUSH_EVERY_MS: Final = 5000

#: Schemes that never leave the machine: not egress, not counted.
LOCAL_SCHEMES: Final = frozenset({"data", "blob", "about", "qrc", "chrome-error"})
#: Developer tools' own pages (allowed in debug mode only).
DEVTOOLS_SCHEMES: Final = frozenset({"devtools", "chrome-devtools"})
#: Chromium's net::ERR_BLOCKED_BY_CLIENT: an interceptor refused the request.
ERR_BLOCKED_BY_CLIENT: Final = -20
#: Chromium's net::ERR_ABORTED: a load replaced by another, or a refused navigation.
ERR_ABORTED: Final = -3

#: Opens a URL in the system browser; returns False if that failed.
Opener = Callable[[QUrl], bool]
AccessToken = Callable[[], str | None]

_P = QWebEnginePermission.PermissionType
_MEDIA_KINDS: Final[dict[QWebEnginePermission.PermissionType, tuple[Kind, ...]]] = {
    _P.MediaAudioCapture: ("microphone",),
    _P.MediaVideoCapture: ("camera",),
    _P.MediaAudioVideoCapture: ("camera", "microphone"),
}
_DEFAULT_PORTS: Final = {"http": 80, "ws": 80, "https": 443, "wss": 443}


def _origin(url: QUrl) -> tuple[str, str, int]:
    scheme = url.scheme().lower()
    return scheme, url.host().lower(), url.port(_DEFAULT_PORTS.get(scheme, -1))


def _origin_text(url: QUrl) -> str:
    scheme, host, port = _origin(url)
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


def _encoded(url: QUrl) -> str:
    return bytes(url.toEncoded().data()).decode("ascii", "replace")


def _default_opener(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def _downloads_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)


def _harden(settings: QWebEngineSettings) -> None:
    attr = QWebEngineSettings.WebAttribute
    off = (
        attr.LocalContentCanAccessFileUrls,
        attr.LocalContentCanAccessRemoteUrls,
        attr.ErrorPageEnabled,  # our own error page instead
        attr.PluginsEnabled,
        attr.AllowRunningInsecureContent,
        attr.AllowGeolocationOnInsecureOrigins,
        attr.HyperlinkAuditingEnabled,  # <a ping>
        attr.DnsPrefetchEnabled,  # host lookups the egress rules would never see
        attr.JavascriptCanAccessClipboard,
        attr.ScreenCaptureEnabled,
        attr.NavigateOnDropEnabled,  # a dropped file would be a file: navigation
    )
    for attribute in off:
        settings.setAttribute(attribute, False)


def create_profile(
    paths: AppPaths, *, off_the_record: bool, parent: QObject | None = None
) -> QWebEngineProfile:
    """The workspace's web profile: persistent inside the owned roots, or off the record.

    The persistent profile keeps its storage in ``paths.ensure("web_profile")`` and its HTTP cache
    in ``paths.ensure("web_cache")``; both are given to ``QWebEngineProfileBuilder`` before the
    profile exists, so Qt's default folders are never created.  The off-the-record profile (used
    before consent) writes nothing at all.
    """
    builder = QWebEngineProfileBuilder()
    policy = QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
    builder.setPersistentPermissionsPolicy(policy)
    if off_the_record:
        builder.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        profile = QWebEngineProfileBuilder.createOffTheRecordProfile(parent)
        profile.setPersistentPermissionsPolicy(policy)
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    else:
        storage = paths.ensure("web_profile")
        cache = paths.ensure("web_cache")
        builder.setPersistentStoragePath(str(storage))
        builder.setCachePath(str(cache))
        builder.setHttpCacheType(QWebEngineProfile.HttpCacheType.DiskHttpCache)
        builder.setHttpCacheMaximumSize(HTTP_CACHE_BYTES)
        builder.setPersistentCookiesPolicy(
            QWebEngineProfile.PersistentCookiesPolicy.AllowPersistentCookies
        )
        profile = builder.createProfile(PROFILE_NAME, parent)
        if profile is None:
            # A profile on these paths may be waiting for its deferred deletion (a workspace
            # closed in this event-loop turn): let it go, then try once more.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            profile = builder.createProfile(PROFILE_NAME, parent)
        if profile is None:
            raise RuntimeError("another web profile is still using the workspace's folders")
        if Path(profile.persistentStoragePath()) != storage or Path(profile.cachePath()) != cache:
            raise RuntimeError("QtWebEngine did not take the profile paths inside the owned roots")
    profile.setSpellCheckEnabled(False)  # no dictionary download, no typing sent anywhere
    profile.setPushServiceEnabled(False)  # no connection to a push service
    profile.setDownloadPath(_downloads_folder())  # each download still asks where to save
    _harden(profile.settings())
    log.info(
        "web profile: %s",
        "off the record"
        if off_the_record
        else f"storage {profile.persistentStoragePath()}, cache {profile.cachePath()}",
    )
    return profile


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
        self._service_origin = _origin(service)
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
        verdict = self._egress.decide(_encoded(url), first_party_url=_encoded(info.firstPartyUrl()))
        if not verdict.allowed:
            info.block(True)
            main = QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame
            if info.resourceType() == main:
                self.blocked_main_frame = _encoded(url)
            return
        if self._access_token is not None and _origin(url) == self._service_origin:
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


NavigationPolicy = Callable[[QUrl, QWebEngineNavigationRequest.NavigationType, bool, bool], bool]


class WorkspacePage(QWebEnginePage):
    """A page whose navigations are decided by the workspace (see :meth:`Workspace.navigate`).

    ``navigationRequested`` (not ``acceptNavigationRequest``) because only the request object
    tells a user's click from a script's navigation.
    """

    def __init__(
        self,
        profile: QWebEngineProfile,
        policy: NavigationPolicy,
        parent: QObject | None = None,
        *,
        debug: bool = False,
    ) -> None:
        super().__init__(profile, parent)
        self._policy = policy
        self._debug = debug
        self.navigationRequested.connect(self._on_navigation)

    def _on_navigation(self, request: QWebEngineNavigationRequest) -> None:
        try:
            allowed = self._policy(
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


class _ErrorPage(QWidget):
    """Shown instead of the web view when the workspace cannot be shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("workspaceErrorTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.message, self.details):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class _DevToolsWindow(QWebEngineView):
    """The developer tools' window; tells the workspace when it is closed."""

    def __init__(self, on_close: Callable[[], None]) -> None:
        super().__init__()
        self._on_close = on_close

    def closeEvent(self, event: QCloseEvent) -> None:
        self._on_close()
        super().closeEvent(event)


class Workspace(QWidget):
    """The service's web client, with the app's rules (see the module docstring).

    Call :meth:`start` to load the workspace and :meth:`shutdown` before dropping it.
    """

    #: True when a page of the service is shown, False when the error page is.
    loaded = Signal(bool)

    def __init__(
        self,
        paths: AppPaths,
        egress: EgressPolicy,
        service_url: str,
        *,
        debug: bool = False,
        opener: Opener | None = None,
        access_token: AccessToken | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.egress = egress
        self.debug = debug
        self._opener: Opener = opener if opener is not None else _default_opener
        self.service = QUrl(service_url.rstrip("/"))
        self.workspace_url = QUrl(workspace_url(service_url))
        self.off_the_record = not egress.state.consented
        self.error_kind: str | None = None
        self._last_url = self.workspace_url
        self._closed = False
        self.devtools: QWebEngineView | None = None
        self._devtools_page: QWebEnginePage | None = None
        self.permissions = PermissionStore(paths, persist=not self.off_the_record)

        self.profile = create_profile(paths, off_the_record=self.off_the_record)
        self.interceptor = EgressInterceptor(
            egress, self.service, access_token=access_token, debug=debug, parent=self.profile
        )
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.cookie_guard = CookieGuard(self.profile.cookieStore(), egress, parent=self.profile)
        self.profile.downloadRequested.connect(self._on_download)

        self.view = QWebEngineView(self)
        self.page = WorkspacePage(self.profile, self.navigate, self, debug=debug)
        # Children are deleted in order: the page first, its profile last.
        self.profile.setParent(self)
        self.view.setPage(self.page)
        self.page.loadingChanged.connect(self._on_loading)
        self.page.newWindowRequested.connect(self._on_new_window)
        self.page.permissionRequested.connect(self._on_permission)
        self.page.renderProcessTerminated.connect(self._on_render_gone)
        self.view.setAccessibleName(self.tr("NeWork workspace"))

        self.error_page = _ErrorPage(self)
        self.error_page.retry_button.setText(self.tr("Try again"))
        self.error_page.retry_button.clicked.connect(self.retry)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.error_page)

        self.devtools_action = QAction(self.tr("Developer Tools"), self)
        self.devtools_action.setShortcut(QKeySequence(Qt.Key.Key_F12))
        self.devtools_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.devtools_action.triggered.connect(self.open_devtools)
        self.devtools_action.setEnabled(debug)
        self.devtools_action.setVisible(debug)
        if debug:
            self.addAction(self.devtools_action)
        else:
            for action in (
                QWebEnginePage.WebAction.InspectElement,
                QWebEnginePage.WebAction.ViewSource,
            ):
                self.page.action(action).setVisible(False)
                self.page.action(action).setEnabled(False)

        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_EVERY_MS)
        self._flush_timer.timeout.connect(self._flush)
        self._flush_timer.start()

    # -- loading ------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the service's web client."""
        self.load(self.workspace_url)

    def load(self, url: QUrl) -> None:
        self._last_url = QUrl(url)
        self.interceptor.blocked_main_frame = None
        self.page.load(url)

    def retry(self) -> None:
        """Load again what failed (the "Try again" button)."""
        log.info("workspace: trying again")
        self.load(self._last_url)

    def _on_loading(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        if status == QWebEngineLoadingInfo.LoadStatus.LoadStartedStatus:
            self._last_url = QUrl(info.url())
            return
        if status == QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus:
            self.error_kind = None
            self.stack.setCurrentWidget(self.view)
            self.loaded.emit(True)
            return
        if status != QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus:
            return
        domain = info.errorDomain()
        code = info.errorCode()
        domains = QWebEngineLoadingInfo.ErrorDomain
        if code == ERR_ABORTED and domain != domains.HttpStatusCodeDomain:
            return
        if domain == domains.HttpStatusCodeDomain:
            if code < 500:
                # The service's own page for 4xx (sign-in needed, not found) stays.
                self.error_kind = None
                self.stack.setCurrentWidget(self.view)
                self.loaded.emit(True)
                return
            kind = "server"
            details = self.tr("The server answered with status %1.").replace("%1", str(code))
        elif code == ERR_BLOCKED_BY_CLIENT or self.interceptor.blocked_main_frame:
            kind = "blocked"
            details = ""
        elif domain == domains.CertificateErrorDomain:
            kind = "certificate"
            details = self.tr("Error code: %1").replace("%1", str(code))
        else:
            kind = "offline"
            details = self.tr("Error code: %1").replace("%1", str(code))
        log.info("workspace load failed: %s (%s %d)", kind, domain.name, code)
        self.show_error(kind, details)

    def _on_render_gone(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int
    ) -> None:
        if (
            self._closed
            or status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus
        ):
            return
        log.warning("workspace renderer ended (%s, %d)", status.name, code)
        self.show_error("crashed", self.tr("Error code: %1").replace("%1", str(code)))

    def show_error(self, kind: str, details: str = "") -> None:
        """Show the friendly page for ``kind`` (offline, server, blocked, certificate, crashed)."""
        titles = {
            "offline": self.tr("NeWork cannot be reached"),
            "server": self.tr("NeWork is having a problem"),
            "blocked": self.tr("This address is not allowed"),
            "certificate": self.tr("The connection is not secure"),
            "crashed": self.tr("The workspace stopped"),
        }
        messages = {
            "offline": self.tr(
                "Check your internet connection, then try again. Your data on this computer "
                "is not affected."
            ),
            "server": self.tr(
                "The NeWork service could not show your workspace right now. Please try again "
                "in a moment."
            ),
            "blocked": self.tr(
                "The app's privacy rules do not allow opening this address. You can review "
                "your choices in the privacy center."
            )
            if self.egress.state.consented
            else self.tr("The workspace opens after you agree to the privacy policy."),
            "certificate": self.tr(
                "The identity of the NeWork server could not be verified, so the workspace was "
                "not opened. Check the date and time of this computer, then try again."
            ),
            "crashed": self.tr("The workspace stopped unexpectedly. Try again to reopen it."),
        }
        self.error_kind = kind
        self.error_page.title.setText(titles.get(kind, titles["offline"]))
        self.error_page.message.setText(messages.get(kind, messages["offline"]))
        self.error_page.details.setText(details)
        self.error_page.details.setVisible(bool(details))
        self.stack.setCurrentWidget(self.error_page)
        self.error_page.retry_button.setFocus()
        self.loaded.emit(False)

    # -- navigation ---------------------------------------------------------------------------

    def is_service_origin(self, url: QUrl) -> bool:
        return _origin(url) == _origin(self.service)

    def navigate(
        self,
        url: QUrl,
        kind: QWebEngineNavigationRequest.NavigationType,
        main_frame: bool,
        user_initiated: bool,
    ) -> bool:
        """The page's navigation rule: may ``url`` load in the view?

        ``file:`` never; the service's own origin yes; another origin in the main frame never
        loads here -- it opens in the system browser when the user clicked a link, and a
        script's navigation is simply refused.  Frames are left to the egress rules.
        """
        scheme = url.scheme().lower()
        if scheme == "file":
            log.warning("navigation to a file: URL refused")
            return False
        if scheme in DEVTOOLS_SCHEMES:
            return self.debug
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
        return bool(self._opener(QUrl(url)))

    def _on_new_window(self, request: QWebEngineNewWindowRequest) -> None:
        url = request.requestedUrl()
        if self.is_service_origin(url):
            self.load(url)
        elif request.isUserInitiated():
            self.open_externally(url)
        else:
            log.info("pop-up to another origin refused (%s)", url.host() or url.scheme())

    # -- downloads ----------------------------------------------------------------------------

    def _on_download(self, download: QWebEngineDownloadRequest) -> None:
        suggested = Path(download.downloadDirectory()) / download.downloadFileName()
        target = self.choose_download_path(suggested)
        if target is None:
            log.info("download cancelled by the user")
            download.cancel()
            return
        download.setDownloadDirectory(str(target.parent))
        download.setDownloadFileName(target.name)
        download.accept()
        log.info("download accepted")

    def choose_download_path(self, suggested: Path) -> Path | None:
        """Ask where to save a download; None cancels it.  Tests override this."""
        note_file_dialog(self.paths)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save download"), str(suggested))
        note_file_dialog_done(self.paths)
        return Path(name) if name else None

    # -- camera and microphone ----------------------------------------------------------------

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        request = QWebEnginePermission(permission)
        # Answer after the signal returns: asking opens a dialog (a nested event loop).
        QTimer.singleShot(0, self, lambda: self._answer_permission(request))

    def _answer_permission(self, permission: QWebEnginePermission) -> None:
        if self._closed or not permission.isValid():
            return
        kinds = _MEDIA_KINDS.get(permission.permissionType())
        origin = _origin_text(permission.origin())
        if kinds is None:
            log.info("permission %s denied (%s)", permission.permissionType().name, origin)
            permission.deny()
            return
        verdict = self.egress.evaluate(origin)
        if not verdict.allowed or verdict.reason not in ("service", "loopback-dev"):
            log.info("camera/microphone denied to a third-party origin (%s)", verdict.host)
            permission.deny()
            return
        allowed = self.permissions.answer(origin, kinds)
        if allowed is None:
            allowed = bool(self.ask_permission(origin, kinds))
            self.permissions.remember(origin, kinds, allowed)
        log.info("%s %s for %s", "+".join(kinds), "granted" if allowed else "denied", origin)
        if allowed:
            permission.grant()
        else:
            permission.deny()

    def ask_permission(self, origin: str, kinds: tuple[Kind, ...]) -> bool:
        """Ask the user whether ``origin`` may use ``kinds``.  Tests override this."""
        if kinds == ("camera",):
            text = self.tr("%1 wants to use your camera.")
        elif kinds == ("microphone",):
            text = self.tr("%1 wants to use your microphone.")
        else:
            text = self.tr("%1 wants to use your camera and microphone.")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Camera and microphone"))
        box.setText(text.replace("%1", origin))
        box.setInformativeText(self.tr("Your answer is remembered for this site."))
        allow = box.addButton(self.tr("Allow"), QMessageBox.ButtonRole.AcceptRole)
        deny = box.addButton(self.tr("Don't Allow"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(deny)
        box.exec()
        return box.clickedButton() is allow

    # -- developer tools ----------------------------------------------------------------------

    def open_devtools(self) -> QWebEngineView | None:
        """Show the developer tools (debug mode only); returns their view."""
        if not self.debug or self._closed:
            return None
        if self.devtools is None:
            self.devtools = _DevToolsWindow(self._close_devtools)
            self.devtools.setWindowTitle(self.tr("NeWork Developer Tools"))
            self._devtools_page = QWebEnginePage(self.profile, self.devtools)
            self.devtools.setPage(self._devtools_page)
            self.page.setDevToolsPage(self._devtools_page)
            self.devtools.resize(900, 600)
        self.devtools.show()
        return self.devtools

    def _close_devtools(self) -> None:
        # Detach before the window hides (else Chromium warns that the page cannot sleep).
        window, self.devtools = self.devtools, None
        self._devtools_page = None
        if window is not None:
            self.page.setDevToolsPage(None)  # type: ignore[arg-type]
            window.deleteLater()

    # -- the end ------------------------------------------------------------------------------

    def _flush(self) -> None:
        if self.egress.transmissions is not None:
            self.egress.transmissions.maybe_flush()

    def shutdown(self) -> None:
        """Close the page, then the profile (which releases the profile's files).

        Idempotent.  The widget itself is deleted by its owner (``deleteLater``).
        """
        if self._closed:
            return
        self._closed = True
        self._flush_timer.stop()
        self.cookie_guard.close()
        if self.egress.transmissions is not None:
            self.egress.transmissions.flush()
        self.page.loadingChanged.disconnect(self._on_loading)
        self.page.renderProcessTerminated.disconnect(self._on_render_gone)
        if self.devtools is not None:
            self.devtools.close()  # detaches and deletes it
        self.profile.setUrlRequestInterceptor(None)  # type: ignore[arg-type]
        self.page.deleteLater()
        self.profile.deleteLater()
        self.view.deleteLater()
        log.info("workspace closed")
