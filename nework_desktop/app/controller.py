"""The consent gate and the windows: what the app shows, in which order, and what ends it.

:class:`AppController` starts where the bootstrap leaves off (the QApplication exists, the
ledger has been read once):

1. the launch decision (:func:`core.decision.decide`) on the consent state the session holds;
2. the consent dialog when needed -- agreeing appends exactly one ledger record through
   :class:`services.consent.ConsentService`, whose record the egress rules are built from;
3. the network session (:meth:`Services.connect_network`), the device ID, the log file;
4. registration when there is no session (Art. 3);
5. the main window; then, after its first paint, the workspace, the deletion-request retries,
   the service's policy feed and the consent receipts (:mod:`.policy_updates`): a newer policy
   that verified asks for consent again (material: the blocking dialog, at "What changed") or
   shows the notice (minor).

Withdrawal, sign-out and "Delete all local data" go back to step 1 (after a wipe the consent
dialog says the data was deleted); the wipe runs the plan confirmed over the window that asked.
Privacy center and Settings: :class:`~.panels.Panels`.  Dialogs open through replaceable
classmethods and functions; ``--automate`` (:mod:`.automation`) drives the real ones for QA.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from nework_desktop.app import log as applog
from nework_desktop.app import marks
from nework_desktop.app.automation import Automation, drive_consent
from nework_desktop.app.automation_steps import run_post_window_steps
from nework_desktop.app.wipe_flow import WipeFlow
from nework_desktop.core.decision import Launch, LaunchDecision, decide
from nework_desktop.services.session import Services

# Only what the consent dialog needs is imported before it paints (benchmark P1/P3): the
# account, network, keyring, egress and the later windows are imported once consent is on
# record, and QtWebEngine only when the workspace opens.
if TYPE_CHECKING:
    from nework_desktop.app.panels import Panels
    from nework_desktop.app.policy_updates import BackgroundChecks
    from nework_desktop.core.wipe import WipeReport
    from nework_desktop.services.policy_feed import FeedCheck
    from nework_desktop.ui.consent_dialog import ConsentOutcome
    from nework_desktop.ui.main_window import MainWindow
    from nework_desktop.ui.privacy.center import PrivacyCenter
    from nework_desktop.ui.privacy.retrier import DeletionRetrier
    from nework_desktop.ui.wipe import LocalDataWiper
    from nework_desktop.ui.workspace import Workspace

__all__ = ["AppController"]

log = logging.getLogger("nework.app")

#: A pending deletion request is looked at this long after the main window appears.
DELETION_RETRY_DELAY_MS = 2_000
#: At quit, how long the feed check and the receipt send in flight may take to finish.
BACKGROUND_QUIT_WAIT_S = 5.0


class AppController(QObject, WipeFlow):
    """Runs the consent gate and owns the main window."""

    def __init__(
        self,
        services: Services,
        locale: str,
        automation: Automation | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.locale = locale
        self.automation = automation or Automation()
        self.window: MainWindow | None = None
        self.wiper: LocalDataWiper | None = None
        self.last_wipe: WipeReport | None = None
        self.last_decision: LaunchDecision | None = None
        self.workspace: Workspace | None = None
        self._panels: Panels | None = None
        self.background: BackgroundChecks | None = None
        self.waiting_for_workspace = False
        self._wiping = False
        self._notice = ""  # said by the next consent dialog (after a wipe)

    @property
    def panels(self) -> Panels:
        """The privacy center, Settings and the deletion retrier (made on first use)."""
        if self._panels is None:
            from nework_desktop.app.panels import Panels

            self._panels = Panels(
                self.services,
                on_delete=lambda parent: self._wipe(uninstall=False, parent=parent),
                on_withdraw=self.withdraw,
                on_sign_out=self.sign_out,
                on_language=lambda locale: setattr(self, "locale", locale),  # Settings
                parent=self,
            )
        return self._panels

    @property
    def privacy_center(self) -> PrivacyCenter | None:
        return self._panels.privacy_center if self._panels is not None else None

    @property
    def deletion_retrier(self) -> DeletionRetrier | None:
        return self._panels.deletion_retrier if self._panels is not None else None

    # -- the gate -----------------------------------------------------------------------------

    def start(self) -> bool:
        """Ask for consent if needed and open the main window; False if the user declined."""
        consent = self.services.consent
        decision = decide(consent.state, self.services.policy)
        self.last_decision = decision
        log.info("step 6 consent decision: %s", decision.launch.value)
        if decision.launch in (Launch.CONSENT, Launch.RECONSENT):
            mode: Literal["first", "reconsent"] = (
                "reconsent" if decision.launch is Launch.RECONSENT else "first"
            )
            marks.mark("consent-dialog")
            outcome = self._ask_consent(mode, decision.accepted_version)
            if outcome is None:
                log.info("consent declined: quitting without writing anything")
                return False
            consent.accept(
                text_sha256=outcome.text_sha256, locale=outcome.locale, modules=outcome.modules
            )
            self.locale = outcome.locale
        record = consent.state.last
        assert record is not None
        self.services.connect_network()
        marks.mark("network-services")
        from nework_desktop.core.device import device_id

        try:  # Art. 2-1: the random per-install device ID, made only now that consent is on record
            device_id(self.services.paths, create=True)
        except OSError as exc:
            log.warning("device ID not created: %s", exc)
        try:
            log.info("logging to %s", applog.enable_file_logging(self.services.paths))
        except OSError as exc:  # the log is a help, not a promise: go on without the file
            log.warning("no log file: %s", exc)
        if not self._ensure_signed_in():
            log.info("registration declined: quitting")
            return False
        marks.mark("signed-in")
        self._open_window(decision)
        return True

    def _ask_consent(
        self, mode: Literal["first", "reconsent"], accepted_version: str | None
    ) -> ConsentOutcome | None:
        from nework_desktop.ui.consent_dialog import ConsentDialog

        policy = self.services.policy
        notice, self._notice = self._notice, ""
        if not self.automation.active and notice:
            return ConsentDialog.ask(
                policy, self.locale, mode=mode, accepted_version=accepted_version, notice=notice
            )
        if not self.automation.active:
            return ConsentDialog.ask(
                policy, self.locale, mode=mode, accepted_version=accepted_version
            )
        step = self.automation.take("accept-consent", "decline-consent")
        if step is None:
            log.info("automation: consent is needed but the next step is not for it: declined")
            return None
        return drive_consent(
            policy, self.locale, step, mode=mode, accepted_version=accepted_version
        )

    def _ensure_signed_in(self) -> bool:
        """Art. 3: resume the session, or register; False if the user declined."""
        from nework_desktop.services.account import SignInStatus

        account = self.services.account
        if account is None or account.signed_in:
            return True
        # No network before the first window: the session is renewed on first use.
        restored = account.restore(renew=False)
        log.info("account: %s%s", restored.status.value, " (offline)" if restored.offline else "")
        if restored.status is SignInStatus.SIGNED_IN:
            return True
        if self.automation.active:
            from nework_desktop.app.automation import sign_in

            step = self.automation.take("sign-in-email", "sign-in-oauth")
            if step is None:
                log.info("automation: registration skipped (no sign-in step next)")
                return True
            return sign_in(account, self.locale, step) is not None
        from nework_desktop.ui.registration import RegistrationDialog

        previous = restored if restored.status is SignInStatus.SIGN_IN_AGAIN else None
        return RegistrationDialog.ask(account, self.locale, previous=previous) is not None

    def _open_window(self, decision: LaunchDecision) -> None:
        from nework_desktop.ui.main_window import MainWindow

        record = self.services.consent.state.last
        assert record is not None
        notice = decision.changes if decision.launch is Launch.NOTICE else ()
        self.window = MainWindow(self.services.policy, record, self.locale, notice=notice)
        self.window.withdraw_requested.connect(self.withdraw)
        self.window.quit_requested.connect(self._on_window_quit)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.sign_out_action.setVisible(self.services.account is not None)
        self.window.delete_data_requested.connect(self.delete_local_data)
        self.window.uninstall_requested.connect(self.uninstall)
        self.window.privacy_center_requested.connect(self.open_privacy_center)
        self.window.settings_requested.connect(self.open_settings)
        account = self.services.account
        summary = account.summary if account is not None else None
        if summary is not None:
            self.window.set_account(
                summary.provider, summary.masked_email, persistent=summary.persistent
            )
        self.window.show()
        log.info("step 7 main window shown")
        marks.mark("main-window-shown")
        QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self.window is None:
            return
        self._start_deletion_retries()
        self._start_background()
        automation = self.automation
        if not (automation.wants("quit") or automation.wants("open-workspace")):
            self.open_workspace()  # a normal session (or automation without an ending)
        run_post_window_steps(self)

    # -- windows ------------------------------------------------------------------------------

    def open_workspace(self) -> bool:
        """Host the service's web client in the main window (imports QtWebEngine only now)."""
        egress, url = self.services.egress, self.services.service_url
        if self.window is None or egress is None or not url:
            return False
        if self.workspace is not None:
            return True
        account = self.services.account
        renewal = None
        if account is not None and account.needs_renewal():
            # Renewing is a request: on a worker, while the web engine is built; the page loads
            # once it is done, so the first request finds a fresh token (no network here).
            from nework_desktop.ui.workers import run_task

            def renewed(_ok: bool | None, error: BaseException | None) -> None:
                if error is not None:
                    log.info("session not renewed (%s): the page loads anyway", error)
                if self.workspace is not None:
                    self._load_workspace(self.workspace)

            renewal = run_task(lambda _task: account.access_token() is not None, renewed)
        marks.mark("workspace-import")
        from nework_desktop.ui.workspace import Workspace

        token = account.access_token if account is not None else None
        workspace = Workspace(
            self.services.paths, egress, url, debug=self.services.debug, access_token=token
        )
        self.workspace = workspace
        self.window.set_workspace(workspace)
        if renewal is None or not renewal.running:
            self._load_workspace(workspace)
        return True

    def _load_workspace(self, workspace: Workspace) -> None:
        """Issue the workspace's first load (once, and only if it is still the one shown)."""
        if workspace is not self.workspace or workspace.started:
            return
        workspace.start()
        marks.mark("workspace-load-issued")
        log.info("workspace opening: %s", self.services.service_url)

    def open_privacy_center(self) -> None:
        """Privacy → Privacy center… (and the notice's "What changed"): one window, raised."""
        if self.window is not None:
            self.panels.open_privacy_center(self.window, self.locale)

    def open_settings(self) -> None:
        """File → Settings… (Ctrl+,): one window, raised."""
        if self.window is not None:
            self.panels.open_settings(self.window, self.locale)

    def _start_deletion_retries(self) -> None:
        """Re-send a pending "delete my data" request (Art. 6), now and periodically."""
        retrier = self.panels.deletions()
        if retrier is not None and self.window is not None and not retrier.active:
            retrier.start(first_delay_ms=DELETION_RETRY_DELAY_MS)

    def _start_background(self) -> None:
        """The feed checks and the receipt sends (off the startup path: the window is up)."""
        from nework_desktop.app.policy_updates import BackgroundChecks, allowed

        if self.background is None:
            if not allowed(self.services, automated=self.automation.active):
                return
            self.background = BackgroundChecks(self.services, parent=self)
            self.background.policy_updated.connect(self._policy_updated)
        self.background.start()

    def _policy_updated(self, check: FeedCheck) -> None:
        """A newer policy verified: consent again (material) or a notice (minor)."""
        self.services.adopt_policy(check.current)
        decision = decide(self.services.consent.state, self.services.policy)
        log.info("policy %s from the service: %s", check.current.policy.version, decision.launch)
        if decision.launch is Launch.RECONSENT:
            self._close_window()
            if not self.start():
                self.quit()
        elif decision.launch is Launch.NOTICE and self.window is not None:
            if self._panels is not None:  # its pages show the policy they were built with
                self._panels.close_privacy_center()
            self.window.show_notice(self.services.policy, decision.changes)

    def _close_workspace(self) -> None:
        self.waiting_for_workspace = False
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            workspace.shutdown()
            workspace.deleteLater()

    def _close_window(self) -> None:
        if self._panels is not None:
            self._panels.close()
        if self.background is not None:
            self.background.pause()
        self._close_workspace()
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()

    # -- what ends the window -----------------------------------------------------------------

    def sign_out(self) -> None:
        """Sign out (the service is told; keyring entries and summary deleted), then register."""
        if self.services.account is None:
            return
        self.services.account.sign_out()
        self._close_window()
        if not self.start():
            self.quit()

    def withdraw(self) -> None:
        """Record the withdrawal and return to the first-launch state."""
        self.services.consent.withdraw(self.locale)
        log.info("back to the first-launch state")
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
        if self.background is not None:  # keep what the service already acknowledged
            self.background.wait(BACKGROUND_QUIT_WAIT_S)
        # Told to quit from outside (quit-running, the uninstaller) while a question is open:
        # the question ends unanswered, and the consent dialog declines without asking again.
        while (modal := QApplication.activeModalWidget()) is not None:
            from nework_desktop.ui.consent_dialog import ConsentDialog  # loaded if it is open

            if isinstance(modal, ConsentDialog):
                modal.decline_without_asking()
            elif isinstance(modal, QDialog):
                modal.done(QDialog.DialogCode.Rejected)
            else:
                break
            if QApplication.activeModalWidget() is modal:
                break  # it would not close: leave it to app.quit() below
        self._close_window()
        if self.services.egress is not None:
            self.services.egress.close()
        applog.disable_file_logging()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def _on_window_quit(self) -> None:
        # Closing the window by hand quits; closing it from here (withdraw, quit) does not.
        if self.window is not None and self.sender() is self.window:
            self.quit()
