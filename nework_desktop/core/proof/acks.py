"""Acknowledgements of consent receipts: the NeWork service's signed word that it holds a record.

For every consent ledger record the app sends the record's receipt (:mod:`services.receipts`);
the service answers ``{"receipt_id": "…", "stored": true, "acknowledgement": <envelope>}``, an
Ed25519 envelope (:mod:`core.signed`) whose payload, of type ``nework-consent-ack``, says::

    {"type": "nework-consent-ack", "schema": 1, "receipt_id": "…", "record_seq": 3,
     "head_hash": "<the ledger's head hash once record 3 was appended: record 3's own hash>",
     "acknowledged_at": "2025-04-01T09:00:00Z"}

:func:`verify_ack` believes it only when the key is trusted for ``consent-ack``, the signature
verifies, the receipt id, sequence number and head hash are those of this record of this ledger,
and the time is plausible (not before the record, nor after now, each less or more
:data:`MAX_SKEW` for clocks that are off); anything else is :class:`AckRefused`.

Kept beside the ledger, ``<data>/consent-acks.json``::

    {"schema": 1, "acks": [{"record_seq": 3, "acknowledgement": <envelope>}, …]}

Only the signed envelope is kept.  Every read (:func:`read_acks`) checks each one again against
the ledger as it is and the keys as they are, so an acknowledgement that no longer matches -- the
ledger was rewritten, the key is no longer trusted -- is refused (logged) and never shown as a
confirmation.  Written with :func:`core.storage.atomic_write`; the wipe removes it with the data
root.  No Qt, no network here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from nework_desktop.core import storage, validate
from nework_desktop.core.consent import ConsentRecord
from nework_desktop.core.export.receipts import receipt_id
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.signed import SignatureRefused, TrustedKey, open_envelope

__all__ = [
    "ACKS_NAME",
    "ACK_KIND",
    "MAX_SKEW",
    "AckRefused",
    "Acknowledgement",
    "read_acks",
    "store_ack",
    "trusted_acks",
    "verify_ack",
]

log = logging.getLogger("nework.proof")

ACKS_NAME: Final = "consent-acks.json"
ACK_KIND: Final = "nework-consent-ack"
ACK_SCHEMA: Final = 1
SCHEMA: Final = 1
#: How far the service's clock and this computer's may disagree.
MAX_SKEW: Final = timedelta(days=1)
MAX_ACKS_BYTES: Final = 4 * 1024 * 1024
MAX_ACKS: Final = 10_000


class AckRefused(Exception):
    """An acknowledgement that is not believed; ``str()`` says why in one line."""


_refused = validate.raising(AckRefused)


@dataclass(frozen=True)
class Acknowledgement:
    """A verified acknowledgement of one ledger record."""

    record_seq: int
    receipt_id: str
    head_hash: str
    acknowledged_at: str
    key_id: str
    #: The signed envelope, as the service sent it (kept, exported, checked again).
    envelope: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The export's entry: what it says, and the envelope to check it independently."""
        return {
            "record_seq": self.record_seq,
            "receipt_id": self.receipt_id,
            "head_hash": self.head_hash,
            "acknowledged_at": self.acknowledged_at,
            "key_id": self.key_id,
            "acknowledgement": dict(self.envelope),
        }


