"""OAuth 2.0 / OpenID Connect sign-in as a native app should do it (RFC 8252, RFC 7636).

The flow (:class:`OAuthFlow`)
-----------------------------
1. the provider's endpoints come from :data:`PROVIDERS` (or from its discovery document when the
   issuer is overridden for development);
2. a loopback listener (:class:`LoopbackListener`) opens on ``127.0.0.1`` port 0, only for this
   flow, and the redirect URI is ``http://127.0.0.1:<port>/callback`` (RFC 8252 §7.3: an IP
   literal, not ``localhost``);
3. the system browser opens the authorization URL with PKCE S256 (RFC 7636), a fresh ``state``
   and a fresh ``nonce``;
4. the listener serves exactly one callback with the right ``state`` (a request with a wrong
   ``state`` gets 400 and is otherwise ignored, so a stray page cannot end the flow), then closes;
   it gives up after a timeout or when cancelled;
5. the code is exchanged at the token endpoint together with the PKCE verifier;
6. the ID token is validated: signature (RS256 against the provider's JWKS, verified here with
   the standard library -- see :func:`verify_rs256`; HS256 only with a configured client secret),
   issuer, audience (and ``azp``), expiry, issue time and nonce.

Only the validated ID token leaves this module (it is exchanged for a NeWork session by
:class:`~nework_desktop.core.account.AccountManager`); the provider's own access and refresh
tokens are dropped at once: the app has no use for them, so they are never stored.

Providers and configuration
---------------------------
Client ids: preferences (``oauth_client_ids``) or ``NEWORK_OAUTH_<PROVIDER>_CLIENT_ID`` (e.g.
``NEWORK_OAUTH_GOOGLE_CLIENT_ID``); optional ``NEWORK_OAUTH_<PROVIDER>_CLIENT_SECRET`` for
providers that hand "desktop" clients a non-confidential secret (Google).  A provider without a
client id is *unavailable* (shown disabled with the reason), not broken.

Development: ``NEWORK_OAUTH_ISSUER_OVERRIDE=<url>`` points every provider at one OpenID provider
(the reference provider in ``tests/refservice``) through its discovery document; providers then
default to the client id :data:`DEV_CLIENT_ID`.  ``NEWORK_OAUTH_<PROVIDER>_ISSUER`` does the same
for one provider.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
import re
import secrets
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from nework_desktop.core import env
from nework_desktop.net.api import (
    MAX_TOKEN_LENGTH,
    AuthError,
    BadReplyError,
    HttpClient,
    RequestRejected,
    ServiceError,
    check_url,
    parse_json,
)

log = logging.getLogger("nework.oauth")

ENV_ISSUER_OVERRIDE = env.ISSUER_OVERRIDE
DEV_CLIENT_ID = "nework-desktop-dev"
CALLBACK_PATH = "/callback"
DEFAULT_FLOW_TIMEOUT = 300.0
CLOCK_LEEWAY = 120
MAX_CALLBACK_REQUESTS = 50


# -- errors ---------------------------------------------------------------------------------------


class OAuthError(ServiceError):
    default_message = "Signing in with the provider did not work."


class OAuthCancelled(OAuthError):
    default_message = "Sign-in was cancelled."


class OAuthTimeout(OAuthError):
    default_message = "No answer came from the browser in time."


class ProviderDeniedError(OAuthError):
    default_message = "The provider did not allow the sign-in."


class IdTokenError(OAuthError):
    default_message = "The provider's answer could not be verified."


class ProviderUnavailable(OAuthError):
    default_message = "This sign-in provider is not available."


# -- the providers table ----------------------------------------------------------------------


@dataclass(frozen=True)
class ProviderSpec:
    """What the app knows about a provider.  Brand names are not translated."""

    id: str
    display_name: str
    issuer: str | None
    authorization_endpoint: str | None
    token_endpoint: str | None
    jwks_uri: str | None
    scopes: tuple[str, ...] = ("openid", "email")
    #: For multi-tenant issuers: ``{tenantid}`` is replaced by the token's ``tid`` claim.
    issuer_template: str | None = None
    response_mode: str | None = None
    extra_params: tuple[tuple[str, str], ...] = ()
    note: str = ""


PROVIDERS: tuple[ProviderSpec, ...] = (
    ProviderSpec(
        id="google",
        display_name="Google",
        issuer="https://accounts.google.com",
        authorization_endpoint="https://accounts.google.com/o/oauth2/v2/auth",
        token_endpoint="https://oauth2.googleapis.com/token",
        jwks_uri="https://www.googleapis.com/oauth2/v3/certs",
        scopes=("openid", "email"),
        note="desktop client: loopback redirect on 127.0.0.1; the client secret is not secret",
    ),
    ProviderSpec(
        id="docomo_business",
        display_name="ビジネスdアカウント",
        # The OpenID endpoints of business d account are not public knowledge to this project:
        # configure them with NEWORK_OAUTH_DOCOMO_BUSINESS_ISSUER (discovery) once known.
        issuer=None,
        authorization_endpoint=None,
        token_endpoint=None,
        jwks_uri=None,
        scopes=("openid", "email"),
        note="endpoints to be provided by the business d account programme",
    ),
    ProviderSpec(
        id="apple",
        display_name="Apple",
        issuer="https://appleid.apple.com",
        authorization_endpoint="https://appleid.apple.com/auth/authorize",
        token_endpoint="https://appleid.apple.com/auth/token",
        jwks_uri="https://appleid.apple.com/auth/keys",
        scopes=("openid", "email"),
        response_mode="form_post",
        note=(
            "Sign in with Apple accepts only registered https redirect URIs and a client secret "
            "signed by the developer key: in production the service must broker this flow"
        ),
    ),
    ProviderSpec(
        id="microsoft",
        display_name="Microsoft",
        issuer=None,
        issuer_template="https://login.microsoftonline.com/{tenantid}/v2.0",
        authorization_endpoint="https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
        token_endpoint="https://login.microsoftonline.com/common/oauth2/v2.0/token",
        jwks_uri="https://login.microsoftonline.com/common/discovery/v2.0/keys",
        scopes=("openid", "email", "profile"),
        extra_params=(("prompt", "select_account"),),
    ),
)

UNAVAILABLE_NO_CLIENT_ID = "no_client_id"
UNAVAILABLE_NO_ENDPOINTS = "no_endpoints"


@dataclass(frozen=True)
class Provider:
    """A provider as configured for this run."""

    spec: ProviderSpec
    client_id: str | None
    client_secret: str | None = field(default=None, repr=False)
    #: Fetch endpoints from ``<issuer>/.well-known/openid-configuration`` (overridden issuer).
    discover: bool = False

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def display_name(self) -> str:
        return self.spec.display_name

    @property
    def unavailable_reason(self) -> str:
        """ "" when usable, else :data:`UNAVAILABLE_NO_CLIENT_ID` / ``…_NO_ENDPOINTS``."""
        if not self.discover and not (
            (self.spec.issuer or self.spec.issuer_template)
            and self.spec.authorization_endpoint
            and self.spec.token_endpoint
            and self.spec.jwks_uri
        ):
            return UNAVAILABLE_NO_ENDPOINTS
        if not self.client_id:
            return UNAVAILABLE_NO_CLIENT_ID
        return ""

    @property
    def available(self) -> bool:
        return not self.unavailable_reason


def provider_hosts(providers: Iterable[Provider]) -> list[str]:
    """Host names the app itself contacts for these providers (token exchange, keys, discovery).

    The authorization page opens in the system browser, not through the app.
    """
    hosts: set[str] = set()
    for provider in providers:
        spec = provider.spec
        for url in (spec.issuer, spec.token_endpoint, spec.jwks_uri):
            host = urlsplit(url).hostname if url else None
            if host and "{" not in host:
                hosts.add(host.lower())
    return sorted(hosts)


def load_providers(
    client_ids: Mapping[str, str] | None = None, environ: Mapping[str, str] | None = None
) -> list[Provider]:
    """The providers table resolved against the stored client ids and the environment.

    ``client_ids`` are the ones the preferences hold (provider id → client id);
    ``NEWORK_OAUTH_<PROVIDER>_CLIENT_ID`` wins over them (:mod:`nework_desktop.core.env`).
    """
    stored = client_ids or {}
    override = env.get(env.ISSUER_OVERRIDE, environ).rstrip("/")
    out: list[Provider] = []
    for base in PROVIDERS:
        spec = base
        client_id = env.oauth(spec.id, "CLIENT_ID", environ) or stored.get(spec.id) or None
        secret = env.oauth(spec.id, "CLIENT_SECRET", environ) or None
        issuer = override or env.oauth(spec.id, "ISSUER", environ).rstrip("/")
        if issuer:
            spec = replace(
                spec,
                issuer=issuer,
                issuer_template=None,
                authorization_endpoint=None,
                token_endpoint=None,
                jwks_uri=None,
                response_mode=None,
            )
            if override and not client_id:
                client_id = DEV_CLIENT_ID
        out.append(Provider(spec, client_id, secret, discover=bool(issuer)))
    return out


# -- PKCE, JWT, signatures ----------------------------------------------------------------------


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Pkce:
    verifier: str = field(repr=False)
    challenge: str

    @classmethod
    def create(cls) -> Pkce:
        verifier = b64url(secrets.token_bytes(32))  # 43 characters, RFC 7636 §4.1
        return cls(verifier, pkce_challenge(verifier))


def pkce_challenge(verifier: str) -> str:
    return b64url(hashlib.sha256(verifier.encode("ascii")).digest())


@dataclass(frozen=True)
class Jwt:
    header: dict[str, Any]
    claims: dict[str, Any]
    signing_input: bytes
    signature: bytes


def decode_jwt(token: str) -> Jwt:
    """Split and decode a compact JWS (no verification)."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH:
        raise IdTokenError("the ID token is missing or too long")
    parts = token.split(".")
    if len(parts) != 3:
        raise IdTokenError("the ID token is not a signed JWT")
    try:
        header = parse_json(b64url_decode(parts[0]), "ID token header")
        claims = parse_json(b64url_decode(parts[1]), "ID token")
        signature = b64url_decode(parts[2])
    except (ValueError, BadReplyError) as exc:
        raise IdTokenError(f"the ID token cannot be decoded ({exc})") from None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise IdTokenError("the ID token is not a JSON object")
    return Jwt(header, claims, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)


