"""A small RSA signer for the reference OpenID provider (standard library only).

Test tooling, not production cryptography: it generates one 2048-bit key per process (Miller-Rabin
primes, e = 65537) and signs RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 8017 §8.2.1).  The app's
verifier (:func:`nework_desktop.net.oauth.verify_rs256`) is checked against it and, where the
``cryptography`` package happens to be installed, against that library too.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass, field

E = 65537
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
_SMALL_PRIMES = [p for p in range(3, 2000, 2) if all(p % d for d in range(3, int(p**0.5) + 1, 2))]


def is_probable_prime(n: int, rounds: int = 40) -> bool:
    if n < 2:
        return False
    for p in (2, *_SMALL_PRIMES):
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for _ in range(rounds):
        a = secrets.randbelow(n - 3) + 2
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits: int) -> int:
    while True:
        candidate = secrets.randbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if (candidate - 1) % E and is_probable_prime(candidate):
            return candidate


@dataclass(frozen=True)
class RsaKey:
    n: int
    e: int
    d: int = field(repr=False)
    kid: str

    @property
    def size(self) -> int:
        return (self.n.bit_length() + 7) // 8

    def sign(self, message: bytes) -> bytes:
        t = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
        em = b"\x00\x01" + b"\xff" * (self.size - len(t) - 3) + b"\x00" + t
        return pow(int.from_bytes(em, "big"), self.d, self.n).to_bytes(self.size, "big")


def generate(bits: int = 2048, kid: str | None = None) -> RsaKey:
    while True:
        p, q = _prime(bits // 2), _prime(bits // 2)
        n = p * q
        if p != q and n.bit_length() == bits:
            break
    d = pow(E, -1, (p - 1) * (q - 1))
    return RsaKey(n, E, d, kid or secrets.token_hex(8))


@functools.cache
def shared_key() -> RsaKey:
    """One key per process (key generation takes a moment in pure Python)."""
    return generate()
