"""Registration and sign-in end to end over real HTTP (Art. 3): e-mail, OAuth, keyring, leaks.

The reference service (tests/refservice) runs on 127.0.0.1; the "browser" is played with
requests; tokens go to the real Secret Service keyring (private, see scripts/with-test-keyring)
under a service name unique to the test, or to memory with keyring's fail.Keyring.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import OctKey

from nework_desktop.app import log as applog
from nework_desktop.core.account_store import ACCOUNT_FILE, mask_email, read_summary, validate_email
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SERVICE, SecretStore, read_index, wipe_entries
from nework_desktop.net.errors import (
    AuthError,
    BadReplyError,
    BlockedError,
    InvalidEmailError,
    OfflineError,
    ServerError,
)
from nework_desktop.net.oauth.errors import (
    IdTokenError,
    OAuthCancelled,
    OAuthError,
    OAuthTimeout,
    ProviderDeniedError,
    ProviderError,
    ProviderUnavailable,
)
from nework_desktop.net.oauth.flow import OAuthFlow
from nework_desktop.net.oauth.idtoken import pkce_challenge, validate_id_token
from nework_desktop.net.oauth.listener import LoopbackListener
from nework_desktop.net.oauth.providers import (
    DEV_CLIENT_ID,
    PROVIDERS,
    UNAVAILABLE_NO_CLIENT_ID,
    UNAVAILABLE_NO_ENDPOINTS,
    ProviderSpec,
    load_providers,
)
from nework_desktop.services.account import (
    SECRET_ACCESS,
    SECRET_REFRESH,
    AccountManager,
    SignInStatus,
)
from tests import helpers
from tests.helpers import CredentialManagerStandIn, ManagerFactory, RealKeyring, email_sign_in
from tests.refservice import Canned, RefService, generate, public_jwk, sign_jwt, spoil_signature
from tests.refservice.testing import (
    FakeBrowser,
    delete_service,
    files_under,
    find_secrets,
    keyring_names,
)

EMAIL = "hanako@example.com"
PROVIDER_IDS = [p.id for p in PROVIDERS]

pytestmark = pytest.mark.slow


# -- fixtures ------------------------------------------------------------------------------------


class Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


Factory = Callable[..., AccountManager]


@pytest.fixture
def make_manager(make_manager: ManagerFactory, clock: Clock) -> Factory:
    """The shared factory, on this module's clock (token expiry without waiting)."""
    return functools.partial(make_manager, monotonic=clock)


def refused(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) != 0


# -- e-mail registration --------------------------------------------------------------------------


@pytest.mark.keyring
def test_email_registration_restart_sign_out_with_the_real_keyring(
    svc: RefService,
    paths: AppPaths,
    kr: RealKeyring,
    make_manager: Factory,
) -> None:
    manager = make_manager(kr.store())
    assert manager.restore().status is SignInStatus.SIGNED_OUT
    assert paths.basedir is not None and list(paths.basedir.rglob("*")) == []  # nothing yet

    request = manager.request_email_code("Hanako@Example.com", "ja")
    code = svc.last_code(EMAIL)
    assert code is not None
    summary = manager.verify_email_code(request, code)
    assert summary.provider == "email"
    assert summary.masked_email == "H***@example.com"
    assert summary.persistent
    assert manager.signed_in and manager.email == "Hanako@example.com"

    # Tokens in the keyring, names in the index, the summary on disk -- nothing else.
    assert kr.names() == [SECRET_ACCESS, SECRET_REFRESH]
    assert {r.name for r in read_index(paths)} == {SECRET_ACCESS, SECRET_REFRESH}
    stored = json.loads((paths.data / ACCOUNT_FILE).read_text(encoding="utf-8"))
    assert stored == {
        "schema": 1,
        "provider": "email",
        "masked_email": "H***@example.com",
        "signed_in_at": summary.signed_in_at,
        "persistent": True,
    }
    refresh_before = kr.store().get(SECRET_REFRESH)
    assert refresh_before in svc.active_refresh_tokens

    # Restart: a new store and manager resume the session without asking.
    again = make_manager(kr.store())
    result = again.restore()
    assert result.status is SignInStatus.SIGNED_IN and not result.offline
    assert result.summary is not None and result.summary.masked_email == "H***@example.com"
    assert svc.count("/api/v1/auth/refresh") == 1
    rotated = kr.store().get(SECRET_REFRESH)
    assert rotated != refresh_before and rotated in svc.active_refresh_tokens
    info = again.call(lambda token: again.client.account(token or ""))
    assert info.provider == "email"

    # Sign out: the service is told, the keyring entries, the index and the summary go.
    out = again.sign_out()
    assert out.service_told and not out.error
    assert svc.active_refresh_tokens == set()
    assert kr.names() == []
    assert read_index(paths) == []
    assert not (paths.data / ACCOUNT_FILE).exists()
    assert make_manager(kr.store()).restore().status is SignInStatus.SIGNED_OUT


