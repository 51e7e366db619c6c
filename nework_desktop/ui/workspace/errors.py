"""The workspace's own error page (a Qt widget, translated) instead of Chromium's.

One page for each way the workspace can fail to show -- offline, server error, refused address,
bad certificate, crashed renderer -- with what happened, what to do, the technical detail, and
"Try again".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from nework_desktop.ui.widgets import bold_font

__all__ = ["ErrorPage"]


class ErrorPage(QWidget):
    """Shown instead of the web view when the workspace cannot be shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("workspaceErrorTitle")
        self.title.setFont(bold_font(self.title.font(), 1.4))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.message, self.details):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def explain(self, kind: str, details: str, *, consented: bool) -> None:
        """Say what ``kind`` of failure happened (an unknown kind reads as "offline")."""
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
            if consented
            else self.tr("The workspace opens after you agree to the privacy policy."),
            "certificate": self.tr(
                "The identity of the NeWork server could not be verified, so the workspace was "
                "not opened. Check the date and time of this computer, then try again."
            ),
            "crashed": self.tr("The workspace stopped unexpectedly. Try again to reopen it."),
        }
        self.title.setText(titles.get(kind, titles["offline"]))
        self.message.setText(messages.get(kind, messages["offline"]))
        self.details.setText(details)
        self.details.setVisible(bool(details))
