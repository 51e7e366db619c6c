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
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from nework_desktop import APP_NAME, __version__
from nework_desktop import log as applog
from nework_desktop.cli import policy_root
from nework_desktop.core.consent import ConsentLedger, ConsentRecord, ConsentState, Decision
from nework_desktop.core.decision import Launch, LaunchDecision, decide
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.instance import SingleInstance
from nework_desktop.ui.consent_dialog import ConsentDialog, ConsentOutcome
from nework_desktop.ui.i18n import install_translator, system_locale

# Only what the consent dialog needs is imported before it paints (benchmark P1/P3): the
# account, network, keyring, egress and the later windows are imported once consent is on
# record, and QtWebEngine only when the workspace opens.
if TYPE_CHECKING:
    from nework_desktop.core.account import AccountManager
    from nework_desktop.core.cleanup import WipeReport
    from nework_desktop.core.egress import EgressPolicy
    from nework_desktop.ui.main_window import MainWindow
    from nework_desktop.ui.privacy_center import DeletionRetrier, PrivacyCenter
    from nework_desktop.ui.wipe import LocalDataWiper
    from nework_desktop.ui.workspace import Workspace

log = logging.getLogger("nework.app")

#: How long ``--automate open-workspace`` waits for the page before going on.
WORKSPACE_AUTOMATION_TIMEOUT_MS = 30_000
#: Pause between closing the web profile and wiping its folders.
WIPE_SETTLE_MS = 300
#: A pending deletion request is looked at this long after the main window appears.
DELETION_RETRY_DELAY_MS = 2_000

#: Steps ``--automate`` understands (QA lifecycle and end-to-end tests drive the real app so).
AUTOMATION_STEPS = ("accept-consent", "decline-consent", "open-workspace", "quit")
#: ``sign-in-email:<address>``: register by e-mail against the reference service (QA).
SIGN_IN_EMAIL_STEP = "sign-in-email:"