@pytest.mark.keyring
def test_restore_without_renewing_sends_nothing_and_renews_on_first_use(
    svc: RefService, kr: RealKeyring, make_manager: Factory
) -> None:
    email_sign_in(svc, make_manager(kr.store()))
    before = len(svc.requests)
    again = make_manager(kr.store())
    result = again.restore(renew=False)
    assert result.status is SignInStatus.SIGNED_IN and again.signed_in
    assert len(svc.requests) == before, "no network on the startup path"
    info = again.call(lambda token: again.client.account(token or ""))
    assert info.provider == "email"
    assert svc.count("/api/v1/auth/refresh") == 1
    again.sign_out()


@pytest.mark.keyring
def test_session_tokens_longer_than_a_windows_credential_survive_a_restart(
    svc: RefService, paths: AppPaths, kr: RealKeyring, make_manager: Factory
) -> None:
    svc.token_bytes = 2400  # 3,200-character tokens, like large JWTs
    email_sign_in(svc, make_manager(kr.store()))
    names = kr.names()
    assert len(names) == 2 + 2 * 4 and {SECRET_ACCESS, f"{SECRET_REFRESH}#4"} <= set(names)
    again = make_manager(kr.store())
    assert again.restore().status is SignInStatus.SIGNED_IN  # renewed with the joined token
    assert kr.store().get(SECRET_REFRESH) in svc.active_refresh_tokens
    again.sign_out()
    assert kr.names() == [] and read_index(paths) == []


def test_on_windows_long_tokens_are_kept_not_just_remembered(
    svc: RefService, paths: AppPaths, make_manager: Factory
) -> None:
    vault = CredentialManagerStandIn()  # Credential Manager cannot exist here: a test double
    svc.token_bytes = 2400
    summary = email_sign_in(svc, make_manager(SecretStore(paths, vault, service=SERVICE)))
    assert summary.persistent  # one entry per token refused the write: memory only, until now
    again = make_manager(SecretStore(paths, vault, service=SERVICE))
    assert again.restore().status is SignInStatus.SIGNED_IN
    removed, errors = wipe_entries(read_index(paths), vault)
    assert errors == [] and len(removed) == 10 and vault.stored == {}


@pytest.mark.keyring
def test_uninstall_wipe_leaves_no_keyring_entry(
    svc: RefService,
    paths: AppPaths,
    kr: RealKeyring,
    make_manager: Factory,
) -> None:
    email_sign_in(svc, make_manager(kr.store()))
    assert kr.names() == [SECRET_ACCESS, SECRET_REFRESH]
    removed, errors = wipe_entries(read_index(paths), kr.backend)
    assert errors == [] and len(removed) == 2
    assert kr.names() == []


