"""ID token signatures and claim rules (net/oauth/jose.py, idtoken.py), with joserfc's keys."""

from __future__ import annotations

import time
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from nework_desktop.net.oauth.errors import AlgorithmRefused, IdTokenError
from nework_desktop.net.oauth.idtoken import MAX_LEEWAY, validate_id_token
from nework_desktop.net.oauth.jose import KeyCache, accepted_algorithms
from nework_desktop.net.oauth.providers import ProviderSpec
from tests.refservice import generate, public_jwk, sign_jwt

SPEC = ProviderSpec("t", "T", "https://issuer.example/", "https://a", "https://t", "https://j")


def claims_for(**extra: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {"iss": "https://issuer.example/", "aud": "cid", "sub": "s", "iat": now}
    return {**base, "exp": now + 60, "nonce": "n", **extra}


def check(token: str, keys: list[dict[str, Any]], **options: Any) -> dict[str, Any]:
    return validate_id_token(
        token, spec=SPEC, client_id="cid", nonce="n", jwks=lambda refresh: keys, **options
    )


@pytest.mark.parametrize(
    ("advertised", "secret", "expected"),
    [
        (None, False, ("RS256",)),
        (None, True, ("RS256", "HS256")),
        (["RS256", "PS256", "ES256", "EdDSA"], False, ("RS256", "PS256", "ES256")),
        (["ES256", "HS256"], False, ("ES256",)),
        (["ES256", "HS256"], True, ("ES256", "HS256")),
        (["RS384", "none"], False, ()),
        ([], True, ()),
    ],
)
def test_accepted_algorithms(
    advertised: list[str] | None, secret: bool, expected: tuple[str, ...]
) -> None:
    assert accepted_algorithms(advertised, client_secret=secret) == expected


@pytest.mark.parametrize("alg", ["RS256", "PS256", "ES256"])
def test_each_algorithm_verifies_with_its_key(alg: str) -> None:
    key = generate(alg=alg, kid=f"k-{alg}")
    token = sign_jwt(claims_for(), key)
    assert check(token, [public_jwk(key)], algorithms=[alg])["sub"] == "s"
    with pytest.raises(AlgorithmRefused, match="not accepted"):
        check(token, [public_jwk(key)], algorithms=[a for a in ("RS256", "ES256") if a != alg])


def test_the_key_must_fit_the_algorithm_and_the_kid() -> None:
    rsa, ec = generate(kid="same"), generate(alg="ES256", kid="same")
    token = sign_jwt(claims_for(), rsa)
    with pytest.raises(IdTokenError, match="unknown"):
        check(token, [public_jwk(ec)])  # an EC key under the kid of an RS256 token
    assert check(token, [public_jwk(ec), public_jwk(rsa)])["sub"] == "s"


def test_without_a_kid_only_a_single_fitting_key_is_used() -> None:
    one, two = generate(kid="one"), generate(kid="two")
    token = sign_jwt(claims_for(), one, {"alg": "RS256"})
    assert check(token, [public_jwk(one)])["sub"] == "s"
    with pytest.raises(IdTokenError, match="unknown"):
        check(token, [public_jwk(one), public_jwk(two)])


def test_hs256_needs_a_secret_of_the_hash_size() -> None:
    short = "s" * 16
    token = jwt.encode({"alg": "HS256"}, claims_for(), OctKey.import_key(b"t" * 40))
    with pytest.raises(IdTokenError, match="too short"):
        check(token, [], client_secret=short)
    with pytest.raises(AlgorithmRefused):
        check(token, [])


def test_the_issuer_is_compared_exactly() -> None:
    key = generate(kid="k")
    without_slash = sign_jwt(claims_for(iss="https://issuer.example"), key)
    with pytest.raises(IdTokenError, match="issuer"):
        check(without_slash, [public_jwk(key)])


def test_the_leeway_is_bounded() -> None:
    key = generate(kid="k")
    stale = sign_jwt(claims_for(exp=int(time.time()) - MAX_LEEWAY - 60), key)
    with pytest.raises(IdTokenError, match="expired"):
        check(stale, [public_jwk(key)], leeway=10**9)  # capped at MAX_LEEWAY
    recent = sign_jwt(claims_for(exp=int(time.time()) - 60), key)
    assert check(recent, [public_jwk(key)])["sub"] == "s"  # within the default leeway


def test_the_key_cache_refetches_once_per_token_and_is_shared() -> None:
    old, new = generate(kid="old"), generate(kid="new")
    served = [[public_jwk(old)]]
    loads: list[int] = []

    def load() -> list[dict[str, Any]]:
        loads.append(1)
        return served[0]

    cache = KeyCache()
    fetch = cache.fetcher("https://j", load)

    def verify(token: str, jwks: Any) -> None:
        validate_id_token(token, spec=SPEC, client_id="cid", nonce="n", jwks=jwks)

    verify(sign_jwt(claims_for(), old), fetch)
    assert len(loads) == 1
    served[0] = [public_jwk(new)]
    again = cache.fetcher("https://j", load)  # the next sign-in, the same cache
    verify(sign_jwt(claims_for(), new), again)
    assert len(loads) == 2
    with pytest.raises(IdTokenError, match="unknown"):
        verify(sign_jwt(claims_for(), generate(kid="stranger")), again)
    assert len(loads) == 3  # one refetch for the unknown kid, not more