# DER prefix of DigestInfo for SHA-256 (RFC 8017 §9.2, note 1).
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
MIN_RSA_BITS = 2048


def _jwk_int(jwk: Mapping[str, Any], name: str) -> int:
    value = jwk.get(name)
    if not isinstance(value, str) or len(value) > 2048:
        raise IdTokenError(f"the signing key has no valid '{name}'")
    try:
        return int.from_bytes(b64url_decode(value), "big")
    except ValueError:
        raise IdTokenError(f"the signing key has no valid '{name}'") from None


def verify_rs256(signing_input: bytes, signature: bytes, jwk: Mapping[str, Any]) -> bool:
    """RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2.2), standard library only.

    The expected encoded message is rebuilt in full and compared in constant time (no parsing of
    the decrypted block, which is what makes signature forgeries à la Bleichenbacher '06 fail).
    """
    n = _jwk_int(jwk, "n")
    e = _jwk_int(jwk, "e")
    if n.bit_length() < MIN_RSA_BITS or e < 3 or e % 2 == 0:
        raise IdTokenError("the signing key is too weak")
    k = (n.bit_length() + 7) // 8
    if len(signature) != k:
        return False
    s = int.from_bytes(signature, "big")
    if s >= n:
        return False
    em = pow(s, e, n).to_bytes(k, "big")
    t = _SHA256_DIGEST_INFO + hashlib.sha256(signing_input).digest()
    expected = b"\x00\x01" + b"\xff" * (k - len(t) - 3) + b"\x00" + t
    return hmac.compare_digest(em, expected)


