"""The consent ledger: an append-only, hash-chained record of what the user agreed to (Art. 4).

Every decision the user takes on the privacy policy (accept, withdraw, accept a new version) is
appended as a :class:`ConsentRecord`.  A record names the policy and its version, the SHA-256 of
the exact text shown, the language it was shown in, the optional modules switched on or off, the
UTC time and the app version.  Records are never modified: each carries the hash of the previous
one (``prev_hash``) and its own hash over every other field, so an edited, removed, reordered or
inserted record breaks the chain and is detected on the next read.

Storage: one JSON file
----------------------
``<data>/consent-ledger.json`` holds ``{"schema": 1, "records": [...]}`` and is rewritten as a
whole on each append: a temporary file is created next to it (``O_EXCL``, mode 0600), written,
flushed and fsync'ed, then moved onto the ledger with :func:`os.replace`, and on POSIX the folder
is fsync'ed so the rename itself is durable.  Why a JSON file and not SQLite:

* the ledger is a handful of records (one per decision, a few per year); rewriting it is free;
* :func:`os.replace` is atomic, so every crash leaves either the old ledger or the new one, never
  a torn one -- SQLite gives the same guarantee but through ``-journal``/``-wal``/``-shm`` side
  files, which are extra uninstall residue and extra states to reason about;
* a support engineer (or the user, through the data export) can read it with any text editor;
* every step of the write is a named point (:data:`WRITE_STEPS`) where a test can inject a crash,
  so "never torn" is tested, not assumed.

A crash may leave a stray ``.consent-ledger.json.<random>.tmp`` next to the ledger; reading
ignores it and the next successful write removes it.

What the chain proves, and what it does not
-------------------------------------------
The hashes are not keyed: they detect accidental damage and naive edits, but someone who rewrites
a record *and* recomputes every later hash produces a valid-looking ledger.  Proof against that
needs the head hash kept somewhere else: each record's receipt goes to the service with the head
hash, and the service's signed acknowledgement of it is kept and checked against the ledger on
every read (:mod:`nework_desktop.core.proof`), so a rewritten record loses its confirmation.

Reading never writes.  :meth:`ConsentLedger.read` (used by the window-less ``status`` command)
raises :class:`LedgerCorrupt` on any problem; :meth:`ConsentLedger.load` (used by the GUI
bootstrap) moves a corrupt ledger aside into ``<data>/quarantine/`` for support, logs where it
went, and reports "no consent", so the user is asked again -- consent is never assumed.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import nework_desktop
from nework_desktop.core import storage, validate
from nework_desktop.core.paths import AppPaths

__all__ = [
    "LEDGER_NAME",
    "LEDGER_SCHEMA",
    "QUARANTINE_DIR",
    "WRITE_STEPS",
    "ZERO_HASH",
    "ConsentLedger",
    "ConsentRecord",
    "ConsentState",
    "Decision",
    "LedgerCorrupt",
    "parse_ledger",
    "record_hash",
    "serialize_ledger",
]

log = logging.getLogger("nework.consent")

LEDGER_NAME = "consent-ledger.json"
#: A ledger is a few records a year; anything this large is not ours.
MAX_LEDGER_BYTES = 16 * 1024 * 1024
LEDGER_SCHEMA = 1
QUARANTINE_DIR = "quarantine"
ZERO_HASH = "0" * 64
LOCALES: frozenset[str] = frozenset({"ja", "en"})

#: The write steps, in order, each announced to the ``fault`` hook before it is performed
#: (``mkdir`` here, the rest in :func:`storage.atomic_write`).  ``dir-fsync`` is POSIX only.
WRITE_STEPS: tuple[str, ...] = ("mkdir", *storage.WRITE_STEPS)

_HEX64 = re.compile(r"[0-9a-f]{64}")
_UTC_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_FIELDS: tuple[str, ...] = (
    "seq",
    "decision",
    "policy_id",
    "policy_version",
    "text_sha256",
    "locale",
    "modules",
    "recorded_at",
    "app_version",
    "prev_hash",
    "hash",
)


class Decision(enum.StrEnum):
    ACCEPTED = "accepted"
    WITHDRAWN = "withdrawn"


class LedgerCorrupt(Exception):
    """The ledger file cannot be trusted; the message says what is wrong with it."""


def record_hash(payload: Mapping[str, object]) -> str:
    """SHA-256 hex of the canonical JSON of ``payload`` (every record field except ``hash``)."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ConsentRecord:
    """One decision, as written in the ledger.  Built by :class:`ConsentLedger`, never edited."""

    seq: int
    decision: Decision
    policy_id: str
    policy_version: str
    text_sha256: str
    locale: str
    modules: Mapping[str, bool]
    recorded_at: str
    app_version: str
    prev_hash: str
    hash: str

    def __post_init__(self) -> None:
        # A read-only copy, so a caller's dict cannot change a record after the fact.
        object.__setattr__(self, "modules", MappingProxyType(dict(sorted(self.modules.items()))))

    def payload(self) -> dict[str, object]:
        """Every field except ``hash``: what ``hash`` is computed over."""
        return {
            "seq": self.seq,
            "decision": self.decision.value,
            "policy_id": self.policy_id,
            "policy_version": self.policy_version,
            "text_sha256": self.text_sha256,
            "locale": self.locale,
            "modules": dict(self.modules),
            "recorded_at": self.recorded_at,
            "app_version": self.app_version,
            "prev_hash": self.prev_hash,
        }

    def computed_hash(self) -> str:
        return record_hash(self.payload())

    def to_json(self) -> dict[str, object]:
        data = self.payload()
        data["hash"] = self.hash
        return data


