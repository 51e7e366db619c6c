"""One provider sign-in, start to end (:class:`OAuthFlow`).

1. the provider's endpoints come from :data:`~.providers.PROVIDERS` (or from its discovery
   document when the issuer is overridden: :func:`~.endpoints.discover`); the ID token
   algorithms to accept are fixed here (:func:`~.jose.accepted_algorithms`) -- none in common
   means a misconfigured provider, found before the browser opens;
2. a :class:`~.listener.LoopbackListener` opens for the redirect;
3. the system browser opens the authorization URL with PKCE S256 (RFC 7636), a fresh ``state``
   and a fresh ``nonce``, plus the provider's own parameters from its table entry (Apple's
   ``response_mode=form_post``, Microsoft's ``prompt``);
4. the redirect: its ``state`` must match; when the provider supports RFC 9207 its ``iss`` must
   be the issuer (a present ``iss`` is always compared);
5. the code is exchanged at the token endpoint together with the PKCE verifier;
6. the ID token is validated (:func:`~.idtoken.validate_id_token`), keys from the run's
   :class:`~.jose.KeyCache` (one refetch when its ``kid`` is unknown);
7. no ``email`` in the ID token: it is read from the userinfo endpoint with the access token
   (OpenID Core §5.3), whose ``sub`` must be the ID token's.

Only the validated ID token and the e-mail leave this module (the ID token is exchanged for a
NeWork session by :class:`~nework_desktop.services.account.AccountManager`); the provider's own
access and refresh tokens are dropped at once: the app has no further use for them, so they are
never stored.  Every failure of a provider endpoint names the provider
(:class:`~.errors.ProviderError`).
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from nework_desktop.net.errors import AuthError, RequestRejected, ServiceError
from nework_desktop.net.http import MAX_TOKEN_LENGTH, Fields, HttpClient, check_url
from nework_desktop.net.oauth.endpoints import Endpoints, discover
from nework_desktop.net.oauth.errors import (
    STAGE_DISCOVERY,
    STAGE_KEYS,
    STAGE_TOKEN,
    STAGE_USERINFO,
    OAuthCancelled,
    OAuthError,
    ProviderBadReply,
    ProviderDeniedError,
    ProviderError,
    ProviderMisconfigured,
    ProviderUnavailable,
    provider_failure,
)
from nework_desktop.net.oauth.idtoken import Pkce, validate_id_token
from nework_desktop.net.oauth.jose import KeyCache, accepted_algorithms, key_list
from nework_desktop.net.oauth.providers import Provider

if TYPE_CHECKING:  # the listener (http.server, ssl: ~15 ms) is imported by prepare()
    from nework_desktop.net.oauth.listener import Callback, LoopbackListener

log = logging.getLogger("nework.oauth")

DEFAULT_FLOW_TIMEOUT = 300.0
#: Token endpoint errors that say the client is not set up at the provider (no retry helps).
CLIENT_SETUP_ERRORS = frozenset({"invalid_client", "unauthorized_client", "unsupported_grant_type"})

__all__ = ["DEFAULT_FLOW_TIMEOUT", "Endpoints", "OAuthFlow", "OAuthResult", "discover"]


@dataclass(frozen=True)
class OAuthResult:
    """A validated sign-in.  ``id_token`` is handed to the NeWork service, then dropped."""

    provider: str
    id_token: str = field(repr=False)
    subject: str = field(repr=False)
    email: str = field(repr=False)


def _email(value: object) -> str:
    return value if isinstance(value, str) and 0 < len(value) <= 320 and "@" in value else ""


class OAuthFlow:
    """One sign-in with one provider.  :meth:`run` blocks: call it from a worker thread."""

    def __init__(
        self,
        provider: Provider,
        http: HttpClient,
        *,
        timeout: float = DEFAULT_FLOW_TIMEOUT,
        clock: Callable[[], float] = time.time,
        keys: KeyCache | None = None,
    ) -> None:
        if not provider.available or provider.client_id is None:
            raise ProviderUnavailable(f"{provider.id} is not configured")
        self.provider = provider
        self.client_id: str = provider.client_id
        self._http = http
        self.timeout = timeout
        self._clock = clock
        self._keys = keys or KeyCache()
        self._cancelled = threading.Event()
        self._pkce = Pkce.create()
        self.state = secrets.token_urlsafe(32)
        self.nonce = secrets.token_urlsafe(32)
        self._listener: LoopbackListener | None = None
        self._endpoints: Endpoints | None = None
        self.algorithms: tuple[str, ...] = ()
        self.authorization_url: str | None = None

    @property
    def name(self) -> str:
        """The provider's name, as errors give it."""
        return self.provider.display_name

    def _call(self, stage: str, method: str, url: str, **kwargs: Any) -> Fields:
        """One request to the provider; its failure names the provider and the stage."""
        try:
            return self._http.request(method, url, **kwargs).json(f"{stage} reply")
        except ServiceError as exc:
            raise provider_failure(exc, provider=self.name, stage=stage) from None

    # -- steps --------------------------------------------------------------------------------

    def endpoints(self) -> Endpoints:
        if self._endpoints is None:
            spec = self.provider.spec
            if self.provider.discover:
                assert spec.issuer is not None
                endpoints = discover(self._http, spec.issuer, spec)
            else:
                endpoints = Endpoints.from_spec(spec)
            algorithms = accepted_algorithms(
                endpoints.algorithms, client_secret=bool(self.provider.client_secret)
            )
            if not algorithms:
                offered = ", ".join(endpoints.algorithms or ())[:80]
                raise ProviderMisconfigured(
                    f"the provider signs ID tokens only with algorithms the app does not accept "
                    f"({offered})",
                    provider=self.name,
                    stage=STAGE_DISCOVERY,
                )
            self.algorithms = algorithms
            self._endpoints = endpoints
        return self._endpoints

    def prepare(self) -> str:
        """Open the listener and return the authorization URL to open in the browser."""
        if self._cancelled.is_set():
            raise OAuthCancelled()
        endpoints = self.endpoints()
        try:
            check_url(endpoints.authorization_endpoint)
        except ServiceError as exc:
            raise provider_failure(exc, provider=self.name, stage=STAGE_DISCOVERY) from None
        from nework_desktop.net.oauth.listener import LoopbackListener

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

    def _check_issuer(self, callback: Callback) -> None:
        """RFC 9207: the redirect's ``iss`` is the issuer (required when the provider says so)."""
        endpoints = self.endpoints()
        if not callback.iss and not endpoints.iss_parameter:
            return
        template = self.provider.spec.issuer_template
        if template and not self.provider.discover:  # a tenant's issuer: its form, at least
            pattern = re.escape(template).replace(re.escape("{tenantid}"), "[0-9a-fA-F-]{1,64}")
            if re.fullmatch(pattern, callback.iss):
                return
        elif hmac.compare_digest(callback.iss.encode(), endpoints.issuer.encode()):
            return
        raise OAuthError(
            "the browser came back from another issuer (the redirect's iss does not match)"
        )

    def wait_for_code(self) -> str:
        if self._listener is None:
            raise OAuthError("the sign-in was not prepared")
        from nework_desktop.net.oauth.listener import STATE_MISMATCH

        callback = self._listener.wait(self.timeout, self._cancelled)
        if callback.error == STATE_MISMATCH:
            raise OAuthError(
                "the browser came back from another sign-in (its state does not match this one)"
            )
        self._check_issuer(callback)
        if callback.error:
            if callback.error == "access_denied":
                raise ProviderDeniedError()
            raise ProviderDeniedError(
                f"the provider answered {callback.error[:64]!r}"
                + (f": {callback.error_description}" if callback.error_description else "")
            )
        return callback.code

    def _exchange(self, code: str) -> Fields:
        if self._cancelled.is_set():
            raise OAuthCancelled()
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
            reply = self._http.request("POST", self.endpoints().token_endpoint, form=form)
            fields = reply.json("token reply")
        except (RequestRejected, AuthError) as exc:
            code_name = exc.code if isinstance(exc, RequestRejected) else "unauthorized"
            raise ProviderError(
                f"the provider refused the sign-in code ({code_name or exc.status})",
                provider=self.name,
                stage=STAGE_TOKEN,
                status=exc.status,
                retry_helps=code_name not in CLIENT_SETUP_ERRORS,
            ) from None
        except ServiceError as exc:
            raise provider_failure(exc, provider=self.name, stage=STAGE_TOKEN) from None
        token_type = fields.text("token_type", max_len=32, required=False) or "Bearer"
        if token_type.lower() != "bearer":
            raise ProviderBadReply(
                "the token reply's token_type is not Bearer",
                provider=self.name,
                stage=STAGE_TOKEN,
                retry_helps=False,
            )
        return fields

    def _id_token(self, fields: Fields) -> str:
        try:
            return fields.text("id_token", max_len=MAX_TOKEN_LENGTH)
        except ServiceError as exc:
            raise provider_failure(exc, provider=self.name, stage=STAGE_TOKEN) from None

    def _load_keys(self) -> list[dict[str, Any]]:
        reply = self._call(STAGE_KEYS, "GET", self.endpoints().jwks_uri)
        try:
            return key_list(reply.data)
        except ServiceError as exc:
            raise provider_failure(exc, provider=self.name, stage=STAGE_KEYS) from None

    def validate(self, id_token: str) -> dict[str, Any]:
        """The ID token's claims, every check passed (:func:`~.idtoken.validate_id_token`)."""
        endpoints = self.endpoints()
        spec = self.provider.spec
        if self.provider.discover:
            spec = replace(spec, issuer=endpoints.issuer)
        return validate_id_token(
            id_token,
            spec=spec,
            client_id=self.client_id,
            nonce=self.nonce,
            jwks=self._keys.fetcher(endpoints.jwks_uri, self._load_keys),
            client_secret=self.provider.client_secret,
            algorithms=self.algorithms,
            now=self._clock(),
        )

    def userinfo_email(self, access_token: str, subject: str) -> str:
        """The e-mail from the userinfo endpoint ("" when there is none, or no endpoint)."""
        url = self.endpoints().userinfo_endpoint
        if not url or not access_token:
            return ""
        reply = self._call(
            STAGE_USERINFO, "GET", url, headers={"Authorization": f"Bearer {access_token}"}
        )
        if reply.data.get("sub") != subject:  # OpenID Core §5.3.2: the same End-User
            raise ProviderBadReply(
                "the userinfo answer is about another user",
                provider=self.name,
                stage=STAGE_USERINFO,
                retry_helps=False,
            )
        return _email(reply.data.get("email"))

    def complete(self, code: str) -> OAuthResult:
        """Exchange, validate, and read the e-mail (from the ID token, else from userinfo)."""
        fields = self._exchange(code)
        id_token = self._id_token(fields)
        claims = self.validate(id_token)
        subject = str(claims["sub"])
        email = _email(claims.get("email")) or _email(claims.get("preferred_username"))
        if not email:
            access = fields.text("access_token", max_len=MAX_TOKEN_LENGTH, required=False)
            email = self.userinfo_email(access, subject)
        # The provider's access and refresh tokens go out of scope here, unstored.
        return OAuthResult(self.provider.id, id_token, subject, email)

    def run(self, open_browser: Callable[[str], object]) -> OAuthResult:
        """The whole flow; ``open_browser(url)`` shows the authorization page to the user."""
        try:
            url = self.prepare()
            log.info("sign-in with %s: waiting for the browser", self.provider.id)
            open_browser(url)
            result = self.complete(self.wait_for_code())
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
