"""The registration dialog's frame: three pages, one busy state, one error line, the end.

The pages (:mod:`.choose`, :mod:`.code`, :mod:`.browser`) own their controls and their calls
to the service; the dialog gives them what they share (:class:`~.host.Host`): every network
call runs in a worker thread (:func:`~nework_desktop.ui.workers.run_task`) whose result comes
back on the UI thread, so the window never freezes and Cancel always works; a problem is shown
right under the field it is about (the error block moves into the page shown), in plain words,
with the technical detail behind "Details".

Enter is the page's main action; Escape goes back, cancels, or quits after a confirmation.
Open it with :meth:`RegistrationDialog.ask` (tests replace it).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.account_store import AccountSummary, mask_email
from nework_desktop.net.errors import (
    AuthError,
    BadReplyError,
    BlockedError,
    ExpiredCodeError,
    InvalidCodeError,
    InvalidEmailError,
    OfflineError,
    RateLimitedError,
    RequestRejected,
    ServerError,
    TLSError,
    TooManyAttemptsError,
)
from nework_desktop.net.oauth.errors import (
    IdTokenError,
    OAuthCancelled,
    OAuthError,
    OAuthTimeout,
    ProviderDeniedError,
    ProviderUnavailable,
)
from nework_desktop.net.service import CodeRequest
from nework_desktop.services.account import AccountManager, RestoreResult
from nework_desktop.ui.dialogs import ask_choice
from nework_desktop.ui.look import apply_window_look
from nework_desktop.ui.registration.browser import BrowserPage
from nework_desktop.ui.registration.choose import ChoosePage
from nework_desktop.ui.registration.code import CodePage
from nework_desktop.ui.registration.errors import ProviderErrorTexts
from nework_desktop.ui.registration.host import (
    PAGE_CHOOSE,
    PAGE_CODE,
    OnDone,
    OnError,
    Opener,
    Work,
)
from nework_desktop.ui.widgets import paint_as_error
from nework_desktop.ui.workers import Task, run_task

__all__ = ["RegistrationDialog", "system_browser"]

log = logging.getLogger("nework.ui.registration")


def system_browser(url: str) -> bool:
    """Open ``url`` in the user's default browser."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


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
        self.summary: AccountSummary | None = None
        self._tasks: list[Task[Any]] = []
        self._declined = False
        self._busy = False
        self.provider_errors = ProviderErrorTexts(self)

        self.setModal(True)
        self.setMinimumWidth(520)
        self.choose = ChoosePage(self, previous, self)
        self.code = CodePage(self, self)
        self.browser = BrowserPage(self, opener or system_browser, self)
        for provider_id, button in self.choose.provider_buttons.items():
            button.clicked.connect(lambda _=False, pid=provider_id: self.browser.start(pid))
        self.pages = QStackedWidget(self)
        for page in (self.choose, self.code, self.browser):  # PAGE_CHOOSE, PAGE_CODE, ...
            self.pages.addWidget(page)

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
        # The error block sits in the page shown, right under its field (show_page moves it).
        self.error_box = QWidget(self)
        box = QVBoxLayout(self.error_box)
        box.setContentsMargins(0, 0, 0, 0)
        errors = QHBoxLayout()
        errors.addWidget(self.error_label, 1)
        errors.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(errors)
        box.addWidget(self.details_label)

        self.quit_button = QPushButton(self)
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.busy_bar)
        layout.addLayout(bottom)

        apply_window_look(self)
        self.retranslate()
        self.show_page(PAGE_CHOOSE)

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register with NeWork"))
        self.choose.retranslate()
        self.code.retranslate()
        self.browser.retranslate()
        self.busy_bar.setAccessibleName(self.tr("Working"))
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.details_button.setText(self.tr("Details"))
        self.details_button.setAccessibleName(self.tr("Details"))
        self.details_button.setAccessibleDescription(self.tr("Show technical details"))
        self.details_label.setAccessibleName(self.tr("Technical details"))
        self.quit_button.setText(self.tr("Quit NeWork"))
        self.quit_button.setAccessibleName(self.tr("Quit NeWork without registering"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def error_text(self, exc: BaseException) -> str:
        """The user-facing sentence for an error (what happened and what to do)."""
        provider = self.browser.provider_name
        if text := self.provider_errors.text(exc, provider):
            return text  # the provider failed, not NeWork: it is named (.errors)
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

    # -- what the pages share ------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def show_page(self, index: int) -> None:
        page = (self.choose, self.code, self.browser)[index]
        page.error_slot.addWidget(self.error_box)  # errors next to this page's field
        self.pages.setCurrentIndex(index)
        page.enter()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool, *, bar: bool = True) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy and bar)
        self.choose.set_busy(busy)
        self.code.set_busy(busy)
        self.browser.set_busy(busy)

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
        paint_as_error(self.error_label)
        self.error_label.setVisible(True)
        detail = f"{type(exc).__name__}: {exc}" if exc is not None else ""
        self.details_label.setText(detail)
        self.details_button.setVisible(bool(detail))
        self.details_label.setVisible(bool(detail) and self.details_button.isChecked())
        if exc is not None:
            log.info("registration problem: %s", detail)

    def _toggle_details(self, shown: bool) -> None:
        self.details_label.setVisible(shown and bool(self.details_label.text()))

    def run(self, work: Work, on_done: OnDone, on_error: OnError) -> None:
        """``work()`` in a worker thread; nothing is delivered once the user quit."""

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

    # -- from one page to another --------------------------------------------------------------

    def code_sent(self, request: CodeRequest) -> None:
        self.set_busy(False)
        self.code.begin(request)
        self.retranslate()
        self.show_page(PAGE_CODE)
        log.info("code page shown for %s", mask_email(request.email))

    def back_to_address(self) -> None:
        self.code.clear()
        self.show_page(PAGE_CHOOSE)
        self.choose.email_edit.selectAll()

    def provider_failed(self, exc: Exception) -> None:
        self.set_busy(False)
        self.show_page(PAGE_CHOOSE)
        self.show_error(exc)
        provider = self.browser.provider
        button = self.choose.provider_buttons.get(provider.id if provider else "")
        if button is not None:
            button.setFocus()

    def signed_in(self, summary: AccountSummary) -> None:
        self.set_busy(False)
        self.summary = summary
        log.info("registration complete (%s)", summary.provider)
        super().accept()

    # -- the end -------------------------------------------------------------------------------

    def confirm_quit(self) -> bool:
        """Ask before quitting without a user ID (Escape, Quit, close).  Tests replace this."""
        return ask_choice(
            self,
            title=self.tr("Quit NeWork?"),
            text=self.tr("NeWork needs a user ID. Quit without registering?"),
            go=self.tr("Quit"),
            go_name=self.tr("Quit NeWork"),
            stay=self.tr("Go back"),
            stay_name=self.tr("Go back to registration"),
        )

    def accept(self) -> None:
        """Only a completed sign-in closes the dialog with "accepted"."""
        if self.summary is not None:
            super().accept()

    def reject(self) -> None:
        """Escape / close: cancel a running provider sign-in first; otherwise quit (confirmed)."""
        if self.browser.flow is not None:
            self.browser.cancel()
            return
        if self.page == PAGE_CODE and not self._busy:
            self.code.use_another_address()
            return
        if self.confirm_quit():
            self._declined = True  # a call still running finishes unheard
            self.code.stop()
            log.info("registration declined")
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton | QToolButton) and focused.isEnabled():
                focused.click()
            elif self.page == PAGE_CHOOSE:
                self.choose.send_code()
            elif self.page == PAGE_CODE:
                self.code.verify_code()
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
