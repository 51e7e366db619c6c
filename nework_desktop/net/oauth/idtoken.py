"""PKCE, and the ID token: decoding and every check (signature, issuer, audience, time, nonce).

Signatures: RS256 against the provider's JWKS (verified with the standard library -- see
:func:`verify_rs256`); HS256 only with a configured client secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nework_desktop.net.errors import BadReplyError
from nework_desktop.net.http import MAX_TOKEN_LENGTH, parse_json
from nework_desktop.net.oauth.errors import IdTokenError
from nework_desktop.net.oauth.providers import ProviderSpec

CLOCK_LEEWAY = 120


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