def verify_hs256(signing_input: bytes, signature: bytes, secret: str) -> bool:
    mac = hmac.new(secret.encode("utf-8"), signing_input, hashlib.sha256).digest()
    return hmac.compare_digest(mac, signature)


JwksFetch = Callable[[bool], list[dict[str, Any]]]


def _pick_key(keys: list[dict[str, Any]], kid: str | None) -> dict[str, Any] | None:
    candidates = [
        k
        for k in keys
        if k.get("kty") == "RSA"
        and k.get("use", "sig") == "sig"
        and k.get("alg", "RS256") == "RS256"
        and (kid is None or k.get("kid") == kid)
    ]
    return candidates[0] if len(candidates) == 1 or (kid and candidates) else None


def _check_signature(jwt: Jwt, jwks: JwksFetch | None, client_secret: str | None) -> None:
    alg = jwt.header.get("alg")
    kid = jwt.header.get("kid")
    kid = kid if isinstance(kid, str) else None
    if alg == "RS256":
        if jwks is None:
            raise IdTokenError("no signing keys to verify the ID token")
        key = _pick_key(jwks(False), kid)
        if key is None:  # keys may have rotated: fetch once more
            key = _pick_key(jwks(True), kid)
        if key is None:
            raise IdTokenError("the ID token's signing key is unknown")
        if not verify_rs256(jwt.signing_input, jwt.signature, key):
            raise IdTokenError("the ID token's signature is not valid")
        return
    if alg == "HS256" and client_secret:
        if not verify_hs256(jwt.signing_input, jwt.signature, client_secret):
            raise IdTokenError("the ID token's signature is not valid")
        return
    raise IdTokenError(f"the ID token's algorithm {str(alg)[:20]!r} is not accepted")


