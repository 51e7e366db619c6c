"""Registration and sign-in (policy Art. 3): e-mail with a one-time code, or a provider.

Pages
-----
* **choose**: an e-mail address (validated before anything is sent) and one button per provider
  (Google, business d account, Apple, Microsoft).  A provider without configuration is disabled
  and its tooltip says why.  The page says that the registration data is not given to third
  parties, and -- when there is no OS keyring -- that the sign-in lasts only until NeWork quits.
* **code**: the code sent by mail, the attempts left, "Resend code" (after the service's waiting
  time), "Use another address".  A wrong code shows the attempts left; an expired code, too many
  attempts or "use another address" lead back to the first page with the address kept.
* **browser**: while the system browser shows the provider's page: an indeterminate progress bar,
  "Copy link" (if the browser did not open) and Cancel.

Every network call runs in a worker thread; its result comes back through a queued Qt signal, so
the window never freezes and Cancel always works.  The system browser is opened through an
injectable ``opener`` (tests pass one that plays the browser with :mod:`requests`).

Strings go through ``self.tr()``; every control has an accessible name; the pages are keyboard
operable (Enter = the page's main action, Escape = back / cancel / quit after confirmation).
No QtWebEngine here: the provider's page is shown by the system browser (RFC 8252).

Open it with :meth:`RegistrationDialog.ask` (tests replace it).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.account_store import AccountSummary, mask_email, validate_email
from nework_desktop.net.api import (
    AuthError,
    BadReplyError,
    BlockedError,
    CodeRequest,
    ExpiredCodeError,
    InvalidCodeError,
    InvalidEmailError,
    OfflineError,
    RateLimitedError,
    RequestRejected,
    ServerError,
    ServiceError,
    TLSError,
    TooManyAttemptsError,
)
from nework_desktop.net.oauth import (
    UNAVAILABLE_NO_CLIENT_ID,
    IdTokenError,
    OAuthCancelled,
    OAuthError,
    OAuthFlow,
    OAuthTimeout,
    Provider,
    ProviderDeniedError,
    ProviderUnavailable,
)
from nework_desktop.services.account import AccountManager, RestoreResult
from nework_desktop.ui.workers import Task, run_task

log = logging.getLogger("nework.ui.registration")

Opener = Callable[[str], bool]

PAGE_CHOOSE = 0
PAGE_CODE = 1
PAGE_BROWSER = 2


def system_browser(url: str) -> bool:
    """Open ``url`` in the user's default browser."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


class _Relay(QObject):
    """Hands the sign-in URL from the worker thread to the GUI thread (a queued signal)."""

    open_url = Signal(str)


