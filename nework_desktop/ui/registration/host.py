"""What a registration page may ask of the dialog that holds it (:class:`Host`).

The pages own their controls and their part of the conversation with the service; the dialog
(:class:`~nework_desktop.ui.registration.dialog.RegistrationDialog`) owns what they share: the
one busy state, the error line, which page is shown, the worker tasks and the end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from nework_desktop.core.account_store import AccountSummary
    from nework_desktop.net.service import CodeRequest
    from nework_desktop.services.account import AccountManager

__all__ = [
    "PAGE_BROWSER",
    "PAGE_CHOOSE",
    "PAGE_CODE",
    "Host",
    "OnDone",
    "OnError",
    "Opener",
    "Work",
]

#: The pages, in the order of the dialog's stack.
PAGE_CHOOSE = 0
PAGE_CODE = 1
PAGE_BROWSER = 2

#: Opens a URL in the system browser; False if it did not.
Opener = Callable[[str], bool]
#: :meth:`Host.run`'s work (called in a worker thread) and what becomes of its result or error
#: (called on the UI thread).
Work = Callable[[], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[Exception], None]


class Host(Protocol):
    """The dialog, as its pages see it."""

    manager: AccountManager
    ui_locale: str

    @property
    def busy(self) -> bool: ...

    def set_busy(self, busy: bool, *, bar: bool = True) -> None:
        """Everything that starts work is disabled while busy; ``bar``: show the busy bar."""

    def run(self, work: Work, on_done: OnDone, on_error: OnError) -> None:
        """``work()`` in a worker thread; its result or error back on the UI thread."""

    def show_error(self, exc: BaseException | None, text: str | None = None) -> None:
        """Show a problem (``None``: clear it)."""

    def error_text(self, exc: BaseException) -> str:
        """The user-facing sentence for an error."""
        ...

    def show_page(self, index: int) -> None: ...

    def code_sent(self, request: CodeRequest) -> None:
        """A code was sent (first time or again): on to the code page."""

    def back_to_address(self) -> None:
        """Back to the first page, the address kept."""

    def provider_failed(self, exc: Exception) -> None:
        """A provider sign-in ended without an account: back to the first page."""

    def signed_in(self, summary: AccountSummary) -> None:
        """The user has an account: the dialog closes."""
