"""The privacy center's "Your data on this device" page: the owned roots and the device ID.

Each owned root with what it holds and its size -- counted in a worker thread
(:func:`~nework_desktop.ui.workers.run_task`, one count at a time) by :func:`folder_size` --
and "Open folder", which opens only an existing owned root.  The random per-install device ID
is shown as it is on disk: reading it never creates it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.device import device_id
from nework_desktop.ui.i18n import format_size
from nework_desktop.ui.privacy.pages.base import Page, section
from nework_desktop.ui.widgets import bold_font, heading, wrapping_label
from nework_desktop.ui.workers import Task, run_task

__all__ = ["DataPage", "folder_size"]

log = logging.getLogger("nework.ui.privacy")


def folder_size(root: Path) -> int | None:
    """Bytes under ``root`` (links counted as themselves, never followed); None if absent."""
    if not (root.exists() or root.is_symlink()):
        return None
    total = 0
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                else:
                    total += entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
    return total


class DataPage(Page):
    """The page "Your data on this device": folders, sizes, "Open folder", the device ID."""

    #: The sizes were counted (and are shown).
    sizes_ready = Signal()

    def build(self, body: QWidget, layout: QVBoxLayout) -> None:
        self._size_task: Task[dict[Path, int | None]] | None = None
        self._sizes: dict[Path, int | None] = {}
        self.data_heading = heading(body)
        self.data_intro = wrapping_label(body)
        layout.addWidget(self.data_heading)
        layout.addWidget(self.data_intro)
        self.folders_box = QGroupBox(body)
        grid = QGridLayout(self.folders_box)
        self.folder_headers = [QLabel(self.folders_box) for _ in range(3)]
        for column, header in enumerate(self.folder_headers):
            header.setFont(bold_font(header.font()))
            grid.addWidget(header, 0, column)
        self.roots: list[Path] = self.paths.roots()
        self.folder_labels: dict[Path, QLabel] = {}
        self.holds_labels: dict[Path, QLabel] = {}
        self.size_labels: dict[Path, QLabel] = {}
        self.open_buttons: dict[Path, QPushButton] = {}
        for n, root in enumerate(self.roots, start=1):
            folder = wrapping_label(self.folders_box, selectable=True)
            folder.setText(str(root))
            holds = wrapping_label(self.folders_box)
            size = QLabel(self.folders_box)
            size.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            button = QPushButton(self.folders_box)
            button.clicked.connect(lambda _=False, r=root: self.open_folder(r))
            grid.addWidget(folder, n, 0)
            grid.addWidget(holds, n, 1)
            grid.addWidget(size, n, 2)
            grid.addWidget(button, n, 3)
            self.folder_labels[root] = folder
            self.holds_labels[root] = holds
            self.size_labels[root] = size
            self.open_buttons[root] = button
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addWidget(self.folders_box)
        self.sizes_refresh_button = QPushButton(body)
        self.sizes_refresh_button.clicked.connect(self.refresh_sizes)
        refresh_row = QHBoxLayout()
        refresh_row.addWidget(self.sizes_refresh_button)
        refresh_row.addStretch(1)
        layout.addLayout(refresh_row)
        self.device_heading = heading(body, 1.0)
        self.device_intro = wrapping_label(body)
        self.device_id_label = wrapping_label(body, selectable=True)
        mono = QFont(self.device_id_label.font())
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setFamilies(["Menlo", "Consolas", "monospace"])
        self.device_id_label.setFont(mono)
        section(layout, self.device_heading, self.device_intro, self.device_id_label)

    def title(self) -> str:
        return self.tr("Your data on this device")

    def retranslate(self) -> None:
        self.data_heading.setText(self.tr("Your data on this device"))
        self.data_intro.setText(
            self.tr(
                "NeWork keeps its data only in these folders. Uninstalling NeWork, or "
                "“Delete all local data”, removes all of them."
            )
        )
        self.folders_box.setTitle(self.tr("Folders"))
        for header, text in zip(
            self.folder_headers,
            (self.tr("Folder"), self.tr("What it holds"), self.tr("Size")),
            strict=True,
        ):
            header.setText(text)
        for root in self.roots:
            self.holds_labels[root].setText(self._holds(root))
            button = self.open_buttons[root]
            button.setText(self.tr("Open folder"))
            button.setAccessibleName(self.tr("Open folder {path}").format(path=root))
            self.folder_labels[root].setAccessibleName(self.tr("Folder"))
            self.size_labels[root].setAccessibleName(
                self.tr("Size of {path}").format(path=root.name)
            )
        self.sizes_refresh_button.setText(self.tr("Recount sizes"))
        self.sizes_refresh_button.setAccessibleName(self.tr("Recount sizes"))
        self.sizes_refresh_button.setAccessibleDescription(self.tr("Count the folder sizes again"))
        self.device_heading.setText(self.tr("Device ID"))
        self.device_intro.setText(
            self.tr(
                "A random number made for this installation of NeWork. It is not taken from "
                "your computer's hardware, it identifies only this installation, and it is "
                "deleted with the local data."
            )
        )
        self.device_id_label.setAccessibleName(self.tr("Device ID"))

    def _holds(self, root: Path) -> str:
        names = {
            "data": self.tr("consent record, account summary, device ID"),
            "config": self.tr("settings"),
            "cache": self.tr("temporary files"),
            "log": self.tr("logs"),
            "state": self.tr("record of what was sent, pending requests"),
            "web_profile": self.tr("workspace web data (cookies, storage)"),
            "web_cache": self.tr("workspace web cache"),
        }
        seen: list[str] = []
        for role in self.paths.roles_in(root):
            text = names.get(role, role)
            if text not in seen:
                seen.append(text)
        return ", ".join(seen)

    def shown(self) -> None:
        self.refresh_device()
        self.refresh_sizes()

    def refresh(self) -> None:
        """The device ID and the sizes counted last (counting again is :meth:`refresh_sizes`)."""
        self.refresh_device()
        self._show_sizes()

    def refresh_device(self) -> None:
        value = device_id(self.paths)  # reads only
        self.device_id_label.setText(value if value else self.tr("Not created yet."))

    # -- sizes ---------------------------------------------------------------------------------

    def count_sizes_soon(self) -> None:
        """Count the sizes once the event loop runs, unless they are known or being counted."""
        if not self._sizes and self._size_task is None:
            QTimer.singleShot(0, self, self.refresh_sizes)

    def refresh_sizes(self) -> None:
        """Count the folder sizes in a worker thread (one count at a time)."""
        if self._size_task is not None:
            return
        roots = list(self.roots)
        self.sizes_refresh_button.setEnabled(False)
        for root in roots:
            if root not in self._sizes:
                self.size_labels[root].setText(self.tr("Counting…"))
        self._size_task = run_task(
            lambda _t: {root: folder_size(root) for root in roots}, self._sizes_counted, parent=self
        )

    def _sizes_counted(self, result: object, error: BaseException | None) -> None:
        self._size_task = None
        self.sizes_refresh_button.setEnabled(True)
        if isinstance(result, dict):
            self._sizes = {Path(k): v for k, v in result.items()}
        self._show_sizes()
        self.sizes_ready.emit()

    def _show_sizes(self) -> None:
        for root in self.roots:
            label = self.size_labels[root]
            button = self.open_buttons[root]
            exists = root.is_dir()
            button.setEnabled(exists)
            if root not in self._sizes:
                continue
            size = self._sizes[root]
            label.setText(
                self.tr("Not created") if size is None else format_size(size, self.ui_locale)
            )

    def wait(self, timeout: float) -> None:
        """Wait for a size count in progress (before the window goes away)."""
        if self._size_task is not None:
            self._size_task.wait(timeout)

    # -- Open folder ---------------------------------------------------------------------------

    def open_folder(self, root: Path) -> bool:
        """Open an owned root in the file manager (nothing else may be opened this way)."""
        if root not in self.paths.roots() or not root.is_dir():
            log.warning("refused to open a folder that is not an existing owned root")
            return False
        return bool(self.opener(QUrl.fromLocalFile(str(root))))
