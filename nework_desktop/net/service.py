"""The NeWork service API client (:class:`ServiceClient`) and what its replies hold.

A reference implementation of the service runs in the tests and in the QA tool.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from nework_desktop.net.errors import (
    AuthError,
    BadReplyError,
    ExpiredCodeError,
    InvalidCodeError,
    InvalidEmailError,
    RequestRejected,
    TooManyAttemptsError,
)
from nework_desktop.net.http import MAX_TOKEN_LENGTH, Fields, HttpClient, check_url


@dataclass(frozen=True)
class AccountInfo:
    """Who signed in, as the service says.  ``email`` is personal data: kept in memory only."""

    user_id: str
    provider: str
    email: str = field(repr=False)


@dataclass(frozen=True)
class Session:
    """Tokens from the service.  Never printed: the token fields are left out of ``repr``."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_in: int
    account: AccountInfo


@dataclass(frozen=True)
class CodeRequest:
    """The service sent a one-time code to ``email``."""

    request_id: str
    email: str = field(repr=False)
    expires_in: int
    resend_after: int
    attempts_left: int


@dataclass(frozen=True)
class DeletionReceipt:
    request_id: str
    status: str
    received_at: str


@dataclass(frozen=True)
class ServiceInfo:
    name: str
    version: str


def _session(reply: Fields) -> Session:
    account = reply.obj("account")
    token_type = reply.text("token_type", max_len=32, required=False) or "Bearer"
    if token_type.lower() != "bearer":
        raise BadReplyError("the reply's token_type is not Bearer")
    return Session(
        access_token=reply.text("access_token", max_len=MAX_TOKEN_LENGTH),
        refresh_token=reply.text("refresh_token", max_len=MAX_TOKEN_LENGTH),
        expires_in=reply.integer("expires_in", minimum=1, maximum=366 * 86_400),
        account=AccountInfo(
            user_id=account.text("user_id", max_len=256),
            provider=account.text("provider", max_len=64),
            # A provider sign-in may leave the service without an address (the app has it
            # from the provider's userinfo): "" is not a broken reply.
            email=account.text("email", max_len=320, required=False, allow_empty=True),
        ),
    )


_EMAIL_ERRORS: dict[str, type[RequestRejected]] = {
    "invalid_email": InvalidEmailError,
    "invalid_code": InvalidCodeError,
    "expired_code": ExpiredCodeError,
    "unknown_request": ExpiredCodeError,
    "too_many_attempts": TooManyAttemptsError,
}


def _specific(exc: RequestRejected) -> RequestRejected:
    cls = _EMAIL_ERRORS.get(exc.code)
    if cls is None:
        return exc
    return cls(str(exc), status=exc.status, code=exc.code, body=exc.body)


def _bearer(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


class ServiceClient:
    """The NeWork service API (see ``tests/refservice`` for a reference implementation)."""

    API = "/api/v1"

    def __init__(self, base_url: str, http: HttpClient | None = None) -> None:
        check_url(base_url)
        self.base_url = base_url.rstrip("/")
        self.http = http or HttpClient()

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def _api(self, path: str) -> str:
        return f"{self.base_url}{self.API}{path}"

    def close(self) -> None:
        self.http.close()

    # -- calls ----------------------------------------------------------------------------------

    def health(self) -> ServiceInfo:
        reply = self.http.request("GET", self._api("/health")).json()
        return ServiceInfo(reply.text("name", max_len=100), reply.text("version", max_len=100))

    def request_email_code(self, email: str, locale: str = "en") -> CodeRequest:
        """Ask the service to send a one-time code (not retried: each call sends a mail)."""
        try:
            reply = self.http.request(
                "POST", self._api("/auth/email/code"), json_body={"email": email, "locale": locale}
            ).json()
        except RequestRejected as exc:
            raise _specific(exc) from None
        return CodeRequest(
            request_id=reply.text("request_id", max_len=256),
            email=email,
            expires_in=reply.integer("expires_in", minimum=1, maximum=86_400),
            resend_after=reply.integer("resend_after", maximum=3600, default=0),
            attempts_left=reply.integer("attempts_left", minimum=1, maximum=100),
        )

    def verify_email_code(self, request_id: str, code: str) -> Session:
        try:
            reply = self.http.request(
                "POST",
                self._api("/auth/email/verify"),
                json_body={"request_id": request_id, "code": code},
            ).json()
        except RequestRejected as exc:
            raise _specific(exc) from None
        return _session(reply)

    def sign_in_oauth(self, provider: str, id_token: str) -> Session:
        """Exchange a validated ID token of ``provider`` for a NeWork session."""
        try:
            reply = self.http.request(
                "POST",
                self._api("/auth/oauth"),
                json_body={"provider": provider, "id_token": id_token},
            ).json()
        except RequestRejected as exc:
            raise AuthError(f"the service refused the sign-in ({exc.code or exc.status})") from None
        return _session(reply)

    def refresh(self, refresh_token: str) -> Session:
        """New tokens for a refresh token (rotated).  Retried safely with an Idempotency-Key."""
        try:
            reply = self.http.request(
                "POST",
                self._api("/auth/refresh"),
                json_body={"refresh_token": refresh_token},
                idempotency_key=str(uuid.uuid4()),
            ).json()
        except RequestRejected as exc:
            raise AuthError(f"the session cannot be renewed ({exc.code or exc.status})") from None
        return _session(reply)

    def sign_out(self, access_token: str | None, refresh_token: str | None) -> None:
        body = {"refresh_token": refresh_token} if refresh_token else {}
        self.http.request(
            "POST",
            self._api("/auth/signout"),
            json_body=body,
            headers=_bearer(access_token),
            idempotency_key=str(uuid.uuid4()),
        )

    def account(self, access_token: str) -> AccountInfo:
        reply = self.http.request(
            "GET", self._api("/account"), headers=_bearer(access_token)
        ).json()
        return AccountInfo(
            user_id=reply.text("user_id", max_len=256),
            provider=reply.text("provider", max_len=64),
            email=reply.text("email", max_len=320, required=False),
        )

    def request_deletion(
        self, request_id: str, access_token: str | None = None, *, reason: str = "user_request"
    ) -> DeletionReceipt:
        """Ask the service to delete the account's data (idempotent by ``request_id``)."""
        reply = self.http.request(
            "POST",
            self._api("/deletion-requests"),
            json_body={"request_id": request_id, "reason": reason},
            headers=_bearer(access_token),
            idempotency_key=request_id,
        ).json()
        return DeletionReceipt(
            request_id=reply.text("request_id", max_len=256),
            status=reply.text("status", max_len=64),
            received_at=reply.text("received_at", max_len=64),
        )
