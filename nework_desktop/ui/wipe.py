"""In-app "Delete all local data…", on macOS "Uninstall NeWork…", and the withdrawal question
(policy Art. 6, 7-2).

Both run the very code of ``nework-desktop uninstall-cleanup`` (the controller hands the
:class:`LocalDataWiper` the run: ``app.local_data.wipe_local_data`` with the confirmed plan) in a
worker thread behind a progress dialog that cannot be started twice.  The caller closes
everything that writes (workspace, log file) before and returns to the first-launch state, or
quits, after.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from nework_desktop.core.wipe import Problem, Progress, WipePlan, WipeReport
from nework_desktop.ui.dialogs import ask_choice, show_problem
from nework_desktop.ui.workers import Task, run_task

log = logging.getLogger("nework.ui.wipe")


#: Runs the wipe (on a worker thread) and returns its report; gets the progress callback.
WipeRun = Callable[[Progress], WipeReport]


class LocalDataWiper(QObject):
    """Runs one wipe at a time behind a progress dialog and reports through ``finished``."""

    finished = Signal(object)  # WipeReport

    def __init__(self, run: WipeRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._parent = parent
        self._task: Task[WipeReport] | None = None
        self._dialog: QProgressDialog | None = None
        self.report: WipeReport | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> bool:
        """Start the wipe; False if one is already running."""
        if self._task is not None:
            return False
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(self.tr("Deleting local data"))
        dialog.setLabelText(self.tr("Deleting all of NeWork's data on this computer…"))
        dialog.setAccessibleName(self.tr("Deletion progress"))
        dialog.setCancelButton(None)  # a half-done wipe is worse than a finished one
        dialog.setRange(0, 0)
        dialog.setMinimumDuration(300)
        self._dialog = dialog

        def work(task: Task[WipeReport]) -> WipeReport:
            def progress(done: int, total: int | None, current: str) -> None:
                task.progress(done, total or 0)

            return self._run(progress)

        self._task = run_task(work, self._on_done, progress=self._on_progress, parent=self)
        return True

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Deleted {count} items…").format(count=done))

    def _on_done(self, report: WipeReport | None, error: BaseException | None) -> None:
        self._task = None
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        if report is None:
            # The wipe itself failed (a bug): report it as a failure, never leave the dialog up.
            log.error("the wipe failed: %s", error)
            report = WipeReport(layout="", dry_run=False)
            report.failed.append(Problem("wipe", f"{type(error).__name__}: {error}"))
        self.report = report
        self.finished.emit(report)


def confirm_wipe(parent: QWidget | None, plan: WipePlan, *, uninstall: bool = False) -> bool:
    """Ask before deleting; the details list what ``plan`` (the plan that will run) deletes.

    The buttons say what they do ("Delete everything" / "Uninstall", "Cancel"); Cancel is the
    default and what Escape picks.
    """
    folders = "\n".join(str(r.path) for r in plan.roots) or "—"
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
        go = box.addButton(
            QCoreApplication.translate("WipeDialogs", "Uninstall"),
            QMessageBox.ButtonRole.DestructiveRole,
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
        go = box.addButton(
            QCoreApplication.translate("WipeDialogs", "Delete everything"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
    box.setInformativeText(QCoreApplication.translate("WipeDialogs", "This cannot be undone."))
    cancel = box.addButton(
        QCoreApplication.translate("WipeDialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDetailedText(
        QCoreApplication.translate("WipeDialogs", "Folders that will be deleted:") + "\n" + folders
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def confirm_withdrawal(parent: QWidget | None) -> bool:
    """Ask before withdrawing consent (main window and privacy center alike)."""
    return ask_choice(
        parent,
        title=QCoreApplication.translate("WipeDialogs", "Withdraw consent"),
        text=QCoreApplication.translate(
            "WipeDialogs",
            "Withdrawing your consent stops your use of NeWork on this computer. "
            "The app will ask for your consent again.",
        ),
        informative=QCoreApplication.translate(
            "WipeDialogs",
            "Nothing more is collected or sent. Your data on this computer stays until you "
            "delete it.",
        ),
        go=QCoreApplication.translate("WipeDialogs", "Withdraw consent", "button"),
        stay=QCoreApplication.translate("WipeDialogs", "Cancel"),
    )


def wiped_notice() -> str:
    """What the consent dialog says after "Delete all local data" (the outcome, in words)."""
    return QCoreApplication.translate(
        "WipeDialogs",
        "All of NeWork's data on this computer was deleted. To use NeWork again, read the "
        "privacy policy and agree.",
    )


def show_wipe_failure(parent: QWidget | None, report: WipeReport) -> None:
    lines = [f"{p.path}: {p.reason}" for p in (*report.failed, *report.refused)]
    lines += [
        QCoreApplication.translate("WipeDialogs", "remains: {path}").format(path=r)
        for r in report.residue
    ]
    show_problem(
        parent,
        title=QCoreApplication.translate("WipeDialogs", "Some data could not be deleted"),
        text=QCoreApplication.translate(
            "WipeDialogs",
            "NeWork could not delete everything. Close other programs that may use these files "
            "and try again; the next attempt finishes the job.",
        ),
        details="\n".join(lines),
    )


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
