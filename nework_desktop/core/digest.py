"""SHA-256, the one way the app hashes (policy texts, consent records, files, instance names).

``hashlib.sha256`` is OpenSSL's: importing :mod:`hashlib` loads and initialises ``libcrypto``,
3.6 MiB of resident memory and ~3.5 ms before the consent dialog's first frame and in every
``status`` (issue 15, P1/P3/P5) -- for hashing a few kilobytes.  CPython's own SHA-256 (the
``_sha2`` module from 3.12, ``_sha256`` in 3.11; the one :mod:`hashlib` itself falls back to)
gives the same digests without it.  Where neither exists (a Python built without them),
:mod:`hashlib`'s is used.  Not for passwords or secrets: nothing here needs to be constant-time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

__all__ = ["Sha256", "sha256", "sha256_hex"]


class Sha256(Protocol):
    """What the app uses of a SHA-256 object (hashlib's and CPython's own alike)."""

    def update(self, data: bytes, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


def _constructor() -> Callable[[bytes], Sha256]:
    try:
        from _sha2 import sha256 as made  # type: ignore[import-not-found,unused-ignore]  # 3.12+
    except ImportError:
        try:
            from _sha256 import sha256 as made  # type: ignore[import-not-found,no-redef,unused-ignore]
        except ImportError:  # pragma: no cover - a CPython built without its own hashes
            from hashlib import sha256 as made  # type: ignore[assignment,unused-ignore]
    constructor: Callable[[bytes], Sha256] = made
    return constructor


_SHA256 = _constructor()


def sha256(data: bytes = b"") -> Sha256:
    """A SHA-256 object (``update()``, ``digest()``, ``hexdigest()``), fed ``data``."""
    return _SHA256(data)


def sha256_hex(data: bytes) -> str:
    """The lowercase hex SHA-256 of ``data``."""
    return _SHA256(data).hexdigest()
