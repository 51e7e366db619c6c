"""The signed-in account: registration, restart, refresh and sign-out (policy Art. 3).

What lives where
----------------
* the NeWork session's tokens -- :data:`SECRET_ACCESS` and :data:`SECRET_REFRESH` -- only in the
  :class:`~nework_desktop.core.secrets.SecretStore` (the OS keyring, which remembers what it
  stored for the uninstall wipe; memory only when there is no keyring);
* the account summary -- provider, masked e-mail, time of sign-in, whether the tokens are kept
  across restarts -- in ``paths.data / "account.json"`` (:mod:`core.account_store`): the only
  account data on disk;
* the full e-mail address and the user id only in memory, for this run.

A provider sign-in ends in a NeWork session too: the provider's validated ID token is exchanged
with the service (``/auth/oauth``) and the provider's own tokens are dropped (see
:mod:`nework_desktop.net.oauth`).  When the ID token carries no e-mail (OpenID's default), the
flow reads it from the provider's userinfo endpoint with the provider's access token, which is
dropped right after; the summary shows the address masked, as for an e-mail registration.
That is why there is no ``oauth:<provider>:…`` entry: the app stores the fewest secrets that
keep the user signed in (an OAuth session's keyring entries are the NeWork session's two).

Restart: :meth:`AccountManager.restore` renews the session with the stored refresh token.  No
refresh token (memory-only last time, or removed from the keyring) or a refused one means "sign
in again"; an unreachable service keeps the user signed in, offline.

This module has no Qt: the registration dialog calls it from worker threads, so every method that
touches the state holds one lock.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from nework_desktop.core.account_store import (
    AccountSummary,
    account_path,
    mask_email,
    read_summary,
    validate_email,
    write_summary,
)
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SecretStore
from nework_desktop.net.errors import AuthError, InvalidEmailError, ServiceError
from nework_desktop.net.oauth.errors import ProviderUnavailable
from nework_desktop.net.oauth.jose import KeyCache
from nework_desktop.net.oauth.providers import Provider
from nework_desktop.net.service import CodeRequest, ServiceClient, Session

if TYPE_CHECKING:  # the flow (discovery, ID token checks) is imported when a sign-in starts
    from nework_desktop.net.oauth.flow import OAuthFlow

log = logging.getLogger("nework.account")

SECRET_ACCESS = "session:access_token"
SECRET_REFRESH = "session:refresh_token"
SECRET_NAMES = (SECRET_ACCESS, SECRET_REFRESH)
#: Renew the access token this many seconds before it expires.
REFRESH_MARGIN = 60.0

T = TypeVar("T")


# -- the manager ---------------------------------------------------------------------------------


class SignInStatus(enum.Enum):
    SIGNED_IN = "signed-in"
    SIGNED_OUT = "signed-out"
    #: There was an account, but its session cannot be resumed (memory-only or refused).
    SIGN_IN_AGAIN = "sign-in-again"


@dataclass(frozen=True)
class RestoreResult:
    status: SignInStatus
    summary: AccountSummary | None
    #: Signed in, but the service could not be reached to renew the session.
    offline: bool = False
    reason: str = ""


@dataclass(frozen=True)
class SignOutResult:
    service_told: bool
    error: str = ""


class AccountManager:
    """Sign-in state, with the tokens in the SecretStore.  Build once, pass on."""

    def __init__(
        self,
        paths: AppPaths,
        secrets: SecretStore,
        client: ServiceClient,
        *,
        providers: Sequence[Provider] = (),
        flow_timeout: float | None = None,  # None: the flow's DEFAULT_FLOW_TIMEOUT
        monotonic: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.paths = paths
        self.secrets = secrets
        self.client = client
        self.providers: tuple[Provider, ...] = tuple(providers)
        self.flow_timeout = flow_timeout
        self._monotonic = monotonic
        self._now = now
        self._lock = threading.RLock()
        self._signed_in = False
        self._access_expires: float = 0.0
        #: The access token as last stored or read (None: read it from the keyring when asked).
        #: The workspace asks for it on every request to the service, on the UI thread: a
        #: keyring round trip (D-Bus, Credential Manager) each time would stall it.
        self._access: str | None = None
        self._email: str = ""
        #: The providers' signing keys fetched so far (a rotation costs one refetch).
        self.provider_keys = KeyCache()

    # -- state ----------------------------------------------------------------------------------

    @property
    def summary(self) -> AccountSummary | None:
        return read_summary(self.paths)

    @property
    def signed_in(self) -> bool:
        with self._lock:
            return self._signed_in

    @property
    def persistent(self) -> bool:
        """False when no keyring exists: the user will have to sign in again next time."""
        return self.secrets.persistent

    @property
    def email(self) -> str:
        """The full address of this run's sign-in (memory only; "" after a restart)."""
        return self._email

    def provider(self, provider_id: str) -> Provider:
        for provider in self.providers:
            if provider.id == provider_id:
                return provider
        raise ProviderUnavailable(f"unknown provider {provider_id!r}")

    # -- restart ----------------------------------------------------------------------------------

    def restore(self, *, renew: bool = True) -> RestoreResult:
        """At start: resume the stored session if there is one.

        With ``renew=False`` no request is made: the session counts as signed in and is renewed
        on first use (the app starts without network on its startup path).
        """
        with self._lock:
            summary = read_summary(self.paths)
            refresh = self.secrets.get(SECRET_REFRESH)
            if summary is None:
                if refresh is not None or self.secrets.get(SECRET_ACCESS) is not None:
                    log.info("session tokens without an account summary: removed")
                    self._delete_tokens()
                return RestoreResult(SignInStatus.SIGNED_OUT, None)
            if refresh is None:
                log.info("account on record but no stored session: sign in again")
                return RestoreResult(SignInStatus.SIGN_IN_AGAIN, summary, reason="no-session")
            if not renew:
                self._signed_in = True
                self._access_expires = 0.0
                log.info("session on record (%s): renewed on first use", summary.provider)
                return RestoreResult(SignInStatus.SIGNED_IN, summary)
            try:
                session = self.client.refresh(refresh)
            except AuthError:
                log.info("the service no longer accepts the session: sign in again")
                self._delete_tokens()
                return RestoreResult(SignInStatus.SIGN_IN_AGAIN, summary, reason="expired")
            except ServiceError as exc:
                log.warning("session not renewed (%s): signed in, offline", type(exc).__name__)
                self._signed_in = True
                self._access_expires = 0.0
                return RestoreResult(SignInStatus.SIGNED_IN, summary, offline=True)
            self._store(session)
            self._signed_in = True
            log.info("session resumed (%s)", summary.provider)
            return RestoreResult(SignInStatus.SIGNED_IN, summary)

    # -- e-mail registration ----------------------------------------------------------------------

    def request_email_code(self, email: str, locale: str = "en") -> CodeRequest:
        try:
            address = validate_email(email)
        except ValueError:
            raise InvalidEmailError() from None
        request = self.client.request_email_code(address, locale)
        log.info("one-time code requested for %s", mask_email(address))
        return request

    def verify_email_code(self, request: CodeRequest, code: str) -> AccountSummary:
        session = self.client.verify_email_code(request.request_id, code.strip())
        return self._signed_in_with(session, request.email)

    # -- provider sign-in -------------------------------------------------------------------------

    def begin_oauth(self, provider_id: str) -> OAuthFlow:
        """A flow for ``provider_id`` (cancel it from any thread); run it with finish_oauth."""
        from nework_desktop.net.oauth.flow import DEFAULT_FLOW_TIMEOUT, OAuthFlow

        return OAuthFlow(
            self.provider(provider_id),
            self.client.http,
            timeout=DEFAULT_FLOW_TIMEOUT if self.flow_timeout is None else self.flow_timeout,
            keys=self.provider_keys,
        )

    def finish_oauth(
        self, flow: OAuthFlow, open_browser: Callable[[str], object]
    ) -> AccountSummary:
        """Run the flow (blocks until the browser comes back) and open a NeWork session."""
        result = flow.run(open_browser)
        session = self.client.sign_in_oauth(result.provider, result.id_token)
        return self._signed_in_with(session, result.email or session.account.email)

    # -- tokens -----------------------------------------------------------------------------------

    def access_token(self) -> str | None:
        """A valid access token (renewed when about to expire), or None when signed out."""
        with self._lock:
            if not self._signed_in:
                return None
            if self.needs_renewal():
                with contextlib.suppress(ServiceError):
                    self.refresh()
            if not self._signed_in:
                return None
            if self._access is None:
                self._access = self.secrets.get(SECRET_ACCESS)
            return self._access

    def needs_renewal(self) -> bool:
        """Whether :meth:`access_token` would renew the session first (a request)."""
        with self._lock:
            return self._signed_in and self._monotonic() >= self._access_expires - REFRESH_MARGIN

    def refresh(self) -> None:
        """Renew the tokens.  AuthError (session refused) signs out locally and re-raises."""
        with self._lock:
            token = self.secrets.get(SECRET_REFRESH)
            if token is None:
                self._signed_in = False
                raise AuthError("there is no session to renew")
            try:
                session = self.client.refresh(token)
            except AuthError:
                self._delete_tokens()
                self._signed_in = False
                raise
            self._store(session)

    def call(self, request: Callable[[str | None], T]) -> T:
        """Run ``request(access_token)``; on AuthError renew once and try again."""
        try:
            return request(self.access_token())
        except AuthError:
            if not self.signed_in:
                raise
            self.refresh()
            return request(self.access_token())

    # -- sign-out ---------------------------------------------------------------------------------

    def sign_out(self, *, tell_service: bool = True) -> SignOutResult:
        """Tell the service (best effort), then delete the tokens and the summary."""
        with self._lock:
            access = self.secrets.get(SECRET_ACCESS)
            refresh = self.secrets.get(SECRET_REFRESH)
            told = False
            error = ""
            if tell_service and (access or refresh):
                try:
                    self.client.sign_out(access, refresh)
                    told = True
                except ServiceError as exc:
                    error = str(exc)
                    log.warning("the service was not told about the sign-out: %s", exc)
            self._delete_tokens()
            with contextlib.suppress(FileNotFoundError):
                account_path(self.paths).unlink()
            self._signed_in = False
            self._email = ""
            self._access_expires = 0.0
            log.info("signed out")
            return SignOutResult(told, error)

    def forget(self) -> None:
        """Drop the in-memory session without touching disk or keyring (before a local wipe,
        which deletes those itself)."""
        with self._lock:
            self.secrets.clear_memory()
            self._signed_in = False
            self._email = ""
            self._access = None
            self._access_expires = 0.0

    # -- internals --------------------------------------------------------------------------------

    def _signed_in_with(self, session: Session, email: str) -> AccountSummary:
        with self._lock:
            self._store(session)
            summary = AccountSummary(
                provider=session.account.provider,
                masked_email=mask_email(email or session.account.email),
                signed_in_at=self._now().isoformat(timespec="seconds"),
                persistent=self.secrets.persistent,
            )
            write_summary(self.paths, summary)
            self._signed_in = True
            self._email = email or session.account.email
            log.info(
                "signed in with %s as %s%s",
                summary.provider,
                summary.masked_email,
                "" if summary.persistent else " (memory only: no keyring)",
            )
            return summary

    def _store(self, session: Session) -> None:
        self.secrets.set(SECRET_REFRESH, session.refresh_token)
        self.secrets.set(SECRET_ACCESS, session.access_token)
        self._access = session.access_token
        self._access_expires = self._monotonic() + session.expires_in

    def _delete_tokens(self) -> None:
        self._access = None
        for name in SECRET_NAMES:
            try:
                self.secrets.delete(name)
            except Exception as exc:
                log.error("keyring entry %s not deleted: %s", name, type(exc).__name__)