@dataclass
class Services:
    """What the bootstrap builds once and passes on (no globals)."""

    paths: AppPaths
    policy: Policy
    ledger: ConsentLedger
    #: Registration and sign-in (Art. 3); None skips them (tests of the consent gate).
    account: AccountManager | None = None
    #: Who may be contacted (Art. 2, 5, 9); with a service URL, the workspace opens.
    egress: EgressPolicy | None = None
    service_url: str | None = None
    debug: bool = False
    #: Builds account/egress/service_url once consent is on record (None: leave them as given).
    connect: Callable[[Services], None] | None = None

    def connect_network(self) -> None:
        """Build the network services now (after consent), once."""
        if self.connect is not None:
            connect, self.connect = self.connect, None
            connect(self)


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
        self.wiper: LocalDataWiper | None = None
        self.last_wipe: WipeReport | None = None
        self.last_decision: LaunchDecision | None = None
        self.workspace: Workspace | None = None
        self.privacy_center: PrivacyCenter | None = None
        self.deletion_retrier: DeletionRetrier | None = None
        self._automation_done = False
        self._wiping = False

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
            if self.services.egress is not None:
                self.services.egress.set_consented(True, dict(record.modules))
        assert record is not None
        self.services.connect_network()
        from nework_desktop.core.device import device_id

        try:  # Art. 2-1: the random per-install device ID, made only now that consent is on record
            device_id(self.services.paths, create=True)
        except OSError as exc:
            log.warning("device ID not created: %s", exc)
        path = applog.enable_file_logging(self.services.paths)
        log.info("logging to %s", path)
        if not self._ensure_signed_in():
            log.info("registration declined: quitting")
            return False
        from nework_desktop.ui.main_window import MainWindow

        notice = decision.changes if decision.launch is Launch.NOTICE else ()
        self.window = MainWindow(policy, record, self.locale, notice=notice)
        self.window.withdraw_requested.connect(self.withdraw)
        self.window.quit_requested.connect(self._on_window_quit)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.sign_out_action.setVisible(self.services.account is not None)
        self.window.delete_data_requested.connect(self.delete_local_data)
        self.window.uninstall_requested.connect(self.uninstall)
        self.window.privacy_center_requested.connect(self.open_privacy_center)
        account = self.services.account
        summary = account.summary if account is not None else None
        if summary is not None:
            self.window.set_account(
                summary.provider, summary.masked_email, persistent=summary.persistent
            )
        self.window.show()
        log.info("step 7 main window shown")
        QTimer.singleShot(0, self._start_deletion_retries)  # after the first paint
        can_open = self.services.egress is not None and bool(self.services.service_url)
        wanted = "open-workspace" in self.automate or "quit" not in self.automate
        if can_open and wanted:
            QTimer.singleShot(0, self.open_workspace)  # after the first paint
        if "quit" in self.automate and not (can_open and "open-workspace" in self.automate):
            QTimer.singleShot(0, self.quit)
        return True

    def open_workspace(self) -> None:
        """Host the service's web client in the main window (imports QtWebEngine only now)."""
        egress, url = self.services.egress, self.services.service_url
        if self.window is None or egress is None or not url or self.workspace is not None:
            return
        from nework_desktop.ui.workspace import Workspace

        account = self.services.account
        token = account.access_token if account is not None else None
        self.workspace = Workspace(
            self.services.paths, egress, url, debug=self.services.debug, access_token=token
        )
        self.window.set_workspace(self.workspace)
        if "open-workspace" in self.automate:
            self.workspace.loaded.connect(self._automation_workspace_loaded)
            QTimer.singleShot(WORKSPACE_AUTOMATION_TIMEOUT_MS, self._automation_workspace_loaded)
        self.workspace.start()
        log.info("workspace opening: %s", url)

    def open_privacy_center(self) -> None:
        """Privacy → Privacy center… (and the notice's "What changed"): one window, raised."""
        if self.window is None:
            return
        from nework_desktop.ui.privacy_center import PrivacyCenter

        center = self.privacy_center
        if center is None:
            center = PrivacyCenter(
                self.services, self.locale, deletions=self._deletions(), parent=self.window
            )
            center.delete_requested.connect(self.delete_local_data)
            center.withdraw_requested.connect(self.withdraw)
            # choices_changed: the center has already recorded the choice and applied it.
            self.privacy_center = center
        else:
            center.refresh()
        center.show_page("consent")
        center.show()
        center.setWindowState(center.windowState() & ~Qt.WindowState.WindowMinimized)
        center.raise_()
        center.activateWindow()

    def _deletions(self) -> DeletionRetrier | None:
        """The one deletion-request retrier of the session (None without an account)."""
        from nework_desktop.core.deletion import DeletionRequests
        from nework_desktop.ui.privacy_center import DeletionRetrier

        account = self.services.account
        if self.deletion_retrier is None and account is not None:
            requests = DeletionRequests(
                self.services.paths, lambda: account.client, account=account
            )
            self.deletion_retrier = DeletionRetrier(requests, parent=self)
        return self.deletion_retrier

    def _start_deletion_retries(self) -> None:
        """Re-send a pending "delete my data" request (Art. 6), now and periodically."""
        retrier = self._deletions()
        if retrier is not None and self.window is not None and not retrier.active:
            retrier.start(first_delay_ms=DELETION_RETRY_DELAY_MS)

    def _close_privacy_center(self) -> None:
        center, self.privacy_center = self.privacy_center, None
        if center is not None:
            center.close()
            center.shutdown()
            center.deleteLater()

    def _automation_workspace_loaded(self, ok: bool = False) -> None:
        if self.workspace is None or self._automation_done:
            return
        self._automation_done = True
        log.info("automation: workspace %s", "loaded" if ok else "not loaded")
        if "quit" in self.automate:
            QTimer.singleShot(0, self.quit)

    def _close_workspace(self) -> None:
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            workspace.shutdown()
            workspace.deleteLater()

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

    def _ensure_signed_in(self) -> bool:
        """Art. 3: resume the session, or register; False if the user declined."""
        from nework_desktop.core.account import SignInStatus
        from nework_desktop.ui.registration import RegistrationDialog

        account = self.services.account
        if account is None or account.signed_in:
            return True
        # No network before the first window: the session is renewed on first use.
        restored = account.restore(renew=False)
        log.info("account: %s%s", restored.status.value, " (offline)" if restored.offline else "")
        if restored.status is SignInStatus.SIGNED_IN:
            return True
        steps = [s for s in self.automate if s.startswith(SIGN_IN_EMAIL_STEP)]
        if steps:
            address = steps[0].removeprefix(SIGN_IN_EMAIL_STEP)
            return RegistrationDialog.automate_email(account, self.locale, address) is not None
        if self.automate:
            log.info("automation: registration skipped (no %s step)", SIGN_IN_EMAIL_STEP)
            return True
        previous = restored if restored.status is SignInStatus.SIGN_IN_AGAIN else None
        return RegistrationDialog.ask(account, self.locale, previous=previous) is not None

    def sign_out(self) -> None:
        """Sign out (the service is told; keyring entries and summary deleted), then register."""
        if self.services.account is None:
            return
        self.services.account.sign_out()
        self._close_window()
        if not self.start():
            self.quit()

    def delete_local_data(self) -> None:
        """Privacy → Delete all local data…: confirm, wipe, return to first launch."""
        self._wipe(uninstall=False)

    def uninstall(self) -> None:
        """macOS NeWork → Uninstall NeWork…: confirm, wipe, bundle to the Trash, quit."""
        self._wipe(uninstall=True)

    def _wipe(self, *, uninstall: bool) -> None:
        from nework_desktop.ui import wipe as wipe_ui

        if self._wiping:
            return  # never twice at once
        paths = self.services.paths
        if not wipe_ui.confirm_wipe(self.window, paths, uninstall=uninstall):
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
        self.wiper = wipe_ui.LocalDataWiper(paths)
        self.wiper.finished.connect(lambda report: self._wiped(report, uninstall=uninstall))
        # Let the closed web profile release its files before the wipe walks the roots.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QTimer.singleShot(WIPE_SETTLE_MS, self.wiper.start)

    def _wiped(self, report: WipeReport, *, uninstall: bool) -> None:
        from nework_desktop.core.egress import TransmissionLog
        from nework_desktop.ui import wipe as wipe_ui

        self.last_wipe = report
        self._wiping = False
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
        if not self.start():
            self.quit()

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
        if self.services.egress is not None:
            self.services.egress.set_consented(False)
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

    def _close_window(self) -> None:
        self._close_privacy_center()
        if self.deletion_retrier is not None:
            self.deletion_retrier.stop()
        self._close_workspace()
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()


