"""The consent ledger's records: their fields, checks, hash chain and file format.

The model behind :mod:`nework_desktop.core.consent` (which reads and writes the ledger file):
one :class:`ConsentRecord` per decision, :func:`parse_ledger` verifies a whole file's bytes
(fields, ``seq``, ``prev_hash`` chain, each record's hash) and :func:`serialize_ledger` writes
them back.  No file access here.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from nework_desktop.core import validate
from nework_desktop.core.digest import sha256_hex

__all__ = [
    "LEDGER_NAME",
    "LEDGER_SCHEMA",
    "LOCALES",
    "MAX_LEDGER_BYTES",
    "QUARANTINE_DIR",
    "ZERO_HASH",
    "ConsentRecord",
    "ConsentState",
    "Decision",
    "LedgerCorrupt",
    "check_decision",
    "check_hex64",
    "check_locale",
    "check_modules",
    "check_text",
    "parse_ledger",
    "record_hash",
    "serialize_ledger",
    "utc_stamp",
]

LEDGER_NAME = "consent-ledger.json"
#: A ledger is a few records a year; anything this large is not ours.
MAX_LEDGER_BYTES = 16 * 1024 * 1024
LEDGER_SCHEMA = 1
QUARANTINE_DIR = "quarantine"
ZERO_HASH = "0" * 64
LOCALES: frozenset[str] = frozenset({"ja", "en"})

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
    return sha256_hex(canonical.encode("utf-8"))


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


def check_text(name: str, value: object) -> str:
    return validate.At(name).text(value)


def check_hex64(name: str, value: object) -> str:
    return validate.At(name).sha256(value)


def check_locale(value: object) -> str:
    return validate.At("locale").choice(value, _LOCALE_CHOICES)


def check_decision(value: object) -> Decision:
    if isinstance(value, Decision):
        return value
    return validate.At("decision").choice(value, _DECISIONS)


def check_modules(value: object) -> dict[str, bool]:
    if isinstance(value, Mapping) and not isinstance(value, dict):
        value = dict(value)
    return validate.At("modules").mapping(value, lambda at, item: at.flag(item))


def check_seq(value: object) -> int:
    return validate.At("seq").integer(value, minimum=1)


def check_stamp(value: object) -> str:
    return validate.At("recorded_at").utc_stamp(value)[0]


def utc_stamp(moment: datetime) -> str:
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
            seq=check_seq(raw["seq"]),
            decision=check_decision(raw["decision"]),
            policy_id=check_text("policy_id", raw["policy_id"]),
            policy_version=check_text("policy_version", raw["policy_version"]),
            text_sha256=check_hex64("text_sha256", raw["text_sha256"]),
            locale=check_locale(raw["locale"]),
            modules=check_modules(raw["modules"]),
            recorded_at=check_stamp(raw["recorded_at"]),
            app_version=check_text("app_version", raw["app_version"]),
            prev_hash=check_hex64("prev_hash", raw["prev_hash"]),
            hash=check_hex64("hash", raw["hash"]),
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