class RegistrationDialog(QDialog):
    """Asks for a user ID: an e-mail address (with a code) or a provider account."""

    def __init__(
        self,
        manager: AccountManager,
        locale: str = "en",
        *,
        opener: Opener | None = None,
        previous: RestoreResult | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.manager = manager
        self.ui_locale = locale
        self.opener: Opener = opener or system_browser
        self.previous = previous
        self.summary: AccountSummary | None = None
        self.code_request: CodeRequest | None = None
        self.flow: OAuthFlow | None = None
        self.flow_provider: Provider | None = None
        self.authorization_url = ""
        self._tasks: list[Task[Any]] = []
        self._declined = False
        self._busy = False
        self._resend_at = 0.0  # time.monotonic() when "Resend code" may be used again
        self._relay = _Relay(self)
        self._relay.open_url.connect(self._open_browser)
        self._resend_timer = QTimer(self)
        self._resend_timer.setInterval(250)
        self._resend_timer.timeout.connect(self._tick_resend)

        self.setModal(True)
        self.setMinimumWidth(520)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_choose())
        self.pages.addWidget(self._build_code())
        self.pages.addWidget(self._build_browser())

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.setVisible(False)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QToolButton(self)
        self.details_button.setCheckable(True)
        self.details_button.setVisible(False)
        self.details_button.toggled.connect(self._toggle_details)
        self.details_label = QLabel(self)
        self.details_label.setWordWrap(True)
        self.details_label.setVisible(False)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        errors = QHBoxLayout()
        errors.addWidget(self.error_label, 1)
        errors.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)

        self.quit_button = QPushButton(self)
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.busy_bar)
        layout.addLayout(errors)
        layout.addWidget(self.details_label)
        layout.addLayout(bottom)

        self.retranslate()
        self.show_page(PAGE_CHOOSE)

    # -- building ------------------------------------------------------------------------------

    def _build_choose(self) -> QWidget:
        page = QWidget(self)
        self.title_label = QLabel(page)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.intro_label = QLabel(page)
        self.intro_label.setWordWrap(True)
        self.previous_label = QLabel(page)
        self.previous_label.setWordWrap(True)
        self.keyring_label = QLabel(page)
        self.keyring_label.setWordWrap(True)

        self.email_label = QLabel(page)
        self.email_edit = QLineEdit(page)
        self.email_edit.setMaxLength(254)
        self.email_edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.email_edit.textChanged.connect(self._update_send)
        self.email_label.setBuddy(self.email_edit)
        self.send_button = QPushButton(page)
        self.send_button.clicked.connect(self.send_code)
        email_row = QHBoxLayout()
        email_row.addWidget(self.email_edit, 1)
        email_row.addWidget(self.send_button)

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        self.or_label = QLabel(page)

        self.provider_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, provider in enumerate(self.manager.providers):
            button = QPushButton(page)
            button.setAutoDefault(False)
            button.setEnabled(provider.available)
            button.clicked.connect(lambda _=False, pid=provider.id: self.start_provider(pid))
            self.provider_buttons[provider.id] = button
            grid.addWidget(button, index // 2, index % 2)

        layout = QVBoxLayout(page)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.previous_label)
        layout.addWidget(self.keyring_label)
        layout.addSpacing(8)
        layout.addWidget(self.email_label)
        layout.addLayout(email_row)
        layout.addSpacing(8)
        layout.addWidget(line)
        layout.addWidget(self.or_label)
        layout.addLayout(grid)
        layout.addStretch(1)
        return page

    def _build_code(self) -> QWidget:
        page = QWidget(self)
        self.sent_label = QLabel(page)
        self.sent_label.setWordWrap(True)
        self.code_label = QLabel(page)
        self.code_edit = QLineEdit(page)
        self.code_edit.setMaxLength(12)
        self.code_edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.code_edit.textChanged.connect(self._update_verify)
        self.code_label.setBuddy(self.code_edit)
        self.verify_button = QPushButton(page)
        self.verify_button.clicked.connect(self.verify_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.verify_button)
        self.attempts_label = QLabel(page)
        self.resend_button = QPushButton(page)
        self.resend_button.setAutoDefault(False)
        self.resend_button.clicked.connect(self.resend_code)
        self.other_address_button = QPushButton(page)
        self.other_address_button.setAutoDefault(False)
        self.other_address_button.clicked.connect(self.use_another_address)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.other_address_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(page)
        layout.addWidget(self.sent_label)
        layout.addWidget(self.code_label)
        layout.addLayout(code_row)
        layout.addWidget(self.attempts_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _build_browser(self) -> QWidget:
        page = QWidget(self)
        self.browser_label = QLabel(page)
        self.browser_label.setWordWrap(True)
        self.browser_progress = QProgressBar(page)
        self.browser_progress.setRange(0, 0)
        self.browser_progress.setTextVisible(False)
        self.browser_hint = QLabel(page)
        self.browser_hint.setWordWrap(True)
        self.copy_link_button = QPushButton(page)
        self.copy_link_button.setAutoDefault(False)
        self.copy_link_button.clicked.connect(self.copy_link)
        self.cancel_flow_button = QPushButton(page)
        self.cancel_flow_button.clicked.connect(self.cancel_provider)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_link_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_flow_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.browser_label)
        layout.addWidget(self.browser_progress)
        layout.addWidget(self.browser_hint)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register with NeWork"))
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
        self.keyring_label.setVisible(not self.manager.persistent)
        self.keyring_label.setText(
            self.tr(
                "This computer has no secure password storage (keyring). You can sign in, "
                "but NeWork keeps the sign-in only until it quits and will ask again next time."
            )
        )
        self.email_label.setText(self.tr("&E-mail address"))
        self.email_edit.setPlaceholderText(self.tr("name@example.com"))
        self.email_edit.setAccessibleName(self.tr("E-mail address"))
        self.email_edit.setAccessibleDescription(
            self.tr("NeWork sends a one-time code to this address")
        )
        self.send_button.setText(self.tr("Send code"))
        self.send_button.setAccessibleName(self.tr("Send a one-time code to this address"))
        self.or_label.setText(self.tr("Or continue with an account of:"))
        for provider in self.manager.providers:
            button = self.provider_buttons[provider.id]
            button.setText(provider.display_name)
            button.setAccessibleName(
                self.tr("Sign in with {provider}").format(provider=provider.display_name)
            )
            reason = self._unavailable_text(provider)
            button.setToolTip(reason)
            button.setAccessibleDescription(reason)

        request = self.code_request
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
        self.other_address_button.setAccessibleName(self.tr("Use another e-mail address"))
        self.resend_button.setAccessibleName(self.tr("Send a new code"))
        self._update_resend()
        self._update_attempts(self.code_request.attempts_left if self.code_request else None)

        name = self.flow_provider.display_name if self.flow_provider else ""
        self.browser_label.setText(
            self.tr(
                "Continue in your web browser: sign in with {provider} there, then come back."
            ).format(provider=name)
        )
        self.browser_progress.setAccessibleName(self.tr("Waiting for the browser"))
        self.browser_hint.setText(
            self.tr("If your browser did not open, copy the link and open it in your browser.")
        )
        self.copy_link_button.setText(self.tr("Copy link"))
        self.copy_link_button.setAccessibleName(self.tr("Copy the sign-in link"))
        self.cancel_flow_button.setText(self.tr("Cancel"))
        self.cancel_flow_button.setAccessibleName(self.tr("Cancel the sign-in"))

        self.busy_bar.setAccessibleName(self.tr("Working"))
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.details_button.setText(self.tr("Details"))
        self.details_button.setAccessibleName(self.tr("Show technical details"))
        self.details_label.setAccessibleName(self.tr("Technical details"))
        self.quit_button.setText(self.tr("Quit NeWork"))
        self.quit_button.setAccessibleName(self.tr("Quit NeWork without registering"))

    def _provider_name(self, provider_id: str) -> str:
        if provider_id == "email":
            return self.tr("e-mail")
        for provider in self.manager.providers:
            if provider.id == provider_id:
                return provider.display_name
        return provider_id

    def _unavailable_text(self, provider: Provider) -> str:
        if provider.available:
            return ""
        if provider.unavailable_reason == UNAVAILABLE_NO_CLIENT_ID:
            return self.tr("Not available: this NeWork build has no sign-in set up for it.")
        return self.tr("Not available yet: the provider's sign-in is not configured.")

    def error_text(self, exc: BaseException) -> str:
        """The user-facing sentence for an error (what happened and what to do)."""
        provider = self.flow_provider.display_name if self.flow_provider else ""
        if isinstance(exc, OAuthCancelled):
            return self.tr("Sign-in was cancelled.")
        if isinstance(exc, OAuthTimeout):
            return self.tr("No answer came from the browser in time. Please try again.")
        if isinstance(exc, ProviderDeniedError):
            return self.tr("{provider} did not allow the sign-in.").format(provider=provider)
        if isinstance(exc, IdTokenError):
            return self.tr(
                "The answer from {provider} could not be verified. Please try again."
            ).format(provider=provider)
        if isinstance(exc, ProviderUnavailable):
            return self.tr("This sign-in is not available.")
        if isinstance(exc, OAuthError):
            return self.tr("Signing in with {provider} did not work. Please try again.").format(
                provider=provider
            )
        if isinstance(exc, InvalidEmailError):
            return self.tr("Enter a valid e-mail address, for example name@example.com.")
        if isinstance(exc, InvalidCodeError):
            return self.tr("The code is not correct. Check the mail and try again.")
        if isinstance(exc, ExpiredCodeError):
            return self.tr("The code has expired. Request a new code.")
        if isinstance(exc, TooManyAttemptsError):
            return self.tr("Too many wrong codes. Request a new code.")
        if isinstance(exc, RateLimitedError):
            if exc.retry_after:
                return self.tr("Too many requests. Please wait {seconds} s and try again.").format(
                    seconds=int(exc.retry_after + 0.999)
                )
            return self.tr("Too many requests. Please wait a moment and try again.")
        if isinstance(exc, TLSError):
            return self.tr(
                "A secure connection to the NeWork service could not be made. "
                "Check the network (a proxy or a wrong clock can cause this)."
            )
        if isinstance(exc, OfflineError):
            return self.tr(
                "NeWork cannot reach its service. Check the internet connection and try again."
            )
        if isinstance(exc, ServerError):
            return self.tr("The NeWork service has a problem right now. Please try again later.")
        if isinstance(exc, BadReplyError):
            return self.tr(
                "The NeWork service sent an answer the app does not understand. "
                "Please try again later."
            )
        if isinstance(exc, BlockedError):
            return self.tr("NeWork's settings do not allow contacting this address.")
        if isinstance(exc, AuthError):
            return self.tr("The service refused the sign-in. Please try again.")
        if isinstance(exc, RequestRejected):
            return self.tr("The service did not accept the request. Please try again.")
        return self.tr("Something went wrong. Please try again.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- page state -------------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if index == PAGE_CHOOSE:
            self.send_button.setDefault(True)
            self._update_send()
            self.email_edit.setFocus()
        elif index == PAGE_CODE:
            self.verify_button.setDefault(True)
            self._update_verify()
            self.code_edit.setFocus()
        else:
            self.cancel_flow_button.setDefault(True)
            self.cancel_flow_button.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.email_edit.setReadOnly(busy)
        self.code_edit.setReadOnly(busy)
        for button in self.provider_buttons.values():
            button.setEnabled(not busy and self._provider_available(button))
        self.other_address_button.setEnabled(not busy)
        self._update_send()
        self._update_verify()
        self._update_resend()

    def _provider_available(self, button: QPushButton) -> bool:
        for provider in self.manager.providers:
            if self.provider_buttons.get(provider.id) is button:
                return provider.available
        return False

    @property
    def busy(self) -> bool:
        return self._busy

    def _update_send(self) -> None:
        self.send_button.setEnabled(not self._busy and bool(self.email_edit.text().strip()))

    def _update_verify(self) -> None:
        self.verify_button.setEnabled(not self._busy and bool(self.code_edit.text().strip()))

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
        self.resend_button.setEnabled(not self._busy and wait <= 0)

    def _tick_resend(self) -> None:
        if self.resend_wait <= 0:
            self._resend_timer.stop()
        self._update_resend()

    def _update_attempts(self, attempts: int | None) -> None:
        self.attempts_label.setVisible(attempts is not None)
        if attempts is not None:
            self.attempts_label.setText(self.tr("Attempts left: {n}").format(n=attempts))
        self.attempts_label.setAccessibleName(self.tr("Attempts left"))

    def show_error(self, exc: BaseException | None, text: str | None = None) -> None:
        """Show a problem (or clear it with ``None``); technical detail behind "Details"."""
        if exc is None and text is None:
            self.error_label.clear()
            self.error_label.setVisible(False)
            self.details_button.setChecked(False)
            self.details_button.setVisible(False)
            self.details_label.setVisible(False)
            return
        message = text or (self.error_text(exc) if exc is not None else "")
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        detail = f"{type(exc).__name__}: {exc}" if exc is not None else ""
        self.details_label.setText(detail)
        self.details_button.setVisible(bool(detail))
        self.details_label.setVisible(bool(detail) and self.details_button.isChecked())
        if exc is not None:
            log.info("registration problem: %s", detail)

    def _toggle_details(self, shown: bool) -> None:
        self.details_label.setVisible(shown and bool(self.details_label.text()))

    # -- worker threads ---------------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        def done(result: Any, error: BaseException | None) -> None:
            if self._declined:
                return
            if isinstance(error, Exception):
                on_error(error)
            else:
                on_done(result)

        self._tasks = [t for t in self._tasks if t.running]
        self._tasks.append(run_task(lambda _task: work(), done, parent=self))

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait for the worker tasks (tests); True when none is left running."""
        return all(task.wait(timeout) for task in list(self._tasks))

    # -- e-mail -----------------------------------------------------------------------------------

    def send_code(self) -> None:
        """Validate the address, then ask the service for a code."""
        if self._busy:
            return
        try:
            address = validate_email(self.email_edit.text())
        except ValueError:
            self.show_error(None, self.error_text(InvalidEmailError()))
            self.email_edit.setFocus()
            self.email_edit.selectAll()
            return
        self.show_error(None)
        self._set_busy(True)
        self._run(
            lambda: self.manager.request_email_code(address, self.ui_locale),
            self._code_sent,
            self._code_failed,
        )

    def resend_code(self) -> None:
        if self._busy or self.code_request is None or self.resend_wait > 0:
            return
        self.show_error(None)
        address = self.code_request.email
        self._set_busy(True)
        self._run(
            lambda: self.manager.request_email_code(address, self.ui_locale),
            self._code_sent,
            self._code_failed,
        )

    def _code_sent(self, request: CodeRequest) -> None:
        self._set_busy(False)
        self.code_request = request
        self.code_edit.clear()
        # Counted from the answer, so never earlier than the service allows.
        self._resend_at = time.monotonic() + request.resend_after
        if request.resend_after > 0:
            self._resend_timer.start()
        self.retranslate()
        self.show_page(PAGE_CODE)
        log.info("code page shown for %s", mask_email(request.email))

    def _code_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.show_error(exc)
        if self.page == PAGE_CHOOSE:
            self.email_edit.setFocus()

    def verify_code(self) -> None:
        code = self.code_edit.text().strip()
        if self._busy or self.code_request is None or not code:
            return
        request = self.code_request
        self.show_error(None)
        self._set_busy(True)
        self._run(
            lambda: self.manager.verify_email_code(request, code),
            self._signed_in,
            self._verify_failed,
        )

    def _verify_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, InvalidCodeError):
            self._update_attempts(exc.attempts_left)
            self.show_error(exc)
            self.code_edit.selectAll()
            self.code_edit.setFocus()
            return
        if isinstance(exc, ExpiredCodeError | TooManyAttemptsError):
            self._back_to_address()
            self.show_error(exc)
            return
        self.show_error(exc)
        self.code_edit.setFocus()

    def use_another_address(self) -> None:
        if self._busy:
            return
        self.show_error(None)
        self._back_to_address()

    def _back_to_address(self) -> None:
        self.code_request = None
        self._resend_timer.stop()
        self._resend_at = 0.0
        self.code_edit.clear()
        self.show_page(PAGE_CHOOSE)
        self.email_edit.selectAll()

    # -- providers --------------------------------------------------------------------------------

    def start_provider(self, provider_id: str) -> None:
        """Open the provider's page in the system browser and wait for it to come back."""
        if self._busy:
            return
        try:
            provider = self.manager.provider(provider_id)
            flow = self.manager.begin_oauth(provider_id)
        except ServiceError as exc:
            self.show_error(exc)
            return
        self.show_error(None)
        self.flow = flow
        self.flow_provider = provider
        self.authorization_url = ""
        self.copy_link_button.setEnabled(False)
        self.retranslate()
        self._set_busy(True)
        self.busy_bar.setVisible(False)  # the page has its own progress bar
        self.show_page(PAGE_BROWSER)
        relay = self._relay

        def open_in_browser(url: str) -> None:  # worker thread: hand over to the GUI thread
            try:
                relay.open_url.emit(url)
            except RuntimeError:
                flow.cancel()

        self._run(
            lambda: self.manager.finish_oauth(flow, open_in_browser),
            self._signed_in,
            self._provider_failed,
        )

    def _open_browser(self, url: str) -> None:
        self.authorization_url = url
        self.copy_link_button.setEnabled(True)
        try:
            opened = self.opener(url)
        except Exception as exc:
            log.warning("the browser could not be opened: %s", type(exc).__name__)
            opened = False
        if not opened:
            self.show_error(
                None,
                self.tr("The browser did not open. Copy the link and open it in your browser."),
            )

    def copy_link(self) -> None:
        if self.authorization_url:
            clipboard = QGuiApplication.clipboard()
            clipboard.setText(self.authorization_url)

    def cancel_provider(self) -> None:
        """Cancel: the flow stops waiting, the listener closes, the first page comes back."""
        if self.flow is not None:
            self.flow.cancel()

    def _provider_failed(self, exc: Exception) -> None:
        self.flow = None
        self.authorization_url = ""
        self._set_busy(False)
        self.show_page(PAGE_CHOOSE)
        self.show_error(exc)
        button = self.provider_buttons.get(self.flow_provider.id if self.flow_provider else "")
        if button is not None:
            button.setFocus()

    # -- the end ----------------------------------------------------------------------------------

    def _signed_in(self, summary: AccountSummary) -> None:
        self.flow = None
        self._set_busy(False)
        self.summary = summary
        log.info("registration complete (%s)", summary.provider)
        super().accept()

    def confirm_quit(self) -> bool:
        """Ask before quitting without a user ID (Escape, Quit, close).  Tests replace this."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit NeWork?"))
        box.setText(self.tr("NeWork needs a user ID. Quit without registering?"))
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        back_button = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName(self.tr("Quit NeWork"))
        back_button.setAccessibleName(self.tr("Go back to registration"))
        box.setDefaultButton(back_button)
        box.setEscapeButton(back_button)
        box.exec()
        return box.clickedButton() is quit_button

    def accept(self) -> None:
        """Only a completed sign-in closes the dialog with "accepted"."""
        if self.summary is not None:
            super().accept()

    def reject(self) -> None:
        """Escape / close: cancel a running provider sign-in first; otherwise quit (confirmed)."""
        if self.flow is not None:
            self.cancel_provider()
            return
        if self.page == PAGE_CODE and not self._busy:
            self.use_another_address()
            return
        if self.confirm_quit():
            self._declined = True  # a call still running finishes unheard
            self._resend_timer.stop()
            log.info("registration declined")
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton | QToolButton) and focused.isEnabled():
                focused.click()
            elif self.page == PAGE_CHOOSE:
                self.send_code()
            elif self.page == PAGE_CODE:
                self.verify_code()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- entry point -----------------------------------------------------------------------------

    @classmethod
    def ask(
        cls,
        manager: AccountManager,
        locale: str = "en",
        *,
        previous: RestoreResult | None = None,
        opener: Opener | None = None,
        parent: QWidget | None = None,
    ) -> AccountSummary | None:
        """Run the dialog modally; the account summary once signed in, None if declined."""
        dialog = cls(manager, locale, opener=opener, previous=previous, parent=parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.summary
            return None
        finally:
            dialog.deleteLater()