@dataclass(frozen=True)
class ConsentState:
    """What the ledger says, as of one read."""

    state: Literal["none", "accepted", "withdrawn"]
    last: ConsentRecord | None
    last_accepted: ConsentRecord | None
    records: tuple[ConsentRecord, ...]
    quarantined: Path | None = None

    @classmethod
    def of(
        cls, records: tuple[ConsentRecord, ...], quarantined: Path | None = None
    ) -> ConsentState:
        if not records:
            return cls("none", None, None, (), quarantined)
        last = records[-1]
        accepted = [r for r in records if r.decision is Decision.ACCEPTED]
        state: Literal["accepted", "withdrawn"] = (
            "accepted" if last.decision is Decision.ACCEPTED else "withdrawn"
        )
        return cls(state, last, accepted[-1] if accepted else None, records, quarantined)


# -- validation ----------------------------------------------------------------------------

_LOCALE_CHOICES: Mapping[str, str] = {locale: locale for locale in sorted(LOCALES)}
_DECISIONS: Mapping[str, Decision] = {d.value: d for d in Decision}
_HEX64_TEXT = "64 lowercase hex digits (a SHA-256)"
_STAMP_TEXT = "a UTC ISO 8601 time ending in 'Z'"


def _check_text(name: str, value: object) -> str:
    return validate.At(name).text(value)


def _check_hex64(name: str, value: object) -> str:
    return validate.At(name).matching(value, _HEX64, _HEX64_TEXT)


def _check_locale(value: object) -> str:
    return validate.At("locale").choice(value, _LOCALE_CHOICES)


def _check_decision(value: object) -> Decision:
    if isinstance(value, Decision):
        return value
    return validate.At("decision").choice(value, _DECISIONS)


def _check_modules(value: object) -> dict[str, bool]:
    if isinstance(value, Mapping) and not isinstance(value, dict):
        value = dict(value)
    return validate.At("modules").mapping(value, lambda at, item: at.flag(item))


def _check_seq(value: object) -> int:
    return validate.At("seq").integer(value, minimum=1)


def _check_stamp(value: object) -> str:
    at = validate.At("recorded_at")
    stamp = at.matching(value, _UTC_STAMP, _STAMP_TEXT)
    try:
        datetime.fromisoformat(stamp)
    except ValueError:
        at.fail(f"not a valid time: {stamp!r}")
    return stamp


