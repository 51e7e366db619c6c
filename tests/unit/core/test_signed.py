"""Ed25519 envelopes (core.signed): what verifies, and every way one is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nework_desktop.core.signed import (
    SignatureRefused,
    TrustedKey,
    b64url_decode,
    b64url_encode,
    open_envelope,
)
from nework_desktop.qa.refservice.signing import FeedKey, payload_bytes


def keys_of(key: FeedKey, uses: frozenset[str] = frozenset({"policy-feed"})) -> dict[str, Any]:
    return {key.key_id: TrustedKey(key.key_id, key.public_bytes, uses)}


def flipped(signature: str) -> str:
    """The signature with one bit of its first byte flipped (still well-formed)."""
    raw = bytearray(b64url_decode(signature) or b"")
    raw[0] ^= 1
    return b64url_encode(bytes(raw))


def open_it(envelope: object, key: FeedKey, **kw: Any) -> dict[str, object]:
    trusted = kw.pop("keys", keys_of(key))
    _key, body = open_envelope(envelope, trusted, use="policy-feed", kind="k", what="feed", **kw)
    return body


def test_a_sealed_payload_opens(key: FeedKey) -> None:
    envelope = key.seal({"type": "k", "n": 1, "text": "日本語"})
    assert open_it(envelope, key) == {"type": "k", "n": 1, "text": "日本語"}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda e: e.update(key_id="someone-else"), "unknown_key"),
        (lambda e: e.update(signature=flipped(e["signature"])), "bad_signature"),
        (lambda e: e.update(payload=b64url_encode(b'{"type":"k","n":2}')), "bad_signature"),
        (lambda e: e.update(signature="!!"), "malformed"),
        (lambda e: e.update(signature=b64url_encode(b"short")), "malformed"),
        (lambda e: e.pop("payload"), "malformed"),
        (lambda e: e.update(extra=1), "malformed"),
        (lambda e: e.update(key_id=["a"]), "malformed"),
    ],
)
def test_refusals(key: FeedKey, change: Any, reason: str) -> None:
    envelope = key.seal({"type": "k", "n": 1})
    change(envelope)
    with pytest.raises(SignatureRefused) as caught:
        open_it(envelope, key)
    assert caught.value.reason == reason


def test_a_key_trusted_for_another_use_only_is_unknown_for_this_one(key: FeedKey) -> None:
    envelope = key.seal({"type": "k"})
    with pytest.raises(SignatureRefused) as caught:
        open_it(envelope, key, keys=keys_of(key, frozenset({"consent-ack"})))
    assert caught.value.reason == "unknown_key"
    assert "not trusted for 'policy-feed'" in caught.value.detail


def test_the_payload_must_be_of_the_kind_asked(key: FeedKey) -> None:
    with pytest.raises(SignatureRefused) as caught:
        open_it(key.seal({"type": "other"}), key)
    assert caught.value.reason == "malformed"


def test_a_signed_payload_that_is_not_strict_json_is_malformed(key: FeedKey) -> None:
    data = b'{"type": "k", "type": "k"}'
    envelope = {
        "key_id": key.key_id,
        "payload": b64url_encode(data),
        "signature": b64url_encode(key.sign(data)),
    }
    with pytest.raises(SignatureRefused) as caught:
        open_it(envelope, key)
    assert caught.value.reason == "malformed" and "duplicate key" in caught.value.detail


def test_base64url_is_strict() -> None:
    assert b64url_decode(b64url_encode(b"\x00\xff abc")) == b"\x00\xff abc"
    assert b64url_decode("AB==") is None  # padding is not part of the form
    assert b64url_decode("A") is None
    assert b64url_decode("AA") == b"\x00"
    assert b64url_decode("AB") is None  # the same byte with other trailing bits
    assert b64url_decode("a+b/") is None


def test_payload_bytes_are_compact_utf8() -> None:
    assert json.loads(payload_bytes({"a": "日本"})) == {"a": "日本"}
    assert payload_bytes({"a": 1, "b": [1]}) == b'{"a":1,"b":[1]}'
