"""The main window: the workspace, the menus, and a status area -- no permanent banner.

The consent and the account live in the privacy center; here they are said once, briefly, in
the status bar when the window opens (:attr:`MainWindow.status_label`, gone after
:data:`STATUS_SECONDS`), the account's address staying at its right.  A minor policy update is
a dismissible notice above the workspace.

Menus, as a native app has them (one app menu on macOS, through Qt's menu roles):

* **File**: Settings… (Ctrl+, / ⌘,), Sign out, Uninstall NeWork… (macOS only, in the app menu),
  Quit NeWork (Ctrl+Q);
* **Privacy**: Privacy center…, View policy, Withdraw consent…, Delete all local data…;
* **Help**: NeWork Help (F1), Keyboard shortcuts, Contact support…, About NeWork (in the app
  menu on macOS).

The window asks the questions it owns (withdrawal) and emits signals for the rest; the
controller acts on them.  Help and About open here.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.consent import ConsentRecord
from nework_desktop.core.policy import Policy, Revision
from nework_desktop.ui.i18n import (
    credential_store_name,
    format_day,
    format_stamp,
    installed_locale,
    language_label,
    provider_label,
)
from nework_desktop.ui.look import app_icon, apply_window_look
from nework_desktop.ui.policy_viewer import PolicyViewer
from nework_desktop.ui.widgets import heading, wrapping_label

__all__ = ["STATUS_SECONDS", "MainWindow"]

#: How long the consent line stays in the status bar.
STATUS_SECONDS = 12


class MainWindow(QMainWindow):
    """Shown once consent is on record."""

    withdraw_requested = Signal()
    quit_requested = Signal()
    sign_out_requested = Signal()
    delete_data_requested = Signal()
    uninstall_requested = Signal()
    privacy_center_requested = Signal()
    settings_requested = Signal()

    def __init__(
        self,
        policy: Policy,
        record: ConsentRecord,
        locale: str,
        notice: tuple[Revision, ...] = (),
        parent: QWidget | None = None,
        *,
        uninstall_available: bool = sys.platform == "darwin",
    ) -> None:
        super().__init__(parent)
        apply_window_look(self)
        self._uninstall_available = uninstall_available
        self._account: tuple[str, str] | None = None
        self._account_persistent = True
        self._policy = policy
        self._record = record
        self._locale = locale
        self._notice = notice
        self.resize(1100, 720)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.notice_bar = QFrame(central)
        self.notice_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.notice_bar)
        self.notice_label = QLabel(self.notice_bar)
        self.notice_label.setWordWrap(True)
        self.notice_changes = QPushButton(self.notice_bar)
        self.notice_changes.clicked.connect(self.privacy_center_requested)
        self.notice_view = QPushButton(self.notice_bar)
        self.notice_view.clicked.connect(self.show_policy)
        self.notice_close = QPushButton(self.notice_bar)
        self.notice_close.clicked.connect(self.dismiss_notice)
        bar.addWidget(self.notice_label, 1)
        for button in (self.notice_changes, self.notice_view, self.notice_close):
            bar.addWidget(button)
        self.notice_bar.setVisible(bool(notice))
        layout.addWidget(self.notice_bar)

        self.placeholder = QWidget(central)
        place = QVBoxLayout(self.placeholder)
        place.addStretch(1)
        self.placeholder_icon = QLabel(self.placeholder)
        self.placeholder_icon.setPixmap(app_icon().pixmap(96, 96))
        self.placeholder_title = heading(self.placeholder, 1.6, wrap=False)
        self.placeholder_text = wrapping_label(self.placeholder)
        for widget in (self.placeholder_icon, self.placeholder_title, self.placeholder_text):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            place.addWidget(widget)
        place.addStretch(2)
        layout.addWidget(self.placeholder, 1)
        self._layout = layout
        self.workspace: QWidget | None = None
        self.setCentralWidget(central)

        self.status_label = QLabel(self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.account_label = QLabel(self)
        self.account_label.setVisible(False)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.account_label)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self.clear_status)
        self._status_timer.start(STATUS_SECONDS * 1000)

        self._build_menus()
        self.retranslate()

    # -- menus --------------------------------------------------------------------------------

    def _action(self, menu_role: QAction.MenuRole = QAction.MenuRole.NoRole) -> QAction:
        action = QAction(self)
        action.setMenuRole(menu_role)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.app_menu = bar.addMenu("")
        self.settings_action = self._action(QAction.MenuRole.PreferencesRole)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        self.sign_out_action = self._action()
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        # macOS: in the application menu (no second "NeWork" menu); elsewhere not shown.
        self.uninstall_action = self._action(QAction.MenuRole.ApplicationSpecificRole)
        self.uninstall_action.triggered.connect(self.uninstall_requested)
        self.uninstall_action.setVisible(self._uninstall_available)
        self.quit_action = self._action(QAction.MenuRole.QuitRole)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.quit_requested)
        for action in (self.settings_action, self.sign_out_action, self.uninstall_action):
            self.app_menu.addAction(action)
        self.app_menu.addSeparator()
        self.app_menu.addAction(self.quit_action)

        self.privacy_menu = bar.addMenu("")
        self.privacy_center_action = self._action()
        self.privacy_center_action.triggered.connect(self.privacy_center_requested)
        self.view_action = self._action()
        self.view_action.triggered.connect(self.show_policy)
        self.withdraw_action = self._action()
        self.withdraw_action.triggered.connect(self.ask_withdraw)
        self.delete_data_action = self._action()
        self.delete_data_action.triggered.connect(self.delete_data_requested)
        for action in (self.privacy_center_action, self.view_action, self.withdraw_action):
            self.privacy_menu.addAction(action)
        self.privacy_menu.addSeparator()
        self.privacy_menu.addAction(self.delete_data_action)

        self.help_menu = bar.addMenu("")
        self.help_action = self._action()
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(lambda: self.show_help("help"))
        self.shortcuts_action = self._action()
        self.shortcuts_action.triggered.connect(lambda: self.show_help("shortcuts"))
        self.contact_action = self._action()
        self.contact_action.triggered.connect(self.contact_support)
        self.about_action = self._action(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.help_action, self.shortcuts_action, self.contact_action):
            self.help_menu.addAction(action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        for action in (self.settings_action, self.help_action, self.quit_action):
            self.addAction(action)  # shortcuts work whatever has the focus

    def retranslate(self) -> None:
        self.setWindowTitle("NeWork")
        self.app_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.uninstall_action.setText(self.tr("&Uninstall NeWork…"))
        self.quit_action.setText(self.tr("&Quit NeWork"))
        self.privacy_menu.setTitle(self.tr("&Privacy"))
        self.privacy_center_action.setText(self.tr("Privacy &center…"))
        self.view_action.setText(self.tr("View &policy"))
        self.withdraw_action.setText(self.tr("&Withdraw consent…"))
        self.delete_data_action.setText(self.tr("&Delete all local data…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.help_action.setText(self.tr("NeWork &Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.contact_action.setText(self.tr("&Contact support…"))
        self.about_action.setText(self.tr("&About NeWork"))
        self.placeholder_title.setText("NeWork")
        self.placeholder_text.setText(
            self.tr("Your workspace opens here once NeWork is connected to its service.")
        )
        self.notice_changes.setText(self.tr("What changed"))
        self.notice_changes.setAccessibleName(self.tr("What changed"))
        self.notice_changes.setAccessibleDescription(
            self.tr("Opens the privacy center at your consent")
        )
        self.notice_view.setText(self.tr("View policy"))
        self.notice_view.setAccessibleName(self.tr("View policy"))
        self.notice_view.setAccessibleDescription(self.tr("Shows the updated privacy policy"))
        self.notice_close.setText(self.tr("Dismiss"))
        self.notice_close.setAccessibleName(self.tr("Dismiss"))
        self.notice_close.setAccessibleDescription(self.tr("Hides the policy update notice"))
        if self._notice:
            dates = ", ".join(r.effective.isoformat() for r in self._notice)
            self.notice_label.setText(
                self.tr("The privacy policy was updated ({dates}). The changes are minor.").format(
                    dates=dates
                )
            )
        if self._status_timer.isActive():
            self.status_label.setText(self.consent_line())
        self.status_label.setAccessibleName(self.tr("Status"))
        self._show_account()

    def consent_line(self) -> str:
        """The consent on record, in one sentence (the status bar says it when the window opens)."""
        record = self._record
        return self.tr(
            "You agreed to the privacy policy in effect from {effective} on {date} "
            "(read in {language}; version {version})."
        ).format(
            effective=self._effective(record.policy_version),
            date=format_stamp(record.recorded_at, self._locale),
            language=language_label(record.locale),
            version=record.policy_version,
        )

    def _effective(self, version: str) -> str:
        for revision in self._policy.revisions:
            if revision.version == version:
                return format_day(revision.effective, self._locale)
        return version

    def clear_status(self) -> None:
        self._status_timer.stop()
        self.status_label.clear()

    def set_workspace(self, workspace: QWidget) -> None:
        """Host the web client, filling the window."""
        self._layout.replaceWidget(self.placeholder, workspace)
        self.placeholder.hide()
        self.workspace = workspace
        workspace.setParent(self.centralWidget())
        workspace.show()
        width, height = max(self.width(), 1200), max(self.height(), 800)
        screen = self.screen()
        if screen is not None and screen.availableGeometry().height() > 0:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    def set_account(self, provider: str, masked_email: str, *, persistent: bool) -> None:
        """Show who is signed in (provider and masked address only)."""
        self._account = (provider, masked_email)
        self._account_persistent = persistent
        self._show_account()

    def _show_account(self) -> None:
        if self._account is None:
            return
        provider, email = self._account
        text = self.tr("Signed in as {account}.").format(
            account=f"{email} ({provider_label(provider)})"
        )
        tooltip = text
        if not self._account_persistent:
            warning = self.tr(
                "No {store} is available: you will need to sign in again next time."
            ).format(store=credential_store_name())
            tooltip += " " + warning
            text += " ⚠"
        self.account_label.setText(text)
        self.account_label.setToolTip(tooltip)
        self.account_label.setAccessibleName(self.tr("Account"))
        self.account_label.setAccessibleDescription(tooltip)
        self.account_label.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._locale = installed_locale(self._locale)
            self.retranslate()
        super().changeEvent(event)

    # -- actions -------------------------------------------------------------------------------

    def show_notice(self, policy: Policy, changes: tuple[Revision, ...]) -> None:
        """A minor change arrived while the window is open: the dismissible notice, and
        "View policy" shows the new text from now on."""
        self._policy = policy
        self._notice = changes
        self.retranslate()
        self.notice_bar.setVisible(bool(changes))

    def dismiss_notice(self) -> None:
        self.notice_bar.setVisible(False)

    def show_policy(self) -> None:
        PolicyViewer(self._policy, self._locale, self).exec()

    def confirm_withdraw(self) -> bool:
        """Ask before withdrawing (replaceable in tests)."""
        from nework_desktop.ui.wipe import confirm_withdrawal  # with its wipe: only when asked

        return confirm_withdrawal(self)

    def ask_withdraw(self) -> None:
        if self.confirm_withdraw():
            self.withdraw_requested.emit()

    def show_help(self, section: str = "help") -> None:
        from nework_desktop.ui.help import HelpDialog

        HelpDialog(self._policy, section=section, parent=self).exec()

    def contact_support(self) -> bool:
        from nework_desktop.ui.help import contact_url
        from nework_desktop.ui.links import open_link

        return open_link(self, contact_url(self._policy))

    def show_about(self) -> None:
        from nework_desktop.ui.about import AboutDialog

        AboutDialog(self._policy, self._locale, parent=self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.quit_requested.emit()
        super().closeEvent(event)