def connect_network_services(services: Services) -> None:
    """Preferences, egress rules, service client, keyring and providers (writes nothing).

    Run once consent is on record (``Services.connect``), never before the consent dialog.
    """
    from nework_desktop.core.account import AccountManager
    from nework_desktop.core.egress import EgressPolicy, EgressState, TransmissionLog
    from nework_desktop.core.prefs import Preferences
    from nework_desktop.core.secrets import SecretStore
    from nework_desktop.net.api import HttpClient, ServiceClient
    from nework_desktop.net.oauth import load_providers, provider_hosts

    paths, policy = services.paths, services.policy
    state = services.ledger.read()
    prefs = Preferences.load(paths)
    providers = load_providers(prefs)
    egress = EgressPolicy(
        policy,
        prefs.service_url,
        state=EgressState.from_consent(state),
        transmissions=TransmissionLog(paths),
        # Art. 3: the sign-in providers the user may choose are declared destinations too.
        service_hosts=provider_hosts(providers),
    )
    client = ServiceClient(prefs.service_url, HttpClient(before_request=egress.allows))
    log.info("service %s", client.base_url)
    services.account = AccountManager(paths, SecretStore.open(paths), client, providers=providers)
    services.egress = egress
    services.service_url = prefs.service_url


def _automation(value: str | None) -> tuple[str, ...]:
    steps = tuple(s.strip() for s in (value or "").split(",") if s.strip())
    unknown = [
        s
        for s in steps
        if s not in AUTOMATION_STEPS
        and not (s.startswith(SIGN_IN_EMAIL_STEP) and "@" in s.removeprefix(SIGN_IN_EMAIL_STEP))
    ]
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
    policy = load_policy(policy_root())
    ledger = ConsentLedger(paths)
    state = ledger.load()
    log.info("step 4 policy %s; consent ledger: %s", policy.version, state.state)
    # QtWebEngine is imported later (workspace) and needs this before the QApplication exists.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)
    if getattr(args, "startup_timing", None):
        from nework_desktop.timing import StartupTiming

        app.installEventFilter(StartupTiming(args.startup_timing, app))
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
    services = Services(
        paths, policy, ledger, debug=bool(args.debug), connect=connect_network_services
    )
    controller = AppController(services, locale, automate)
    instance.activate_requested.connect(controller.activate)
    instance.quit_requested.connect(controller.quit)
    if not controller.start(state):
        instance.close()
        return 0
    code = app.exec()
    instance.close()
    applog.disable_file_logging()
    return code
