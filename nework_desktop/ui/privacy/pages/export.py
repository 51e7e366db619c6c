"""The privacy center's "Export and delete" page: the Art. 6 rights as buttons.

* "Export my data…" -- a zip (:func:`nework_desktop.core.export.export_data`) written in a worker
  thread with progress, never twice at once; asks where (Documents, else home) and before
  replacing a file; then "Show in folder";
* "Ask the service to delete my data…" -- the app's :class:`~nework_desktop.ui.privacy.retrier.
  DeletionRetrier` sends it once and retries until the service acknowledges it (pending);
* "Delete all local data…" and "Withdraw consent…" -- signals the controller acts on.

The questions are methods tests replace: :meth:`ExportPage.choose_export_path`,
:meth:`ExportPage.confirm_overwrite`, :meth:`ExportPage.confirm_withdraw`,
:meth:`ExportPage.confirm_deletion_request`.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.account_store import AccountSummary, read_summary
from nework_desktop.core.deletion import DeletionState
from nework_desktop.core.device import device_id
from nework_desktop.core.export import export_data
from nework_desktop.core.prefs import Preferences
from nework_desktop.core.wipe import note_file_dialog, note_file_dialog_done
from nework_desktop.ui.dialogs import ask_choice, file_dialog_options
from nework_desktop.ui.i18n import format_stamp
from nework_desktop.ui.privacy.pages.base import (
    Page,
    ServicesLike,
    UrlOpener,
    section,
    transmission_rows,
)
from nework_desktop.ui.privacy.retrier import DeletionRetrier
from nework_desktop.ui.widgets import heading, wrapping_label
from nework_desktop.ui.wipe import confirm_withdrawal
from nework_desktop.ui.workers import Task, run_task

__all__ = ["ExportPage"]

log = logging.getLogger("nework.ui.privacy")


def _button_row(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class ExportPage(Page):
    """The page "Export and delete": export, deletion request, local delete, withdraw."""

    delete_requested = Signal()
    withdraw_requested = Signal()
    export_finished = Signal(str)  # the path written
    export_failed = Signal(str)  # a message

    def __init__(
        self,
        services: ServicesLike,
        locale: str,
        opener: UrlOpener,
        deletions: DeletionRetrier | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, locale, opener, parent)
        self.deletions = deletions
        if deletions is not None:
            deletions.changed.connect(self._show_deletion)
            deletions.busy_changed.connect(lambda _busy: self._show_deletion(deletions.state()))

    def build(self, body: QWidget, layout: QVBoxLayout) -> None:
        self._export_task: Task[Path] | None = None
        self.export_heading = heading(body)
        self.export_intro = wrapping_label(body)
        self.export_button = QPushButton(body)
        self.export_button.clicked.connect(self.export_my_data)
        self.export_progress = QProgressBar(body)
        self.export_progress.setVisible(False)
        self.export_status = wrapping_label(body, selectable=True)
        self.export_status.setVisible(False)
        self.export_progress.setMinimumWidth(200)
        self.show_export_button = QPushButton(body)
        self.show_export_button.setVisible(False)
        self.show_export_button.clicked.connect(self.show_export_in_folder)
        self.exported: Path | None = None
        layout.addWidget(self.export_heading)
        layout.addWidget(self.export_intro)
        layout.addLayout(_button_row(self.export_button, self.export_progress))
        layout.addWidget(self.export_status)
        layout.addLayout(_button_row(self.show_export_button))

        self.service_heading = heading(body)
        self.service_intro = wrapping_label(body)
        self.deletion_button = QPushButton(body)
        self.deletion_button.clicked.connect(self.ask_service_deletion)
        self.deletion_status = wrapping_label(body, selectable=True)
        section(layout, self.service_heading, self.service_intro)
        layout.addLayout(_button_row(self.deletion_button))
        layout.addWidget(self.deletion_status)

        self.local_heading = heading(body)
        self.delete_intro = wrapping_label(body)
        self.delete_button = QPushButton(body)
        self.delete_button.clicked.connect(self.delete_requested)
        self.withdraw_intro = wrapping_label(body)
        self.withdraw_button = QPushButton(body)
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        section(layout, self.local_heading, self.delete_intro)
        layout.addLayout(_button_row(self.delete_button))
        layout.addWidget(self.withdraw_intro)
        layout.addLayout(_button_row(self.withdraw_button))

    def title(self) -> str:
        return self.tr("Export and delete")

    def retranslate(self) -> None:
        self.export_heading.setText(self.tr("Export my data"))
        self.export_intro.setText(
            self.tr(
                "Saves a zip file with your consent receipts, your settings, your account "
                "summary and the record of what was sent. It contains no password or token."
            )
        )
        self.export_button.setText(self.tr("Export my data…"))
        self.export_button.setAccessibleName(self.tr("Export my data to a zip file"))
        self.export_progress.setAccessibleName(self.tr("Export progress"))
        self.export_status.setAccessibleName(self.tr("Export result"))
        self.show_export_button.setText(self.tr("Show in folder"))
        self.show_export_button.setAccessibleName(self.tr("Show in folder"))
        self.show_export_button.setAccessibleDescription(
            self.tr("Opens the folder that holds the exported file")
        )
        self.service_heading.setText(self.tr("Your data on the NeWork service"))
        self.service_intro.setText(
            self.tr(
                "Ask NTT Communications to delete the data the NeWork service keeps about you. "
                "The request is sent once; if the service cannot be reached, the app keeps "
                "trying until the service confirms it. If you also want to withdraw your "
                "consent, ask for the deletion first."
            )
        )
        self.deletion_button.setText(self.tr("Ask the service to delete my data…"))
        self.deletion_button.setAccessibleName(self.tr("Ask the service to delete my data…"))
        self.deletion_button.setAccessibleDescription(
            self.tr("Ask the NeWork service to delete my data")
        )
        self.deletion_status.setAccessibleName(self.tr("Deletion request status"))
        self.local_heading.setText(self.tr("On this computer"))
        self.delete_intro.setText(
            self.tr(
                "Delete everything NeWork keeps on this computer and start again from the "
                "beginning. Your account on the NeWork service is not deleted."
            )
        )
        self.delete_button.setText(self.tr("Delete all local data…"))
        self.delete_button.setAccessibleName(self.tr("Delete all local data…"))
        self.delete_button.setAccessibleDescription(
            self.tr("Delete all of NeWork's data on this computer")
        )
        self.withdraw_intro.setText(
            self.tr(
                "Withdraw your consent to the privacy policy: NeWork stops collecting and "
                "sending anything and asks for your consent again."
            )
        )
        self.withdraw_button.setText(self.tr("Withdraw consent…"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw consent and stop using NeWork"))

    def refresh(self) -> None:
        self._show_deletion(self.deletions.state() if self.deletions is not None else None)

    # -- Export --------------------------------------------------------------------------------

    @property
    def exporting(self) -> bool:
        return self._export_task is not None

    def default_export_path(self) -> Path:
        """In Documents (the home folder where there is no Documents folder)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        return base / f"NeWork-data-{datetime.now().date().isoformat()}.zip"

    def choose_export_path(self) -> Path | None:
        """Ask where to save the export (replace in tests); None if the user cancelled."""
        note_file_dialog(self.paths)
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export my data"),
            str(self.default_export_path()),
            self.tr("Zip archives (*.zip)"),
            "",
            file_dialog_options(QFileDialog.Option.DontConfirmOverwrite),  # we ask ourselves
        )
        note_file_dialog_done(self.paths)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")

    def confirm_overwrite(self, path: Path) -> bool:
        """Ask before replacing an existing file (replace in tests)."""
        return ask_choice(
            self,
            title=self.tr("Export my data"),
            text=self.tr("“{name}” already exists. Replace it?").format(name=path.name),
            go=self.tr("Replace"),
            stay=self.tr("Cancel"),
        )

    def export_my_data(self) -> bool:
        """Export my data…: ask where, then write the zip in a worker thread.

        False if an export is already running or the user cancelled.
        """
        if self._export_task is not None:
            return False
        dest = self.choose_export_path()
        if dest is None:
            return False
        overwrite = False
        if dest.exists() or dest.is_symlink():
            if not self.confirm_overwrite(dest):
                return False
            overwrite = True
        account = self.services.account
        summary: AccountSummary | None = (
            account.summary if account is not None else read_summary(self.paths)
        )
        egress = self.services.egress
        if egress is not None and egress.transmissions is not None:
            egress.transmissions.flush()
        rows = transmission_rows(self.services, None)
        prefs = Preferences.load(self.paths)
        principal = device_id(self.paths)
        paths, policy, ledger = self.paths, self.policy, self.services.ledger

        def work(task: Task[Path]) -> Path:
            return export_data(
                paths,
                policy,
                ledger,
                account_summary=summary,
                prefs=prefs,
                transmissions=rows,
                dest=dest,
                overwrite=overwrite,
                principal_id=principal,
                progress=task.progress,
            )

        self.export_button.setEnabled(False)
        self.show_export_button.setVisible(False)
        self.export_progress.setRange(0, 0)
        self.export_progress.setVisible(True)
        self._set_export_status(self.tr("Exporting…"))
        self._export_task = run_task(
            work, self._export_done, progress=self._export_progressed, parent=self
        )
        return True

    def _export_progressed(self, done: int, total: int) -> None:
        self.export_progress.setRange(0, max(1, total))
        self.export_progress.setValue(done)

    def _export_done(self, result: object, error: BaseException | None) -> None:
        self._export_task = None
        self.export_button.setEnabled(True)
        self.export_progress.setVisible(False)
        if error is None and isinstance(result, Path):
            self._set_export_status(
                self.tr("Your data was saved to {path}.").format(path=str(result))
            )
            self.exported = result
            self.show_export_button.setVisible(True)
            self.export_finished.emit(str(result))
            return
        if isinstance(error, FileExistsError):
            message = self.tr("A file with that name appeared meanwhile; nothing was replaced.")
        else:
            message = self.tr(
                "Your data could not be exported. Check that the folder exists and that there "
                "is enough free space, then try again."
            )
        log.warning("data export failed: %s", type(error).__name__)
        self._set_export_status(message)
        self.export_failed.emit(message)

    def show_export_in_folder(self) -> bool:
        """Open the folder holding the exported file in the file manager."""
        exported = self.exported
        if exported is None or not exported.parent.is_dir():
            return False
        return bool(self.opener(QUrl.fromLocalFile(str(exported.parent))))

    def _set_export_status(self, message: str) -> None:
        self.export_status.setText(message)
        self.export_status.setVisible(bool(message))

    def wait(self, timeout: float) -> None:
        """Wait for an export in progress (before the window goes away)."""
        if self._export_task is not None:
            self._export_task.wait(timeout)

    # -- Withdraw ------------------------------------------------------------------------------

    def confirm_withdraw(self) -> bool:
        """Ask before withdrawing (replace in tests)."""
        return confirm_withdrawal(self)

    def ask_withdraw(self) -> None:
        if self.confirm_withdraw():
            self.withdraw_requested.emit()

    # -- Ask the service to delete my data -----------------------------------------------------

    def confirm_deletion_request(self) -> bool:
        """Ask before sending the deletion request (replace in tests)."""
        return ask_choice(
            self,
            title=self.tr("Ask the service to delete my data"),
            text=self.tr(
                "NeWork will ask the NeWork service to delete the data it keeps about you. "
                "This cannot be undone. Send the request?"
            ),
            go=self.tr("Send the request"),
            stay=self.tr("Cancel"),
        )

    def ask_service_deletion(self) -> bool:
        """Send the deletion request (once); False if it was not started."""
        retrier = self.deletions
        if retrier is None or retrier.busy:
            return False
        state = retrier.state()
        if state is not None:  # pending (retried by itself) or acknowledged
            return False
        account = self.services.account
        if account is not None and not account.signed_in:
            return False
        if not self.confirm_deletion_request():
            return False
        started = retrier.request()
        self._show_deletion(retrier.state())
        return started

    @Slot(object)
    def _show_deletion(self, state: object) -> None:
        retrier = self.deletions
        button = self.deletion_button
        if retrier is None:
            button.setEnabled(False)
            self.deletion_status.setText(
                self.tr("Sign in to NeWork to ask the service to delete your data.")
            )
            self.deletion_status.setToolTip("")
            return
        current = state if isinstance(state, DeletionState) else None
        busy = retrier.busy
        account = self.services.account
        signed_out = account is not None and not account.signed_in
        button.setEnabled(current is None and not busy and not signed_out)
        if current is None and signed_out and not busy:
            text = self.tr("Sign in to NeWork to ask the service to delete your data.")
            self.deletion_status.setToolTip("")
        elif current is None:
            text = self.tr("Sending the request…") if busy else self.tr("No request was sent.")
            self.deletion_status.setToolTip("")
        elif current.pending:
            text = self.tr(
                "Pending since {date}: waiting for the service to confirm. The app keeps "
                "trying by itself, also after a restart."
            ).format(date=format_stamp(current.created_at, self.ui_locale))
            if busy:
                text += " " + self.tr("Sending now…")
            self.deletion_status.setToolTip(current.last_error or "")
        else:
            text = self.tr("Acknowledged on {date}: the service received your request.").format(
                date=format_stamp(
                    current.acknowledged_at or current.last_attempt_at, self.ui_locale
                )
            )
            self.deletion_status.setToolTip("")
        self.deletion_status.setText(text)