def _utc_stamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("clock: must return an aware datetime (with a time zone)")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- parsing -------------------------------------------------------------------------------


def _parse_record(raw: object, n: int) -> ConsentRecord:
    if not isinstance(raw, dict):
        raise LedgerCorrupt(f"record {n}: not a JSON object")
    missing = [f for f in _FIELDS if f not in raw]
    extra = sorted(str(k) for k in raw if k not in _FIELDS)
    if missing:
        raise LedgerCorrupt(f"record {n}: missing fields {', '.join(missing)}")
    if extra:
        raise LedgerCorrupt(f"record {n}: unexpected fields {', '.join(extra)}")
    try:
        return ConsentRecord(
            seq=_check_seq(raw["seq"]),
            decision=_check_decision(raw["decision"]),
            policy_id=_check_text("policy_id", raw["policy_id"]),
            policy_version=_check_text("policy_version", raw["policy_version"]),
            text_sha256=_check_hex64("text_sha256", raw["text_sha256"]),
            locale=_check_locale(raw["locale"]),
            modules=_check_modules(raw["modules"]),
            recorded_at=_check_stamp(raw["recorded_at"]),
            app_version=_check_text("app_version", raw["app_version"]),
            prev_hash=_check_hex64("prev_hash", raw["prev_hash"]),
            hash=_check_hex64("hash", raw["hash"]),
        )
    except validate.Invalid as exc:
        raise LedgerCorrupt(f"record {n}: bad field {exc}") from None


def parse_ledger(data: bytes) -> tuple[ConsentRecord, ...]:
    """Parse and verify a ledger file's bytes; raise :class:`LedgerCorrupt` on any problem."""
    try:
        doc = validate.parse_json(data)
    except validate.Invalid as exc:
        raise LedgerCorrupt(f"bad JSON ({exc.detail})") from None
    if not isinstance(doc, dict) or set(doc) != {"schema", "records"}:
        raise LedgerCorrupt("top level must be an object with exactly 'schema' and 'records'")
    schema = doc["schema"]
    if isinstance(schema, bool) or schema != LEDGER_SCHEMA:
        raise LedgerCorrupt(f"unsupported schema {schema!r} (this app reads {LEDGER_SCHEMA})")
    raw_records = doc["records"]
    if not isinstance(raw_records, list):
        raise LedgerCorrupt("'records' must be a list")
    records: list[ConsentRecord] = []
    prev = ZERO_HASH
    for n, raw in enumerate(raw_records, start=1):
        rec = _parse_record(raw, n)
        if rec.computed_hash() != rec.hash:
            raise LedgerCorrupt(f"record {n}: hash mismatch (its content was altered)")
        if rec.seq != n:
            raise LedgerCorrupt(f"record {n}: seq gap (expected seq {n}, found {rec.seq})")
        if rec.prev_hash != prev:
            which = "the genesis value" if n == 1 else f"record {n - 1}'s hash"
            raise LedgerCorrupt(f"record {n}: chain broken at {n} (prev_hash is not {which})")
        records.append(rec)
        prev = rec.hash
    return tuple(records)


def serialize_ledger(records: tuple[ConsentRecord, ...]) -> bytes:
    doc = {"schema": LEDGER_SCHEMA, "records": [r.to_json() for r in records]}
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


# -- the ledger ----------------------------------------------------------------------------


def _no_fault(step: str) -> None:
    """Default write hook: do nothing."""


def _default_clock() -> datetime:
    return datetime.now(UTC)


