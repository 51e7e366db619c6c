"""The consent receipts still waiting for the service's acknowledgement: a durable queue.

``<state>/consent-receipt-queue.json``::

    {"schema": 1, "refused": 0,
     "entries": [{"receipt_id": "…", "record_seq": 3, "record_hash": "…",
                  "queued_at": "…Z", "attempts": 0, "last_attempt_at": null,
                  "last_error": null, "receipt": {<the Kantara receipt of record 3>}}]}

An entry is written when its record is (and, for a record of the current policy that has none,
when the network session starts, so a crash between the two loses nothing), and removed once the
service's acknowledgement verified (:mod:`.acks`).  The receipt is built when the entry is
made, from the policy the record was made under.  ``refused`` counts the acknowledgements that
did not verify.  The file outlives restarts; the wipe removes it with the state root.  Written
with :func:`core.storage.atomic_write`; a damaged file reads as an empty queue (logged: the
session start queues the current policy's records again).  No Qt, no network here.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from nework_desktop.core import storage, validate
from nework_desktop.core.paths import AppPaths

__all__ = ["QUEUE_NAME", "QueueEntry", "ReceiptQueue", "queue_path", "read_queue", "write_queue"]

log = logging.getLogger("nework.proof")

QUEUE_NAME: Final = "consent-receipt-queue.json"
SCHEMA: Final = 1
MAX_QUEUE_BYTES: Final = 8 * 1024 * 1024
MAX_ENTRIES: Final = 1000
_ENTRY_KEYS: Final = (
    "receipt_id",
    "record_seq",
    "record_hash",
    "queued_at",
    "attempts",
    "last_attempt_at",
    "last_error",
    "receipt",
)


@dataclass(frozen=True)
class QueueEntry:
    """One receipt waiting for its acknowledgement."""

    receipt_id: str
    record_seq: int
    record_hash: str
    queued_at: str
    receipt: Mapping[str, Any] = field(repr=False)
    attempts: int = 0
    last_attempt_at: str | None = None
    last_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "receipt_id": self.receipt_id,
            "record_seq": self.record_seq,
            "record_hash": self.record_hash,
            "queued_at": self.queued_at,
            "attempts": self.attempts,
            "last_attempt_at": self.last_attempt_at,
            "last_error": self.last_error,
            "receipt": dict(self.receipt),
        }

    def failed(self, at: str, error: str) -> QueueEntry:
        return dataclasses.replace(
            self, attempts=self.attempts + 1, last_attempt_at=at, last_error=error[:300]
        )


@dataclass(frozen=True)
class ReceiptQueue:
    """The queue as of one read."""

    entries: tuple[QueueEntry, ...] = ()
    refused: int = 0

    def by_seq(self) -> dict[int, QueueEntry]:
        return {entry.record_seq: entry for entry in self.entries}


def _optional(at: validate.At, value: object) -> str | None:
    return None if value is None else at.text(value, max_len=300, empty=True)


def _entry(at: validate.At, value: object) -> QueueEntry:
    obj = at.obj(value, _ENTRY_KEYS)
    rid = at.key("receipt_id").text(obj["receipt_id"], max_len=64)
    receipt = at.key("receipt").obj(obj["receipt"], extra=True)
    if receipt.get("consentReceiptID") != rid:
        at.key("receipt").fail("its consentReceiptID is not the entry's receipt_id")
    return QueueEntry(
        receipt_id=rid,
        record_seq=at.key("record_seq").integer(obj["record_seq"], minimum=1),
        record_hash=at.key("record_hash").sha256(obj["record_hash"]),
        queued_at=at.key("queued_at").text(obj["queued_at"], max_len=64),
        receipt=MappingProxyType(receipt),
        attempts=at.key("attempts").integer(obj["attempts"], minimum=0, maximum=2**31),
        last_attempt_at=_optional(at.key("last_attempt_at"), obj["last_attempt_at"]),
        last_error=_optional(at.key("last_error"), obj["last_error"]),
    )


def parse_queue(data: object) -> ReceiptQueue:
    """Check a queue document; :class:`validate.Invalid` when it is not one."""
    at = validate.At(QUEUE_NAME)
    obj = at.obj(data, ("schema", "entries", "refused"))
    at.key("schema").integer(obj["schema"], minimum=SCHEMA, maximum=SCHEMA)
    entries_at = at.key("entries")
    entries = tuple(
        _entry(entries_at.index(n), value)
        for n, value in enumerate(entries_at.array(obj["entries"], max_items=MAX_ENTRIES))
    )
    entries_at.unique([str(e.record_seq) for e in entries], "record", "record_seq")
    refused = at.key("refused").integer(obj["refused"], minimum=0, maximum=2**53)
    return ReceiptQueue(tuple(sorted(entries, key=lambda e: e.record_seq)), refused)


_QUEUE: Final = storage.KeptFile(
    "consent receipt queue", MAX_QUEUE_BYTES, parse_queue, ReceiptQueue, log
)


def queue_path(paths: AppPaths) -> Path:
    return paths.state / QUEUE_NAME


def read_queue(paths: AppPaths) -> ReceiptQueue:
    """The queue on record (empty when there is none, or it is damaged: logged)."""
    return _QUEUE.read(queue_path(paths))


def write_queue(paths: AppPaths, queue: ReceiptQueue) -> None:
    doc = {
        "schema": SCHEMA,
        "refused": queue.refused,
        "entries": [entry.to_json() for entry in queue.entries[-MAX_ENTRIES:]],
    }
    storage.write_json(paths.ensure("state"), QUEUE_NAME, doc)
