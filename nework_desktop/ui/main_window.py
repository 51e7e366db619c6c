"""The main window: consent status, the policy, withdrawal (later: workspace, privacy center)."""

from __future__ import annotations

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

    def __init__(
        self,
        policy: Policy,
        record: ConsentRecord,
        locale: str,
        notice: tuple[Revision, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
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
        self.notice_close = QPushButton(self.notice_bar)
        self.notice_close.clicked.connect(self.dismiss_notice)
        bar.addWidget(self.notice_label, 1)
        bar.addWidget(self.notice_view)
        bar.addWidget(self.notice_close)
        self.notice_bar.setVisible(bool(notice))
        layout.addWidget(self.notice_bar)

        self.status_label = QLabel(central)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        buttons = QHBoxLayout()
        self.view_button = QPushButton(central)
        self.view_button.clicked.connect(self.show_policy)
        self.withdraw_button = QPushButton(central)
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setCentralWidget(central)

        self._build_menus()
        self.retranslate()
        self.view_button.setFocus()

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.app_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_requested)
        self.app_menu.addAction(self.quit_action)

        self.privacy_menu = bar.addMenu("")
        self.view_action = QAction(self)
        self.view_action.triggered.connect(self.show_policy)
        self.withdraw_action = QAction(self)
        self.withdraw_action.triggered.connect(self.ask_withdraw)
        self.privacy_menu.addAction(self.view_action)
        self.privacy_menu.addAction(self.withdraw_action)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle("NeWork")
        self.app_menu.setTitle(self.tr("&NeWork"))
        self.quit_action.setText(self.tr("&Quit NeWork"))
        self.privacy_menu.setTitle(self.tr("&Privacy"))
        self.view_action.setText(self.tr("View &policy"))
        self.withdraw_action.setText(self.tr("&Withdraw consent…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About NeWork"))
        self.view_button.setText(self.tr("View policy"))
        self.view_button.setAccessibleName(self.tr("View the privacy policy"))
        self.withdraw_button.setText(self.tr("Withdraw consent…"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw consent and stop using NeWork"))
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
                date=self._record.recorded_at,
                language="日本語" if self._record.locale == "ja" else "English",
            )
        )
        self.status_label.setAccessibleName(self.tr("Consent status"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- actions -------------------------------------------------------------------------------

    def dismiss_notice(self) -> None:
        self.notice_bar.setVisible(False)
        self.view_button.setFocus()

    def show_policy(self) -> None:
        PolicyViewer(self._policy, self._locale, self).exec()

    def confirm_withdraw(self) -> bool:
        """Ask before withdrawing (replaceable in tests)."""
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw consent"),
            self.tr(
                "Withdrawing your consent stops your use of NeWork on this computer. "
                "The app will ask for your consent again. Continue?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

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
