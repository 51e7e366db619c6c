"""Ed25519-signed envelopes: the one way the app checks what the NeWork service signed.

An envelope is a JSON object::

    {"key_id": "nework-2025-1",
     "payload": "<base64url (no padding) of the signed bytes>",
     "signature": "<base64url of the 64-byte Ed25519 signature of exactly those bytes>"}

The signature covers the payload's bytes as they were sent, so there is no canonical form of
JSON to agree on.  The payload is strict JSON (:func:`core.validate.parse_json`) whose ``type``
says what it is (``nework-policy-feed``, ``nework-key-list``, ``nework-consent-ack``): a
signature made for one kind never passes as another.  Each key is trusted for named uses only
(:attr:`TrustedKey.uses`; the trust anchor is :mod:`core.policy.trust`), so the service's online
key that signs acknowledgements cannot sign a policy unless the key list says so.

:func:`open_envelope` checks all of it and raises :class:`SignatureRefused` (``malformed``,
``unknown_key`` or ``bad_signature``) for anything else.  The Ed25519 arithmetic is the
``cryptography`` library's, imported on first use.  No Qt, no network here.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from nework_desktop.core import validate

__all__ = [
    "KEY_ID_RE",
    "SignatureRefused",
    "TrustedKey",
    "b64url_decode",
    "b64url_encode",
    "open_envelope",
]

Refusal = Literal["malformed", "unknown_key", "bad_signature"]

#: A key id: short, printable, no spaces (it is logged and shown).
KEY_ID_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", re.ASCII)
PUBLIC_KEY_BYTES: Final = 32
SIGNATURE_BYTES: Final = 64
#: The largest payload the app takes (a policy's metadata is ~20 KB).
MAX_PAYLOAD_BYTES: Final = 1_000_000
_B64URL_RE: Final = re.compile(r"[A-Za-z0-9_-]*", re.ASCII)


class SignatureRefused(Exception):
    """An envelope that does not verify: ``reason`` is ``malformed``, ``unknown_key`` or
    ``bad_signature``; ``detail`` one line saying what exactly."""

    def __init__(self, reason: Refusal, detail: str) -> None:
        self.reason: Refusal = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")

    def __reduce__(self) -> tuple[type[SignatureRefused], tuple[Refusal, str]]:
        return (type(self), (self.reason, self.detail))


def b64url_encode(data: bytes) -> str:
    """base64url without padding (RFC 4648 §5)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes | None:
    """The bytes of canonical base64url without padding, or None for anything else."""
    if _B64URL_RE.fullmatch(text) is None or len(text) % 4 == 1:
        return None
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    # Refuse a second spelling of the same bytes (non-zero padding bits).
    return data if b64url_encode(data) == text else None


@dataclass(frozen=True, slots=True)
class TrustedKey:
    """A public Ed25519 key the app believes, and what it is believed for."""

    key_id: str
    public_key: bytes
    uses: frozenset[str]

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True if ``signature`` is this key's Ed25519 signature of ``data``."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True


def _malformed(location: str, detail: str) -> SignatureRefused:
    return SignatureRefused("malformed", validate.located(location, detail))


def _decoded(at: validate.At, value: object, *, max_chars: int) -> bytes:
    text = at.text(value, max_len=max_chars)
    data = b64url_decode(text)
    if data is None:
        at.fail("expected base64url without padding")
    return data


def open_envelope(
    value: object, keys: Mapping[str, TrustedKey], *, use: str, kind: str, what: str
) -> tuple[TrustedKey, dict[str, object]]:
    """Verify an envelope (see the module docstring); return the key and the payload object.

    ``use`` is what the signing key must be trusted for, ``kind`` the payload's ``type``,
    ``what`` names the envelope in messages ("feed", "acknowledgement").  Raises
    :class:`SignatureRefused` and nothing else.
    """
    at = validate.At(what, _malformed)
    obj = at.obj(value, ("key_id", "payload", "signature"))
    key_id = at.key("key_id").matching(obj["key_id"], KEY_ID_RE, "a key id")
    payload = _decoded(at.key("payload"), obj["payload"], max_chars=MAX_PAYLOAD_BYTES * 4 // 3 + 4)
    signature = _decoded(at.key("signature"), obj["signature"], max_chars=100)
    if len(signature) != SIGNATURE_BYTES:
        at.key("signature").fail(f"expected {SIGNATURE_BYTES} bytes, got {len(signature)}")
    key = keys.get(key_id)
    if key is None:
        raise SignatureRefused("unknown_key", f"{what}: signed with key {key_id!r}, not trusted")
    if use not in key.uses:
        raise SignatureRefused("unknown_key", f"{what}: key {key_id!r} is not trusted for {use!r}")
    if not key.verify(signature, payload):
        raise SignatureRefused("bad_signature", f"{what}: the signature of key {key_id!r} fails")
    try:
        doc = validate.parse_json(payload)
    except validate.Invalid as exc:
        raise _malformed(f"{what}.payload", exc.detail) from None
    body = validate.At(f"{what}.payload", _malformed).obj(doc, extra=True)
    if body.get("type") != kind:
        raise _malformed(
            f"{what}.payload.type", f"expected {kind!r}, got {validate.describe(body.get('type'))}"
        )
    return key, body