def verify_ack(
    envelope: object, keys: Mapping[str, TrustedKey], record: ConsentRecord, *, now: datetime
) -> Acknowledgement:
    """Believe the acknowledgement of ``record`` (see the module docstring) or raise
    :class:`AckRefused` -- nothing else."""
    try:
        key, body = open_envelope(
            envelope, keys, use="consent-ack", kind=ACK_KIND, what="acknowledgement"
        )
    except SignatureRefused as exc:
        raise AckRefused(str(exc)) from None
    at = validate.At("acknowledgement.payload", _refused)
    obj = at.obj(
        body, ("type", "schema", "receipt_id", "record_seq", "head_hash", "acknowledged_at")
    )
    at.key("schema").integer(obj["schema"], minimum=ACK_SCHEMA, maximum=ACK_SCHEMA)
    rid = at.key("receipt_id").text(obj["receipt_id"], max_len=64)
    seq = at.key("record_seq").integer(obj["record_seq"], minimum=1)
    head = at.key("head_hash").sha256(obj["head_hash"])
    stamp, moment = at.key("acknowledged_at").utc_stamp(obj["acknowledged_at"])
    recorded = validate.parse_utc(record.recorded_at)
    if recorded is None:
        at.key("acknowledged_at").fail(
            f"the record's own time is not valid: {record.recorded_at!r}"
        )
    if seq != record.seq:
        raise AckRefused(f"it acknowledges record {seq}, not record {record.seq}")
    if head != record.hash:
        raise AckRefused(
            f"its head hash {head[:12]}… is not the ledger's {record.hash[:12]}… at record {seq}"
        )
    if rid != receipt_id(record):
        raise AckRefused(f"it acknowledges receipt {rid}, not {receipt_id(record)}")
    if moment < recorded - MAX_SKEW:
        raise AckRefused(f"acknowledged at {stamp}, before the record was made")
    if moment > now + MAX_SKEW:
        raise AckRefused(f"acknowledged at {stamp}, in the future")
    assert isinstance(envelope, dict)  # open_envelope checked it
    return Acknowledgement(seq, rid, head, stamp, key.key_id, dict(envelope))


# -- the file ------------------------------------------------------------------------------


def _path(paths: AppPaths) -> Path:
    return paths.data / ACKS_NAME


def _parse_entries(data: object) -> list[dict[str, Any]]:
    """The entries of an acknowledgements document; :class:`validate.Invalid` if it is not one."""
    at = validate.At(ACKS_NAME)
    obj = at.obj(data, ("schema", "acks"))
    at.key("schema").integer(obj["schema"], minimum=SCHEMA, maximum=SCHEMA)
    out: list[dict[str, Any]] = []
    for n, entry in enumerate(at.key("acks").array(obj["acks"], max_items=MAX_ACKS)):
        item = at.key("acks").index(n).obj(entry, ("record_seq", "acknowledgement"))
        at.key("acks").index(n).key("record_seq").integer(item["record_seq"], minimum=1)
        out.append(item)
    return out


_ACKS: Final[storage.KeptFile[list[dict[str, Any]]]] = storage.KeptFile(
    "consent acknowledgements", MAX_ACKS_BYTES, _parse_entries, list, log
)


def _entries(paths: AppPaths) -> list[dict[str, Any]]:
    """The entries on file (their shape checked, not their signatures); [] if none/damaged."""
    return _ACKS.read(_path(paths))


def read_acks(
    paths: AppPaths,
    records: Sequence[ConsentRecord],
    keys: Mapping[str, TrustedKey],
    *,
    now: datetime,
) -> dict[int, Acknowledgement]:
    """Record seq → its acknowledgement, for those that still verify against ``records``."""
    by_seq = {record.seq: record for record in records}
    out: dict[int, Acknowledgement] = {}
    for entry in _entries(paths):
        seq = entry["record_seq"]
        record = by_seq.get(seq)
        if record is None:
            log.warning("acknowledgement of record %d: no such record in the ledger", seq)
            continue
        try:
            out[seq] = verify_ack(entry["acknowledgement"], keys, record, now=now)
        except AckRefused as exc:
            log.warning("acknowledgement of record %d refused: %s", seq, exc)
    return out


def trusted_acks(
    paths: AppPaths,
    records: Sequence[ConsentRecord],
    keys: Mapping[str, TrustedKey] | None = None,
) -> dict[int, Acknowledgement]:
    """:func:`read_acks` now, against ``keys`` or else the keys the app believes today (the
    shipped list and the key rotations its policy feed adopted); empty without records."""
    if not records:
        return {}
    if keys is None:
        from nework_desktop.core.policy.store import FeedStore

        keys = FeedStore(paths).trust().keys
    return read_acks(paths, records, keys, now=datetime.now(UTC))


def store_ack(paths: AppPaths, ack: Acknowledgement) -> None:
    """Keep ``ack`` (replacing an older one of the same record)."""
    kept = [e for e in _entries(paths) if e["record_seq"] != ack.record_seq]
    kept.append({"record_seq": ack.record_seq, "acknowledgement": dict(ack.envelope)})
    kept.sort(key=lambda e: int(e["record_seq"]))
    storage.write_json(paths.ensure("data"), ACKS_NAME, {"schema": SCHEMA, "acks": kept})
