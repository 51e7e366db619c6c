"""The second page of an e-mail registration: the one-time code.

A heading, the code sent by mail, "Resend code" (after the service's waiting time, with a
countdown) and "Use another address".  A wrong code shows the attempts left (never before the
first attempt); an expired code, too many attempts or "Use another address" lead back to the
first page with the address kept.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from nework_desktop.net.errors import ExpiredCodeError, InvalidCodeError, TooManyAttemptsError
from nework_desktop.net.service import CodeRequest
from nework_desktop.ui.registration.host import Host
from nework_desktop.ui.widgets import bold_font

__all__ = ["CodePage"]


class CodePage(QWidget):
    """The code, "Sign in", "Resend code", "Use another address"."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        #: The code request being answered (None when the page is not in use).
        self.request: CodeRequest | None = None
        self._resend_at = 0.0  # time.monotonic() when "Resend code" may be used again
        self._resend_timer = QTimer(self)
        self._resend_timer.setInterval(250)
        self._resend_timer.timeout.connect(self._tick_resend)

        self.heading_label = QLabel(self)
        self.heading_label.setFont(bold_font(self.heading_label.font(), 1.3))
        self.sent_label = QLabel(self)
        self.sent_label.setWordWrap(True)
        self.code_label = QLabel(self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setMaxLength(12)
        self.code_edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.code_edit.textChanged.connect(self.update_verify)
        self.code_label.setBuddy(self.code_edit)
        self.verify_button = QPushButton(self)
        self.verify_button.clicked.connect(self.verify_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.verify_button)
        self.attempts_label = QLabel(self)
        self.resend_button = QPushButton(self)
        self.resend_button.setAutoDefault(False)
        self.resend_button.clicked.connect(self.resend_code)
        self.other_address_button = QPushButton(self)
        self.other_address_button.setAutoDefault(False)
        self.other_address_button.clicked.connect(self.use_another_address)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.other_address_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.sent_label)
        layout.addWidget(self.code_label)
        layout.addLayout(code_row)
        self.error_slot = QVBoxLayout()
        layout.addLayout(self.error_slot)
        layout.addWidget(self.attempts_label)
        layout.addLayout(buttons)
        self._attempted = False  # the attempts left are shown after the first wrong code
        layout.addStretch(1)

    def retranslate(self) -> None:
        request = self.request
        self.heading_label.setText(self.tr("Enter the code"))
        self.sent_label.setText(
            self.tr(
                "We sent a one-time code to {email}. Enter it below. "
                "The code is valid for {minutes} minutes."
            ).format(
                email=request.email if request else "",
                minutes=max(1, (request.expires_in if request else 0) // 60),
            )
        )
        self.code_label.setText(self.tr("One-time &code"))
        self.code_edit.setAccessibleName(self.tr("One-time code"))
        self.verify_button.setText(self.tr("Sign in"))
        self.verify_button.setAccessibleName(self.tr("Sign in with this code"))
        self.other_address_button.setText(self.tr("Use another address"))
        self.other_address_button.setAccessibleName(self.tr("Use another address"))
        self.other_address_button.setAccessibleDescription(
            self.tr("Back to the first page, to use another e-mail address")
        )
        self.resend_button.setAccessibleName(self.tr("Resend code"))
        self.resend_button.setAccessibleDescription(self.tr("Send a new code"))
        self._update_resend()
        self._update_attempts(request.attempts_left if request else None)

    # -- state ---------------------------------------------------------------------------------

    def begin(self, request: CodeRequest) -> None:
        """A code was sent: answer ``request`` (the countdown starts from this answer)."""
        self.request = request
        self._attempted = False
        self.code_edit.clear()
        # Counted from the answer, so never earlier than the service allows.
        self._resend_at = time.monotonic() + request.resend_after
        if request.resend_after > 0:
            self._resend_timer.start()

    def clear(self) -> None:
        """Forget the request (back to the first page)."""
        self.request = None
        self.stop()
        self._resend_at = 0.0
        self.code_edit.clear()

    def stop(self) -> None:
        """Stop the countdown (the dialog is closing)."""
        self._resend_timer.stop()

    def enter(self) -> None:
        """The page is shown: "Sign in" is the default button, the code has the focus."""
        self.verify_button.setDefault(True)
        self.update_verify()
        self.code_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.code_edit.setReadOnly(busy)
        self.other_address_button.setEnabled(not busy)
        self.update_verify()
        self._update_resend()

    def update_verify(self) -> None:
        self.verify_button.setEnabled(not self._host.busy and bool(self.code_edit.text().strip()))

    @property
    def resend_wait(self) -> int:
        """Whole seconds until "Resend code" is possible (0: now)."""
        return max(0, math.ceil(self._resend_at - time.monotonic()))

    def _update_resend(self) -> None:
        wait = self.resend_wait
        if wait > 0:
            self.resend_button.setText(self.tr("Resend code ({seconds} s)").format(seconds=wait))
        else:
            self.resend_button.setText(self.tr("Resend code"))
        self.resend_button.setEnabled(not self._host.busy and wait <= 0)

    def _tick_resend(self) -> None:
        if self.resend_wait <= 0:
            self._resend_timer.stop()
        self._update_resend()

    def _update_attempts(self, attempts: int | None) -> None:
        self.attempts_label.setVisible(attempts is not None and self._attempted)
        if attempts is not None:
            self.attempts_label.setText(self.tr("Attempts left: {n}").format(n=attempts))
        self.attempts_label.setAccessibleName(self.tr("Attempts left"))

    # -- actions -------------------------------------------------------------------------------

    def verify_code(self) -> None:
        """Sign in with the code typed."""
        host, request = self._host, self.request
        code = self.code_edit.text().strip()
        if host.busy or request is None or not code:
            return
        host.show_error(None)
        host.set_busy(True)
        host.run(
            lambda: host.manager.verify_email_code(request, code),
            host.signed_in,
            self._verify_failed,
        )

    def _verify_failed(self, exc: Exception) -> None:
        host = self._host
        host.set_busy(False)
        if isinstance(exc, InvalidCodeError):
            self._attempted = True
            self._update_attempts(exc.attempts_left)
            host.show_error(exc)
            self.code_edit.selectAll()
            self.code_edit.setFocus()
            return
        if isinstance(exc, ExpiredCodeError | TooManyAttemptsError):
            host.back_to_address()
            host.show_error(exc)
            return
        host.show_error(exc)
        self.code_edit.setFocus()

    def resend_code(self) -> None:
        """Ask for a new code to the same address (once the waiting time is over)."""
        host, request = self._host, self.request
        if host.busy or request is None or self.resend_wait > 0:
            return
        host.show_error(None)
        address = request.email
        host.set_busy(True)
        host.run(
            lambda: host.manager.request_email_code(address, host.ui_locale),
            host.code_sent,
            self._resend_failed,
        )

    def _resend_failed(self, exc: Exception) -> None:
        self._host.set_busy(False)
        self._host.show_error(exc)

    def use_another_address(self) -> None:
        if self._host.busy:
            return
        self._host.show_error(None)
        self._host.back_to_address()
