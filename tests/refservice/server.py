"""The reference NeWork service and OpenID provider (development and tests only).

One :class:`ThreadingHTTPServer` on 127.0.0.1 serves both:

NeWork service API (``/api/v1``)
    ``GET  /health``                    name and version
    ``POST /auth/email/code``           {email, locale} → {request_id, expires_in, resend_after,
                                        attempts_left}; the code is printed to the console
    ``POST /auth/email/verify``         {request_id, code} → session | 400 invalid_code
                                        (attempts_left) | expired_code | unknown_request |
                                        too_many_attempts
    ``POST /auth/oauth``                {provider, id_token} → session (ID token of this provider)
    ``POST /auth/refresh``              {refresh_token} → session (rotated) | 400 invalid_grant
    ``POST /auth/signout``              Bearer + {refresh_token} → revokes both (idempotent)
    ``GET  /account``                   Bearer → {user_id, provider, email}
    ``POST /consent-receipts``          {receipt_id, receipt} → stored
    ``POST /deletion-requests``         {request_id} → accepted once per request id (counted)
``POST /_test/email-code``              {email} → {code}: the last code (test/QA automation only)

The web client (``/workspace``, what the app shows in its QtWebEngine view)
    ``GET  /workspace``                 a page that leaves what a real web client leaves in a
                                        browser profile: a first-party cookie (``Set-Cookie``),
                                        localStorage and IndexedDB (written by its script); it
                                        says whether the session reached it ("Signed in" when the
                                        ``Authorization: Bearer`` header holds a token of this
                                        service); with ``tags=True`` it also tries to load the GA
                                        and KARTE tags and a GA beacon (:data:`TAG_URLS`)
    ``POST /workspace/stored``          {visit, local_storage, indexed_db}: the page's script
                                        reports what it stored (and the cookie comes back)
    ``GET  /workspace/hold``            ?visit=…: an image answered once that report arrived (at
                                        most :data:`HOLD_S` seconds), so that the page's load
                                        finishes only after its storage writes
    Each load is recorded in :attr:`RefService.workspace_visits` (:class:`WorkspaceVisit`).

The tags are real third-party URLs (``https://www.googletagmanager.com/…``, ``*.karte.io``,
``https://www.google-analytics.com/g/collect``): serve them (``tags=True``, ``--tags``) only to
a web view whose host names all resolve to 127.0.0.1 (QtWebEngine with
``QTWEBENGINE_CHROMIUM_FLAGS='--host-resolver-rules="MAP * 127.0.0.1"'``, as ``nework-qa
lifecycle`` runs the app), or an allowed tag would really be fetched from Google or PLAID.

OpenID provider
    ``/.well-known/openid-configuration``, ``/oauth/authorize`` (auto-approves the configured test
    user and redirects to the loopback ``redirect_uri`` with ``code`` and ``state``),
    ``/oauth/token`` (authorization code + PKCE S256), ``/oauth/userinfo``, ``/oauth/jwks``.
    ID tokens are RS256-signed with a key generated per process.

Every POST with an ``Idempotency-Key`` header is answered, when repeated, with the first answer
(so the client may retry it).  :class:`Faults` lets a test make the next replies fail in chosen
ways; :attr:`RefService.requests` records what was asked (method and path, never bodies).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import html
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import MappingProxyType
from typing import Any, Final
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.loopback import ServedInThread
from tests.refservice.rsa import RsaKey, shared_key

Json = dict[str, Any]
Echo = Callable[[str], None]

SERVICE_NAME = "NeWork reference service"
SERVICE_VERSION = "1"
API = "/api/v1"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")

#: The web client's page and its two helpers.
WORKSPACE = "/workspace"
WORKSPACE_STORED = "/workspace/stored"
WORKSPACE_HOLD = "/workspace/hold"
#: The first-party cookie the page sets with ``Set-Cookie`` (persistent: it lands on disk).
WORKSPACE_COOKIE = "nework_ws"
#: The localStorage key and the IndexedDB database the page's script writes.
LOCAL_STORAGE_KEY = "nework.refservice.visit"
INDEXED_DB_NAME = "nework-refservice"
#: How long ``/workspace/hold`` waits for the page's storage report.
HOLD_S: Final = 5.0
#: The third-party tags the page tries to load with ``tags=True`` (module id → URLs), as the
#: real web client embeds them: the GA tag (gtag.js) and its collect beacon, the KARTE tag.
TAG_URLS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "google_analytics": (
            "https://www.googletagmanager.com/gtag/js?id=G-TEST",
            "https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&cid=555.1&en=page_view",
        ),
        "karte": ("https://cdn-edge.karte.io/refservice-test/edge.js",),
    }
)
#: A transparent 1x1 GIF (the answer of ``/workspace/hold``).
_PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_jwk(key: RsaKey) -> Json:
    e_bytes = key.e.to_bytes((key.e.bit_length() + 7) // 8, "big")
    return {
        "kty": "RSA",
        "use": "sig",
        "alg": "RS256",
        "kid": key.kid,
        "n": b64url(key.n.to_bytes(key.size, "big")),
        "e": b64url(e_bytes),
    }


def sign_jwt(claims: Json, key: RsaKey, header: Json | None = None) -> str:
    head = header if header is not None else {"alg": "RS256", "typ": "JWT", "kid": key.kid}
    signing_input = (
        b64url(json.dumps(head, separators=(",", ":")).encode())
        + "."
        + b64url(json.dumps(claims, separators=(",", ":")).encode())
    )
    if head.get("alg") == "RS256":
        signature = b64url(key.sign(signing_input.encode("ascii")))
    else:
        signature = ""
    return f"{signing_input}.{signature}"


def verify_jwt(token: str, key: RsaKey) -> Json | None:
    """The claims of a token this provider signed, or None."""
    from nework_desktop.net.oauth import verify_rs256

    try:
        head, body, sig = token.split(".")
        header = json.loads(b64url_decode(head))
        if header.get("alg") != "RS256" or header.get("kid") != key.kid:
            return None
        if not verify_rs256(f"{head}.{body}".encode(), b64url_decode(sig), public_jwk(key)):
            return None
        claims = json.loads(b64url_decode(body))
    except (ValueError, TypeError, AttributeError):
        return None
    return claims if isinstance(claims, dict) else None


def is_loopback_redirect(uri: str) -> bool:
    """RFC 8252 §7.3: http on a loopback IP (any port); ``localhost`` tolerated."""
    try:
        parts = urlsplit(uri)
        _ = parts.port
    except ValueError:
        return False
    return (
        parts.scheme == "http"
        and parts.hostname in ("127.0.0.1", "::1", "localhost")
        and not parts.fragment
    )


# -- state ----------------------------------------------------------------------------------------


@dataclass
class TestUser:
    """The user the OpenID provider signs in without asking."""

    __test__ = False  # not a pytest class

    sub: str = "ref-user-0001"
    email: str = "hanako@example.com"


@dataclass
class CodeRequest:
    request_id: str
    email: str
    code: str
    expires_at: float
    attempts_left: int


@dataclass
class Account:
    user_id: str
    provider: str
    email: str


@dataclass
class Grant:
    """A session: one access token and one refresh token."""

    account: Account
    access_token: str
    refresh_token: str
    access_expires_at: float


@dataclass
class AuthCode:
    client_id: str
    redirect_uri: str
    challenge: str
    nonce: str
    expires_at: float
    user: TestUser


@dataclass
class Canned:
    """A canned reply for :attr:`Faults.replies`; ``drop`` closes the connection instead."""

    status: int = 503
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    delay: float = 0.0


@dataclass
class Faults:
    """Make the reference service misbehave, for error-path tests."""

    #: path → replies to give (in order) instead of handling the request.
    replies: dict[str, list[Canned]] = field(default_factory=dict)
    #: claims to override in the next ID tokens (e.g. {"aud": "someone-else"}).
    id_token_claims: Json = field(default_factory=dict)
    #: header of the next ID tokens (e.g. {"alg": "none"}).
    id_token_header: Json | None = None
    #: flip a bit of the ID token signature.
    bad_signature: bool = False
    #: the authorize endpoint redirects with this error instead of a code.
    authorize_error: str | None = None
    #: the authorize endpoint redirects with this state instead of the client's.
    authorize_state: str | None = None
    #: the token endpoint ignores PKCE (to prove the *client* is not the one checking it).
    skip_pkce: bool = False

    def take(self, path: str) -> Canned | None:
        queue = self.replies.get(path)
        if queue:
            return queue.pop(0)
        return None

    def fail(self, path: str, *replies: Canned) -> None:
        self.replies.setdefault(path, []).extend(replies)


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    idempotency_key: str | None
    authorized: bool


@dataclass
class WorkspaceVisit:
    """One load of ``/workspace`` and what its script reported it stored."""

    visit: str
    #: An ``Authorization: Bearer`` header came with the request ...
    authorization: bool
    #: ... and it held a valid access token of this service (the page says "Signed in").
    signed_in: bool
    #: The page held the GA and KARTE tags.
    tags: bool
    #: What the page stored (``cookie``: the browser sent the page's cookie back with the
    #: report; ``local_storage``, ``indexed_db``: what the script says), None before the report.
    stored: dict[str, bool] | None = None
    reported: threading.Event = field(default_factory=threading.Event, repr=False)

    def to_json(self) -> Json:
        return {
            "authorization": self.authorization,
            "signed_in": self.signed_in,
            "tags": self.tags,
            "stored": self.stored,
        }


class RefService(ServedInThread):
    """The reference service.  ``with RefService() as svc: svc.url`` runs it in-process."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        user: TestUser | None = None,
        code_ttl: float = 600.0,
        max_attempts: int = 5,
        resend_after: int = 0,
        access_ttl: int = 3600,
        tags: bool = False,
        echo: Echo | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.user = user or TestUser()
        self.code_ttl = code_ttl
        self.max_attempts = max_attempts
        self.resend_after = resend_after
        self.access_ttl = access_ttl
        #: ``/workspace`` tries to load the GA and KARTE tags (see the module docstring).
        self.tags = tags
        self.echo = echo
        self.faults = Faults()
        self.key = shared_key()
        self.lock = threading.RLock()
        self.skew = 0.0
        self.requests: list[Recorded] = []
        self.code_requests: dict[str, CodeRequest] = {}
        self.last_codes: dict[str, str] = {}
        self.last_sent: dict[str, float] = {}
        self.grants: list[Grant] = []
        self.auth_codes: dict[str, AuthCode] = {}
        self.provider_tokens: dict[str, TestUser] = {}
        self.consent_receipts: dict[str, Json] = {}
        self.deletion_requests: dict[str, Json] = {}
        self.deletion_posts: dict[str, int] = {}
        self.signouts = 0
        #: Every load of ``/workspace``, oldest first.
        self.workspace_visits: list[WorkspaceVisit] = []
        self.idempotent: dict[tuple[str, str], tuple[int, bytes]] = {}
        #: every secret value this service handed out (tokens, codes): for leak scans.
        self.issued: list[str] = []

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the reference service is not running")
        return f"http://{self.host}:{self._server.server_port}"

    @property
    def issuer(self) -> str:
        return self.url

    def start(self) -> RefService:
        server = ThreadingHTTPServer((self.host, self.port), _Handler)
        server.service = self  # type: ignore[attr-defined]
        self._serve(server)
        return self

    # -- test accessors -------------------------------------------------------------------------

    def now(self) -> float:
        return time.time() + self.skew

    def advance(self, seconds: float) -> None:
        """Move the service's clock forward (expire codes and tokens)."""
        self.skew += seconds

    def last_code(self, email: str) -> str | None:
        with self.lock:
            return self.last_codes.get(email.lower())

    def count(self, path: str, method: str | None = None) -> int:
        with self.lock:
            return sum(
                1
                for r in self.requests
                if r.path == path and (method is None or r.method == method)
            )

    def revoke_all(self) -> None:
        with self.lock:
            self.grants.clear()

    @property
    def active_refresh_tokens(self) -> set[str]:
        with self.lock:
            return {g.refresh_token for g in self.grants}

    def _secret(self, prefix: str) -> str:
        value = f"{prefix}{secrets.token_urlsafe(24)}"
        self.issued.append(value)
        return value

    def _say(self, text: str) -> None:
        if self.echo is not None:
            self.echo(text)

    # -- service logic (called under self.lock) ---------------------------------------------------

    def new_grant(self, account: Account) -> Json:
        grant = Grant(
            account,
            self._secret("nwat_"),
            self._secret("nwrt_"),
            self.now() + self.access_ttl,
        )
        self.grants.append(grant)
        return {
            "access_token": grant.access_token,
            "refresh_token": grant.refresh_token,
            "token_type": "Bearer",
            "expires_in": self.access_ttl,
            "account": {
                "user_id": account.user_id,
                "provider": account.provider,
                "email": account.email,
            },
        }

    def grant_for_access(self, token: str | None) -> Grant | None:
        if not token:
            return None
        for grant in self.grants:
            if hmac.compare_digest(grant.access_token, token):
                return grant if grant.access_expires_at > self.now() else None
        return None

    def id_token(self, client_id: str, nonce: str, user: TestUser) -> str:
        now = int(self.now())
        claims: Json = {
            "iss": self.issuer,
            "sub": user.sub,
            "aud": client_id,
            "iat": now,
            "exp": now + 600,
            "auth_time": now,
            "nonce": nonce,
            "email": user.email,
            "email_verified": True,
        }
        claims.update(self.faults.id_token_claims)
        token = sign_jwt(claims, self.key, self.faults.id_token_header)
        if self.faults.bad_signature:
            head, body, sig = token.split(".")
            raw = bytearray(b64url_decode(sig))
            raw[-1] ^= 1
            token = f"{head}.{body}.{b64url(bytes(raw))}"
        self.issued.append(token)
        return token


