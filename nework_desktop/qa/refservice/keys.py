"""The reference OpenID provider's signing key and its ID tokens (RS256 JWS, published as a JWK).

The RSA work is the ``cryptography`` library's: one 2048-bit key generated per process
(:func:`shared_key`), RS256 = RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3).  This module only
frames it: the compact JWS form (``header.claims.signature``, base64url without padding) and the
JWK of the public key, whose ``n`` and ``e`` come from the key's public numbers.  The app's own
verifier (:func:`nework_desktop.net.oauth.verify_rs256`) is tested against these tokens.
"""

from __future__ import annotations

import base64
import functools
import json
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

Json = dict[str, Any]

PUBLIC_EXPONENT = 65537


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64url_uint(value: int) -> str:
    """A JWK integer (RFC 7518 §2): big-endian bytes, as few as hold it, base64url."""
    return b64url(value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


@dataclass(frozen=True)
class SigningKey:
    """An RSA private key with its key id (``kid``)."""

    private: rsa.RSAPrivateKey
    kid: str

    def sign(self, message: bytes) -> bytes:
        """The RS256 signature of ``message``."""
        return self.private.sign(message, padding.PKCS1v15(), hashes.SHA256())

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            self.private.public_key().verify(
                signature, message, padding.PKCS1v15(), hashes.SHA256()
            )
        except InvalidSignature:
            return False
        return True


def generate(bits: int = 2048, kid: str | None = None) -> SigningKey:
    private = rsa.generate_private_key(public_exponent=PUBLIC_EXPONENT, key_size=bits)
    return SigningKey(private, kid or secrets.token_hex(8))


@functools.cache
def shared_key() -> SigningKey:
    """The provider's key: one per process."""
    return generate()


def public_jwk(key: SigningKey) -> Json:
    numbers = key.private.public_key().public_numbers()
    return {
        "kty": "RSA",
        "use": "sig",
        "alg": "RS256",
        "kid": key.kid,
        "n": _b64url_uint(numbers.n),
        "e": _b64url_uint(numbers.e),
    }


def _segment(data: Json) -> str:
    return b64url(json.dumps(data, separators=(",", ":")).encode())


def sign_jwt(claims: Json, key: SigningKey, header: Json | None = None) -> str:
    """A compact JWS of ``claims``; a ``header`` whose ``alg`` is not RS256 gets no signature."""
    head = header if header is not None else {"alg": "RS256", "typ": "JWT", "kid": key.kid}
    signing_input = f"{_segment(head)}.{_segment(claims)}"
    signature = (
        b64url(key.sign(signing_input.encode("ascii"))) if head.get("alg") == "RS256" else ""
    )
    return f"{signing_input}.{signature}"


def verify_jwt(token: str, key: SigningKey) -> Json | None:
    """The claims of a token this provider signed (RS256, its ``kid``), or None."""
    try:
        head, body, sig = token.split(".")
        header = json.loads(b64url_decode(head))
        if header.get("alg") != "RS256" or header.get("kid") != key.kid:
            return None
        if not key.verify(f"{head}.{body}".encode("ascii"), b64url_decode(sig)):
            return None
        claims = json.loads(b64url_decode(body))
    except (ValueError, TypeError, AttributeError):
        return None
    return claims if isinstance(claims, dict) else None
