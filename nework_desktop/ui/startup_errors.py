"""What a person sees when the app cannot start (the command line gets one line and a code)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def show_cannot_write(folder: str, error: str) -> None:
    """Nothing could be recorded: the disk is full or read-only, or a folder is in the way."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("StartupErrors", "NeWork cannot start"))
    box.setText(
        QCoreApplication.translate(
            "StartupErrors",
            "NeWork cannot save its data on this computer, so nothing was recorded. Check "
            "that the disk is not full and that you may write to the folder below, then start "
            "NeWork again.",
        )
    )
    box.setDetailedText(f"{folder}\n{error}")
    box.exec()
