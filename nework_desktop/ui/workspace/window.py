"""The workspace: the NeWork service's web client in a QtWebEngine view, with the app's rules.

Importing this module loads QtWebEngine (a large library that starts helper processes and may
write a web profile), so nothing imports it before the workspace opens: not the consent dialog,
not the window-less commands.  The controller imports it when it shows the workspace.

:class:`Workspace` puts the parts together -- the profile (:mod:`.profile`), the request and
cookie rules (:mod:`.interceptor`), the page and its navigation rules (:mod:`.page`), the error
page (:mod:`.errors`) -- and does what needs the window:

* **loading**: offline, server error, refused address, bad certificate or a crashed renderer
  show the friendly error page with "Try again" instead of Chromium's;
* **downloads** ask where to save (:meth:`Workspace.choose_download_path`);
* **camera and microphone** are asked of the user once per origin
  (:meth:`Workspace.ask_permission`) and remembered (:mod:`nework_desktop.core.permissions`);
  every other permission is denied, and third-party module origins are never asked;
* **developer tools** only with ``debug=True`` (``--debug``): F12 opens them.

Close with :meth:`Workspace.shutdown` (the page must go before its profile, and the files of the
profile are only released once the profile is gone).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWebEngineCore import (
    QWebEngineDownloadRequest,
    QWebEngineLoadingInfo,
    QWebEngineNewWindowRequest,
    QWebEnginePage,
    QWebEnginePermission,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStackedLayout, QWidget

from nework_desktop.core.egress import EgressPolicy
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.permissions import Kind, PermissionStore
from nework_desktop.core.urls import workspace_url
from nework_desktop.ui.dialogs import ask_choice, file_dialog_options
from nework_desktop.ui.workspace.errors import ErrorPage
from nework_desktop.ui.workspace.interceptor import (
    AccessToken,
    CookieGuard,
    EgressInterceptor,
    origin_text,
)
from nework_desktop.ui.workspace.network import engine_is_proxied, route_engine_through_proxy
from nework_desktop.ui.workspace.page import Opener, WorkspacePage
from nework_desktop.ui.workspace.profile import create_profile

__all__ = ["Workspace"]

log = logging.getLogger("nework.workspace")

#: Seconds between writes of the transmission log while the workspace is open.
FLUSH_EVERY_MS: Final = 5000
#: Chromium's net::ERR_BLOCKED_BY_CLIENT: an interceptor refused the request.
ERR_BLOCKED_BY_CLIENT: Final = -20
#: Chromium's net::ERR_ABORTED: a load replaced by another, or a refused navigation.
ERR_ABORTED: Final = -3

_P = QWebEnginePermission.PermissionType
_MEDIA_KINDS: Final[dict[QWebEnginePermission.PermissionType, tuple[Kind, ...]]] = {
    _P.MediaAudioCapture: ("microphone",),
    _P.MediaVideoCapture: ("camera",),
    _P.MediaAudioVideoCapture: ("camera", "microphone"),
}


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
        self.service = QUrl(service_url.rstrip("/"))
        self.workspace_url = QUrl(workspace_url(service_url))
        self.off_the_record = not egress.state.consented
        self.error_kind: str | None = None
        self._last_url = self.workspace_url
        self._closed = False
        self.started = False
        self.devtools: QWebEngineView | None = None
        self._devtools_page: QWebEnginePage | None = None
        self.permissions = PermissionStore(paths, persist=not self.off_the_record)

        # Before the first profile: the engine reads its switches when it starts.
        self.proxy = route_engine_through_proxy(egress)
        self.profile = create_profile(paths, off_the_record=self.off_the_record)
        self.interceptor = EgressInterceptor(
            egress, self.service, access_token=access_token, debug=debug, parent=self.profile
        )
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.cookie_guard = CookieGuard(self.profile.cookieStore(), egress, parent=self.profile)
        self.profile.downloadRequested.connect(self._on_download)

        self.view = QWebEngineView(self)
        self.page = WorkspacePage(
            self.profile,
            self.service,
            opener if opener is not None else QDesktopServices.openUrl,
            self,
            debug=debug,
        )
        # Children are deleted in order: the page first, its profile last.
        self.profile.setParent(self)
        self.view.setPage(self.page)
        self.page.loadingChanged.connect(self._on_loading)
        self.page.newWindowRequested.connect(self._on_new_window)
        self.page.permissionRequested.connect(self._on_permission)
        self.page.renderProcessTerminated.connect(self._on_render_gone)
        self.view.setAccessibleName(self.tr("NeWork workspace"))

        self.error_page = ErrorPage(self)
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
        """Load the service's web client (the first load; :attr:`started` from then on)."""
        self.started = True
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
            if not engine_is_proxied():  # e.g. served from the HTTP cache; else a bug
                log.warning("workspace loaded, but the egress proxy has seen no request yet")
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
        self.error_kind = kind
        self.error_page.explain(kind, details, consented=self.egress.state.consented)
        self.stack.setCurrentWidget(self.error_page)
        self.error_page.retry_button.setFocus()
        self.loaded.emit(False)

    # -- pop-ups ------------------------------------------------------------------------------

    def _on_new_window(self, request: QWebEngineNewWindowRequest) -> None:
        url = request.requestedUrl()
        if self.page.is_service_origin(url):
            self.load(url)
        elif request.isUserInitiated():
            self.page.open_externally(url)
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
        from nework_desktop.core.wipe import note_file_dialog, note_file_dialog_done  # the wipe's

        note_file_dialog(self.paths)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save download"), str(suggested), "", "", file_dialog_options()
        )
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
        origin = origin_text(permission.origin())
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
        return ask_choice(
            self,
            title=self.tr("Camera and microphone"),
            text=text.replace("%1", origin),
            informative=self.tr("Your answer is remembered for this site."),
            go=self.tr("Allow"),
            go_role=QMessageBox.ButtonRole.AcceptRole,
            stay=self.tr("Don't Allow"),
        )

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
