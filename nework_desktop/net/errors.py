"""What can go wrong talking to a server, as exception classes the UI translates one by one.

``ServiceError`` → ``OfflineError``, ``ServerError``, ``BadReplyError``, ``AuthError``,
``RateLimitedError``, ``BlockedError``, ``TLSError``, ``RequestRejected`` (a 4xx with an error code;
the e-mail flow's ``InvalidCodeError`` & co. derive from it).  ``str(exc)`` is a plain-English
sentence for logs and the "Details" box; the UI shows its own translated text per class.
Tokens never appear in an exception, a ``repr`` or a log line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class ServiceError(Exception):
    """Something went wrong talking to a server.  ``str()`` is a plain-English sentence."""

    default_message = "The NeWork service could not be used."

    def __init__(self, message: str | None = None, *, status: int | None = None) -> None:
        super().__init__(message or self.default_message)
        self.status = status

    @property
    def message(self) -> str:
        return str(self)


class OfflineError(ServiceError):
    default_message = "The NeWork service cannot be reached. Check the internet connection."


class TLSError(ServiceError):
    default_message = "A secure connection to the server could not be established."


class ServerError(ServiceError):
    default_message = "The NeWork service has a problem. Please try again later."


class BadReplyError(ServiceError):
    default_message = "The server sent a reply the app does not understand."


class AuthError(ServiceError):
    default_message = "The sign-in is no longer valid. Please sign in again."


class BlockedError(ServiceError):
    default_message = "The app refused to contact this address."


class RateLimitedError(ServiceError):
    default_message = "Too many requests. Please wait a moment and try again."

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = 429,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class RequestRejected(ServiceError):
    """A 4xx reply with an error code (``{"error": "<code>", "message": …}``)."""

    default_message = "The service rejected the request."

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = 400,
        code: str = "",
        body: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message, status=status)
        self.code = code
        self.body: Mapping[str, Any] = body or {}


class InvalidEmailError(RequestRejected):
    default_message = "The e-mail address is not valid."


class InvalidCodeError(RequestRejected):
    default_message = "The code is not correct."

    @property
    def attempts_left(self) -> int | None:
        value = self.body.get("attempts_left")
        return value if isinstance(value, int) and not isinstance(value, bool) else None


class ExpiredCodeError(RequestRejected):
    default_message = "The code has expired. Request a new code."


class TooManyAttemptsError(RequestRejected):
    default_message = "Too many wrong codes. Request a new code."
