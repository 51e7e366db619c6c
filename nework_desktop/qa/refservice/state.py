"""What the reference service knows: users, codes, sessions, provider grants, visits, faults.

:class:`ServiceState` is the one object every endpoint module works on (always under its
``lock``); :class:`~nework_desktop.qa.refservice.server.RefService` adds the HTTP server.  Tests
read and change it directly (``svc.faults``, ``svc.advance(…)``, ``svc.count(…)``, ``svc.issued``
…).  The sessions (:meth:`ServiceState.new_grant`, :meth:`ServiceState.grant_for_access`) live
here because the API, the OpenID provider and the web client all use them.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from nework_desktop.core.digest import sha256_hex
from nework_desktop.qa.refservice.feed import FeedPublisher
from nework_desktop.qa.refservice.keys import SigningKey, shared_key
from nework_desktop.qa.refservice.signing import FeedKey, generate_key

Json = dict[str, Any]
Echo = Callable[[str], None]


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


def user_id_for(provider: str, subject: str) -> str:
    return "u-" + sha256_hex(f"{provider}:{subject}".encode())[:16]


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
    #: the authorize endpoint's RFC 9207 ``iss`` is this instead of the issuer.
    authorize_iss: str | None = None
    #: the token endpoint ignores PKCE (to prove the *client* is not the one checking it).
    skip_pkce: bool = False
    #: the next consent acknowledgements are tampered with: "signature" (a bit flipped),
    #: "head_hash" (another head, properly signed), "unknown_key" (signed by a stranger).
    ack_tamper: str | None = None

    def take(self, path: str) -> Canned | None:
        queue = self.replies.get(path)
        if queue:
            return queue.pop(0)
        return None

    def fail(self, path: str, *replies: Canned) -> None:
        self.replies.setdefault(path, []).extend(replies)


@dataclass
class StoredReceipt:
    """A consent receipt the service keeps (once per receipt id), and what it acknowledged."""

    receipt: Json
    head_hash: str
    record_seq: int
    acknowledged_at: str


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


class ServiceState:
    """The reference service's data and settings (the HTTP side is in ``server``)."""

    _server: ThreadingHTTPServer | None = None
    #: Random bytes in each token it issues (24: 32 characters).  More makes tokens the size of
    #: large JWTs, longer than one Windows credential holds (the app keeps those in parts).
    token_bytes = 24

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
        policy_feed: Path | None = None,
        signing_key: FeedKey | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.user = user or TestUser()
        self.code_ttl = code_ttl
        self.max_attempts = max_attempts
        self.resend_after = resend_after
        self.access_ttl = access_ttl
        #: ``/workspace`` tries to load the GA and KARTE tags (see :mod:`.workspace`).
        self.tags = tags
        self.echo = echo
        self.faults = Faults()
        self.key: SigningKey = shared_key()
        #: The Ed25519 key that signs the policy feed and the consent acknowledgements.
        self.signing_key: FeedKey = signing_key or generate_key()
        self.lock = threading.RLock()
        self.skew = 0.0
        self.requests: list[Recorded] = []
        self.code_requests: dict[str, CodeRequest] = {}
        self.last_codes: dict[str, str] = {}
        self.last_sent: dict[str, float] = {}
        self.grants: list[Grant] = []
        self.auth_codes: dict[str, AuthCode] = {}
        self.provider_tokens: dict[str, TestUser] = {}
        self.consent_receipts: dict[str, StoredReceipt] = {}
        self.deletion_requests: dict[str, Json] = {}
        self.deletion_posts: dict[str, int] = {}
        self.signouts = 0
        #: Every load of ``/workspace``, oldest first.
        self.workspace_visits: list[WorkspaceVisit] = []
        self.idempotent: dict[tuple[str, str], tuple[int, bytes]] = {}
        #: every secret value this service handed out (tokens, codes): for leak scans.
        self.issued: list[str] = []
        #: Other OpenID providers whose ID tokens ``/auth/oauth`` accepts: issuer → public JWKs
        #: (a test's certified provider; the service verifies them as a real service would).
        self.trusted_issuers: dict[str, list[Json]] = {}
        #: every ID token ``/auth/oauth`` received (tests check where they end up).
        self.received_id_tokens: list[str] = []
        #: The policy feed (``--policy-feed DIR``), or None: ``/policy/feed`` answers 404.
        self.feed: FeedPublisher | None = None
        if policy_feed is not None:
            self.feed = FeedPublisher(policy_feed, self.signing_key, clock=self.now, say=echo)

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the reference service is not running")
        return f"http://{self.host}:{self._server.server_port}"

    @property
    def issuer(self) -> str:
        return self.url

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
        value = f"{prefix}{secrets.token_urlsafe(self.token_bytes)}"
        self.issued.append(value)
        return value

    def _say(self, text: str) -> None:
        if self.echo is not None:
            self.echo(text)

    # -- sessions (called under self.lock) ------------------------------------------------------

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
