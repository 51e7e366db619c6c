"""The provider sign-in page: waiting while the system browser shows the provider's page.

A heading ("Sign in with Google"), an indeterminate progress bar, "Copy link" (for a browser
that did not open; "Copied" says it worked) and Cancel.  The OAuth
flow (PKCE, loopback listener; :mod:`nework_desktop.net.oauth`) runs in a worker thread; it
hands the sign-in URL over to the UI thread through a queued signal, and the page opens it with
the injectable opener.  No QtWebEngine here: the provider's page is shown by the system browser
(RFC 8252).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from nework_desktop.net.errors import ServiceError
from nework_desktop.net.oauth.flow import OAuthFlow
from nework_desktop.net.oauth.providers import Provider
from nework_desktop.ui.i18n import provider_label
from nework_desktop.ui.registration.host import PAGE_BROWSER, Host, Opener
from nework_desktop.ui.widgets import bold_font

if TYPE_CHECKING:
    from nework_desktop.core.account_store import AccountSummary

__all__ = ["BrowserPage"]

log = logging.getLogger("nework.ui.registration")

#: How long "Copied" stays on the button.
COPIED_MS = 4000


class _Relay(QObject):
    """Hands the sign-in URL from the worker thread to the GUI thread (a queued signal)."""

    open_url = Signal(str)


class BrowserPage(QWidget):
    """The wait: "Continue in your web browser", "Copy link", Cancel."""

    def __init__(self, host: Host, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.opener = opener
        self.flow: OAuthFlow | None = None
        self.provider: Provider | None = None
        self.authorization_url = ""
        self._relay = _Relay(self)
        self._relay.open_url.connect(self._open_browser)

        self.heading_label = QLabel(self)
        self.heading_label.setFont(bold_font(self.heading_label.font(), 1.3))
        self.browser_label = QLabel(self)
        self.browser_label.setWordWrap(True)
        self.browser_progress = QProgressBar(self)
        self.browser_progress.setRange(0, 0)
        self.browser_progress.setTextVisible(False)
        self.browser_hint = QLabel(self)
        self.browser_hint.setWordWrap(True)
        self.copy_link_button = QPushButton(self)
        self.copy_link_button.setAutoDefault(False)
        self.copy_link_button.clicked.connect(self.copy_link)
        self.copied_label = QLabel(self)
        self.copied_label.setWordWrap(True)
        self.copied_label.setVisible(False)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(COPIED_MS)
        self._copied_timer.timeout.connect(self._copied_done)
        self.cancel_flow_button = QPushButton(self)
        self.cancel_flow_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_link_button)
        buttons.addWidget(self.copied_label, 1)
        buttons.addWidget(self.cancel_flow_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.browser_label)
        layout.addWidget(self.browser_progress)
        layout.addWidget(self.browser_hint)
        self.error_slot = QVBoxLayout()
        layout.addLayout(self.error_slot)
        layout.addLayout(buttons)
        layout.addStretch(1)

    @property
    def provider_name(self) -> str:
        """The provider being signed in with, named in the UI's language."""
        if self.provider is None:
            return ""
        return provider_label(self.provider.id, self.provider.display_name)

    def retranslate(self) -> None:
        name = self.provider_name
        self.heading_label.setText(self.tr("Sign in with {provider}").format(provider=name))
        self.browser_label.setText(
            self.tr(
                "Continue in your web browser: sign in with {provider} there, then come back."
            ).format(provider=name)
        )
        self.browser_progress.setAccessibleName(self.tr("Waiting for the browser"))
        self.browser_hint.setText(
            self.tr(
                "The sign-in page opens in your web browser. If you do not see it, copy the "
                "link and open it there."
            )
        )
        self.copied_label.setText(self.tr("Link copied. Paste it into your browser's address bar."))
        self.copy_link_button.setText(
            self.tr("Copied") if self._copied_timer.isActive() else self.tr("Copy link")
        )
        self.copy_link_button.setAccessibleName(self.tr("Copy link"))
        self.copy_link_button.setAccessibleDescription(self.tr("Copy the sign-in link"))
        self.cancel_flow_button.setText(self.tr("Cancel"))
        self.cancel_flow_button.setAccessibleName(self.tr("Cancel the sign-in"))

    def enter(self) -> None:
        """The page is shown: Cancel is the default button and has the focus."""
        self.cancel_flow_button.setDefault(True)
        self.cancel_flow_button.setFocus()

    def set_busy(self, busy: bool) -> None:
        """Nothing to disable here: Cancel always works."""

    # -- the flow ------------------------------------------------------------------------------

    def start(self, provider_id: str) -> None:
        """Open the provider's page in the system browser and wait for it to come back."""
        host = self._host
        if host.busy:
            return
        try:
            provider = host.manager.provider(provider_id)
            flow = host.manager.begin_oauth(provider_id)
        except ServiceError as exc:
            host.show_error(exc)
            return
        host.show_error(None)
        self.flow = flow
        self.provider = provider
        self.authorization_url = ""
        self.copy_link_button.setEnabled(False)
        self.browser_hint.setVisible(True)
        self.copied_label.setVisible(False)
        self.retranslate()
        host.set_busy(True, bar=False)  # the page has its own progress bar
        host.show_page(PAGE_BROWSER)
        relay = self._relay

        def open_in_browser(url: str) -> None:  # worker thread: hand over to the GUI thread
            try:
                relay.open_url.emit(url)
            except RuntimeError:
                flow.cancel()

        host.run(
            lambda: host.manager.finish_oauth(flow, open_in_browser),
            self._finished,
            self._failed,
        )

    def _open_browser(self, url: str) -> None:
        self.authorization_url = url
        self.copy_link_button.setEnabled(True)
        try:
            opened = self.opener(url)
        except Exception as exc:
            log.warning("the browser could not be opened: %s", type(exc).__name__)
            opened = False
        if not opened:
            self.browser_hint.setVisible(False)  # the error says it once
            self._host.show_error(
                None,
                self.tr("The browser did not open. Copy the link and open it in your browser."),
            )

    def copy_link(self) -> None:
        if self.authorization_url:
            clipboard = QGuiApplication.clipboard()
            clipboard.setText(self.authorization_url)
            self._copied_timer.start()
            self.copy_link_button.setText(self.tr("Copied"))
            self.copied_label.setVisible(True)

    def _copied_done(self) -> None:
        self.copy_link_button.setText(self.tr("Copy link"))
        self.copied_label.setVisible(False)

    def cancel(self) -> None:
        """Cancel: the flow stops waiting, the listener closes, the first page comes back."""
        if self.flow is not None:
            self.flow.cancel()

    def _finished(self, summary: AccountSummary) -> None:
        self.flow = None
        self._host.signed_in(summary)

    def _failed(self, exc: Exception) -> None:
        self.flow = None
        self.authorization_url = ""
        self._host.provider_failed(exc)