def _expected_issuer(spec: ProviderSpec, claims: Mapping[str, Any]) -> str:
    if spec.issuer_template:
        tid = claims.get("tid")
        if not isinstance(tid, str) or not re.fullmatch(r"[0-9a-fA-F-]{1,64}", tid):
            raise IdTokenError("the ID token has no valid tenant id")
        return spec.issuer_template.replace("{tenantid}", tid)
    if not spec.issuer:
        raise IdTokenError("the provider has no issuer configured")
    return spec.issuer


def _number(claims: Mapping[str, Any], name: str) -> float:
    value = claims.get(name)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise IdTokenError(f"the ID token has no valid '{name}'")
    return float(value)


def validate_id_token(
    token: str,
    *,
    spec: ProviderSpec,
    client_id: str,
    nonce: str,
    jwks: JwksFetch | None,
    client_secret: str | None = None,
    now: float | None = None,
    leeway: int = CLOCK_LEEWAY,
) -> dict[str, Any]:
    """Verify the ID token (signature, iss, aud/azp, exp, iat, nonce, sub); return its claims."""
    jwt = decode_jwt(token)
    _check_signature(jwt, jwks, client_secret)
    claims = jwt.claims
    current = time.time() if now is None else now
    issuer = _expected_issuer(spec, claims)
    if claims.get("iss") != issuer:
        raise IdTokenError("the ID token comes from another issuer")
    aud = claims.get("aud")
    audiences = [aud] if isinstance(aud, str) else aud
    if not isinstance(audiences, list) or client_id not in audiences:
        raise IdTokenError("the ID token is meant for another application")
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise IdTokenError("the ID token is meant for another application")
    if "azp" in claims and claims.get("azp") != client_id:
        raise IdTokenError("the ID token was issued to another application")
    if _number(claims, "exp") + leeway < current:
        raise IdTokenError("the ID token has expired")
    if _number(claims, "iat") - leeway > current:
        raise IdTokenError("the ID token is issued in the future")
    token_nonce = claims.get("nonce")
    if not isinstance(token_nonce, str) or not hmac.compare_digest(
        token_nonce.encode("utf-8"), nonce.encode("utf-8")
    ):
        raise IdTokenError("the ID token does not belong to this sign-in (nonce)")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub or len(sub) > 255:
        raise IdTokenError("the ID token has no subject")
    return claims


# -- the loopback redirect listener ---------------------------------------------------------------

