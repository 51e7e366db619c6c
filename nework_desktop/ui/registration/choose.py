"""The first registration page: an e-mail address, or an account of a provider.

The address is validated before anything is sent; "Send code" asks the service for a one-time
code (in a worker thread) and hands the answer to the code page.  One button per provider
(Google, business d account, Apple, Microsoft): a provider without configuration is disabled
and its tooltip says why.  The page says that the registration data is not given to third
parties, and -- when there is no OS keyring -- that the sign-in lasts only until NeWork quits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.account_store import validate_email
from nework_desktop.net.errors import InvalidEmailError
from nework_desktop.net.oauth.providers import UNAVAILABLE_NO_CLIENT_ID, Provider
from nework_desktop.services.account import RestoreResult
from nework_desktop.ui.i18n import credential_store_name, provider_label
from nework_desktop.ui.registration.host import Host
from nework_desktop.ui.widgets import bold_font

__all__ = ["ChoosePage"]


class ChoosePage(QWidget):
    """E-mail address and "Send code", or a provider's button."""

    def __init__(
        self, host: Host, previous: RestoreResult | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._host = host
        self.previous = previous
        self.title_label = QLabel(self)
        self.title_label.setFont(bold_font(self.title_label.font(), 1.3))
        self.intro_label = QLabel(self)
        self.intro_label.setWordWrap(True)
        self.previous_label = QLabel(self)
        self.previous_label.setWordWrap(True)
        self.keyring_label = QLabel(self)
        self.keyring_label.setWordWrap(True)

        self.email_label = QLabel(self)
        self.email_edit = QLineEdit(self)
        self.email_edit.setMaxLength(254)
        self.email_edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.email_edit.textChanged.connect(self.update_send)
        self.email_label.setBuddy(self.email_edit)
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(self.send_code)
        email_row = QHBoxLayout()
        email_row.addWidget(self.email_edit, 1)
        email_row.addWidget(self.send_button)
        self.error_slot = QVBoxLayout()  # the dialog's error block, right under the address

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        self.or_label = QLabel(self)

        #: Provider id → its button (the dialog connects them to the browser page).
        self.provider_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, provider in enumerate(host.manager.providers):
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.setEnabled(provider.available)
            self.provider_buttons[provider.id] = button
            grid.addWidget(button, index // 2, index % 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.previous_label)
        layout.addWidget(self.keyring_label)
        layout.addSpacing(8)
        layout.addWidget(self.email_label)
        layout.addLayout(email_row)
        layout.addLayout(self.error_slot)
        layout.addSpacing(8)
        layout.addWidget(line)
        layout.addWidget(self.or_label)
        layout.addLayout(grid)
        layout.addStretch(1)

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        manager = self._host.manager
        self.title_label.setText(self.tr("Register or sign in"))
        self.intro_label.setText(
            self.tr(
                "To use NeWork, register a user ID: an e-mail address, or an account of "
                "Google, business d account, Apple or Microsoft. Your registration data is not "
                "given to third parties."
            )
        )
        self.intro_label.setAccessibleName(self.tr("About registration"))
        previous = self.previous.summary if self.previous is not None else None
        self.previous_label.setVisible(previous is not None)
        if previous is not None:
            self.previous_label.setText(
                self.tr("You were signed in as {email} ({provider}). Please sign in again.").format(
                    email=previous.masked_email, provider=self._provider_name(previous.provider)
                )
            )
        self.keyring_label.setVisible(not manager.persistent)
        self.keyring_label.setText(
            self.tr(
                "This computer has no secure password storage ({store}). You can sign in, "
                "but NeWork keeps the sign-in only until it quits and will ask again next time."
            ).format(store=credential_store_name())
        )
        self.email_label.setText(self.tr("&E-mail address"))
        self.email_edit.setPlaceholderText(self.tr("name@example.com"))
        self.email_edit.setAccessibleName(self.tr("E-mail address"))
        self.email_edit.setAccessibleDescription(
            self.tr("NeWork sends a one-time code to this address")
        )
        self.send_button.setText(self.tr("Send code"))
        self.send_button.setAccessibleName(self.tr("Send code"))
        self.send_button.setAccessibleDescription(self.tr("Sends a one-time code to this address"))
        self.or_label.setText(self.tr("Or continue with an account of:"))
        for provider in manager.providers:
            button = self.provider_buttons[provider.id]
            name = provider_label(provider.id, provider.display_name)
            button.setText(name)
            button.setAccessibleName(self.tr("{provider}: sign in").format(provider=name))
            reason = self._unavailable_text(provider)
            button.setToolTip(reason)
            button.setAccessibleDescription(reason)

    def _provider_name(self, provider_id: str) -> str:
        for provider in self._host.manager.providers:
            if provider.id == provider_id:
                return provider_label(provider.id, provider.display_name)
        return provider_label(provider_id)

    def _unavailable_text(self, provider: Provider) -> str:
        if provider.available:
            return ""
        if provider.unavailable_reason == UNAVAILABLE_NO_CLIENT_ID:
            return self.tr("Not available: this NeWork build has no sign-in set up for it.")
        return self.tr("Not available yet: the provider's sign-in is not configured.")

    # -- state ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """The page is shown: "Send code" is the default button, the address has the focus."""
        self.send_button.setDefault(True)
        self.update_send()
        self.email_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.email_edit.setReadOnly(busy)
        providers = {provider.id: provider for provider in self._host.manager.providers}
        for provider_id, button in self.provider_buttons.items():
            provider = providers.get(provider_id)
            button.setEnabled(not busy and provider is not None and provider.available)
        self.update_send()

    def update_send(self) -> None:
        self.send_button.setEnabled(not self._host.busy and bool(self.email_edit.text().strip()))

    # -- Send code -----------------------------------------------------------------------------

    def send_code(self) -> None:
        """Validate the address, then ask the service for a code."""
        host = self._host
        if host.busy:
            return
        try:
            address = validate_email(self.email_edit.text())
        except ValueError:
            host.show_error(None, host.error_text(InvalidEmailError()))
            self.email_edit.setFocus()
            self.email_edit.selectAll()
            return
        host.show_error(None)
        host.set_busy(True)
        host.run(
            lambda: host.manager.request_email_code(address, host.ui_locale),
            host.code_sent,
            self._send_failed,
        )

    def _send_failed(self, exc: Exception) -> None:
        self._host.set_busy(False)
        self._host.show_error(exc)
        self.email_edit.setFocus()
