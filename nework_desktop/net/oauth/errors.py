"""How a provider sign-in can fail (each a :class:`~nework_desktop.net.errors.ServiceError`).

Who failed is part of the error: a :class:`ProviderError` names the provider (``provider``) and
the step that failed (``stage``: :data:`STAGE_DISCOVERY`, :data:`STAGE_KEYS`, :data:`STAGE_TOKEN`,
:data:`STAGE_USERINFO`), so the UI never blames the NeWork service for a provider's outage.  The
transport classes stay visible (a provider's 503 is also a ``ServerError``, an unreachable
provider also an ``OfflineError``), so code that only cares about the kind still sees it.

``retry_helps`` tells whether trying again can work: False for a refused algorithm, a provider
that is not set up for this app, or one that is not available at all.
"""

from __future__ import annotations

from nework_desktop.net.errors import (
    BadReplyError,
    BlockedError,
    OfflineError,
    RateLimitedError,
    ServerError,
    ServiceError,
    TLSError,
)

STAGE_DISCOVERY = "discovery"
STAGE_KEYS = "keys"
STAGE_TOKEN = "token"
STAGE_USERINFO = "userinfo"


class OAuthError(ServiceError):
    default_message = "Signing in with the provider did not work."
    #: Can trying again work?  (False: the provider or the app's setup must change first.)
    retry_helps = True


class OAuthCancelled(OAuthError):
    default_message = "Sign-in was cancelled."


class OAuthTimeout(OAuthError):
    default_message = "No answer came from the browser in time."


class ProviderDeniedError(OAuthError):
    default_message = "The provider did not allow the sign-in."


class IdTokenError(OAuthError):
    default_message = "The provider's answer could not be verified."


class AlgorithmRefused(IdTokenError):
    """The ID token is signed with an algorithm the app does not accept (a setup problem)."""

    default_message = "The provider signs its answers in a way the app does not accept."
    retry_helps = False


class ProviderUnavailable(OAuthError):
    default_message = "This sign-in provider is not available."
    retry_helps = False


class ProviderError(OAuthError):
    """One of the provider's endpoints failed (discovery, keys, token or userinfo)."""

    default_message = "The sign-in provider did not answer as expected."

    def __init__(
        self,
        message: str | None = None,
        *,
        provider: str = "",
        stage: str = "",
        status: int | None = None,
        retry_helps: bool = True,
    ) -> None:
        super().__init__(message, status=status)
        self.provider = provider
        self.stage = stage
        self.retry_helps = retry_helps


class ProviderMisconfigured(ProviderError):
    """The provider is not set up the way the app needs (no retry can fix it)."""

    def __init__(self, message: str | None = None, *, provider: str = "", stage: str = "") -> None:
        super().__init__(message, provider=provider, stage=stage, retry_helps=False)


class ProviderOffline(ProviderError, OfflineError):
    """The provider cannot be reached."""


class ProviderTLSError(ProviderError, TLSError):
    """No secure connection to the provider."""


class ProviderServerError(ProviderError, ServerError):
    """The provider answered 5xx (or 429): its problem, for now."""


class ProviderBadReply(ProviderError, BadReplyError):
    """The provider's answer is not what the protocol says (a setup problem: no retry)."""


class ProviderBlocked(ProviderError, BlockedError):
    """The app's rules refuse an address of the provider (plain http, the egress rules)."""


def provider_failure(exc: ServiceError, *, provider: str, stage: str) -> ServiceError:
    """``exc`` from a request to the provider, as the :class:`ProviderError` that names it.

    An error that already names a provider, or one of no transport kind, comes back unchanged.
    """
    if isinstance(exc, OAuthError):
        return exc
    message = str(exc)
    status = exc.status
    if isinstance(exc, OfflineError):
        return ProviderOffline(message, provider=provider, stage=stage, status=status)
    if isinstance(exc, TLSError):
        return ProviderTLSError(message, provider=provider, stage=stage, status=status)
    if isinstance(exc, ServerError | RateLimitedError):
        return ProviderServerError(message, provider=provider, stage=stage, status=status)
    if isinstance(exc, BlockedError):
        return ProviderBlocked(
            message, provider=provider, stage=stage, status=status, retry_helps=False
        )
    if isinstance(exc, BadReplyError):
        return ProviderBadReply(
            message, provider=provider, stage=stage, status=status, retry_helps=False
        )
    return ProviderError(message, provider=provider, stage=stage, status=status)
