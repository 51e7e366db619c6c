"""PKCE, and the ID token's checks: signature (:mod:`.jose`), issuer, audience, time, nonce.

The claim rules are the app's own and stricter than a JOSE library's defaults: ``iss`` exactly
the configured issuer (a trailing slash is part of it), ``aud`` contains this client and any
other audience requires ``azp`` = this client, ``exp``/``iat`` with a bounded leeway
(:data:`CLOCK_LEEWAY`, at most :data:`MAX_LEEWAY`), ``nonce`` of this sign-in, a ``sub``.
"""

from __future__ import annotations

import hmac
import re
import secrets
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from nework_desktop.core.digest import sha256
from nework_desktop.core.signed import b64url_encode as b64url
from nework_desktop.net.oauth.errors import IdTokenError
from nework_desktop.net.oauth.jose import (
    ASYMMETRIC_ALGORITHMS,
    JwksFetch,
    decode_jwt,
    verify_signature,
)
from nework_desktop.net.oauth.providers import ProviderSpec

CLOCK_LEEWAY = 120
#: The most clock difference any caller may allow.
MAX_LEEWAY = 300


@dataclass(frozen=True)
class Pkce:
    verifier: str = field(repr=False)
    challenge: str

    @classmethod
    def create(cls) -> Pkce:
        verifier = b64url(secrets.token_bytes(32))  # 43 characters, RFC 7636 §4.1
        return cls(verifier, pkce_challenge(verifier))


def pkce_challenge(verifier: str) -> str:
    return b64url(sha256(verifier.encode("ascii")).digest())


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
    algorithms: Collection[str] | None = None,
    now: float | None = None,
    leeway: int = CLOCK_LEEWAY,
) -> dict[str, Any]:
    """Verify the ID token (signature, iss, aud/azp, exp, iat, nonce, sub); return its claims.

    ``algorithms``: the accepted ones (:func:`~.jose.accepted_algorithms`); by default RS256,
    PS256 and ES256, and HS256 when there is a ``client_secret``.
    """
    if algorithms is None:
        algorithms = (*ASYMMETRIC_ALGORITHMS, *(("HS256",) if client_secret else ()))
    leeway = max(0, min(leeway, MAX_LEEWAY))
    jwt = decode_jwt(token)
    verify_signature(jwt, algorithms=algorithms, jwks=jwks, client_secret=client_secret)
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
