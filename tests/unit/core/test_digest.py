"""core/digest.py: CPython's own SHA-256, checked against OpenSSL's (hashlib) as the oracle."""

from __future__ import annotations

import hashlib

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from nework_desktop.core.digest import sha256, sha256_hex
from tests.unit.test_startup_imports import modules_after

KNOWN = {  # FIPS 180-2 test vectors
    b"": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    b"abc": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
}


def test_known_vectors() -> None:
    for data, expected in KNOWN.items():
        assert sha256_hex(data) == expected
        assert sha256(data).digest() == bytes.fromhex(expected)


@seed(20261202)
@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=6))
def test_same_digests_as_openssl_in_one_piece_or_many(pieces: list[bytes]) -> None:
    whole = b"".join(pieces)
    assert sha256_hex(whole) == hashlib.sha256(whole).hexdigest()
    streamed = sha256()
    for piece in pieces:
        streamed.update(piece)
    assert streamed.hexdigest() == hashlib.sha256(whole).hexdigest()
    assert streamed.digest() == hashlib.sha256(whole).digest()


def test_hashing_does_not_load_openssl() -> None:
    """hashlib initialises libcrypto: 3.6 MiB of RSS before the consent dialog (issue 15, P3)."""
    loaded = modules_after("from nework_desktop.core.digest import sha256_hex\nsha256_hex(b'x')")
    assert "nework_desktop.core.digest" in loaded
    assert sorted(loaded & {"hashlib", "_hashlib", "ssl"}) == []
