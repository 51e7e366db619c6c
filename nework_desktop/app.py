"""GUI bootstrap, in a fixed and logged order.

1. arguments  2. logging (stderr only)  3. paths  4. policy + consent ledger
5. QApplication (+ single instance)  6. consent decision  7. main window

Nothing is written to disk before the user agrees: the ledger is only read (a corrupt one is
moved aside inside the owned roots, where it already was), logging goes to stderr, no Qt settings
are used.  After consent the log also goes to a rotating file in the log root.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from nework_desktop import APP_NAME, __version__
from nework_desktop import log as applog
from nework_desktop.core.consent import ConsentLedger, ConsentRecord, ConsentState, Decision
from nework_desktop.core.decision import Launch, LaunchDecision, decide
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.instance import SingleInstance
from nework_desktop.ui.consent_dialog import ConsentDialog, ConsentOutcome
from nework_desktop.ui.i18n import install_translator, system_locale
from nework_desktop.ui.main_window import MainWindow

log = logging.getLogger("nework.app")

#: Steps ``--automate`` understands (QA lifecycle and end-to-end tests drive the real app so).
AUTOMATION_STEPS = ("accept-consent", "decline-consent", "quit")


@dataclass
class Services:
    """What the bootstrap builds once and passes on (no globals)."""

    paths: AppPaths
    policy: Policy
    ledger: ConsentLedger


class AppController(QObject):
    """Runs the consent gate and owns the main window."""

    def __init__(
        self,
        services: Services,
        locale: str,
        automate: tuple[str, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.locale = locale
        self.automate = automate
        self.window: MainWindow | None = None
        self.last_decision: LaunchDecision | None = None

    def start(self, state: ConsentState | None = None) -> bool:
        """Ask for consent if needed and open the main window; False if the user declined."""
        ledger = self.services.ledger
        policy = self.services.policy
        if state is None:
            state = ledger.load()
        decision = decide(state, policy)
        self.last_decision = decision
        log.info("step 6 consent decision: %s", decision.launch.value)
        record: ConsentRecord | None = state.last
        if decision.launch in (Launch.CONSENT, Launch.RECONSENT):
            mode: Literal["first", "reconsent"] = (
                "reconsent" if decision.launch is Launch.RECONSENT else "first"
            )
            outcome: ConsentOutcome | None
            if "accept-consent" in self.automate or "decline-consent" in self.automate:
                outcome = self._automated_consent(
                    mode, decision.accepted_version, accept="accept-consent" in self.automate
                )
            else:
                outcome = ConsentDialog.ask(
                    policy, self.locale, mode=mode, accepted_version=decision.accepted_version
                )
            if outcome is None:
                log.info("consent declined: quitting without writing anything")
                return False
            record = ledger.record(
                Decision.ACCEPTED,
                policy_id=policy.policy_id,
                policy_version=policy.version,
                text_sha256=outcome.text_sha256,
                locale=outcome.locale,
                modules=outcome.modules,
            )
            self.locale = outcome.locale
            log.info("consent recorded: policy %s, record %d", policy.version, record.seq)
        assert record is not None
        path = applog.enable_file_logging(self.services.paths)
        log.info("logging to %s", path)
        notice = decision.changes if decision.launch is Launch.NOTICE else ()
        self.window = MainWindow(policy, record, self.locale, notice=notice)
        self.window.withdraw_requested.connect(self.withdraw)
        self.window.quit_requested.connect(self._on_window_quit)
        self.window.show()
        log.info("step 7 main window shown")
        if "quit" in self.automate:
            QTimer.singleShot(0, self.quit)
        return True

    def _automated_consent(
        self, mode: Literal["first", "reconsent"], accepted_version: str | None, *, accept: bool
    ) -> ConsentOutcome | None:
        """Drive the real dialog as a person would: read to the end, then agree or decline."""
        dialog = ConsentDialog(
            self.services.policy, self.locale, mode=mode, accepted_version=accepted_version
        )

        def drive() -> None:
            dialog.show_full_text()
            bar = dialog.text.verticalScrollBar()
            bar.setValue(bar.maximum())
            (dialog.agree_button if accept else dialog.decline_button).click()

        QTimer.singleShot(0, drive)
        try:
            accepted = dialog.exec() == ConsentDialog.DialogCode.Accepted
            log.info("automation: consent %s", "accepted" if accepted else "declined")
            return dialog.outcome if accepted else None
        finally:
            dialog.deleteLater()

    def withdraw(self) -> None:
        """Record the withdrawal and return to the first-launch state."""
        policy = self.services.policy
        last = self.services.ledger.read().last
        self.services.ledger.record(
            Decision.WITHDRAWN,
            policy_id=policy.policy_id,
            policy_version=policy.version,
            text_sha256=policy.text_sha256(self.locale),
            locale=self.locale,
            modules=dict(last.modules) if last else policy.default_module_choices(),
        )
        log.info("consent withdrawn; back to the first-launch state")
        applog.disable_file_logging()
        self._close_window()
        if not self.start():
            self.quit()

    def activate(self) -> None:
        if self.window is not None:
            self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
            self.window.raise_()
            self.window.activateWindow()
        else:
            active = QApplication.activeModalWidget()
            if isinstance(active, QWidget):
                active.raise_()
                active.activateWindow()

    def quit(self) -> None:
        log.info("quitting")
        applog.disable_file_logging()
        self._close_window()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def _on_window_quit(self) -> None:
        # Closing the window by hand quits; closing it from here (withdraw, quit) does not.
        if self.window is not None and self.sender() is self.window:
            self.quit()

    def _close_window(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()


def _policy_root() -> Path | None:
    value = os.environ.get("NEWORK_POLICY_DIR")
    return Path(value) if value else None


def _automation(value: str | None) -> tuple[str, ...]:
    steps = tuple(s.strip() for s in (value or "").split(",") if s.strip())
    unknown = [s for s in steps if s not in AUTOMATION_STEPS]
    if unknown:
        raise ValueError(f"unknown --automate step(s): {', '.join(unknown)}")
    return steps


def run(args: argparse.Namespace) -> int:
    """Start the GUI; returns the process exit code."""
    applog.setup(logging.DEBUG if args.debug else logging.INFO)
    log.info("step 1 arguments: %s", {k: v for k, v in vars(args).items() if v is not None})
    log.info("step 2 logging: stderr only until consent")
    paths = AppPaths.from_environment(args.basedir)
    log.info("step 3 paths: %s layout, roots %s", paths.layout, [str(r) for r in paths.roots()])
    policy = load_policy(_policy_root())
    ledger = ConsentLedger(paths)
    state = ledger.load()
    log.info("step 4 policy %s; consent ledger: %s", policy.version, state.state)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)
    instance = SingleInstance(paths)
    if not instance.listen():
        from nework_desktop.instance import send_command

        send_command(paths, "activate")
        log.info("another NeWork is running: handed over to it")
        return 0
    log.info("step 5 QApplication %s", app.platformName())
    locale = args.locale or system_locale()
    install_translator(app, locale)
    automate = _automation(args.automate)
    controller = AppController(Services(paths, policy, ledger), locale, automate)
    instance.activate_requested.connect(controller.activate)
    instance.quit_requested.connect(controller.quit)
    if not controller.start(state):
        instance.close()
        return 0
    code = app.exec()
    instance.close()
    applog.disable_file_logging()
    return code
