"""Help → NeWork Help (F1) and Keyboard shortcuts: one window with the help page and the keys.

The help page says, in a few paragraphs, how the app starts (consent, registration, the
workspace), where the privacy controls are, how to uninstall on this OS and how to reach
support (the policy's inquiry form, Art. 10).  The shortcuts are a real table (key, what it
does), the keys named as this OS names them (``QKeySequence.NativeText``: ⌘ on macOS).
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.policy import Policy
from nework_desktop.ui.links import LinkDialog
from nework_desktop.ui.tables import FitTable, table_cell

__all__ = ["HelpDialog", "contact_url", "native_keys"]


def native_keys(sequence: str) -> str:
    """A key sequence ("Ctrl+,") as this OS writes it."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def contact_url(policy: Policy) -> str:
    """The inquiry form of Art. 10 (support contact)."""
    for link in policy.links:
        if link.id == "contact":
            return link.url
    return ""


class HelpDialog(LinkDialog):
    """The help page and the keyboard shortcuts, as two tabs."""

    def __init__(
        self,
        policy: Policy,
        *,
        section: str = "help",
        opener: Callable[[QUrl], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(policy, opener=opener, parent=parent)
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.page = QTextBrowser(self.tabs)
        self.page.setOpenLinks(False)
        self.page.setTabChangesFocus(True)
        self.page.anchorClicked.connect(lambda url: self.open_url(url.toString()))
        self.keys = FitTable(2, self.tabs)
        self.tabs.addTab(self.page, "")
        self.tabs.addTab(self.keys, "")
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.contact_button = QPushButton(self)
        self.contact_button.setAutoDefault(False)
        self.contact_button.clicked.connect(self.contact_support)
        self.buttons.addButton(self.contact_button, QDialogButtonBox.ButtonRole.HelpRole)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.show_section(section)

    def show_section(self, section: str) -> None:
        """ "help" or "shortcuts"."""
        self.tabs.setCurrentIndex(1 if section == "shortcuts" else 0)
        self.tabs.currentWidget().setFocus()

    def contact_support(self) -> bool:
        url = contact_url(self.policy)
        return self.open_url(url) if url else False

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do), in the order shown."""
        return [
            (native_keys("F1"), self.tr("Open this help")),
            (native_keys("Ctrl+,"), self.tr("Open the settings")),
            (native_keys("Ctrl+Q"), self.tr("Quit NeWork")),
            (native_keys("Ctrl+W"), self.tr("Close the privacy center")),
            (self.tr("End / Page Down"), self.tr("Privacy policy: go to the end / scroll down")),
            (self.tr("Tab / Shift+Tab"), self.tr("Next / previous control")),
            (self.tr("Space"), self.tr("Switch a module on or off")),
            (self.tr("Enter"), self.tr("Press the focused button")),
            (native_keys("Alt+L"), self.tr("Privacy policy: the links of the text")),
            (self.tr("Esc"), self.tr("Privacy policy: decline (asks first)")),
        ]

    def _uninstall_text(self) -> str:
        if sys.platform == "darwin":
            return self.tr(
                "To uninstall, choose NeWork → Uninstall NeWork…: all data is deleted and the "
                "app is moved to the Trash."
            )
        if sys.platform.startswith("win"):
            return self.tr(
                "To uninstall, open Settings → Apps, choose NeWork and Uninstall: the app and "
                "all of its data are removed."
            )
        return self.tr(
            "To delete all of NeWork's data on this computer, choose Privacy → Delete all "
            "local data…."
        )

    def help_html(self) -> str:
        sections = [
            (
                self.tr("Getting started"),
                self.tr(
                    "The first time NeWork starts, it shows its privacy policy. Read it to the "
                    "end, choose which collection modules may run, and agree. Then register "
                    "with an e-mail address or an account of Google, business d account, Apple "
                    "or Microsoft; your workspace opens in the main window."
                ),
            ),
            (
                self.tr("Your privacy"),
                self.tr(
                    "Privacy → Privacy center shows what you agreed to, what is collected, "
                    "what was sent and where your data is kept. There you can switch the "
                    "collection modules off, export your data, ask the service to delete it, "
                    "delete everything on this computer or withdraw your consent."
                ),
            ),
            (
                self.tr("Settings"),
                self.tr(
                    "Settings ({keys}) change the language and the collection modules, and "
                    "sign you out."
                ).format(keys=native_keys("Ctrl+,")),
            ),
            (self.tr("Uninstalling"), self._uninstall_text()),
            (
                self.tr("Support"),
                self.tr(
                    "For questions about NeWork, or about how your information is handled, "
                    "use the inquiry form (Contact support)."
                ),
            ),
        ]
        parts = [f"<h2>{html.escape(self.tr('NeWork Help'))}</h2>"]
        for title, text in sections:
            parts.append(f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>")
        return "\n".join(parts)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NeWork Help"))
        self.tabs.setTabText(0, self.tr("Help"))
        self.tabs.setTabText(1, self.tr("Keyboard shortcuts"))
        self.page.setHtml(self.help_html())
        self.page.setAccessibleName(self.tr("NeWork Help"))
        self.keys.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.keys.setAccessibleName(self.tr("Keyboard shortcuts"))
        rows = self.shortcuts()
        self.keys.setRowCount(len(rows))
        for row, (keys, action) in enumerate(rows):
            self.keys.setItem(row, 0, table_cell(keys))
            self.keys.setItem(row, 1, table_cell(action))
        self.keys.refit()
        self.contact_button.setText(self.tr("Contact support…"))
        self.contact_button.setAccessibleName(self.tr("Contact support…"))
        self.contact_button.setAccessibleDescription(
            self.tr("Opens the inquiry form in your web browser")
        )
