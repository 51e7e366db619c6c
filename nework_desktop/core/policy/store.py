"""The policy the service published, kept in the owned roots, and which policy is current.

``<data>/policy-feed/`` holds::

    feed.json    the last verified feed reply, byte for byte (checked again at every start:
                 signature, texts and the loader's checks -- an edited file is not believed)
    state.json   {"schema": 1, "feed_version": 7, "payload_sha256": "…", "policy_version": "…",
                  "text_sha256": {"ja": "…", "en": "…"}, "key_id": "…", "verified_at": "…Z",
                  "refusals": {"bad_signature": 1, …},
                  "last_refusal": {"reason": "…", "detail": "…", "at": "…Z"} | null}
    keys.json    {"schema": 1, "chain": [<envelope>, …]}: the key list rotations adopted

Every file is written with :func:`core.storage.atomic_write` and read with the hardened reader;
the callers fetch (and so write here) only once consent is on record, and the wipe removes the
folder with the data root.  Reading never writes.  A damaged or unbelievable file reads as absent
(logged): the last verified policy -- or the bundled one -- stands.

:func:`current_policy` decides what the app shows: the fetched policy when it is newer than the
bundled one (same policy id), else the bundled one.  No Qt, no network here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal

from nework_desktop.core import env, storage, validate
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy.model import TEXT_LOCALES, Policy
from nework_desktop.resources import resource_path

if TYPE_CHECKING:  # the feed's checks and keys are imported when a feed is kept or fetched
    from nework_desktop.core.policy.feed import FeedMarks, FeedRefused, VerifiedFeed
    from nework_desktop.core.policy.trust import Trust

__all__ = [
    "FEED_DIR",
    "CurrentPolicy",
    "FeedState",
    "FeedStore",
    "current_policy",
    "shipped_policy_root",
]

log = logging.getLogger("nework.policy.store")

FEED_DIR: Final = "policy-feed"
FEED_FILE: Final = "feed.json"
STATE_FILE: Final = "state.json"
CHAIN_FILE: Final = "keys.json"
SCHEMA: Final = 1
MAX_FEED_BYTES: Final = 2 * 1024 * 1024
MAX_SMALL_BYTES: Final = 256 * 1024
MAX_DETAIL: Final = 300

Source = Literal["bundled", "service"]


def shipped_policy_root() -> Path:
    """The folder of the shipped policy (``NEWORK_POLICY_DIR`` in development)."""
    return env.policy_dir() or resource_path("policy")


@dataclass(frozen=True)
class FeedState:
    """What ``state.json`` says (all empty before the first verified feed)."""

    feed_version: int = 0
    payload_sha256: str | None = None
    policy_version: str = ""
    text_sha256: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    key_id: str | None = None
    verified_at: str | None = None
    refusals: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    last_refusal: Mapping[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "feed_version": self.feed_version,
            "payload_sha256": self.payload_sha256,
            "policy_version": self.policy_version,
            "text_sha256": dict(self.text_sha256),
            "key_id": self.key_id,
            "verified_at": self.verified_at,
            "refusals": dict(self.refusals),
            "last_refusal": dict(self.last_refusal) if self.last_refusal is not None else None,
        }


def _optional_text(at: validate.At, value: object, max_len: int = 128) -> str | None:
    return None if value is None else at.text(value, max_len=max_len)


def parse_state(data: object) -> FeedState:
    """Check a ``state.json`` document; :class:`validate.Invalid` when it is not one."""
    at = validate.At("state.json")
    obj = at.obj(data, ("schema",), tuple(FeedState().to_json())[1:])
    at.key("schema").integer(obj["schema"], minimum=SCHEMA, maximum=SCHEMA)
    refusals = at.key("refusals").mapping(
        obj.get("refusals", {}), lambda a, v: a.integer(v, minimum=0, maximum=2**53)
    )
    if refusals:
        from nework_desktop.core.policy.feed import REASONS
    for name in refusals:
        if name not in REASONS:
            at.key("refusals").key(name).fail("not a refusal reason")
    last = obj.get("last_refusal")
    last_refusal = (
        None
        if last is None
        else at.key("last_refusal").mapping(last, lambda a, v: a.text(v, max_len=MAX_DETAIL))
    )
    hashes = at.key("text_sha256").mapping(
        obj.get("text_sha256", {}), lambda a, v: a.text(v, max_len=64)
    )
    return FeedState(
        feed_version=at.key("feed_version").integer(obj.get("feed_version", 0), minimum=0),
        payload_sha256=_optional_text(at.key("payload_sha256"), obj.get("payload_sha256")),
        policy_version=at.key("policy_version").text(obj.get("policy_version", ""), empty=True),
        text_sha256=MappingProxyType(hashes),
        key_id=_optional_text(at.key("key_id"), obj.get("key_id")),
        verified_at=_optional_text(at.key("verified_at"), obj.get("verified_at")),
        refusals=MappingProxyType(refusals),
        last_refusal=MappingProxyType(last_refusal) if last_refusal is not None else None,
    )


_STATE: Final = storage.KeptFile("policy feed state", MAX_SMALL_BYTES, parse_state, FeedState, log)


def parse_chain(data: object) -> list[object]:
    """Check a ``keys.json`` document: the key rotations adopted so far (each entry is checked
    by :class:`~nework_desktop.core.policy.trust.Trust` against the shipped keys)."""
    at = validate.At(CHAIN_FILE)
    obj = at.obj(data, ("schema", "chain"), extra=True)
    at.key("schema").integer(obj["schema"], minimum=SCHEMA, maximum=SCHEMA)
    return list(at.key("chain").array(obj["chain"]))


_CHAIN: Final[storage.KeptFile[list[object]]] = storage.KeptFile(
    "policy feed key chain", MAX_SMALL_BYTES, parse_chain, list, log
)


class FeedStore(storage.WriteGate):
    """``<data>/policy-feed/`` of one installation (see the module docstring).

    ``shipped_root`` is the folder of the shipped policy and its key list; ``environ`` and
    ``release`` decide whether ``NEWORK_POLICY_DEV_KEYS`` counts (tests pass their own).
    :meth:`pause` makes every later write a no-op until :meth:`resume` (the wipe runs paused).
    """

    def __init__(
        self,
        paths: AppPaths,
        *,
        shipped_root: Path | None = None,
        environ: Mapping[str, str] | None = None,
        release: bool | None = None,
    ) -> None:
        self._paths = paths
        self._shipped_root = shipped_root
        self._environ = environ
        self._release = release
        super().__init__()

    @property
    def folder(self) -> Path:
        return self._paths.data / FEED_DIR

    # -- reading ---------------------------------------------------------------------------

    def trust(self) -> Trust:
        """The keys believed now: shipped list, the stored rotations that verify, dev keys."""
        from nework_desktop.core.policy.trust import Trust, bundled_key_list, dev_keys

        shipped = bundled_key_list(self._shipped_root or shipped_policy_root())
        chain = _CHAIN.read(self.folder / CHAIN_FILE)
        return Trust.from_chain(shipped, chain, dev_keys(self._environ, release=self._release))

    def state(self) -> FeedState:
        return _STATE.read(self.folder / STATE_FILE)

    def stored(self, trust: Trust, policy_id: str) -> VerifiedFeed | None:
        """The kept feed, checked again (None when there is none or it is not believed)."""
        try:
            raw = storage.read_bytes(self.folder / FEED_FILE, limit=MAX_FEED_BYTES)
        except (OSError, storage.FileDamaged) as exc:
            log.warning("stored policy feed unreadable (%s): the bundled policy stands", exc)
            return None
        if raw is None:
            return None
        from nework_desktop.core.policy.feed import FeedRefused, verify_feed

        try:
            return verify_feed(raw, trust, None, now=None, policy_id=policy_id)
        except FeedRefused as exc:
            log.error("stored policy feed not believed (%s): the bundled policy stands", exc)
            return None

    def marks(self, bundled: Policy, state: FeedState | None = None) -> FeedMarks:
        """What a new feed must not go back behind: the newest feed, the newest policy."""
        from nework_desktop.core.policy.feed import FeedMarks

        current = self.state() if state is None else state
        if current.policy_version > bundled.version:
            version, hashes = current.policy_version, current.text_sha256
        else:
            version = bundled.version
            hashes = MappingProxyType({loc: bundled.text_sha256(loc) for loc in TEXT_LOCALES})
        return FeedMarks(current.feed_version, current.payload_sha256, version, hashes)

    # -- writing ---------------------------------------------------------------------------

    def _folder(self) -> Path:
        folder = self._paths.ensure("data") / FEED_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder

    def save(self, feed: VerifiedFeed, at: str) -> FeedState:
        """Keep a verified feed (and an adopted key rotation); the new state.  Writes nothing
        while paused (the state returned is then the one that would have been written)."""
        old = self.state()
        new = replace(
            old,
            feed_version=feed.feed_version,
            payload_sha256=feed.payload_sha256,
            policy_version=feed.policy.version,
            text_sha256=MappingProxyType(
                {loc: feed.policy.text_sha256(loc) for loc in TEXT_LOCALES}
            ),
            key_id=feed.key_id,
            verified_at=at,
        )
        with self._lock:
            if not self._writable:
                return new
            folder = self._folder()
            if feed.trust.chain:
                doc = {"schema": SCHEMA, "chain": list(feed.trust.chain)}
                storage.write_json(folder, CHAIN_FILE, doc, sort_keys=True)
            storage.atomic_write(folder / FEED_FILE, feed.raw)
            storage.remove_strays(folder, FEED_FILE)
            storage.write_json(folder, STATE_FILE, new.to_json(), sort_keys=True)
        return new

    def note_refusal(self, refusal: FeedRefused, at: str) -> FeedState:
        """Count a refused feed (the state says how many, per reason, and the last one)."""
        old = self.state()
        counts = dict(old.refusals)
        counts[refusal.reason] = counts.get(refusal.reason, 0) + 1
        new = replace(
            old,
            refusals=MappingProxyType(counts),
            last_refusal=MappingProxyType(
                {"reason": refusal.reason, "detail": refusal.detail[:MAX_DETAIL], "at": at}
            ),
        )
        with self._lock:
            if self._writable:
                storage.write_json(self._folder(), STATE_FILE, new.to_json(), sort_keys=True)
        return new


@dataclass(frozen=True)
class CurrentPolicy:
    """The policy the app shows, and where its text came from."""

    policy: Policy
    source: Source
    bundled_version: str
    #: When the service's feed was last verified (None: never).
    verified_at: str | None = None
    feed_version: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``policy`` block of ``status --json``."""
        return {
            "bundled_version": self.bundled_version,
            "current_version": self.policy.version,
            "source": self.source,
            "verified_at": self.verified_at,
            "feed_version": self.feed_version,
        }


def current_policy(store: FeedStore, bundled: Policy) -> CurrentPolicy:
    """The fetched policy when it is newer than ``bundled`` (and believed), else ``bundled``.

    Reads only.  Without any kept feed it touches no key and imports no cryptography.
    """
    state = store.state()
    verified_at = state.verified_at
    feed_version = state.feed_version or None
    if state.policy_version <= bundled.version or not (store.folder / FEED_FILE).exists():
        return CurrentPolicy(bundled, "bundled", bundled.version, verified_at, feed_version)
    feed = store.stored(store.trust(), bundled.policy_id)
    if feed is None or feed.policy.version <= bundled.version:
        return CurrentPolicy(bundled, "bundled", bundled.version)
    return CurrentPolicy(feed.policy, "service", bundled.version, verified_at, feed.feed_version)
