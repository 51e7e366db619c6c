"""The privacy policy, read-only: Privacy → View policy and the privacy center's "View policy".

No consent is asked here.  Links open in the system browser through the caller's opener (https
only, a failure said in words); nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from nework_desktop.core.policy import Policy
from nework_desktop.ui.look import apply_window_look
from nework_desktop.ui.widgets import PolicyBrowser

__all__ = ["PolicyViewer"]


class PolicyViewer(QDialog):
    """The full policy text, read-only (no consent asked)."""

    def __init__(self, policy: Policy, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_window_look(self)
        self.resize(820, 680)
        self.browser = PolicyBrowser(self)
        self.browser.set_policy_markdown(policy.text(locale))
        self.browser.anchorClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.setWindowTitle(policy.title.get(locale))
        self.browser.setAccessibleName(self.tr("Privacy policy text"))
        self.browser.setFocus()

    def _open(self, url: QUrl) -> None:
        from nework_desktop.ui.links import open_link

        open_link(self, url)