def user_id_for(provider: str, subject: str) -> str:
    return "u-" + hashlib.sha256(f"{provider}:{subject}".encode()).hexdigest()[:16]


class _Handler(BaseHTTPRequestHandler):
    server_version = "NeWorkRef/1"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    @property
    def svc(self) -> RefService:
        service: RefService = self.server.service  # type: ignore[attr-defined]
        return service

    def log_message(self, format: str, *args: Any) -> None:
        if self.svc.echo is not None:
            path = urlsplit(self.path).path
            self.svc.echo(f"{self.command} {path}")

    # -- plumbing ---------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _bearer(self) -> str | None:
        value = self.headers.get("Authorization", "")
        return value[7:] if value.startswith("Bearer ") else None

    def _dispatch(self, method: str) -> None:
        svc = self.svc
        parts = urlsplit(self.path)
        path = parts.path
        length = self.headers.get("Content-Length", "0")
        raw = self.rfile.read(int(length)) if length.isdigit() and int(length) > 0 else b""
        key = self.headers.get("Idempotency-Key")
        with svc.lock:
            svc.requests.append(Recorded(method, path, key, self._bearer() is not None))
            canned = svc.faults.take(path)
        if canned is not None:
            if canned.delay:
                time.sleep(canned.delay)
            if canned.drop:
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(2)
                return
            self._send(canned.status, canned.body, canned.headers)
            return
        if method == "POST" and key:
            with svc.lock:
                cached = svc.idempotent.get((path, key))
            if cached is not None:
                self._send(cached[0], cached[1], {"Content-Type": "application/json"})
                return
        status, body, headers = self._route(method, path, parts.query, raw)
        if method == "POST" and key and status < 500:
            with svc.lock:
                svc.idempotent[(path, key)] = (status, body)
        self._send(status, body, headers)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # -- routing ----------------------------------------------------------------------------------

    def _route(
        self, method: str, path: str, query: str, raw: bytes
    ) -> tuple[int, bytes, dict[str, str]]:
        svc = self.svc
        routes: dict[tuple[str, str], Callable[[], tuple[int, Json]]] = {
            ("GET", f"{API}/health"): lambda: (
                200,
                {"name": SERVICE_NAME, "version": SERVICE_VERSION},
            ),
            ("POST", f"{API}/auth/email/code"): lambda: self._email_code(_json(raw)),
            ("POST", f"{API}/auth/email/verify"): lambda: self._email_verify(_json(raw)),
            ("POST", f"{API}/auth/oauth"): lambda: self._oauth_signin(_json(raw)),
            ("POST", f"{API}/auth/refresh"): lambda: self._refresh(_json(raw)),
            ("POST", f"{API}/auth/signout"): lambda: self._signout(_json(raw)),
            ("GET", f"{API}/account"): self._account,
            ("POST", f"{API}/consent-receipts"): lambda: self._consent_receipt(_json(raw)),
            ("POST", f"{API}/deletion-requests"): lambda: self._deletion(_json(raw)),
            ("POST", "/_test/email-code"): lambda: self._test_code(_json(raw)),
            ("GET", "/.well-known/openid-configuration"): self._discovery,
            ("GET", "/oauth/jwks"): lambda: (200, {"keys": [public_jwk(svc.key)]}),
            ("POST", "/oauth/token"): lambda: self._token(_form(raw)),
            ("GET", "/oauth/userinfo"): self._userinfo,
        }
        if (method, path) == ("GET", "/oauth/authorize"):
            return self._authorize(query)
        if (method, path) == ("GET", WORKSPACE):
            return self._workspace()
        if (method, path) == ("GET", WORKSPACE_HOLD):
            return self._workspace_hold(query)
        if (method, path) == ("POST", WORKSPACE_STORED):
            try:
                return self._workspace_stored(_json(raw))
            except _BadRequest as exc:
                return 400, json.dumps(_err("invalid_request", str(exc))).encode(), _JSON
        handler = routes.get((method, path))
        if handler is None:
            known = any(p == path for _, p in routes)
            status, body = (
                (405, {"error": "method_not_allowed"}) if known else (404, _err("not_found"))
            )
        else:
            try:
                with svc.lock:
                    status, body = handler()
            except _BadRequest as exc:
                status, body = 400, _err("invalid_request", str(exc))
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if status == 429 and "retry_after" in body:
            headers["Retry-After"] = str(body["retry_after"])
        return status, data, headers

    # -- e-mail -----------------------------------------------------------------------------------

    def _email_code(self, body: Json) -> tuple[int, Json]:
        svc = self.svc
        email = body.get("email")
        if not isinstance(email, str) or not _EMAIL.match(email) or len(email) > 254:
            return 400, _err("invalid_email", "the e-mail address is not valid")
        email = email.lower()
        last = svc.last_sent.get(email)
        if last is not None and svc.now() - last < svc.resend_after:
            wait = int(svc.resend_after - (svc.now() - last)) + 1
            return 429, {**_err("slow_down", "wait before asking again"), "retry_after": wait}
        # A new code replaces any earlier one for this address.
        for rid in [r for r, req in svc.code_requests.items() if req.email == email]:
            del svc.code_requests[rid]
        code = f"{secrets.randbelow(1_000_000):06d}"
        request = CodeRequest(
            secrets.token_urlsafe(12), email, code, svc.now() + svc.code_ttl, svc.max_attempts
        )
        svc.code_requests[request.request_id] = request
        svc.last_codes[email] = code
        svc.last_sent[email] = svc.now()
        svc.issued.append(code)
        svc._say(f"[refservice] one-time code for {email}: {code}")
        return 200, {
            "request_id": request.request_id,
            "expires_in": int(svc.code_ttl),
            "resend_after": svc.resend_after,
            "attempts_left": request.attempts_left,
        }

    def _email_verify(self, body: Json) -> tuple[int, Json]:
        svc = self.svc
        request = svc.code_requests.get(str(body.get("request_id", "")))
        code = body.get("code")
        if request is None:
            return 400, _err("unknown_request", "request a new code")
        if svc.now() > request.expires_at:
            del svc.code_requests[request.request_id]
            return 400, _err("expired_code", "the code has expired")
        if not isinstance(code, str) or not hmac.compare_digest(code.strip(), request.code):
            request.attempts_left -= 1
            if request.attempts_left <= 0:
                del svc.code_requests[request.request_id]
                return 400, _err("too_many_attempts", "too many wrong codes")
            return 400, {
                **_err("invalid_code", "the code is not correct"),
                "attempts_left": request.attempts_left,
            }
        del svc.code_requests[request.request_id]
        account = Account(user_id_for("email", request.email), "email", request.email)
        return 200, svc.new_grant(account)

    def _test_code(self, body: Json) -> tuple[int, Json]:
        code = self.svc.last_code(str(body.get("email", "")))
        if code is None:
            return 404, _err("no_code", "no code was sent to this address")
        return 200, {"code": code}

    # -- sessions ---------------------------------------------------------------------------------

    def _oauth_signin(self, body: Json) -> tuple[int, Json]:
        svc = self.svc
        provider = body.get("provider")
        token = body.get("id_token")
        if not isinstance(provider, str) or not isinstance(token, str):
            raise _BadRequest("provider and id_token are required")
        claims = verify_jwt(token, svc.key)
        if (
            claims is None
            or claims.get("iss") != svc.issuer
            or not isinstance(claims.get("exp"), int | float)
            or claims["exp"] < svc.now()
            or not isinstance(claims.get("sub"), str)
        ):
            return 401, _err("invalid_token", "the ID token is not valid")
        account = Account(
            user_id_for(provider, claims["sub"]), provider, str(claims.get("email", ""))
        )
        return 200, svc.new_grant(account)

    def _refresh(self, body: Json) -> tuple[int, Json]:
        svc = self.svc
        token = body.get("refresh_token")
        for grant in list(svc.grants):
            if isinstance(token, str) and hmac.compare_digest(grant.refresh_token, token):
                svc.grants.remove(grant)  # rotation: the old pair is no longer valid
                return 200, svc.new_grant(grant.account)
        return 400, _err("invalid_grant", "the refresh token is not valid")

    def _signout(self, body: Json) -> tuple[int, Json]:
        svc = self.svc
        access = self._bearer()
        refresh = body.get("refresh_token")
        svc.signouts += 1
        svc.grants = [
            g
            for g in svc.grants
            if not (access and hmac.compare_digest(g.access_token, access))
            and not (isinstance(refresh, str) and hmac.compare_digest(g.refresh_token, refresh))
        ]
        return 200, {"status": "signed_out"}

    def _account(self) -> tuple[int, Json]:
        grant = self.svc.grant_for_access(self._bearer())
        if grant is None:
            return 401, _err("invalid_token", "sign in again")
        a = grant.account
        return 200, {"user_id": a.user_id, "provider": a.provider, "email": a.email}

    def _consent_receipt(self, body: Json) -> tuple[int, Json]:
        receipt_id = body.get("receipt_id")
        receipt = body.get("receipt")
        if not isinstance(receipt_id, str) or not receipt_id or not isinstance(receipt, dict):
            raise _BadRequest("receipt_id and receipt are required")
        self.svc.consent_receipts.setdefault(receipt_id, receipt)
        return 200, {"receipt_id": receipt_id, "stored": True}

    def _deletion(self, body: Json) -> tuple[int, Json]:
        svc = self.svc
        request_id = body.get("request_id")
        if not isinstance(request_id, str) or not request_id:
            raise _BadRequest("request_id is required")
        svc.deletion_posts[request_id] = svc.deletion_posts.get(request_id, 0) + 1
        grant = svc.grant_for_access(self._bearer())
        entry = svc.deletion_requests.setdefault(
            request_id,
            {
                "request_id": request_id,
                "status": "accepted",
                "received_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(svc.now())),
                "user_id": grant.account.user_id if grant else None,
            },
        )
        return 200, {k: entry[k] for k in ("request_id", "status", "received_at")}

    # -- the web client ---------------------------------------------------------------------------

    def _workspace(self) -> tuple[int, bytes, dict[str, str]]:
        svc = self.svc
        bearer = self._bearer()
        with svc.lock:
            grant = svc.grant_for_access(bearer)
            visit = WorkspaceVisit(
                secrets.token_hex(8), bearer is not None, grant is not None, svc.tags
            )
            svc.workspace_visits.append(visit)
        cookie = (
            f"{WORKSPACE_COOKIE}={secrets.token_hex(8)}; Max-Age=2592000; Path=/; HttpOnly; "
            "SameSite=Lax"
        )
        page = workspace_page(visit, grant.account if grant else None)
        headers = {"Content-Type": "text/html; charset=utf-8", "Set-Cookie": cookie}
        return 200, page.encode(), headers

    def _workspace_stored(self, body: Json) -> tuple[int, bytes, dict[str, str]]:
        svc = self.svc
        with svc.lock:
            visit = next((v for v in svc.workspace_visits if v.visit == body.get("visit")), None)
            if visit is None:
                return 404, json.dumps(_err("unknown_visit")).encode(), _JSON
            visit.stored = {
                # The cookie the page's answer set came back with this request: it is stored.
                "cookie": f"{WORKSPACE_COOKIE}=" in self.headers.get("Cookie", ""),
                "local_storage": body.get("local_storage") is True,
                "indexed_db": body.get("indexed_db") is True,
            }
        visit.reported.set()
        return 200, json.dumps({"stored": visit.stored}).encode(), _JSON

    def _workspace_hold(self, query: str) -> tuple[int, bytes, dict[str, str]]:
        wanted = parse_qs(query).get("visit", [""])[0]
        with self.svc.lock:
            visit = next((v for v in self.svc.workspace_visits if v.visit == wanted), None)
        if visit is not None:
            visit.reported.wait(HOLD_S)  # outside the lock: the report comes on another thread
        return 200, _PIXEL, {"Content-Type": "image/gif"}

    # -- OpenID provider --------------------------------------------------------------------------

    def _discovery(self) -> tuple[int, Json]:
        base = self.svc.issuer
        return 200, {
            "issuer": base,
            "authorization_endpoint": f"{base}/oauth/authorize",
            "token_endpoint": f"{base}/oauth/token",
            "userinfo_endpoint": f"{base}/oauth/userinfo",
            "jwks_uri": f"{base}/oauth/jwks",
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["none"],
            "claims_supported": ["iss", "sub", "aud", "exp", "iat", "nonce", "email"],
        }

    def _authorize(self, query: str) -> tuple[int, bytes, dict[str, str]]:
        svc = self.svc
        params = {k: v[0] for k, v in parse_qs(query).items()}
        redirect_uri = params.get("redirect_uri", "")
        if not is_loopback_redirect(redirect_uri):
            # Never redirect to an address that is not a registered (here: loopback) one.
            page = "<h1>Invalid redirect_uri</h1>"
            return 400, page.encode(), {"Content-Type": "text/html; charset=utf-8"}
        state = params.get("state", "")
        problems = [
            name
            for name, ok in (
                ("response_type", params.get("response_type") == "code"),
                ("client_id", bool(params.get("client_id"))),
                ("code_challenge_method", params.get("code_challenge_method") == "S256"),
                ("code_challenge", len(params.get("code_challenge", "")) >= 43),
                ("nonce", bool(params.get("nonce"))),
                ("scope", "openid" in params.get("scope", "").split()),
            )
            if not ok
        ]
        with svc.lock:
            if svc.faults.authorize_state is not None:
                state = svc.faults.authorize_state
            if problems:
                answer = {"error": "invalid_request", "error_description": ",".join(problems)}
            elif svc.faults.authorize_error:
                answer = {"error": svc.faults.authorize_error}
            else:
                code = svc._secret("pc_")
                svc.auth_codes[code] = AuthCode(
                    params["client_id"],
                    redirect_uri,
                    params["code_challenge"],
                    params["nonce"],
                    svc.now() + 60,
                    svc.user,
                )
                answer = {"code": code}
        sep = "&" if urlsplit(redirect_uri).query else "?"
        location = f"{redirect_uri}{sep}{urlencode({**answer, 'state': state})}"
        return 302, b"", {"Location": location}

    def _token(self, form: dict[str, str]) -> tuple[int, Json]:
        svc = self.svc
        if form.get("grant_type") != "authorization_code":
            return 400, _err("unsupported_grant_type")
        grant = svc.auth_codes.pop(form.get("code", ""), None)  # single use
        if grant is None or grant.expires_at < svc.now():
            return 400, _err("invalid_grant", "unknown or expired code")
        if form.get("redirect_uri") != grant.redirect_uri or form.get("client_id") != (
            grant.client_id
        ):
            return 400, _err("invalid_grant", "redirect_uri or client_id mismatch")
        verifier = form.get("code_verifier", "")
        if verifier:
            svc.issued.append(verifier)
        challenge = b64url(hashlib.sha256(verifier.encode()).digest())
        if not svc.faults.skip_pkce and not hmac.compare_digest(challenge, grant.challenge):
            return 400, _err("invalid_grant", "PKCE verification failed")
        access = svc._secret("pat_")
        svc.provider_tokens[access] = grant.user
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": "openid email",
            "id_token": svc.id_token(grant.client_id, grant.nonce, grant.user),
        }

    def _userinfo(self) -> tuple[int, Json]:
        user = self.svc.provider_tokens.get(self._bearer() or "")
        if user is None:
            return 401, _err("invalid_token")
        return 200, {"sub": user.sub, "email": user.email, "email_verified": True}


