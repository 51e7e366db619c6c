"""The privacy center window: a list of sections on the left, one page each on the right.

Reached from the Privacy menu and from the policy-update notice, it is where the policy's
Art. 6 rights become buttons.  The window holds the navigation, the stack of pages and the
signals the controller connects; each section is a page class of its own
(:mod:`nework_desktop.ui.privacy.pages`): consent, what is collected, what was sent, your data
on this device, export and delete, policies and contact.

Links open in the system browser through an injectable opener, https only; "Open folder" opens
only an owned root.  Nothing here writes settings or geometry.  QtWebEngine is never imported.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.ui.i18n import installed_locale
from nework_desktop.ui.look import apply_window_look
from nework_desktop.ui.privacy.pages.base import Page, ServicesLike, UrlOpener
from nework_desktop.ui.privacy.pages.collected import CollectedPage
from nework_desktop.ui.privacy.pages.consent import ConsentPage
from nework_desktop.ui.privacy.pages.data import DataPage
from nework_desktop.ui.privacy.pages.export import ExportPage
from nework_desktop.ui.privacy.pages.links import LinksPage
from nework_desktop.ui.privacy.pages.sent import SentPage
from nework_desktop.ui.privacy.retrier import DeletionRetrier

if TYPE_CHECKING:
    from nework_desktop.services.session import Services

__all__ = ["PrivacyCenter"]

log = logging.getLogger("nework.ui.privacy")


class PrivacyCenter(QWidget):
    """The privacy center window (see the module docstring).

    ``services`` is the bootstrap's :class:`~nework_desktop.services.session.Services` (or
    anything with ``paths``, ``policy``, ``ledger``, ``consent``, ``account`` and ``egress``);
    ``opener`` opens URLs (default: ``QDesktopServices.openUrl``); ``deletions`` is the app's
    deletion retrier (without one, the center makes its own when there is an account).  The
    pages are attributes (``consent_page`` … ``links_page``); the questions they ask are page
    methods that tests replace.
    """

    choices_changed = Signal(dict)
    delete_requested = Signal()
    withdraw_requested = Signal()
    export_finished = Signal(str)  # the path written
    export_failed = Signal(str)  # a message
    sizes_ready = Signal()

    PAGES: tuple[str, ...] = ("consent", "collected", "sent", "data", "export", "links")

    def __init__(
        self,
        services: Services | ServicesLike,
        locale: str,
        *,
        opener: UrlOpener | None = None,
        deletions: DeletionRetrier | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.services = services
        self._locale = locale
        account = services.account
        if deletions is None and account is not None:
            from nework_desktop.services.deletion import DeletionRequests

            deletions = DeletionRetrier(
                DeletionRequests(services.paths, lambda: account.client, account=account),
                parent=self,
            )
            deletions.start(first_delay_ms=1000)
        self.deletions = deletions
        self.resize(960, 680)
        apply_window_look(self)
        self._build(opener if opener is not None else QDesktopServices.openUrl)
        self.retranslate()  # also fills every page (refresh)
        self.nav.setCurrentRow(0)
        self.nav.setFocus()

    # -- building ------------------------------------------------------------------------------

    def _build(self, opener: UrlOpener) -> None:
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        self.nav = QListWidget(self)
        self.nav.setMaximumWidth(240)
        self.nav.setMinimumWidth(180)
        self.nav.setSpacing(3)
        row.addWidget(self.nav)
        self.stack = QStackedWidget(self)
        row.addWidget(self.stack, 1)

        services, locale, stack = self.services, self._locale, self.stack
        self.consent_page = ConsentPage(services, locale, opener, stack)
        self.collected_page = CollectedPage(services, locale, opener, stack)
        self.sent_page = SentPage(services, locale, opener, stack)
        self.data_page = DataPage(services, locale, opener, stack)
        self.export_page = ExportPage(services, locale, opener, self.deletions, stack)
        self.links_page = LinksPage(services, locale, opener, stack)
        self.pages: tuple[Page, ...] = (
            self.consent_page,
            self.collected_page,
            self.sent_page,
            self.data_page,
            self.export_page,
            self.links_page,
        )
        for page in self.pages:
            self.nav.addItem(QListWidgetItem())
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._page_changed)

        self.collected_page.choices_changed.connect(self._choices_recorded)
        self.data_page.sizes_ready.connect(self.sizes_ready)
        self.export_page.delete_requested.connect(self.delete_requested)
        self.export_page.withdraw_requested.connect(self.withdraw_requested)
        self.export_page.export_finished.connect(self.export_finished)
        self.export_page.export_failed.connect(self.export_failed)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)
        self._close_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        self._close_shortcut.activated.connect(self.close)
        self._escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape_shortcut.activated.connect(self.close)

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every string in the current language, then every page refilled."""
        self.setWindowTitle(self.tr("Privacy center — NeWork"))
        for row, page in enumerate(self.pages):
            page.ui_locale = self._locale
            title = page.title()
            item = self.nav.item(row)
            item.setText(title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            page.setAccessibleName(title)
            page.retranslate()
        self.nav.setAccessibleName(self.tr("Privacy center sections"))
        self.nav.setAccessibleDescription(
            self.tr("Choose a section with the arrow keys; Tab moves into it")
        )
        self.stack.setAccessibleName(self.tr("Privacy center section"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the privacy center"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._locale = installed_locale(self._locale)
            self.retranslate()
        super().changeEvent(event)

    # -- what the window does ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything cheap (ledger, log, device ID, deletion state) on every page."""
        for page in self.pages:
            page.refresh()

    def _choices_recorded(self, modules: dict[str, bool]) -> None:
        self.choices_changed.emit(modules)
        self.consent_page.refresh()
        self.sent_page.refresh()

    def show_page(self, name: str) -> None:
        """Show one section ("consent", "collected", "sent", "data", "export", "links")."""
        self.nav.setCurrentRow(self.PAGES.index(name))

    @Slot(int)
    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.pages[row].shown()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.data_page.count_sizes_soon()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Wait for work in progress (export, size count) before the window goes away."""
        self.export_page.wait(timeout)
        self.data_page.wait(timeout)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.consent_page.close_viewer()
        super().closeEvent(event)
