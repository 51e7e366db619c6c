"""The real sign-in against a certified OpenID provider nobody here wrote (node-oidc-provider 9).

The provider (``tests/oidc``, installed by ``npm ci``) runs on 127.0.0.1 with a public native
client (``token_endpoint_auth_method: none``, loopback redirect, PKCE required).  The app's own
wiring does the rest: :class:`AccountManager` → :class:`OAuthFlow` (discovery, loopback
listener, PKCE, token exchange, ID token checks, userinfo) → the reference NeWork service, which
trusts this provider's keys the way a real service would.  The "browser" is the stand-in the QA
automation uses (:class:`FakeBrowser` around it), filling the provider's login and consent
forms.  Covered: RS256, PS256, ES256; every provider's own mode under the override (Apple's
form_post, Microsoft's prompt); key rotation (one JWKS refetch); e-mail only from userinfo;
an issuer ending in "/"; access_denied; JWKS down; a state mismatch; every forged claim; the
tokens in the keyring and none on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest

from nework_desktop.core.account_store import read_summary
from nework_desktop.core.secrets import SecretStore
from nework_desktop.net.errors import ServerError
from nework_desktop.net.oauth.errors import (
    STAGE_DISCOVERY,
    STAGE_KEYS,
    AlgorithmRefused,
    IdTokenError,
    OAuthError,
    ProviderDeniedError,
    ProviderError,
    ProviderMisconfigured,
)
from nework_desktop.net.oauth.jose import decode_jwt
from nework_desktop.net.oauth.providers import DEV_CLIENT_ID
from nework_desktop.services.account import SECRET_ACCESS, SECRET_REFRESH, AccountManager
from tests.helpers import ManagerFactory, RealKeyring
from tests.oidc.harness import NodeProvider, keys_for
from tests.refservice import RefService, generate
from tests.refservice.testing import FakeBrowser, files_under, find_secrets

pytestmark = pytest.mark.slow

PROVIDER_IDS = ["google", "docomo_business", "apple", "microsoft"]


Start = Callable[..., NodeProvider]


@pytest.fixture
def start_provider(tmp_path: Path, svc: RefService) -> Iterator[Start]:
    """Start node-oidc-provider (keyword arguments: see NodeProvider); the service trusts it."""
    started: list[NodeProvider] = []

    def start(**options: Any) -> NodeProvider:
        provider = NodeProvider(tmp_path / f"op{len(started)}", **options).start()
        started.append(provider)
        svc.trusted_issuers[provider.issuer] = provider.public_keys()
        return provider

    yield start
    for provider in started:
        provider.stop()


Factory = Callable[[SecretStore, NodeProvider], AccountManager]


@pytest.fixture
def make_manager(make_manager: ManagerFactory) -> Factory:
    """The shared factory, signing in at the node provider (slower: a longer read timeout)."""

    def make(store: SecretStore, provider: NodeProvider) -> AccountManager:
        env = {"NEWORK_OAUTH_ISSUER_OVERRIDE": provider.issuer}
        return make_manager(store, env=env, flow_timeout=20.0, read_timeout=10.0)

    return make


def sign_in(
    manager: AccountManager, provider_id: str = "google", browser: FakeBrowser | None = None
) -> Any:
    browser = browser or FakeBrowser()
    flow = manager.begin_oauth(provider_id)
    try:
        return manager.finish_oauth(flow, browser)
    finally:
        browser.join()


# -- the happy paths -----------------------------------------------------------------------------


@pytest.mark.keyring
@pytest.mark.parametrize("alg", ["RS256", "PS256", "ES256"])
def test_sign_in_with_each_algorithm_keeps_tokens_in_the_keyring_only(
    svc: RefService, kr: RealKeyring, start_provider: Start, make_manager: Factory, alg: str
) -> None:
    paths = kr.paths
    provider = start_provider(alg=alg)
    manager = make_manager(kr.store(), provider)
    summary = sign_in(manager)
    assert summary.provider == "google"
    # The provider keeps the e-mail out of the ID token (its default): it came from userinfo.
    assert summary.masked_email == "h***@example.com"
    assert provider.count("GET /me") == 1
    id_token = decode_jwt(svc.received_id_tokens[-1])
    assert id_token.header["alg"] == alg and id_token.header["kid"] == provider.keys[0].kid
    assert "email" not in id_token.claims
    assert kr.names() == [SECRET_ACCESS, SECRET_REFRESH]
    secrets = [*svc.issued, *svc.received_id_tokens]
    assert find_secrets(files_under(paths.roots()), secrets) == []
    summary_file = read_summary(paths)
    assert summary_file is not None and summary_file.masked_email == "h***@example.com"
    manager.sign_out()
    assert kr.names() == []


@pytest.mark.parametrize("provider_id", PROVIDER_IDS)
def test_every_provider_keeps_its_own_mode_under_the_override(
    svc: RefService, memory_store: Callable[[], SecretStore], start_provider: Start,
    make_manager: Factory, provider_id: str,
) -> None:  # fmt: skip
    """Apple's form_post and Microsoft's prompt=select_account reach the provider as such."""
    provider = start_provider()
    manager = make_manager(memory_store(), provider)
    browser = FakeBrowser()
    summary = sign_in(manager, provider_id, browser)
    assert summary.provider == provider_id
    params = {k: v[0] for k, v in parse_qs(urlsplit(browser.urls[0]).query).items()}
    assert params["client_id"] == DEV_CLIENT_ID
    assert params.get("response_mode") == ("form_post" if provider_id == "apple" else None)
    assert params.get("prompt") == ("select_account" if provider_id == "microsoft" else None)


def test_e_mail_in_the_id_token_needs_no_userinfo(
    svc: RefService, memory_store: Callable[[], SecretStore], start_provider: Start,
    make_manager: Factory,
) -> None:  # fmt: skip
    provider = start_provider(email_in_id_token=True)
    summary = sign_in(make_manager(memory_store(), provider))
    assert summary.masked_email == "h***@example.com"
    assert provider.count("GET /me") == 0
    assert decode_jwt(svc.received_id_tokens[-1]).claims["email"] == "hanako@example.com"


def test_an_issuer_ending_in_a_slash_is_used_as_configured(
    memory_store: Callable[[], SecretStore], start_provider: Start, make_manager: Factory
) -> None:
    provider = start_provider(trailing_slash=True)
    assert provider.issuer.endswith("/")
    manager = make_manager(memory_store(), provider)
    assert manager.provider("google").spec.issuer == provider.issuer
    assert sign_in(manager).provider == "google"
    assert provider.count("GET /.well-known/openid-configuration") == 1


def test_key_rotation_costs_one_key_set_refetch(
    memory_store: Callable[[], SecretStore], start_provider: Start, make_manager: Factory,
    svc: RefService,
) -> None:  # fmt: skip
    provider = start_provider()
    manager = make_manager(memory_store(), provider)
    sign_in(manager)
    assert provider.count("GET /jwks") == 1
    new = generate(kid="rotated")
    provider.rotate([new, *provider.keys])  # the new key signs; the old one is still published
    svc.trusted_issuers[provider.issuer] = provider.public_keys()
    sign_in(manager)
    assert provider.count("GET /jwks") == 2  # the unknown kid: fetched once more
    sign_in(manager)
    assert provider.count("GET /jwks") == 2  # known now


# -- failures ------------------------------------------------------------------------------------


def test_access_denied(
    svc: RefService, memory_store: Callable[[], SecretStore], start_provider: Start,
    make_manager: Factory,
) -> None:  # fmt: skip
    provider = start_provider()
    manager = make_manager(memory_store(), provider)
    with pytest.raises(ProviderDeniedError):
        sign_in(manager, browser=FakeBrowser(deny=True))
    assert provider.count("POST /token") == 0 and not manager.signed_in


def test_key_set_down_names_the_provider(
    svc: RefService, memory_store: Callable[[], SecretStore], start_provider: Start,
    make_manager: Factory,
) -> None:  # fmt: skip
    provider = start_provider()
    provider.faults(jwks_status=503)
    manager = make_manager(memory_store(), provider)
    with pytest.raises(ProviderError) as failed:
        sign_in(manager)
    assert isinstance(failed.value, ServerError)  # the kind stays visible
    assert failed.value.provider == "Google" and failed.value.stage == STAGE_KEYS
    assert failed.value.retry_helps
    assert provider.count("GET /jwks") == 3  # an idempotent GET: retried, then given up
    assert svc.count("/api/v1/auth/oauth") == 0


def test_a_state_mismatch_ends_the_flow(
    svc: RefService, memory_store: Callable[[], SecretStore], start_provider: Start,
    make_manager: Factory,
) -> None:  # fmt: skip
    def forge_state(url: str) -> str:
        parts = urlsplit(url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        query["state"] = "forged-state"
        return urlunsplit(parts._replace(query=urlencode(query)))

    provider = start_provider()
    manager = make_manager(memory_store(), provider)
    browser = FakeBrowser(rewrite=forge_state)
    with pytest.raises(OAuthError, match="state"):
        sign_in(manager, browser=browser)
    assert browser.answers and browser.answers[-1][0] == 400
    assert provider.count("POST /token") == 0


def test_a_provider_with_no_acceptable_algorithm_is_misconfigured(
    memory_store: Callable[[], SecretStore], start_provider: Start, make_manager: Factory
) -> None:
    provider = start_provider(alg="RS384", algs=["RS384"], keys=keys_for("RS256"))
    manager = make_manager(memory_store(), provider)
    browser = FakeBrowser()
    with pytest.raises(ProviderMisconfigured) as failed:
        sign_in(manager, browser=browser)
    assert not failed.value.retry_helps and failed.value.stage == STAGE_DISCOVERY
    assert browser.urls == []  # found before the browser opened


FORGED_CLAIMS: list[dict[str, Any]] = [
    {"iss": "https://evil.example"},
    {"aud": "someone-else"},
    {"aud": [DEV_CLIENT_ID, "other"]},  # several audiences without azp
    {"aud": [DEV_CLIENT_ID, "other"], "azp": "other"},
    {"azp": "someone-else"},
    {"nonce": "replayed"},
    {"nonce": None},
    {"exp": 1_000_000},
    {"iat": 4_000_000_000},
    {"sub": ""},
]


@pytest.mark.parametrize(
    "faults",
    [
        *({"claims": claims} for claims in FORGED_CLAIMS),
        {"claims": {"iss": "PLACEHOLDER/"}},  # the issuer with a slash it does not have
        {"header": {"kid": "unknown"}},
        {"signature": "flip"},
        {"signature": "none"},
        {"signature": "hs256-public"},
        {"signature": "rs384"},
    ],
    ids=lambda faults: "-".join(f"{k}={v}" for k, v in faults.items())[:60],
)
def test_every_forged_id_token_is_refused(
    svc: RefService, memory_store: Callable[[], SecretStore], start_provider: Start,
    make_manager: Factory, faults: dict[str, Any],
) -> None:  # fmt: skip
    provider = start_provider()
    if faults.get("claims", {}).get("iss") == "PLACEHOLDER/":
        faults = {"claims": {"iss": provider.issuer + "/"}}
    provider.faults(**faults)
    manager = make_manager(memory_store(), provider)
    refused = AlgorithmRefused if faults.get("signature") in ("none", "hs256-public") else None
    with pytest.raises(IdTokenError) as failed:
        sign_in(manager)
    if refused is not None:
        assert isinstance(failed.value, refused) and not failed.value.retry_helps
    assert svc.count("/api/v1/auth/oauth") == 0
    assert not manager.signed_in
