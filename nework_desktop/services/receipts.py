"""Consent receipts sent to the service, until it acknowledges them (policy Art. 4, 11-2).

After every ledger record (accept, withdraw, module change, re-consent) the record's Kantara
receipt (:func:`core.export.build_receipt`, with the device ID as principal) goes into the
durable queue (:mod:`core.proof.queue`) -- :meth:`ReceiptSender.enqueue`, called by the consent
service right after the ledger write -- and :meth:`ReceiptSender.flush` sends what is due, oldest
first: ``POST /consent-receipts`` with the record's head hash (the receipt id is the
``Idempotency-Key``, so a retry is never a second receipt).  The signed acknowledgement is
checked against the ledger (:func:`core.proof.verify_ack`); a good one is kept beside the ledger
and the entry leaves the queue; a bad one is refused (logged, counted) and the entry stays.

Offline, or refused: the entry waits, and is tried again after ``base_delay × 2^(attempts-1)``
(at most ``max_delay``), also after a restart -- the queue is on disk.  While there is no consent
on record the egress rules let nothing go (Art. 4), so a withdrawal's receipt waits until consent
is given again.  :meth:`ReceiptSender.reconcile` queues, at the start of a session, the records
of the current policy that have neither an acknowledgement nor an entry (a crash between the
ledger write and the queue write loses nothing).

:meth:`pause` stops every write of a send in flight (the wipe runs paused).  No Qt here; the
calls block (network), so the app runs :meth:`flush` in a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from nework_desktop.core import storage
from nework_desktop.core.consent import ConsentLedger, ConsentRecord, ConsentState, LedgerCorrupt
from nework_desktop.core.device import device_id
from nework_desktop.core.export.receipts import NOT_PUBLISHED, build_receipt, receipt_id
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.proof import (
    AckRefused,
    QueueEntry,
    ReceiptQueue,
    RecordProof,
    proofs,
    read_acks,
    read_queue,
    store_ack,
    verify_ack,
    write_queue,
)
from nework_desktop.core.proof.queue import queue_path
from nework_desktop.core.retry import BASE_DELAY, MAX_DELAY, Backoff, utc_stamp
from nework_desktop.core.signed import TrustedKey

__all__ = ["FlushResult", "ReceiptSender", "ReceiptUploader"]

log = logging.getLogger("nework.proof")


class ReceiptUploader(Protocol):
    """What sends a receipt (``net.service.ServiceClient``)."""

    def upload_consent_receipt(
        self, receipt_id: str, receipt: Mapping[str, Any], *, head_hash: str, record_seq: int
    ) -> object: ...


@dataclass(frozen=True)
class FlushResult:
    """What one :meth:`ReceiptSender.flush` did."""

    confirmed: int = 0
    refused: int = 0
    failed: int = 0
    pending: int = 0
    error: str | None = None


class ReceiptSender(storage.WriteGate):
    """The receipts of one installation (see the module docstring).

    ``uploader`` returns the client that sends (asked at every flush); ``keys`` the keys
    believed now (the trust anchor's, for ``consent-ack``).
    """

    def __init__(
        self,
        paths: AppPaths,
        ledger: ConsentLedger,
        uploader: Callable[[], ReceiptUploader],
        keys: Callable[[], Mapping[str, TrustedKey]],
        *,
        clock: Callable[[], float] = time.time,
        base_delay: float = BASE_DELAY,
        max_delay: float = MAX_DELAY,
    ) -> None:
        self._paths = paths
        self._ledger = ledger
        self._uploader = uploader
        self._keys = keys
        self._clock = clock
        self._backoff = Backoff(base_delay, max_delay)
        super().__init__()  # _lock: the queue file
        self._sending = threading.Lock()  # one flush at a time

    # -- the queue -----------------------------------------------------------------------------

    def _receipt(self, record: ConsentRecord, policy: Policy) -> dict[str, Any]:
        principal = device_id(self._paths) or NOT_PUBLISHED
        return build_receipt(record, policy, principal_id=principal)

    def _entry(self, record: ConsentRecord, policy: Policy) -> QueueEntry:
        return QueueEntry(
            receipt_id(record),
            record.seq,
            record.hash,
            utc_stamp(self._clock()),
            self._receipt(record, policy),
        )

    def enqueue(self, record: ConsentRecord, policy: Policy) -> None:
        """Queue the receipt of a record just written (under ``policy``)."""
        with self._lock:
            queue = read_queue(self._paths)
            if any(e.record_seq == record.seq for e in queue.entries):
                return
            write_queue(
                self._paths, replace(queue, entries=(*queue.entries, self._entry(record, policy)))
            )
        log.info("consent receipt of record %d queued", record.seq)

    def reconcile(self, state: ConsentState, policy: Policy) -> int:
        """Queue the current policy's records that have no acknowledgement and no entry."""
        acks = read_acks(self._paths, state.records, self._keys(), now=datetime.now(UTC))
        with self._lock:
            queue = read_queue(self._paths)
            queued = {e.record_seq for e in queue.entries}
            missing = [
                r
                for r in state.records
                if r.seq not in acks
                and r.seq not in queued
                and r.policy_id == policy.policy_id
                and r.policy_version == policy.version
            ]
            if missing or not queue_exists(self._paths):
                entries = (*queue.entries, *(self._entry(r, policy) for r in missing))
                write_queue(self._paths, replace(queue, entries=entries))
        if missing:
            log.info(
                "consent receipts of records %s queued", ", ".join(str(r.seq) for r in missing)
            )
        return len(missing)

    def proofs(self, state: ConsentState) -> dict[int, RecordProof]:
        """Record seq → confirmed / waiting / none (reads only)."""
        acks = read_acks(self._paths, state.records, self._keys(), now=datetime.now(UTC))
        return proofs(state.records, acks, read_queue(self._paths))

    def _due_in(self, entry: QueueEntry) -> float:
        return self._backoff.due_in(entry.last_attempt_at, entry.attempts, self._clock())

    def next_attempt_in(self) -> float | None:
        """Seconds until an entry is due (0: now); None when nothing waits."""
        entries = read_queue(self._paths).entries
        return min((self._due_in(e) for e in entries), default=None)

    # -- sending -------------------------------------------------------------------------------

    def flush(self, *, force: bool = False) -> FlushResult:
        """Send the entries that are due (``force``: all of them), oldest first; never raises
        for a network problem.  Stops at the first one the service cannot be reached for."""
        if not self._sending.acquire(blocking=False):
            return FlushResult(pending=len(read_queue(self._paths).entries))
        try:
            return self._flush(force)
        finally:
            self._sending.release()

    def _flush(self, force: bool) -> FlushResult:
        try:
            records = {r.seq: r for r in self._ledger.read().records}
        except (LedgerCorrupt, OSError) as exc:
            log.warning("consent receipts not sent: the ledger cannot be read (%s)", exc)
            return FlushResult(error=str(exc))
        confirmed = refused = failed = 0
        error: str | None = None
        for entry in read_queue(self._paths).entries:
            record = records.get(entry.record_seq)
            if record is None or record.hash != entry.record_hash:
                log.warning(
                    "queued receipt of record %d: not in the ledger any more", entry.record_seq
                )
                self._update(entry, None)
                continue
            if not force and self._due_in(entry) > 0:
                continue
            outcome, why = self._send(entry, record)
            if outcome == "confirmed":
                confirmed += 1
            elif outcome == "refused":
                refused += 1
            else:
                failed += 1
                error = why
                break  # the service cannot be reached: the others would fail the same way
        pending = len(read_queue(self._paths).entries)
        return FlushResult(confirmed, refused, failed, pending, error)

    def _send(self, entry: QueueEntry, record: ConsentRecord) -> tuple[str, str]:
        attempt_at = utc_stamp(self._clock())
        try:
            envelope = self._uploader().upload_consent_receipt(
                entry.receipt_id, entry.receipt, head_hash=record.hash, record_seq=record.seq
            )
        except Exception as exc:  # any failure keeps the entry waiting
            why = str(exc) or type(exc).__name__
            log.warning(
                "consent receipt of record %d not acknowledged (attempt %d): %s",
                record.seq,
                entry.attempts + 1,
                type(exc).__name__,
            )
            self._update(entry, entry.failed(attempt_at, why))
            return "failed", why
        try:
            ack = verify_ack(envelope, self._keys(), record, now=datetime.now(UTC))
        except AckRefused as exc:
            log.error("acknowledgement of record %d refused: %s", record.seq, exc)
            self._update(
                entry, entry.failed(attempt_at, f"acknowledgement refused: {exc}"), refused=1
            )
            return "refused", str(exc)
        with self._lock:
            if not self._writable or not queue_exists(self._paths):
                log.info("acknowledgement of record %d not kept: the data is gone", record.seq)
                return "failed", "paused"
            store_ack(self._paths, ack)
        self._update(entry, None)
        log.info(
            "consent record %d confirmed by the service (%s, key %s)",
            record.seq,
            ack.acknowledged_at,
            ack.key_id,
        )
        return "confirmed", ""

    def _update(self, entry: QueueEntry, new: QueueEntry | None, *, refused: int = 0) -> None:
        """Replace (or, with None, remove) ``entry`` in the queue, unless it is gone (a wipe)."""
        with self._lock:
            if not self._writable or not queue_exists(self._paths):
                return
            queue = read_queue(self._paths)
            entries: list[QueueEntry] = []
            for e in queue.entries:
                if e.record_seq != entry.record_seq:
                    entries.append(e)
                elif new is not None:
                    entries.append(new)
            write_queue(self._paths, ReceiptQueue(tuple(entries), queue.refused + refused))


def queue_exists(paths: AppPaths) -> bool:
    return queue_path(paths).exists()
