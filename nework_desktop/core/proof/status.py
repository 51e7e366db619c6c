"""Where each consent record stands with the service: confirmed, waiting, or never sent.

:func:`proofs` combines the ledger, the verified acknowledgements (:mod:`.acks`) and the queue
(:mod:`.queue`) into one :class:`RecordProof` per record -- what the privacy center shows
("confirmed by NeWork on …" / "waiting to be confirmed") and ``status --json`` reports
(:func:`acknowledgement_json`).  No Qt, no network here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from nework_desktop.core.consent import ConsentRecord
from nework_desktop.core.proof.acks import Acknowledgement
from nework_desktop.core.proof.queue import ReceiptQueue

__all__ = ["ProofState", "RecordProof", "acknowledgement_json", "proofs"]

ProofState = Literal["confirmed", "waiting", "none"]


@dataclass(frozen=True)
class RecordProof:
    """One record's standing: ``confirmed`` (a verified acknowledgement), ``waiting`` (in the
    queue) or ``none`` (made before the app sent receipts, or its entry was lost)."""

    state: ProofState
    acknowledged_at: str | None = None
    key_id: str | None = None
    attempts: int = 0
    last_error: str | None = None


def proofs(
    records: Sequence[ConsentRecord],
    acks: Mapping[int, Acknowledgement],
    queue: ReceiptQueue,
) -> dict[int, RecordProof]:
    """Record seq → its :class:`RecordProof`."""
    waiting = queue.by_seq()
    out: dict[int, RecordProof] = {}
    for record in records:
        ack = acks.get(record.seq)
        entry = waiting.get(record.seq)
        if ack is not None:
            out[record.seq] = RecordProof("confirmed", ack.acknowledged_at, ack.key_id)
        elif entry is not None and entry.record_hash == record.hash:
            out[record.seq] = RecordProof(
                "waiting", attempts=entry.attempts, last_error=entry.last_error
            )
        else:
            out[record.seq] = RecordProof("none")
    return out


def acknowledgement_json(
    records: Sequence[ConsentRecord],
    acks: Mapping[int, Acknowledgement],
    queue: ReceiptQueue,
) -> dict[str, Any]:
    """The ``consent.acknowledgement`` block of ``status --json``: the latest record's standing,
    how many records are confirmed and waiting, and how many acknowledgements were refused."""
    standing = proofs(records, acks, queue)
    last = records[-1] if records else None
    mine = standing.get(last.seq) if last is not None else None
    return {
        "state": mine.state if mine is not None else "none",
        "record_seq": last.seq if last is not None else None,
        "acknowledged_at": mine.acknowledged_at if mine is not None else None,
        "key_id": mine.key_id if mine is not None else None,
        "confirmed": sum(1 for p in standing.values() if p.state == "confirmed"),
        "waiting": sum(1 for p in standing.values() if p.state == "waiting"),
        "refused": queue.refused,
    }
