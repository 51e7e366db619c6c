"""The trust anchor: which Ed25519 keys of the NeWork service the app believes, and for what.

The key list ships in ``resources/policy/keys.json``::

    {"schema": 1, "list_version": 1,
     "keys": [{"key_id": "nework-2025-1", "public_key": "<base64url of the 32-byte key>",
               "uses": ["policy-feed", "key-list", "consent-ack"]}]}

``uses`` (:data:`USES`): ``policy-feed`` signs the policy feed, ``key-list`` signs a newer key
list, ``consent-ack`` signs the acknowledgements of consent receipts.

Rotation: the service hands out a newer list as a signed envelope (:mod:`core.signed`, type
``nework-key-list``, its payload a key list as above) signed by a key of the current list trusted
for ``key-list``.  :meth:`Trust.rotate` adopts it when its ``list_version`` is higher; the chain of
adopted envelopes is kept in the owned roots (:mod:`.store`) and checked again, link by link from
the shipped list, at every start (:meth:`Trust.from_chain`).  A newer shipped list (a new app
release) supersedes a stored chain that is not newer than it.

Development: ``NEWORK_POLICY_DEV_KEYS="key_id:public_key[,…]"`` (what ``nework-qa refservice``
prints) adds keys trusted for every use -- in a development run only.  A release build (a frozen
bundle, :func:`core.env.release_build`) ignores the variable and logs that it did.

The shipped list is empty until the release engineering puts the service's public key in it
(the private key never comes near this repository): until then nothing fetched verifies, which
is the safe way round (the bundled policy stands).  No Qt, no network here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final

from nework_desktop.core import env, storage, validate
from nework_desktop.core.signed import (
    KEY_ID_RE,
    PUBLIC_KEY_BYTES,
    SignatureRefused,
    TrustedKey,
    b64url_decode,
    open_envelope,
)

__all__ = [
    "KEYS_FILE",
    "USES",
    "KeyList",
    "Trust",
    "TrustError",
    "bundled_key_list",
    "dev_keys",
    "parse_key_list",
]

log = logging.getLogger("nework.policy.trust")

KEYS_FILE: Final = "keys.json"
KEY_LIST_SCHEMA: Final = 1
KEY_LIST_KIND: Final = "nework-key-list"
USES: Final = ("policy-feed", "key-list", "consent-ack")
MAX_KEYS: Final = 32
MAX_KEY_LIST_BYTES: Final = 64 * 1024
_USE_CHOICES: Final = {use: use for use in USES}
#: The development keys already named in the log.
_ANNOUNCED: set[str] = set()


class TrustError(Exception):
    """A key list that cannot be believed (malformed, or a rotation that does not verify)."""


_error = validate.raising(TrustError)


@dataclass(frozen=True)
class KeyList:
    """One version of the key list."""

    list_version: int
    keys: Mapping[str, TrustedKey] = field(default_factory=lambda: MappingProxyType({}))


def _public_key(at: validate.At, value: object) -> bytes:
    raw = b64url_decode(at.text(value, max_len=64))
    if raw is None or len(raw) != PUBLIC_KEY_BYTES:
        at.fail(f"expected the {PUBLIC_KEY_BYTES}-byte Ed25519 public key in base64url")
    return raw


def parse_key_list(data: object, what: str = KEYS_FILE) -> KeyList:
    """Check a key list document (see the module docstring); :class:`TrustError` if bad."""
    at = validate.At(what, _error)
    obj = at.obj(data, ("schema", "list_version", "keys"), ("type",))
    at.key("schema").integer(obj["schema"], minimum=KEY_LIST_SCHEMA, maximum=KEY_LIST_SCHEMA)
    version = at.key("list_version").integer(obj["list_version"], minimum=1, maximum=2**31)
    keys_at = at.key("keys")
    keys: dict[str, TrustedKey] = {}
    for position, entry in enumerate(keys_at.array(obj["keys"], max_items=MAX_KEYS)):
        entry_at = keys_at.index(position)
        key = entry_at.obj(entry, ("key_id", "public_key", "uses"))
        key_id = entry_at.key("key_id").matching(key["key_id"], KEY_ID_RE, "a key id")
        if key_id in keys:
            entry_at.key("key_id").fail(f"duplicate key id {key_id!r}")
        uses_at = entry_at.key("uses")
        uses = frozenset(
            uses_at.index(n).choice(use, _USE_CHOICES)
            for n, use in enumerate(uses_at.array(key["uses"], min_items=1, max_items=len(USES)))
        )
        keys[key_id] = TrustedKey(
            key_id, _public_key(entry_at.key("public_key"), key["public_key"]), uses
        )
    return KeyList(version, MappingProxyType(keys))


def bundled_key_list(root: Path) -> KeyList:
    """The key list shipped in ``root`` (the policy folder); an empty one if it is unusable.

    A missing or damaged shipped list is logged, not fatal: the bundled policy needs no key, and
    with no key nothing fetched verifies.
    """
    path = root / KEYS_FILE
    try:
        data = storage.read_json(path, limit=MAX_KEY_LIST_BYTES, follow_links=True)
        if data is None:
            log.error("no key list in %s: nothing from the service can be verified", root)
            return KeyList(0)
        return parse_key_list(data)
    except (OSError, storage.FileDamaged, TrustError) as exc:
        log.error("the shipped key list %s is unusable (%s): nothing can be verified", path, exc)
        return KeyList(0)


def dev_keys(
    environ: Mapping[str, str] | None = None, *, release: bool | None = None
) -> dict[str, TrustedKey]:
    """The keys of ``NEWORK_POLICY_DEV_KEYS`` (development runs only; see the module docstring)."""
    value = env.get(env.POLICY_DEV_KEYS, environ)
    if not value:
        return {}
    if env.release_build() if release is None else release:
        log.warning("%s is ignored: this is a release build", env.POLICY_DEV_KEYS)
        return {}
    keys: dict[str, TrustedKey] = {}
    for item in value.split(","):
        key_id, sep, public = item.strip().partition(":")
        raw = b64url_decode(public.strip())
        if (
            not sep
            or KEY_ID_RE.fullmatch(key_id) is None
            or raw is None
            or len(raw) != PUBLIC_KEY_BYTES
        ):
            log.warning("%s: ignored an entry that is not KEY_ID:PUBLIC_KEY", env.POLICY_DEV_KEYS)
            continue
        keys[key_id] = TrustedKey(key_id, raw, frozenset(USES))
    new = sorted(set(keys) - _ANNOUNCED)
    if new:  # once per key and process
        _ANNOUNCED.update(new)
        log.warning("development run: also trusting %s (%s)", ", ".join(new), env.POLICY_DEV_KEYS)
    return keys


@dataclass(frozen=True)
class Trust:
    """The keys the app believes now: the current list (shipped, or rotated to) plus dev keys."""

    current: KeyList
    dev: Mapping[str, TrustedKey] = field(default_factory=lambda: MappingProxyType({}))
    #: The rotation envelopes adopted since the shipped list, oldest first (what the store keeps).
    chain: tuple[Mapping[str, object], ...] = ()

    @property
    def keys(self) -> Mapping[str, TrustedKey]:
        return MappingProxyType({**self.current.keys, **self.dev})

    def rotate(self, envelope: object) -> Trust:
        """This trust after adopting a newer key list; itself when the list is not newer.

        Raises :class:`TrustError` for a list that does not verify or is malformed.
        """
        try:
            _key, body = open_envelope(
                envelope, self.keys, use="key-list", kind=KEY_LIST_KIND, what="key_list"
            )
        except SignatureRefused as exc:
            raise TrustError(str(exc)) from None
        new = parse_key_list(body, "key_list.payload")
        if new.list_version <= self.current.list_version:
            return self
        assert isinstance(envelope, Mapping)
        log.info("key list %d adopted (was %d)", new.list_version, self.current.list_version)
        return Trust(new, self.dev, (*self.chain, dict(envelope)))

    @classmethod
    def from_chain(
        cls, shipped: KeyList, chain: Sequence[object], dev: Mapping[str, TrustedKey]
    ) -> Trust:
        """The shipped list, then each stored rotation that still verifies (a broken link and
        everything after it is dropped, logged)."""
        trust = cls(shipped, MappingProxyType(dict(dev)))
        for position, envelope in enumerate(chain):
            try:
                rotated = trust.rotate(envelope)
            except TrustError as exc:
                log.error("stored key list %d does not verify (%s): not used", position + 1, exc)
                break
            trust = rotated
        return trust