_DONE_PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>NeWork</title></head>
<body style="font-family: sans-serif; margin: 3em">
<h1>{title}</h1><p>{ja}</p><p lang="en">{en}</p>
</body></html>
"""


@dataclass(frozen=True)
class Callback:
    """The parameters of the accepted redirect (``code`` or ``error``)."""

    code: str = field(repr=False)
    error: str = ""
    error_description: str = ""


class _Server(HTTPServer):
    # Never share the port: SO_REUSEADDR would let another local process bind it too (Windows).
    allow_reuse_address = False

    flow_state: str
    callback_path: str
    result: Callback | None
    requests_seen: int

    def server_bind(self) -> None:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        # TCPServer's bind only: HTTPServer's would do a reverse DNS lookup (getfqdn).
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "NeWork"
    sys_version = ""
    timeout = 5  # a connection that sends nothing cannot hold the listener (and Cancel) up

    def log_message(self, format: str, *args: Any) -> None:
        """Silence: the default would print the request line (with the code) to stderr."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self._handle(parts.path, parts.query)

    def do_POST(self) -> None:  # response_mode=form_post
        parts = urlsplit(self.path)
        length = self.headers.get("Content-Length", "0")
        size = int(length) if length.isdigit() else 0
        if size > 65_536:
            self._reply(413, "Request too large")
            return
        body = self.rfile.read(size).decode("utf-8", "replace")
        self._handle(parts.path, body)

    def _handle(self, path: str, query: str) -> None:
        server = self.server
        server.requests_seen += 1
        if path != server.callback_path or server.result is not None:
            self._reply(404, "Not found")
            return
        try:
            params = parse_qs(
                query, keep_blank_values=True, strict_parsing=False, max_num_fields=20
            )
        except ValueError:
            self._reply(400, "Bad request")
            return
        single = {k: v[0] for k, v in params.items() if len(v) == 1}
        state = single.get("state", "")
        if not hmac.compare_digest(state.encode("utf-8"), server.flow_state.encode("utf-8")):
            log.warning("sign-in redirect with a wrong state ignored")
            self._reply(400, "This sign-in link does not belong to the running sign-in.")
            return
        error = single.get("error", "")
        code = single.get("code", "")
        if error or not code:
            server.result = Callback(
                "", error or "invalid_request", single.get("error_description", "")[:300]
            )
            self._page(
                "サインインできませんでした",
                "NeWork に戻ってください。",
                "Sign-in did not complete. Please return to NeWork.",
            )
            return
        server.result = Callback(code[:4096])
        self._page(
            "サインインしました",
            "このページを閉じて NeWork に戻ってください。",
            "You are signed in. You can close this page and return to NeWork.",
        )

    def _headers(self, status: int, length: int, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Connection", "close")
        self.end_headers()

    def _reply(self, status: int, text: str) -> None:
        data = text.encode("utf-8")
        self._headers(status, len(data), "text/plain; charset=utf-8")
        self.wfile.write(data)

    def _page(self, title: str, ja: str, en: str) -> None:
        page = _DONE_PAGE.format(title=html.escape(title), ja=html.escape(ja), en=html.escape(en))
        data = page.encode("utf-8")
        self._headers(200, len(data), "text/html; charset=utf-8")
        self.wfile.write(data)


class LoopbackListener:
    """An HTTP listener on 127.0.0.1 (port chosen by the OS) for one sign-in redirect."""

    def __init__(self, state: str, path: str = CALLBACK_PATH, host: str = "127.0.0.1") -> None:
        self._server = _Server((host, 0), _Handler, bind_and_activate=True)
        self._server.flow_state = state
        self._server.callback_path = path
        self._server.result = None
        self._server.requests_seen = 0
        self._server.timeout = 0.1
        self._path = path
        self._closed = False

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{self._path}"

    @property
    def closed(self) -> bool:
        return self._closed

    def wait(self, timeout: float, cancelled: threading.Event) -> Callback:
        """Serve requests until the callback arrives; raise on timeout or cancel."""
        deadline = time.monotonic() + timeout
        try:
            while self._server.result is None:
                if cancelled.is_set():
                    raise OAuthCancelled()
                if time.monotonic() >= deadline:
                    raise OAuthTimeout()
                if self._server.requests_seen > MAX_CALLBACK_REQUESTS:
                    raise OAuthError("too many unexpected requests reached the sign-in listener")
                self._server.handle_request()
            return self._server.result
        finally:
            self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._server.server_close()


# -- the flow -----------------------------------------------------------------------------------


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