class _BadRequest(Exception):
    pass


def _err(code: str, message: str = "") -> Json:
    return {"error": code, "message": message} if message else {"error": code}


def _json(raw: bytes) -> Json:
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        raise _BadRequest("the body is not JSON") from None
    if not isinstance(data, dict):
        raise _BadRequest("the body is not a JSON object")
    return data


def _form(raw: bytes) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}


_JSON = {"Content-Type": "application/json"}

#: The page's script: localStorage and IndexedDB, then the report to ``/workspace/stored``.
_STORAGE_SCRIPT = (
    """
(function () {
  var visit = document.documentElement.getAttribute("data-visit");
  var stored = {visit: visit, local_storage: false, indexed_db: false};
  function report() {
    fetch("@STORED@", {method: "POST", headers: {"Content-Type": "application/json"},
                         body: JSON.stringify(stored)}).catch(function () {});
  }
  try {
    localStorage.setItem("@KEY@", new Date().toISOString());
    stored.local_storage = localStorage.getItem("@KEY@") !== null;
  } catch (e) {}
  try {
    var open = indexedDB.open("@DB@", 1);
    open.onupgradeneeded = function () { open.result.createObjectStore("visits"); };
    open.onsuccess = function () {
      var db = open.result;
      var tx = db.transaction("visits", "readwrite");
      tx.objectStore("visits").put({at: Date.now()}, visit);
      tx.oncomplete = function () { stored.indexed_db = true; db.close(); report(); };
      tx.onerror = tx.onabort = function () { db.close(); report(); };
    };
    open.onerror = open.onblocked = report;
  } catch (e) { report(); }
})();
""".replace("@STORED@", WORKSPACE_STORED)
    .replace("@KEY@", LOCAL_STORAGE_KEY)
    .replace("@DB@", INDEXED_DB_NAME)
)

