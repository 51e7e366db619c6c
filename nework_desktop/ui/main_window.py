"""The main window: consent status, the policy, withdrawal, the workspace, the privacy center."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nework_desktop import __version__
from nework_desktop.core.consent import ConsentRecord
from nework_desktop.core.policy import Policy, Revision
from nework_desktop.ui.i18n import format_stamp, language_name
from nework_desktop.ui.wipe import confirm_withdrawal


class PolicyViewer(QDialog):
    """The full policy text, read-only (no consent asked)."""

    def __init__(self, policy: Policy, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(820, 680)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setMarkdown(policy.text(locale))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.setWindowTitle(policy.title.get(locale))
        self.browser.setAccessibleName(self.tr("Privacy policy text"))
        self.browser.setFocus()


class MainWindow(QMainWindow):
    """Shown once consent is on record."""

    withdraw_requested = Signal()
    quit_requested = Signal()
    sign_out_requested = Signal()
    delete_data_requested = Signal()
    uninstall_requested = Signal()
    privacy_center_requested = Signal()

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
        self._uninstall_available = uninstall_available
        self._account_text = ""
        self._account_persistent = True
        self._policy = policy
        self._record = record
        self._locale = locale
        self._notice = notice
        self.resize(960, 640)

        central = QWidget(self)
        layout = QVBoxLayout(central)

        self.notice_bar = QFrame(central)
        self.notice_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.notice_bar)
        self.notice_label = QLabel(self.notice_bar)
        self.notice_label.setWordWrap(True)
        self.notice_view = QPushButton(self.notice_bar)
        self.notice_view.clicked.connect(self.show_policy)
        self.notice_changes = QPushButton(self.notice_bar)
        self.notice_changes.clicked.connect(self.privacy_center_requested)
        self.notice_close = QPushButton(self.notice_bar)
        self.notice_close.clicked.connect(self.dismiss_notice)
        bar.addWidget(self.notice_label, 1)
        bar.addWidget(self.notice_changes)
        bar.addWidget(self.notice_view)
        bar.addWidget(self.notice_close)
        self.notice_bar.setVisible(bool(notice))
        layout.addWidget(self.notice_bar)

        self.status_label = QLabel(central)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        self.account_label = QLabel(central)
        self.account_label.setWordWrap(True)
        self.account_label.setVisible(False)
        layout.addWidget(self.account_label)

        buttons = QHBoxLayout()
        self.view_button = QPushButton(central)
        self.view_button.clicked.connect(self.show_policy)
        self.withdraw_button = QPushButton(central)
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._layout = layout
        self._filler = QWidget(central)
        layout.addWidget(self._filler, 1)
        self.workspace: QWidget | None = None
        self.setCentralWidget(central)

        self._build_menus()
        self.retranslate()
        self.view_button.setFocus()

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.app_menu = bar.addMenu("")
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.app_menu.addAction(self.sign_out_action)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_requested)
        self.uninstall_action = QAction(self)
        self.uninstall_action.setMenuRole(QAction.MenuRole.NoRole)
        self.uninstall_action.triggered.connect(self.uninstall_requested)
        self.uninstall_action.setVisible(self._uninstall_available)
        self.app_menu.addAction(self.uninstall_action)
        self.app_menu.addAction(self.quit_action)

        self.privacy_menu = bar.addMenu("")
        self.view_action = QAction(self)
        self.view_action.triggered.connect(self.show_policy)
        self.withdraw_action = QAction(self)
        self.withdraw_action.triggered.connect(self.ask_withdraw)
        self.privacy_center_action = QAction(self)
        self.privacy_center_action.triggered.connect(self.privacy_center_requested)
        self.privacy_menu.addAction(self.privacy_center_action)
        self.privacy_menu.addAction(self.view_action)
        self.privacy_menu.addAction(self.withdraw_action)
        self.privacy_menu.addSeparator()
        self.delete_data_action = QAction(self)
        self.delete_data_action.triggered.connect(self.delete_data_requested)
        self.privacy_menu.addAction(self.delete_data_action)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle("NeWork")
        self.app_menu.setTitle(self.tr("&NeWork"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit NeWork"))
        self.privacy_menu.setTitle(self.tr("&Privacy"))
        self.delete_data_action.setText(self.tr("&Delete all local data…"))
        self.privacy_center_action.setText(self.tr("Privacy &center…"))
        self.uninstall_action.setText(self.tr("&Uninstall NeWork…"))
        self.view_action.setText(self.tr("View &policy"))
        self.withdraw_action.setText(self.tr("&Withdraw consent…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About NeWork"))
        self.view_button.setText(self.tr("View policy"))
        self.view_button.setAccessibleName(self.tr("View the privacy policy"))
        self.withdraw_button.setText(self.tr("Withdraw consent…"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw consent and stop using NeWork"))
        self.notice_changes.setText(self.tr("What changed"))
        self.notice_changes.setAccessibleName(
            self.tr("What changed: open the privacy center at your consent")
        )
        self.notice_view.setText(self.tr("View policy"))
        self.notice_view.setAccessibleName(self.tr("View the updated privacy policy"))
        self.notice_close.setText(self.tr("Dismiss"))
        self.notice_close.setAccessibleName(self.tr("Dismiss the policy update notice"))
        if self._notice:
            dates = ", ".join(r.effective.isoformat() for r in self._notice)
            self.notice_label.setText(
                self.tr("The privacy policy was updated ({dates}). The changes are minor.").format(
                    dates=dates
                )
            )
        self.status_label.setText(
            self.tr(
                "You agreed to the privacy policy version {version} on {date} ({language})."
            ).format(
                version=self._record.policy_version,
                date=format_stamp(self._record.recorded_at, self._locale),
                language=language_name(self._record.locale),
            )
        )
        self.status_label.setAccessibleName(self.tr("Consent status"))

        self._show_account()

    def set_workspace(self, workspace: QWidget) -> None:
        """Host the web client below the status lines, filling the window."""
        self._layout.replaceWidget(self._filler, workspace)
        self._filler.deleteLater()
        self.workspace = workspace
        workspace.setParent(self.centralWidget())
        workspace.show()
        self.resize(max(self.width(), 1200), max(self.height(), 800))

    def set_account(self, provider: str, masked_email: str, *, persistent: bool) -> None:
        """Show who is signed in (provider and masked address only)."""
        self._account_text = f"{masked_email} ({provider})"
        self._account_persistent = persistent
        self._show_account()

    def _show_account(self) -> None:
        if not self._account_text:
            return
        text = self.tr("Signed in as {account}.").format(account=self._account_text)
        if not self._account_persistent:
            text += " " + self.tr(
                "No keyring is available: you will need to sign in again next time."
            )
        self.account_label.setText(text)
        self.account_label.setAccessibleName(self.tr("Account"))
        self.account_label.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
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
        self.view_button.setFocus()

    def show_policy(self) -> None:
        PolicyViewer(self._policy, self._locale, self).exec()

    def confirm_withdraw(self) -> bool:
        """Ask before withdrawing (replaceable in tests)."""
        return confirm_withdrawal(self)

    def ask_withdraw(self) -> None:
        if self.confirm_withdraw():
            self.withdraw_requested.emit()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About NeWork"),
            self.tr("NeWork Desktop {version}").format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.quit_requested.emit()
        super().closeEvent(event)
