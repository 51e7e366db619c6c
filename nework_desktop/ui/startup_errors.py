"""What a person sees when the app cannot start (the command line gets one line and a code)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nework_desktop.ui.dialogs import show_problem


def show_cannot_write(folder: str, error: str) -> None:
    """Nothing could be recorded: the disk is full or read-only, or a folder is in the way."""
    show_problem(
        None,
        title=QCoreApplication.translate("StartupErrors", "NeWork cannot start"),
        text=QCoreApplication.translate(
            "StartupErrors",
            "NeWork cannot save its data on this computer, so nothing was recorded. Check "
            "that the disk is not full and that you may write to the folder below, then start "
            "NeWork again.",
        ),
        details=f"{folder}\n{error}",
    )