#: The GA snippet as Google documents it (dataLayer + gtag config) and the KARTE tag.
_TAG_HEAD = (
    f"<script async src='{html.escape(TAG_URLS['google_analytics'][0])}'></script>"
    "<script>window.dataLayer = window.dataLayer || [];"
    "function gtag(){dataLayer.push(arguments);}"
    "gtag('js', new Date()); gtag('config', 'G-TEST');</script>"
    f"<script async src='{html.escape(TAG_URLS['karte'][0])}'></script>"
)
_TAG_BODY = "".join(
    f"<img alt='' width='1' height='1' src='{html.escape(url)}'>"
    for url in TAG_URLS["google_analytics"][1:]
)


def workspace_page(visit: WorkspaceVisit, account: Account | None) -> str:
    """The web client's page for one visit (``account``: whose token came with it, if any)."""
    if account is not None:
        state, text = "signed-in", f"Signed in ({account.provider} account)."
    elif visit.authorization:
        state, text = "invalid-token", "The session was not accepted: sign in again."
    else:
        state, text = "signed-out", "Not signed in."
    return (
        f"<!doctype html><html lang='en' data-visit='{visit.visit}'><head><meta charset='utf-8'>"
        f"<title>NeWork workspace</title><script>{_STORAGE_SCRIPT}</script>"
        f"{_TAG_HEAD if visit.tags else ''}</head><body><h1>NeWork workspace</h1>"
        f"<p>{html.escape(SERVICE_NAME)} {SERVICE_VERSION}</p>"
        f"<p id='session' data-state='{state}'>{html.escape(text)}</p>"
        f"<img alt='' width='1' height='1' src='{WORKSPACE_HOLD}?visit={visit.visit}'>"
        f"{_TAG_BODY if visit.tags else ''}</body></html>"
    )


@contextlib.contextmanager
def running(**kwargs: Any) -> Iterator[RefService]:
    """``with running() as svc:`` -- the reference service on 127.0.0.1:<free port>."""
    service = RefService(**kwargs)
    service.start()
    try:
        yield service
    finally:
        service.stop()