class ConsentLedger:
    """The consent ledger under ``paths.data``.  Construct once in the bootstrap, pass it on."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        clock: Callable[[], datetime] | None = None,
        app_version: str = nework_desktop.__version__,
        fault: Callable[[str], None] | None = None,
    ) -> None:
        self._paths = paths
        self._clock = clock or _default_clock
        self._app_version = _check_text("app_version", app_version)
        self._fault = fault or _no_fault

    @property
    def path(self) -> Path:
        return self._paths.data / LEDGER_NAME

    # -- reading ------------------------------------------------------------------------

    def _read_records(self) -> tuple[ConsentRecord, ...]:
        try:
            data = storage.read_bytes(self.path, limit=MAX_LEDGER_BYTES)
        except storage.FileDamaged as exc:
            raise LedgerCorrupt(str(exc)) from None
        return () if data is None else parse_ledger(data)

    def read(self) -> ConsentState:
        """The ledger's state; creates nothing, changes nothing.

        Raises :class:`LedgerCorrupt` if the ledger cannot be trusted, :class:`OSError` if it
        cannot be read at all (which says nothing about its content).
        """
        return ConsentState.of(self._read_records())

    def load(self) -> ConsentState:
        """Like :meth:`read`, but a corrupt ledger is moved into quarantine and reads as "none".

        Only for the GUI bootstrap, which then asks for consent again.  An :class:`OSError`
        while reading is not corruption and propagates; the file is left where it is.
        """
        try:
            return self.read()
        except LedgerCorrupt as exc:
            dest = self._quarantine()
            log.error(
                "consent ledger %s is corrupt or was altered (%s); moved it to %s for support "
                "and starting with no consent on record",
                self.path,
                exc,
                dest,
            )
            return ConsentState.of((), quarantined=dest)

    def _quarantine(self) -> Path:
        folder = self._paths.data / QUARANTINE_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix":
            folder.chmod(0o700)
        stamp = self._clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        stem = LEDGER_NAME.removesuffix(".json")
        dest = folder / f"{stem}.{stamp}.json"
        n = 1
        while dest.exists() or dest.is_symlink():
            n += 1
            dest = folder / f"{stem}.{stamp}-{n}.json"
        storage.replace(self.path, dest)
        storage.fsync_dir(folder)
        storage.fsync_dir(self._paths.data)
        return dest

    # -- writing ------------------------------------------------------------------------

    def record(
        self,
        decision: Decision,
        *,
        policy_id: str,
        policy_version: str,
        text_sha256: str,
        locale: str,
        modules: Mapping[str, bool],
    ) -> ConsentRecord:
        """Append one decision and return it.

        The existing chain is verified first: a corrupt ledger raises :class:`LedgerCorrupt`
        and nothing is written (call :meth:`load` to set it aside).  If this raises during the
        write, the ledger holds either the previous records or the new one, never a mix; call
        :meth:`read` to know which.
        """
        checked_decision = _check_decision(decision)
        checked = (
            _check_text("policy_id", policy_id),
            _check_text("policy_version", policy_version),
            _check_hex64("text_sha256", text_sha256),
            _check_locale(locale),
        )
        checked_modules = _check_modules(modules)
        recorded_at = _utc_stamp(self._clock())

        existing = self._read_records()
        draft = ConsentRecord(
            seq=len(existing) + 1,
            decision=checked_decision,
            policy_id=checked[0],
            policy_version=checked[1],
            text_sha256=checked[2],
            locale=checked[3],
            modules=checked_modules,
            recorded_at=recorded_at,
            app_version=self._app_version,
            prev_hash=existing[-1].hash if existing else ZERO_HASH,
            hash="",
        )
        rec = dataclasses.replace(draft, hash=draft.computed_hash())
        records = (*existing, rec)
        data = serialize_ledger(records)
        parse_ledger(data)  # never write a ledger this module would refuse to read
        self._write(data)
        return rec

    def _write(self, data: bytes) -> None:
        self._fault("mkdir")
        folder = self._paths.ensure("data")
        storage.atomic_write(folder / LEDGER_NAME, data, fault=self._fault)
        storage.remove_strays(folder, LEDGER_NAME, on_error=_stray_not_removed)


def _stray_not_removed(stray: Path, exc: OSError) -> None:
    log.warning("could not remove stray temp file %s: %s", stray, exc)
