"""Privacy → "Delete all local data…" and macOS "Uninstall NeWork…": the controller's wipe flow.

Confirm over the window that asked, close everything that could still write (the window, the
web profile, the account, the egress log), wipe on a worker thread, then go back to the consent
gate (the next consent dialog says the data was deleted) or, for the uninstall, move the bundle
to the Trash and quit.  A mixin of :class:`~.controller.AppController`, which provides the
attributes and the gate methods declared below.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from nework_desktop.core.wipe import Progress, WipePlan, WipeReport
    from nework_desktop.services.session import Services
    from nework_desktop.ui.main_window import MainWindow
    from nework_desktop.ui.wipe import LocalDataWiper

__all__ = ["WIPE_SETTLE_MS", "WipeFlow"]

log = logging.getLogger("nework.app")

#: Pause between closing the web profile and wiping its folders.
WIPE_SETTLE_MS = 300


class WipeFlow:
    """The wipe flow of :class:`~.controller.AppController` (which it is mixed into)."""

    services: Services
    window: MainWindow | None
    wiper: LocalDataWiper | None
    last_wipe: WipeReport | None
    _wiping: bool
    _notice: str

    if TYPE_CHECKING:  # provided by AppController

        def start(self) -> bool: ...
        def quit(self) -> None: ...
        def _close_window(self) -> None: ...

    def delete_local_data(self) -> None:
        """Privacy → Delete all local data…: confirm, wipe, return to first launch."""
        self._wipe(uninstall=False)

    def delete_local_data_confirmed(self) -> None:
        """The wipe without asking (``--automate``'s delete-local-data step is the answer)."""
        self._wipe(uninstall=False, confirmed=True)

    def uninstall(self) -> None:
        """macOS NeWork → Uninstall NeWork…: confirm, wipe, bundle to the Trash, quit."""
        self._wipe(uninstall=True)

    def _wipe(
        self, *, uninstall: bool, confirmed: bool = False, parent: QWidget | None = None
    ) -> None:
        from nework_desktop.core.wipe import plan
        from nework_desktop.ui import wipe as wipe_ui

        if self._wiping:
            return  # never twice at once
        paths = self.services.paths
        the_plan = plan(paths)
        asker = parent if parent is not None else self.window
        if not confirmed and not wipe_ui.confirm_wipe(asker, the_plan, uninstall=uninstall):
            return
        log.info("%s requested: wiping all local data", "uninstall" if uninstall else "delete")
        self._wiping = True
        self._close_window()  # nothing of ours may keep writing during the wipe
        if self.services.account is not None:
            self.services.account.forget()
        egress = self.services.egress
        if egress is not None:
            egress.set_consented(False)
            if egress.transmissions is not None:
                egress.transmissions.persist = False
        self.wiper = wipe_ui.LocalDataWiper(lambda progress: self._run_wipe(the_plan, progress))
        self.wiper.finished.connect(lambda report: self._wiped(report, uninstall=uninstall))
        # Let the closed web profile release its files before the wipe walks the roots.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QTimer.singleShot(WIPE_SETTLE_MS, self.wiper.start)

    def _run_wipe(self, the_plan: WipePlan, progress: Progress) -> WipeReport:
        from nework_desktop.app.local_data import wipe_local_data

        return wipe_local_data(self.services.paths, the_plan, progress)

    def _wiped(self, report: WipeReport, *, uninstall: bool) -> None:
        from nework_desktop.core.egress import TransmissionLog
        from nework_desktop.ui import wipe as wipe_ui

        self.last_wipe = report
        self._wiping = False
        self.services.consent.reload()  # the ledger went with the data
        egress = self.services.egress
        if egress is not None:  # counters of the wiped data start again from zero
            egress.transmissions = TransmissionLog(self.services.paths)
        if not report.ok:
            wipe_ui.show_wipe_failure(None, report)
        if uninstall:
            bundle = wipe_ui.app_bundle()
            if report.ok and bundle is not None:
                wipe_ui.move_to_trash(bundle)
            self.quit()
            return
        if report.ok:
            self._notice = wipe_ui.wiped_notice()
        if not self.start():
            self.quit()