def test_an_invalid_address_is_refused_before_anything_is_sent(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    manager = make_manager(memory_store())
    for address in ("", "hanako", "hanako@", "@example.com", "a@b", "a b@example.com"):
        with pytest.raises(InvalidEmailError):
            manager.request_email_code(address)
    assert svc.requests == []


@pytest.mark.parametrize(
    "address",
    [
        "hanako@example.com",
        "Hanako.Yamada+nework@mail.example.co.jp",
        "x@example.museum",
        "o'brien@example.ie",
        "user@xn--wgv71a.jp",
        "user@日本.jp",
    ],
)
def test_valid_addresses(address: str) -> None:
    local, domain = address.split("@")
    assert validate_email(f"  {address} ") == f"{local}@{domain.lower()}"


@pytest.mark.parametrize(
    "address",
    [
        "",
        "plain",
        "a@b",
        "a@@example.com",
        ".a@example.com",
        "a.@example.com",
        "a..b@example.com",
        "a@-example.com",
        "a@example-.com",
        "a@example..com",
        "a@1.2.3.4",
        "a b@example.com",
        '"quoted"@example.com',
        "x" * 65 + "@example.com",
        "a@" + "b" * 250 + ".com",
        "a@exa_mple.com",
    ],
)
def test_invalid_addresses(address: str) -> None:
    with pytest.raises(ValueError):
        validate_email(address)


def test_mask_email() -> None:
    assert mask_email("hanako@example.com") == "h***@example.com"
    assert mask_email("") == ""
    assert mask_email("nobody") == "***"


# -- OAuth sign-in --------------------------------------------------------------------------------


@pytest.mark.keyring
@pytest.mark.parametrize("provider_id", PROVIDER_IDS)
def test_provider_sign_in_end_to_end(
    svc: RefService,
    paths: AppPaths,
    kr: RealKeyring,
    make_manager: Factory,
    provider_id: str,
) -> None:
    manager = make_manager(kr.store())
    browser = FakeBrowser()
    flow = manager.begin_oauth(provider_id)
    summary = manager.finish_oauth(flow, browser)
    browser.join()
    assert summary.provider == provider_id
    assert summary.masked_email == "h***@example.com"
    assert browser.answers and browser.answers[0][0] == 200
    assert "NeWork" in browser.answers[0][1]
    assert kr.names() == [SECRET_ACCESS, SECRET_REFRESH]

    # What the browser was sent to: PKCE S256, fresh state and nonce, a loopback redirect.
    params = {k: v[0] for k, v in parse_qs(urlsplit(browser.urls[0]).query).items()}
    assert params["code_challenge_method"] == "S256"
    assert len(params["code_challenge"]) == 43
    assert params["client_id"] == DEV_CLIENT_ID
    assert params["response_type"] == "code"
    redirect = urlsplit(params["redirect_uri"])
    assert (redirect.scheme, redirect.hostname, redirect.path) == ("http", "127.0.0.1", "/callback")
    assert redirect.port is not None and refused(redirect.port)  # the listener is closed
    assert params["state"] == flow.state and params["nonce"] == flow.nonce
    assert len(flow.state) >= 43 and flow.state != flow.nonce

    # Restart without signing in again.
    result = make_manager(kr.store()).restore()
    assert result.status is SignInStatus.SIGNED_IN
    assert result.summary is not None and result.summary.provider == provider_id
    make_manager(kr.store()).sign_out()


def test_each_flow_has_its_own_state_nonce_and_port(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    manager = make_manager(memory_store())
    flows = [manager.begin_oauth("google") for _ in range(3)]
    urls = [f.prepare() for f in flows]
    try:
        assert len({f.state for f in flows}) == 3
        assert len({f.nonce for f in flows}) == 3
        assert len({f.redirect_uri for f in flows}) == 3
        assert len(set(urls)) == 3
    finally:
        for f in flows:
            f.close()


def test_the_server_checks_pkce(svc: RefService) -> None:
    """The reference provider refuses a wrong verifier (so the happy path proves ours is right)."""
    verifier = "v" * 43
    listener = LoopbackListener("st")
    try:
        query = {
            "response_type": "code",
            "client_id": "c",
            "redirect_uri": listener.redirect_uri,
            "scope": "openid",
            "state": "st",
            "nonce": "n",
            "code_challenge": pkce_challenge(verifier),
            "code_challenge_method": "S256",
        }
        answer = requests.get(
            f"{svc.url}/oauth/authorize", params=query, allow_redirects=False, timeout=5
        )
        code = parse_qs(urlsplit(answer.headers["Location"]).query)["code"][0]
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": listener.redirect_uri,
            "client_id": "c",
            "code_verifier": "w" * 43,
        }
        token = requests.post(f"{svc.url}/oauth/token", data=form, timeout=5)
        assert token.status_code == 400 and token.json()["error"] == "invalid_grant"
    finally:
        listener.close()


def test_pkce_challenge_is_s256_of_the_verifier() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636 appendix B
    assert pkce_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_an_unregistered_redirect_uri_is_never_redirected_to(svc: RefService) -> None:
    answer = requests.get(
        f"{svc.url}/oauth/authorize",
        params={"redirect_uri": "https://evil.example/cb", "state": "x"},
        allow_redirects=False,
        timeout=5,
    )
    assert answer.status_code == 400 and "Location" not in answer.headers


def run_flow(
    manager: AccountManager, browser: FakeBrowser, provider_id: str = "google"
) -> OAuthFlow:
    flow = manager.begin_oauth(provider_id)
    try:
        manager.finish_oauth(flow, browser)
    finally:
        browser.join()
    return flow


def test_a_wrong_state_is_refused_and_ends_the_flow_at_once(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.authorize_state = "forged-state"
    manager = make_manager(memory_store(), flow_timeout=30.0)
    browser = FakeBrowser()
    start = time.monotonic()
    with pytest.raises(OAuthError, match="state"):
        run_flow(manager, browser)
    assert time.monotonic() - start < 10  # not the 30 s timeout
    assert browser.answers and browser.answers[0][0] == 400
    assert svc.count("/oauth/token") == 0
    assert not manager.signed_in


def test_a_stray_request_for_another_path_does_not_end_the_flow(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    manager = make_manager(memory_store())
    stray: list[int] = []
    real = FakeBrowser()

    def visit(url: str) -> None:
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        base = redirect.rsplit("/", 1)[0]
        stray.append(requests.get(f"{base}/favicon.ico", timeout=5).status_code)
        stray.append(requests.get(f"{base}/callbackx?code=x", timeout=5).status_code)
        real(url)

    def browser(url: str) -> bool:  # like the app: opening the browser does not block
        thread = threading.Thread(target=visit, args=(url,), daemon=True)
        real.threads.append(thread)
        thread.start()
        return True

    flow = manager.begin_oauth("google")
    summary = manager.finish_oauth(flow, browser)
    real.join()
    assert stray == [404, 404]
    assert summary.provider == "google"


def test_slow_local_clients_cannot_hold_the_real_callback_up(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    """Several connections that send half a request and then nothing: the callback still
    arrives at once (the listener serves connections concurrently)."""
    manager = make_manager(memory_store(), flow_timeout=30.0)
    real = FakeBrowser()
    sockets: list[socket.socket] = []

    def browser(url: str) -> bool:
        port = urlsplit(parse_qs(urlsplit(url).query)["redirect_uri"][0]).port or 0
        for _ in range(5):
            slow = socket.create_connection(("127.0.0.1", port))
            slow.sendall(b"GET /callback?state=")  # ... and never the rest
            sockets.append(slow)
        return real(url)

    start = time.monotonic()
    summary = manager.finish_oauth(manager.begin_oauth("google"), browser)
    real.join()
    assert summary.provider == "google"
    assert time.monotonic() - start < 4  # not held up by the 5 s per-connection deadline
    for s in sockets:
        s.close()


def test_provider_denies(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.authorize_error = "access_denied"
    manager = make_manager(memory_store())
    with pytest.raises(ProviderDeniedError):
        run_flow(manager, FakeBrowser())
    svc.faults.authorize_error = "server_error"
    with pytest.raises(ProviderDeniedError, match="server_error"):
        run_flow(manager, FakeBrowser())
    assert not manager.signed_in and read_summary(manager.paths) is None


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "someone-else"},
        {"aud": [DEV_CLIENT_ID, "other"]},  # several audiences without azp
        {"azp": "someone-else"},
        {"iss": "https://evil.example"},
        {"exp": 1_000_000},
        {"iat": 4_000_000_000},
        {"nonce": "replayed"},
        {"nonce": None},
        {"sub": ""},
        {"exp": "tomorrow"},
    ],
)
def test_id_token_claims_are_checked(
    svc: RefService,
    memory_store: Callable[[], SecretStore],
    make_manager: Factory,
    claims: dict[str, Any],
) -> None:
    svc.faults.id_token_claims = claims
    manager = make_manager(memory_store())
    with pytest.raises(IdTokenError):
        run_flow(manager, FakeBrowser())
    assert svc.count("/api/v1/auth/oauth") == 0
    assert not manager.signed_in


@pytest.mark.parametrize(
    "header",
    [{"alg": "none"}, {"alg": "HS256", "kid": "x"}, {"alg": "RS256", "kid": "unknown"}],
)
def test_id_token_algorithm_and_key_are_checked(
    svc: RefService,
    memory_store: Callable[[], SecretStore],
    make_manager: Factory,
    header: dict[str, Any],
) -> None:
    svc.faults.id_token_header = header
    manager = make_manager(memory_store())
    with pytest.raises(IdTokenError):
        run_flow(manager, FakeBrowser())
    assert svc.count("/api/v1/auth/oauth") == 0


def test_a_forged_signature_is_refused(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.bad_signature = True
    manager = make_manager(memory_store())
    with pytest.raises(IdTokenError, match="signature"):
        run_flow(manager, FakeBrowser())


def test_the_token_endpoint_refusing_the_code(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.fail(
        "/oauth/token", Canned(400, b'{"error": "invalid_grant"}', {"Content-Type": "x"})
    )
    manager = make_manager(memory_store())
    with pytest.raises(OAuthError, match="invalid_grant"):
        run_flow(manager, FakeBrowser())


def test_the_token_endpoint_failing_is_not_retried(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.fail("/oauth/token", Canned(503))
    manager = make_manager(memory_store())
    with pytest.raises(ServerError):
        run_flow(manager, FakeBrowser())
    assert svc.count("/oauth/token") == 1  # a code is single use: no blind retry


def test_the_service_refusing_the_id_token(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.fail("/api/v1/auth/oauth", Canned(401, b'{"error": "invalid_token"}'))
    manager = make_manager(memory_store())
    with pytest.raises(AuthError):
        run_flow(manager, FakeBrowser())
    assert not manager.signed_in


def test_cancel_closes_the_listener(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    manager = make_manager(memory_store())
    flow = manager.begin_oauth("google")
    opened = threading.Event()

    def browser(url: str) -> bool:
        opened.set()
        return True

    threading.Timer(0.3, flow.cancel).start()
    with pytest.raises(OAuthCancelled):
        manager.finish_oauth(flow, browser)
    assert opened.is_set()
    redirect = flow.redirect_uri
    assert redirect is not None
    port = urlsplit(redirect).port
    assert port is not None and refused(port)
    assert svc.count("/oauth/authorize") == 0


def test_a_silent_connection_cannot_hold_the_listener(
    svc: RefService,
    memory_store: Callable[[], SecretStore],
    make_manager: Factory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nework_desktop.net.oauth import listener as oauth_listener

    monkeypatch.setattr(oauth_listener._Handler, "timeout", 0.5)
    manager = make_manager(memory_store())
    flow = manager.begin_oauth("google")
    sockets: list[socket.socket] = []

    def browser(url: str) -> bool:
        port = urlsplit(parse_qs(urlsplit(url).query)["redirect_uri"][0]).port
        sockets.append(socket.create_connection(("127.0.0.1", port or 0)))  # says nothing
        threading.Timer(0.2, flow.cancel).start()
        return True

    start = time.monotonic()
    with pytest.raises(OAuthCancelled):
        manager.finish_oauth(flow, browser)
    assert time.monotonic() - start < 3
    for s in sockets:
        s.close()


def test_a_flow_cancelled_before_it_starts(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    manager = make_manager(memory_store())
    flow = manager.begin_oauth("google")
    flow.cancel()
    with pytest.raises(OAuthCancelled):
        manager.finish_oauth(flow, FakeBrowser())
    assert flow.redirect_uri is None


def test_the_browser_never_comes_back(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    manager = make_manager(memory_store(), flow_timeout=0.5)
    start = time.monotonic()
    with pytest.raises(OAuthTimeout):
        manager.finish_oauth(manager.begin_oauth("microsoft"), lambda url: True)
    assert time.monotonic() - start < 5


def test_providers_without_configuration_are_unavailable_not_broken(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    providers = {p.id: p for p in load_providers(None, {})}
    assert set(providers) == {"google", "docomo_business", "apple", "microsoft"}
    assert providers["google"].unavailable_reason == UNAVAILABLE_NO_CLIENT_ID
    assert providers["docomo_business"].unavailable_reason == UNAVAILABLE_NO_ENDPOINTS
    configured = {
        p.id: p
        for p in load_providers(
            None,
            {
                "NEWORK_OAUTH_GOOGLE_CLIENT_ID": "g-id",
                "NEWORK_OAUTH_MICROSOFT_CLIENT_ID": "m-id",
                "NEWORK_OAUTH_APPLE_CLIENT_ID": "a-id",
                "NEWORK_OAUTH_DOCOMO_BUSINESS_CLIENT_ID": "d-id",
            },
        )
    }
    assert configured["google"].available and configured["google"].client_id == "g-id"
    assert configured["microsoft"].available and configured["apple"].available
    assert not configured["docomo_business"].available  # still no endpoints
    one = {
        p.id: p
        for p in load_providers(
            None,
            {
                "NEWORK_OAUTH_DOCOMO_BUSINESS_ISSUER": svc.url,
                "NEWORK_OAUTH_DOCOMO_BUSINESS_CLIENT_ID": "d-id",
            },
        )
    }
    assert one["docomo_business"].available and one["docomo_business"].discover
    manager = make_manager(memory_store(), env={})
    with pytest.raises(ProviderUnavailable):
        manager.begin_oauth("google")
    with pytest.raises(ProviderUnavailable):
        manager.begin_oauth("myspace")
    assert svc.requests == []


def test_real_provider_endpoints_are_https() -> None:
    for spec in PROVIDERS:
        for url in (spec.issuer, spec.authorization_endpoint, spec.token_endpoint, spec.jwks_uri):
            assert url is None or url.startswith("https://"), (spec.id, url)


def test_a_discovery_document_for_another_issuer_is_refused(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    doc = {"issuer": "https://evil.example", "authorization_endpoint": "x"}
    svc.faults.fail(
        "/.well-known/openid-configuration",
        Canned(200, json.dumps(doc).encode(), {"Content-Type": "application/json"}),
    )
    manager = make_manager(memory_store())
    with pytest.raises(BadReplyError):
        run_flow(manager, FakeBrowser())


def test_discovery_pointing_at_plain_http_is_refused(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    doc = {
        "issuer": svc.url,
        "authorization_endpoint": "http://evil.example/authorize",
        "token_endpoint": f"{svc.url}/oauth/token",
        "jwks_uri": f"{svc.url}/oauth/jwks",
    }
    svc.faults.fail(
        "/.well-known/openid-configuration",
        Canned(200, json.dumps(doc).encode(), {"Content-Type": "application/json"}),
    )
    manager = make_manager(memory_store())
    browser = FakeBrowser()
    with pytest.raises(BlockedError):
        run_flow(manager, browser)
    assert browser.urls == []


# -- ID token validation in detail ----------------------------------------------------------------


@pytest.fixture(scope="module")
def key() -> Any:
    return generate(kid="k1")


def claims_for(**extra: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {"iss": "https://issuer.example", "aud": "cid", "sub": "s", "iat": now, "exp": now + 60}
    return {**base, "nonce": "n", **extra}


SPEC = ProviderSpec("t", "T", "https://issuer.example", "https://a", "https://t", "https://j")


def test_microsoft_style_tenant_issuer(key: Any) -> None:
    spec = replace(SPEC, issuer=None, issuer_template="https://login.example/{tenantid}/v2.0")
    tid = "9188040d-6c67-4c5b-b112-36a304b66dad"
    token = sign_jwt(claims_for(iss=f"https://login.example/{tid}/v2.0", tid=tid), key)
    jwks = [public_jwk(key)]
    claims = validate_id_token(
        token, spec=spec, client_id="cid", nonce="n", jwks=lambda refresh: jwks
    )
    assert claims["tid"] == tid
    other = sign_jwt(claims_for(iss="https://login.example/other/v2.0", tid=tid), key)
    with pytest.raises(IdTokenError):
        validate_id_token(other, spec=spec, client_id="cid", nonce="n", jwks=lambda r: jwks)
    bad_tid = sign_jwt(claims_for(iss="https://login.example/x/v2.0", tid="x/../y"), key)
    with pytest.raises(IdTokenError):
        validate_id_token(bad_tid, spec=spec, client_id="cid", nonce="n", jwks=lambda r: jwks)


def test_several_audiences_need_azp(key: Any) -> None:
    jwks = [public_jwk(key)]
    token = sign_jwt(claims_for(aud=["cid", "other"], azp="cid"), key)
    validate_id_token(token, spec=SPEC, client_id="cid", nonce="n", jwks=lambda r: jwks)


def test_rotated_keys_are_fetched_again(key: Any) -> None:
    fetched: list[bool] = []

    def jwks(refresh: bool) -> list[dict[str, Any]]:
        fetched.append(refresh)
        return [public_jwk(key)] if refresh else []

    token = sign_jwt(claims_for(), key)
    validate_id_token(token, spec=SPEC, client_id="cid", nonce="n", jwks=jwks)
    assert fetched == [False, True]


def test_hs256_only_with_a_client_secret() -> None:
    secret = "s" * 40
    token = jwt.encode({"alg": "HS256"}, claims_for(), OctKey.import_key(secret.encode()))
    validate_id_token(token, spec=SPEC, client_id="cid", nonce="n", jwks=None, client_secret=secret)
    with pytest.raises(IdTokenError):
        validate_id_token(
            token, spec=SPEC, client_id="cid", nonce="n", jwks=None, client_secret="w" * 40
        )
    with pytest.raises(IdTokenError):
        validate_id_token(token, spec=SPEC, client_id="cid", nonce="n", jwks=None)


@pytest.mark.parametrize(
    "token", ["", "a.b", "a.b.c.d", "!!!.e30.", "e30.bm90IGpzb24.", "W10.W10.", "x" * 20_000]
)
def test_garbage_id_tokens(token: str) -> None:
    with pytest.raises(IdTokenError):
        validate_id_token(token, spec=SPEC, client_id="cid", nonce="n", jwks=lambda r: [])


def test_the_signature_check_rejects_tampering_and_weak_keys(key: Any) -> None:
    """What the hand-written RS256 verifier was tested for, now asked of joserfc's checks."""
    jwks = [public_jwk(key)]
    token = sign_jwt(claims_for(), key)
    validate_id_token(token, spec=SPEC, client_id="cid", nonce="n", jwks=lambda r: jwks)
    head, body, sig = token.split(".")
    other_body = sign_jwt(claims_for(sub="someone-else"), key).split(".")[1]
    truncated = f"{head}.{body}.{sig[:-4]}"
    for forged in (f"{head}.{other_body}.{sig}", spoil_signature(token), truncated):
        with pytest.raises(IdTokenError, match=r"signature|decoded"):
            validate_id_token(forged, spec=SPEC, client_id="cid", nonce="n", jwks=lambda r: jwks)
    small = generate(bits=1024, kid="small")
    weak = sign_jwt(claims_for(), small)
    with pytest.raises(IdTokenError, match="weak"):
        validate_id_token(
            weak, spec=SPEC, client_id="cid", nonce="n", jwks=lambda r: [public_jwk(small)]
        )


# -- token refresh --------------------------------------------------------------------------------


@pytest.mark.keyring
def test_an_expired_access_token_is_renewed(
    svc: RefService,
    kr: RealKeyring,
    make_manager: Factory,
    clock: Clock,
) -> None:
    manager = make_manager(kr.store())
    email_sign_in(svc, manager)
    first = manager.access_token()
    assert first is not None and svc.count("/api/v1/auth/refresh") == 0
    clock.now += 3600 - 30  # within the refresh margin of the one-hour token
    second = manager.access_token()
    assert second is not None and second != first
    assert svc.count("/api/v1/auth/refresh") == 1
    assert kr.store().get(SECRET_ACCESS) == second
    assert manager.client.account(second).provider == "email"
    manager.sign_out()


@pytest.mark.keyring
def test_the_access_token_is_kept_in_memory_not_read_per_request(
    svc: RefService, kr: RealKeyring, make_manager: Factory
) -> None:
    """The workspace asks for the token on every request, on the UI thread: the token the app
    stored (here: renewed after a restart) serves from memory until it is renewed or deleted."""
    email_sign_in(svc, make_manager(kr.store()))
    store = kr.store()
    reads: list[str] = []
    real_get = store.get

    def counting_get(name: str) -> str | None:
        reads.append(name)
        return real_get(name)

    store.get = counting_get  # type: ignore[method-assign]
    restarted = make_manager(store)
    assert restarted.restore(renew=False).status.value == "signed-in"
    reads.clear()
    tokens = {restarted.access_token() for _ in range(20)}  # the first renews (new start)
    assert len(tokens) == 1 and None not in tokens
    assert reads.count(SECRET_ACCESS) == 0  # the renewal stored it: no keyring read at all
    assert kr.store().get(SECRET_ACCESS) == tokens.pop()  # and the keyring holds the same
    restarted.sign_out()
    assert restarted.access_token() is None


def test_a_401_renews_once_and_retries(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    manager = make_manager(memory_store())
    email_sign_in(svc, manager)
    svc.faults.fail("/api/v1/account", Canned(401, b'{"error": "invalid_token"}'))
    info = manager.call(lambda token: manager.client.account(token or ""))
    assert info.provider == "email"
    assert svc.count("/api/v1/auth/refresh") == 1


def test_a_refused_refresh_signs_out_locally(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    store = memory_store()
    manager = make_manager(store)
    email_sign_in(svc, manager)
    svc.revoke_all()
    with pytest.raises(AuthError):
        manager.refresh()
    assert not manager.signed_in
    assert store.get(SECRET_REFRESH) is None and store.get(SECRET_ACCESS) is None
    assert manager.access_token() is None


# -- restart cases --------------------------------------------------------------------------------


def test_no_keyring_memory_only_then_sign_in_again(
    svc: RefService,
    paths: AppPaths,
    memory_store: Callable[[], SecretStore],
    make_manager: Factory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    manager = make_manager(memory_store())
    assert not manager.persistent
    with caplog.at_level(logging.WARNING, logger="nework"):
        email_sign_in(svc, manager)
    assert manager.signed_in and manager.access_token() is not None
    summary = read_summary(paths)
    assert summary is not None and not summary.persistent
    assert read_index(paths) == []  # nothing went to a keyring, so nothing is indexed
    assert sorted(p.name for p in paths.data.iterdir()) == [".nework-owned", ACCOUNT_FILE]
    assert [r for r in caplog.records if "memory only" in r.getMessage()]
    assert find_secrets(files_under(paths.roots()), svc.issued) == []

    restarted = make_manager(memory_store()).restore()
    assert restarted.status is SignInStatus.SIGN_IN_AGAIN
    assert restarted.reason == "no-session"
    assert restarted.summary is not None and restarted.summary.masked_email == "h***@example.com"
    assert svc.count("/api/v1/auth/refresh") == 0


def test_restart_while_the_service_is_offline_stays_signed_in(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    store = memory_store()
    email_sign_in(svc, make_manager(store))
    svc.faults.fail("/api/v1/auth/refresh", *[Canned(drop=True)] * 3)
    result = make_manager(store).restore()
    assert result.status is SignInStatus.SIGNED_IN and result.offline


def test_restart_after_the_session_was_revoked(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    store = memory_store()
    email_sign_in(svc, make_manager(store))
    svc.revoke_all()
    result = make_manager(store).restore()
    assert result.status is SignInStatus.SIGN_IN_AGAIN and result.reason == "expired"
    assert store.get(SECRET_REFRESH) is None


def test_stray_tokens_without_a_summary_are_removed(
    svc: RefService, paths: AppPaths, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    store = memory_store()
    store.set(SECRET_REFRESH, "nwrt_orphan")
    assert make_manager(store).restore().status is SignInStatus.SIGNED_OUT
    assert store.get(SECRET_REFRESH) is None


def test_a_damaged_summary_reads_as_signed_out(paths: AppPaths) -> None:
    paths.ensure("data")
    for content in ("{", "[]", '{"provider": 1}', "[" * 50_000):
        (paths.data / ACCOUNT_FILE).write_text(content, encoding="utf-8")
        assert read_summary(paths) is None


def test_sign_out_while_offline_still_forgets_everything(
    svc: RefService, paths: AppPaths, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    store = memory_store()
    manager = make_manager(store)
    email_sign_in(svc, manager)
    svc.faults.fail("/api/v1/auth/signout", *[Canned(drop=True)] * 3)
    result = manager.sign_out()
    assert not result.service_told and result.error
    assert store.get(SECRET_REFRESH) is None and store.get(SECRET_ACCESS) is None
    assert read_summary(paths) is None and not manager.signed_in


# -- nothing secret on disk or in the logs --------------------------------------------------------


class Collect(logging.Handler):
    """Every record of the app's loggers, unmasked: the code itself must not log secrets."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def find_secrets_in_lines(lines: list[str], secrets: list[str]) -> list[str]:
    found = []
    for line in lines:
        for secret in secrets:
            pattern = rf"(?<!\d){re.escape(secret)}(?!\d)" if secret.isdigit() else None
            if (pattern and re.search(pattern, line)) or (not pattern and secret in line):
                found.append(secret[:6])
    return found


@pytest.fixture
def app_logging(paths: AppPaths) -> Iterator[tuple[Path, Collect]]:
    root = logging.getLogger("nework")
    saved = (list(root.handlers), root.level, root.propagate)
    applog.setup(logging.DEBUG)
    log_file = applog.enable_file_logging(paths)
    collect = Collect()
    root.addHandler(collect)
    yield log_file, collect
    applog.disable_file_logging()
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    root.propagate = saved[2]


@pytest.mark.keyring
def test_no_token_or_code_on_disk_or_in_the_logs(
    svc: RefService,
    kr: RealKeyring,
    make_manager: Factory,
    clock: Clock,
    app_logging: tuple[Path, Collect],
) -> None:
    log_file, collect = app_logging
    manager = make_manager(kr.store())
    email_sign_in(svc, manager)
    manager.sign_out()
    browser = FakeBrowser()
    manager.finish_oauth(manager.begin_oauth("google"), browser)
    browser.join()
    clock.now += 7200
    assert manager.access_token() is not None  # a refresh
    restarted = make_manager(kr.store())
    assert restarted.restore().status is SignInStatus.SIGNED_IN  # another refresh
    assert restarted.call(lambda token: restarted.client.account(token or "")).provider == "google"

    secrets = list(svc.issued)
    kinds = {s.split("_", 1)[0] for s in secrets if "_" in s[:5]}
    assert {"nwat", "nwrt", "pc", "pat"} <= kinds  # session, provider code and token
    assert any(s.startswith("eyJ") for s in secrets)  # the ID token
    assert any(s.isdigit() for s in secrets)  # the e-mail code
    assert len(secrets) >= 10

    files = files_under([*kr.paths.roots(), log_file])
    assert log_file in files and log_file.stat().st_size > 0
    assert find_secrets(files, secrets) == []
    assert find_secrets(files, [EMAIL]) == []  # the full address is not on disk either
    assert find_secrets_in_lines(collect.lines, secrets) == []
    assert kr.names() == [SECRET_ACCESS, SECRET_REFRESH]
    restarted.sign_out()


# -- the real app, as a newcomer would walk through it ---------------------------------------------


def launch_app(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return helpers.run_app(*args, env=env)


@pytest.mark.keyring
def test_the_real_app_registers_restarts_and_uninstalls(
    svc: RefService, tmp_path: Path, backend: Any
) -> None:
    """consent → e-mail registration → main window; restart signed in; uninstall-cleanup."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env.update(
        HOME=str(home),
        NEWORK_SIMULATE_OS="linux",
        QT_QPA_PLATFORM="offscreen",
        XDG_RUNTIME_DIR=os.environ["XDG_RUNTIME_DIR"],
        NEWORK_SERVICE_URL=svc.url,
        NEWORK_OAUTH_ISSUER_OVERRIDE=svc.url,
    )
    try:
        first = launch_app(env, "--automate", "accept-consent,sign-in-email:qa@example.com,quit")
        assert first.returncode == 0, first.stderr
        assert "automation: signed in by e-mail" in first.stderr
        assert "step 7 main window shown" in first.stderr
        assert keyring_names(backend, SERVICE) == [SECRET_ACCESS, SECRET_REFRESH]

        second = launch_app(env, "--automate", "quit")
        assert second.returncode == 0, second.stderr
        assert "account: signed-in" in second.stderr
        assert "step 7 main window shown" in second.stderr
        assert svc.count("/api/v1/auth/email/code") == 1  # not asked to register again
        assert (
            svc.count("/api/v1/auth/refresh") == 0
        )  # no network before the window: renewed on use

        files = files_under([home])
        assert files and find_secrets(files, svc.issued) == []
        assert find_secrets(files, ["qa@example.com"]) == []
        for output in (first.stdout + first.stderr, second.stdout + second.stderr):
            assert find_secrets_in_lines(output.splitlines(), svc.issued) == []
            assert "qa@example.com" not in output  # masked in the log

        wipe = launch_app(env, "uninstall-cleanup", "--yes")
        assert wipe.returncode == 0, wipe.stdout + wipe.stderr
        assert keyring_names(backend, SERVICE) == []
    finally:
        delete_service(backend, SERVICE)


# -- provider failures name the provider; RFC 9207; userinfo ---------------------------------------


@pytest.mark.parametrize("iss", ["https://evil.example", ""])
def test_the_redirects_iss_must_be_the_issuer(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory, iss: str
) -> None:
    """RFC 9207: the reference provider advertises it, so a wrong or missing iss is refused."""
    svc.faults.authorize_iss = iss
    manager = make_manager(memory_store())
    with pytest.raises(OAuthError, match="another issuer"):
        run_flow(manager, FakeBrowser())
    assert svc.count("/oauth/token") == 0


def test_e_mail_only_from_userinfo(
    svc: RefService, paths: AppPaths, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.id_token_claims = {"email": None}
    manager = make_manager(memory_store())
    browser = FakeBrowser()
    summary = manager.finish_oauth(manager.begin_oauth("google"), browser)
    browser.join()
    assert summary.masked_email == "h***@example.com" and manager.email == EMAIL
    assert svc.count("/oauth/userinfo") == 1
    stored = read_summary(paths)
    assert stored is not None and stored.masked_email == "h***@example.com"


PROVIDER_FAILURES = {
    "discovery-503": ("/.well-known/openid-configuration", Canned(503), ServerError, "discovery"),
    "jwks-unreachable": ("/oauth/jwks", Canned(drop=True), OfflineError, "keys"),
    "jwks-503": ("/oauth/jwks", Canned(503), ServerError, "keys"),
    "userinfo-503": ("/oauth/userinfo", Canned(503), ServerError, "userinfo"),
}


@pytest.mark.parametrize("case", list(PROVIDER_FAILURES))
def test_provider_failures_name_the_provider(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory, case: str
) -> None:
    path, reply, kind, stage = PROVIDER_FAILURES[case]
    svc.faults.id_token_claims = {"email": None}  # so that userinfo is asked
    svc.faults.fail(path, *[reply] * 3)
    manager = make_manager(memory_store())
    with pytest.raises(ProviderError) as failed:
        run_flow(manager, FakeBrowser(), "microsoft")
    assert isinstance(failed.value, kind)
    assert failed.value.provider == "Microsoft" and failed.value.stage == stage
    assert failed.value.retry_helps
    assert svc.count("/api/v1/auth/oauth") == 0


def test_an_unknown_client_is_not_worth_a_retry(
    svc: RefService, memory_store: Callable[[], SecretStore], make_manager: Factory
) -> None:
    svc.faults.fail("/oauth/token", Canned(400, b'{"error": "invalid_client"}'))
    manager = make_manager(memory_store())
    with pytest.raises(ProviderError, match="invalid_client") as failed:
        run_flow(manager, FakeBrowser(), "apple")
    assert failed.value.provider == "Apple" and not failed.value.retry_helps
