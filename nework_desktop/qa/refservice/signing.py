"""The reference service's Ed25519 key: it signs the policy feed and the consent acknowledgements.

One key per start (:func:`generate_key`), or the key in ``--signing-key FILE``
(:func:`load_or_create`: PEM, PKCS#8, unencrypted; made and saved there, mode 0600, when FILE does
not exist yet, so that the next start signs with the same key).  The key id is derived from the
public key (``refservice-<12 hex>``).  :meth:`FeedKey.seal` makes the envelope the app checks
(:mod:`nework_desktop.core.signed`); :meth:`FeedKey.dev_keys_value` is the value of
``NEWORK_POLICY_DEV_KEYS`` that makes a development run of the app trust this key (a release
build ignores that variable).  The Ed25519 work is the ``cryptography`` library's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nework_desktop.core import storage
from nework_desktop.core.digest import sha256_hex
from nework_desktop.core.env import POLICY_DEV_KEYS
from nework_desktop.core.policy.trust import USES
from nework_desktop.core.signed import b64url_encode

__all__ = ["FeedKey", "generate_key", "load_or_create", "payload_bytes"]

Json = dict[str, Any]


def payload_bytes(payload: Mapping[str, Any]) -> bytes:
    """The bytes a payload is signed as (compact JSON, UTF-8)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class FeedKey:
    """An Ed25519 private key with its key id."""

    private: Ed25519PrivateKey
    key_id: str

    @property
    def public_bytes(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def public_b64(self) -> str:
        return b64url_encode(self.public_bytes)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)

    def seal(self, payload: Mapping[str, Any], *, key_id: str | None = None) -> Json:
        """The signed envelope of ``payload`` (``key_id``: claim another id, for tests)."""
        data = payload_bytes(payload)
        return {
            "key_id": key_id or self.key_id,
            "payload": b64url_encode(data),
            "signature": b64url_encode(self.sign(data)),
        }

    def key_list_entry(self, uses: Sequence[str] = USES) -> Json:
        """This key as an entry of a key list (``resources/policy/keys.json``)."""
        return {"key_id": self.key_id, "public_key": self.public_b64, "uses": list(uses)}

    def dev_keys_value(self) -> str:
        """``NEWORK_POLICY_DEV_KEYS``'s value for this key (``key_id:public_key``)."""
        return f"{self.key_id}:{self.public_b64}"

    def dev_keys_line(self) -> str:
        return f"export {POLICY_DEV_KEYS}={self.dev_keys_value()}"


def _key_id(private: Ed25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return "refservice-" + sha256_hex(raw)[:12]


def generate_key() -> FeedKey:
    private = Ed25519PrivateKey.generate()
    return FeedKey(private, _key_id(private))


def load_or_create(path: Path) -> tuple[FeedKey, bool]:
    """The key in ``path`` (PEM, PKCS#8), or a new one saved there; ``(key, created)``.

    :class:`ValueError` when the file holds something else (the message says what to do).
    """
    try:
        data = storage.read_bytes(path, limit=64 * 1024, follow_links=True)
    except storage.FileDamaged as exc:
        raise ValueError(f"{path} {exc.reason}") from None
    if data is None:
        key = generate_key()
        pem = key.private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        storage.atomic_write(path, pem, overwrite=False)  # mode 0600; never over another file
        return key, True
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise ValueError(
            f"{path} is not an unencrypted PEM private key ({exc}); give another file, or a "
            "path that does not exist yet (a new key is saved there)"
        ) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise ValueError(f"{path} holds a key that is not Ed25519")
    return FeedKey(private, _key_id(private)), False
