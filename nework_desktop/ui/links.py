"""Opening a link from the app's own windows: https only, and a failure said in words.

:func:`open_link` hands an https URL to the system browser (``QDesktopServices.openUrl`` or the
opener given) and, when that fails, tells the user so with the address to copy -- instead of
the nothing that happened before.  Anything but a well-formed https URL is refused (logged).
:class:`LinkDialog` is the base of the Help menu's windows (About, Help) that open the policy's
links this way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from nework_desktop.core.policy import Policy
from nework_desktop.ui.look import apply_window_look
from nework_desktop.ui.widgets import is_https

__all__ = ["LinkDialog", "link_failed", "open_link"]

log = logging.getLogger("nework.ui.links")


def link_failed(parent: QWidget | None, url: str) -> None:
    """Say that the browser did not open ``url`` (the address can be selected and copied)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Links", "The link could not be opened"))
    sentence = QCoreApplication.translate(
        "Links",
        "NeWork could not open your web browser. Copy this address and open it in your browser:",
    )
    box.setText(f"{sentence}\n\n{url}")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()


def open_link(
    parent: QWidget | None,
    url: QUrl | str,
    opener: Callable[[QUrl], bool] | None = None,
    *,
    tell: Callable[[QWidget | None, str], None] | None = None,
) -> bool:
    """Open ``url`` in the system browser if it is https; True if it opened."""
    target = url if isinstance(url, QUrl) else QUrl(url)
    if not is_https(target):
        log.warning("refused to open a link that is not https: %s", target.scheme())
        return False
    opened = bool((opener or QDesktopServices.openUrl)(target))
    if not opened:
        log.warning("the browser did not open %s", target.host())
        (tell or link_failed)(parent, target.toString())
    return opened


class LinkDialog(QDialog):
    """A window in the app's look that shows ``policy`` and opens links with :func:`open_link`
    (through ``opener`` when given: tests)."""

    def __init__(
        self,
        policy: Policy,
        *,
        opener: Callable[[QUrl], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        apply_window_look(self)
        self.policy = policy
        self._opener = opener

    def open_url(self, url: str) -> bool:
        return open_link(self, url, self._opener)
