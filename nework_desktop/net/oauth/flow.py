"""One provider sign-in, start to end (:class:`OAuthFlow`).

1. the provider's endpoints come from :data:`~.providers.PROVIDERS` (or from its discovery
   document when the issuer is overridden for development);
2. a :class:`~.listener.LoopbackListener` opens for the redirect;
3. the system browser opens the authorization URL with PKCE S256 (RFC 7636), a fresh ``state``
   and a fresh ``nonce``;
4. the code is exchanged at the token endpoint together with the PKCE verifier;
5. the ID token is validated (:func:`~.idtoken.validate_id_token`).

Only the validated ID token leaves this module (it is exchanged for a NeWork session by
:class:`~nework_desktop.services.account.AccountManager`); the provider's own access and refresh
tokens are dropped at once: the app has no use for them, so they are never stored.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode, urlsplit

from nework_desktop.net.errors import AuthError, BadReplyError, RequestRejected
from nework_desktop.net.http import MAX_TOKEN_LENGTH, HttpClient, check_url
from nework_desktop.net.oauth.errors import (
    OAuthCancelled,
    OAuthError,
    ProviderDeniedError,
    ProviderUnavailable,
)
from nework_desktop.net.oauth.idtoken import Pkce, validate_id_token
from nework_desktop.net.oauth.listener import STATE_MISMATCH, LoopbackListener
from nework_desktop.net.oauth.providers import Provider

log = logging.getLogger("nework.oauth")

DEFAULT_FLOW_TIMEOUT = 300.0


@dataclass(frozen=True)
class Endpoints:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


@dataclass(frozen=True)
class OAuthResult:
    """A validated sign-in.  ``id_token`` is handed to the NeWork service, then dropped."""

    provider: str
    id_token: str = field(repr=False)
    subject: str = field(repr=False)
    email: str = field(repr=False)


def discover(http: HttpClient, issuer: str) -> Endpoints:
    """Read ``<issuer>/.well-known/openid-configuration`` and check what it says."""
    reply = http.request("GET", f"{issuer}/.well-known/openid-configuration").json(
        "provider configuration"
    )
    if reply.text("issuer", max_len=2048) != issuer:
        raise BadReplyError("the provider configuration names another issuer")
    endpoints = Endpoints(
        issuer=issuer,
        authorization_endpoint=reply.text("authorization_endpoint", max_len=2048),
        token_endpoint=reply.text("token_endpoint", max_len=2048),
        jwks_uri=reply.text("jwks_uri", max_len=2048),
    )
    methods = reply.text_list("code_challenge_methods_supported", required=False)
    if methods and "S256" not in methods:
        raise BadReplyError("the provider does not support PKCE S256")
    for url in (endpoints.authorization_endpoint, endpoints.token_endpoint, endpoints.jwks_uri):
        check_url(url)
    return endpoints


class OAuthFlow:
    """One sign-in with one provider.  :meth:`run` blocks: call it from a worker thread."""

    def __init__(
        self,
        provider: Provider,
        http: HttpClient,
        *,
        timeout: float = DEFAULT_FLOW_TIMEOUT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not provider.available or provider.client_id is None:
            raise ProviderUnavailable(f"{provider.id} is not configured")
        self.provider = provider
        self.client_id: str = provider.client_id
        self._http = http
        self.timeout = timeout
        self._clock = clock
        self._cancelled = threading.Event()
        self._pkce = Pkce.create()
        self.state = secrets.token_urlsafe(32)
        self.nonce = secrets.token_urlsafe(32)
        self._listener: LoopbackListener | None = None
        self._endpoints: Endpoints | None = None
        self._jwks: list[dict[str, Any]] | None = None
        self.authorization_url: str | None = None

    # -- steps --------------------------------------------------------------------------------

    def endpoints(self) -> Endpoints:
        if self._endpoints is None:
            spec = self.provider.spec
            if self.provider.discover:
                assert spec.issuer is not None
                self._endpoints = discover(self._http, spec.issuer)
            else:
                assert spec.authorization_endpoint and spec.token_endpoint and spec.jwks_uri
                self._endpoints = Endpoints(
                    spec.issuer or spec.issuer_template or "",
                    spec.authorization_endpoint,
                    spec.token_endpoint,
                    spec.jwks_uri,
                )
        return self._endpoints

    def prepare(self) -> str:
        """Open the listener and return the authorization URL to open in the browser."""
        if self._cancelled.is_set():
            raise OAuthCancelled()
        endpoints = self.endpoints()
        check_url(endpoints.authorization_endpoint)
        self._listener = LoopbackListener(self.state)
        spec = self.provider.spec
        params = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self._listener.redirect_uri,
            "scope": " ".join(spec.scopes),
            "state": self.state,
            "nonce": self.nonce,
            "code_challenge": self._pkce.challenge,
            "code_challenge_method": "S256",
            **dict(spec.extra_params),
        }
        if spec.response_mode:
            params["response_mode"] = spec.response_mode
        sep = "&" if urlsplit(endpoints.authorization_endpoint).query else "?"
        self.authorization_url = f"{endpoints.authorization_endpoint}{sep}{urlencode(params)}"
        return self.authorization_url

    @property
    def redirect_uri(self) -> str | None:
        return self._listener.redirect_uri if self._listener else None

    def wait_for_code(self) -> str:
        if self._listener is None:
            raise OAuthError("the sign-in was not prepared")
        callback = self._listener.wait(self.timeout, self._cancelled)
        if callback.error == STATE_MISMATCH:
            raise OAuthError(
                "the browser came back from another sign-in (its state does not match this one)"
            )
        if callback.error:
            if callback.error == "access_denied":
                raise ProviderDeniedError()
            raise ProviderDeniedError(
                f"the provider answered {callback.error[:64]!r}"
                + (f": {callback.error_description}" if callback.error_description else "")
            )
        return callback.code

    def exchange(self, code: str) -> str:
        """Trade the code (and the PKCE verifier) for tokens; return the raw ID token."""
        if self._cancelled.is_set():
            raise OAuthCancelled()
        endpoints = self.endpoints()
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.redirect_uri or "",
            "client_id": self.client_id,
            "code_verifier": self._pkce.verifier,
        }
        if self.provider.client_secret:
            form["client_secret"] = self.provider.client_secret
        try:
            reply = self._http.request("POST", endpoints.token_endpoint, form=form).json(
                "token reply"
            )
        except (RequestRejected, AuthError) as exc:
            code_name = exc.code if isinstance(exc, RequestRejected) else "unauthorized"
            raise OAuthError(f"the provider refused the sign-in code ({code_name})") from None
        token_type = reply.text("token_type", max_len=32, required=False) or "Bearer"
        if token_type.lower() != "bearer":
            raise BadReplyError("the token reply's token_type is not Bearer")
        # access_token / refresh_token of the provider are deliberately not kept.
        return reply.text("id_token", max_len=MAX_TOKEN_LENGTH)

    def _fetch_jwks(self, refresh: bool) -> list[dict[str, Any]]:
        if self._jwks is None or refresh:
            reply = self._http.request("GET", self.endpoints().jwks_uri).json("key set")
            keys = reply.data.get("keys")
            if not isinstance(keys, list) or len(keys) > 100:
                raise BadReplyError("the provider's key set has no keys")
            self._jwks = [k for k in keys if isinstance(k, dict)]
        return self._jwks

    def validate(self, id_token: str) -> OAuthResult:
        spec = self.provider.spec
        if self.provider.discover:
            spec = replace(spec, issuer=self.endpoints().issuer)
        claims = validate_id_token(
            id_token,
            spec=spec,
            client_id=self.client_id,
            nonce=self.nonce,
            jwks=self._fetch_jwks,
            client_secret=self.provider.client_secret,
            now=self._clock(),
        )
        email = claims.get("email") or claims.get("preferred_username") or ""
        email = email if isinstance(email, str) and len(email) <= 320 else ""
        return OAuthResult(self.provider.id, id_token, str(claims["sub"]), email)

    def run(self, open_browser: Callable[[str], object]) -> OAuthResult:
        """The whole flow; ``open_browser(url)`` shows the authorization page to the user."""
        try:
            url = self.prepare()
            log.info("sign-in with %s: waiting for the browser", self.provider.id)
            open_browser(url)
            code = self.wait_for_code()
            result = self.validate(self.exchange(code))
            log.info("sign-in with %s: ID token verified", self.provider.id)
            return result
        finally:
            self.close()

    def cancel(self) -> None:
        """Stop waiting (from any thread); :meth:`run` raises :class:`OAuthCancelled`."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
