"""Consent the company can prove: receipts the service acknowledges, kept beside the ledger.

* :mod:`.acks` -- the service's signed acknowledgements: checked, kept, checked again;
* :mod:`.queue` -- the receipts still waiting for one (durable, retried by
  :mod:`nework_desktop.services.receipts`);
* :mod:`.status` -- where each record stands (confirmed / waiting / never sent).

No Qt, no network here.
"""

from nework_desktop.core.proof.acks import (
    ACKS_NAME,
    Acknowledgement,
    AckRefused,
    read_acks,
    store_ack,
    trusted_acks,
    verify_ack,
)
from nework_desktop.core.proof.queue import (
    QUEUE_NAME,
    QueueEntry,
    ReceiptQueue,
    read_queue,
    write_queue,
)
from nework_desktop.core.proof.status import RecordProof, acknowledgement_json, proofs

__all__ = [
    "ACKS_NAME",
    "QUEUE_NAME",
    "AckRefused",
    "Acknowledgement",
    "QueueEntry",
    "ReceiptQueue",
    "RecordProof",
    "acknowledgement_json",
    "proofs",
    "read_acks",
    "read_queue",
    "store_ack",
    "trusted_acks",
    "verify_ack",
    "write_queue",
]
