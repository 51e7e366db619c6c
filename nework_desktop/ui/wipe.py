"""In-app "Delete all local data…", on macOS "Uninstall NeWork…", and the withdrawal question
(policy Art. 6, 7-2).

Both run the very code of ``nework-desktop uninstall-cleanup`` (``cleanup_cmd.wipe_local_data``)
in a worker thread behind a progress dialog that cannot be started twice.  The caller closes
everything that writes (workspace, log file) before and returns to the first-launch state, or
quits, after.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from nework_desktop.core.cleanup import WipeReport
from nework_desktop.core.paths import AppPaths

log = logging.getLogger("nework.ui.wipe")


class _WipeThread(QThread):
    progressed = Signal(int, str)
    done = Signal(object)

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths

    def run(self) -> None:
        from nework_desktop.cleanup_cmd import wipe_local_data

        def progress(done: int, total: int | None, current: str) -> None:
            self.progressed.emit(done, current)

        report = wipe_local_data(self._paths, progress=progress)
        self.done.emit(report)


class LocalDataWiper(QObject):
    """Runs one wipe at a time and reports through ``finished``."""

    finished = Signal(object)  # WipeReport

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._parent = parent
        self._thread: _WipeThread | None = None
        self._dialog: QProgressDialog | None = None
        self.report: WipeReport | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        """Start the wipe; False if one is already running."""
        if self._thread is not None:
            return False
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(self.tr("Deleting local data"))
        dialog.setLabelText(self.tr("Deleting all of NeWork's data on this computer…"))
        dialog.setAccessibleName(self.tr("Deletion progress"))
        dialog.setCancelButton(None)  # a half-done wipe is worse than a finished one
        dialog.setRange(0, 0)
        dialog.setMinimumDuration(300)
        self._dialog = dialog
        thread = _WipeThread(self._paths, self)
        thread.progressed.connect(self._on_progress)
        thread.done.connect(self._on_done)
        self._thread = thread
        thread.start()
        return True

    def _on_progress(self, done: int, current: str) -> None:
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Deleted {count} items…").format(count=done))

    def _on_done(self, report: WipeReport) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        self.report = report
        self.finished.emit(report)


def confirm_wipe(parent: QWidget | None, paths: AppPaths, *, uninstall: bool = False) -> bool:
    """Ask before deleting (lists the folders)."""
    folders = "\n".join(str(p) for p in paths.existing_roots()) or "—"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    if uninstall:
        box.setWindowTitle(QCoreApplication.translate("WipeDialogs", "Uninstall NeWork"))
        box.setText(
            QCoreApplication.translate(
                "WipeDialogs",
                "NeWork will delete all of its data on this computer, move the app to the "
                "Trash and quit. Your account on the NeWork service is not deleted.",
            )
        )
    else:
        box.setWindowTitle(QCoreApplication.translate("WipeDialogs", "Delete all local data"))
        box.setText(
            QCoreApplication.translate(
                "WipeDialogs",
                "NeWork will delete all of its data on this computer (consent record, sign-in, "
                "settings, web data, logs) and start again from the beginning. Your account on "
                "the NeWork service is not deleted.",
            )
        )
    box.setDetailedText(folders)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Ok


def confirm_withdrawal(parent: QWidget | None) -> bool:
    """Ask before withdrawing consent (main window and privacy center alike)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("WipeDialogs", "Withdraw consent"),
        QCoreApplication.translate(
            "WipeDialogs",
            "Withdrawing your consent stops your use of NeWork on this computer. "
            "The app will ask for your consent again. Continue?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_wipe_failure(parent: QWidget | None, report: WipeReport) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("WipeDialogs", "Some data could not be deleted"))
    box.setText(
        QCoreApplication.translate(
            "WipeDialogs",
            "NeWork could not delete everything. Close other programs that may use these files "
            "and try again; the next attempt finishes the job.",
        )
    )
    lines = [f"{p.path}: {p.reason}" for p in (*report.failed, *report.refused)]
    lines += [f"remains: {r}" for r in report.residue]
    box.setDetailedText("\n".join(lines))
    box.exec()


def app_bundle() -> Path | None:
    """The running ``NeWork.app`` bundle on macOS (frozen build), else None."""
    if sys.platform != "darwin" or not getattr(sys, "frozen", False):
        return None
    exe = Path(sys.executable).resolve()
    bundle = exe.parents[2] if len(exe.parents) > 2 else None
    if bundle is not None and bundle.suffix == ".app":
        return bundle
    return None


def move_to_trash(bundle: Path) -> bool:
    """Move the app bundle to the Trash (Finder's "Move to Trash")."""
    from PySide6.QtCore import QFile

    result = QFile.moveToTrash(str(bundle))
    ok = bool(result[0]) if isinstance(result, tuple) else bool(result)
    log.info("moving %s to the Trash: %s", bundle, "done" if ok else "failed")
    return ok
