"""``--automate`` (QA only): the steps that run once the main window is shown.

``open-workspace`` (waits until the workspace loaded, or :data:`WORKSPACE_TIMEOUT_MS`),
``withdraw-consent``, ``delete-local-data`` (the plan runs unconfirmed: the step is the
confirmation) and ``quit``, in the order given; anything else is skipped.  Each step that ends
the window comes back to the controller, which starts the consent gate again and, with it, the
remaining steps.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from nework_desktop.app.automation import WORKSPACE_TIMEOUT_MS

if TYPE_CHECKING:
    from nework_desktop.app.controller import AppController

__all__ = ["run_post_window_steps"]

log = logging.getLogger("nework.app")


def run_post_window_steps(ctl: AppController) -> None:
    """Run the post-window steps in order (each may come back here when it is done)."""
    automation = ctl.automation
    while (step := automation.peek()) is not None and not ctl.waiting_for_workspace:
        if ctl.window is None:
            return
        if step.name == "open-workspace":
            automation.take("open-workspace")
            if ctl.open_workspace() and ctl.workspace is not None:
                ctl.waiting_for_workspace = True
                ctl.workspace.loaded.connect(lambda ok: _workspace_loaded(ctl, ok))
                QTimer.singleShot(WORKSPACE_TIMEOUT_MS, lambda: _workspace_loaded(ctl, False))
                return
            log.info("automation: no workspace to open (no service)")
        elif step.name == "withdraw-consent":
            automation.take("withdraw-consent")
            QTimer.singleShot(0, ctl.withdraw)
            return
        elif step.name == "delete-local-data":
            automation.take("delete-local-data")
            QTimer.singleShot(0, ctl.delete_local_data_confirmed)
            return
        elif step.name == "quit":
            automation.take("quit")
            QTimer.singleShot(0, ctl.quit)
            return
        else:
            automation.skip()


def _workspace_loaded(ctl: AppController, ok: bool) -> None:
    if not ctl.waiting_for_workspace:
        return
    ctl.waiting_for_workspace = False
    log.info("automation: workspace %s", "loaded" if ok else "not loaded")
    QTimer.singleShot(0, lambda: run_post_window_steps(ctl))
