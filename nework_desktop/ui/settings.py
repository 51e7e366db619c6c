"""File → Settings… (Ctrl+, / ⌘,): what a user may change, in one small window.

* **Language** -- 日本語, English or the system's; applied at once (every window re-translates
  itself) and kept for the next start (:func:`nework_desktop.core.prefs.save_locale`, written by
  the controller, which owns the translator);
* **Collection modules** -- the same switches as the privacy center, recorded the same way
  (:func:`~nework_desktop.ui.privacy.pages.collected.change_module_choice`: a new consent
  record, the egress rules told at once);
* **Account** -- who is signed in, and "Sign out".

The window asks nothing and writes nothing itself except the module choices; the language and
sign-out are signals the controller acts on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.ui.i18n import LANGUAGE_NAMES, SUPPORTED_LOCALES, provider_label
from nework_desktop.ui.look import apply_window_look
from nework_desktop.ui.privacy.pages.base import (
    ServicesLike,
    accepted_record,
    sync_module_switches,
)
from nework_desktop.ui.privacy.pages.collected import change_module_choice
from nework_desktop.ui.toggle import ToggleSwitch
from nework_desktop.ui.widgets import wrapping_label

if TYPE_CHECKING:
    from nework_desktop.services.session import Services

__all__ = ["SettingsDialog"]

#: The language combo's value for "follow the system".
SYSTEM = ""


class SettingsDialog(QDialog):
    """Language, collection modules, account."""

    #: The language picked: "ja", "en" or "" (the system's).
    language_chosen = Signal(str)
    #: The module choices just recorded.
    choices_changed = Signal(dict)
    sign_out_requested = Signal()

    def __init__(
        self,
        services: Services | ServicesLike,
        locale: str,
        *,
        saved_locale: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        apply_window_look(self)
        self.services = services
        self.ui_locale = locale
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)

        self.general_box = QGroupBox(self)
        form = QFormLayout(self.general_box)
        self.language_label = QLabel(self.general_box)
        self.language_combo = QComboBox(self.general_box)
        self.language_combo.addItem("", SYSTEM)
        for code in SUPPORTED_LOCALES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        index = self.language_combo.findData(saved_locale or SYSTEM)
        self.language_combo.setCurrentIndex(max(0, index))
        self.language_label.setBuddy(self.language_combo)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.language_label, self.language_combo)
        layout.addWidget(self.general_box)

        self.modules_box = QGroupBox(self)
        modules = QVBoxLayout(self.modules_box)
        self.modules_intro = wrapping_label(self.modules_box)
        modules.addWidget(self.modules_intro)
        self.module_switches: dict[str, ToggleSwitch] = {}
        for module in services.policy.modules:
            if module.on_desktop and module.opt_out_allowed:
                switch = ToggleSwitch(self.modules_box)
                switch.toggled.connect(lambda on, mid=module.id: self._switched(mid, on))
                modules.addWidget(switch)
                self.module_switches[module.id] = switch
        self.modules_status = wrapping_label(self.modules_box)
        self.modules_status.setVisible(False)
        modules.addWidget(self.modules_status)
        layout.addWidget(self.modules_box)

        self.account_box = QGroupBox(self)
        account_row = QHBoxLayout(self.account_box)
        self.account_label = wrapping_label(self.account_box)
        self.sign_out_button = QPushButton(self.account_box)
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self._sign_out)
        account_row.addWidget(self.account_label, 1)
        account_row.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.account_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()
        self.language_combo.setFocus()

    # -- texts and state -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings — NeWork"))
        self.general_box.setTitle(self.tr("General"))
        self.language_label.setText(self.tr("&Language:"))
        self.language_combo.setItemText(0, self.tr("System default"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setAccessibleDescription(
            self.tr("The language of NeWork's windows; kept for the next start")
        )
        self.modules_box.setTitle(self.tr("Collection modules"))
        self.modules_intro.setText(
            self.tr(
                "A module you switch off gets nothing more from this app, and its cookies are "
                "deleted. Your choice is added to your consent record."
            )
        )
        for module_id, switch in self.module_switches.items():
            name = self.services.policy.module(module_id).name
            text = self.tr("Allow {0} in this app").format(name)
            switch.setText(text)
            switch.setAccessibleName(text)
            switch.setAccessibleDescription(
                self.tr("When off, nothing is sent to {0} from this app.").format(name)
            )
            switch.set_state_texts(self.tr("On"), self.tr("Off"))
        self.account_box.setTitle(self.tr("Account"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))
        self.sign_out_button.setAccessibleDescription(
            self.tr("Signs you out on this computer; NeWork then asks you to sign in again")
        )
        self._show_account()

    def refresh(self) -> None:
        """The switches as the choices in effect (usable only with consent on record)."""
        sync_module_switches(
            self.module_switches, self.services, accepted_record(self.services.ledger)
        )

    def _show_account(self) -> None:
        account = self.services.account
        summary = account.summary if account is not None else None
        self.account_box.setVisible(account is not None)
        if summary is None:
            self.account_label.setText(self.tr("Not signed in."))
            self.sign_out_button.setEnabled(False)
            return
        self.account_label.setText(
            self.tr("Signed in as {email} ({provider}).").format(
                email=summary.masked_email, provider=provider_label(summary.provider)
            )
        )
        self.sign_out_button.setEnabled(True)

    # -- what the user changes -----------------------------------------------------------------

    def _language_changed(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        self.language_chosen.emit(code if isinstance(code, str) else SYSTEM)

    def _switched(self, module_id: str, checked: bool) -> None:
        record, message = change_module_choice(self.services, module_id, checked)
        self.modules_status.setText(message)
        self.modules_status.setVisible(True)
        if record is None:
            switch = self.module_switches[module_id]
            switch.blockSignals(True)
            switch.setChecked(not checked)
            switch.blockSignals(False)
            return
        self.choices_changed.emit(dict(record.modules))

    def _sign_out(self) -> None:
        self.sign_out_requested.emit()
        self.accept()
