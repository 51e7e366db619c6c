"""Acknowledgements and the receipt queue on disk (core.proof), without a network."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.consent import ConsentRecord
from nework_desktop.core.export.receipts import build_receipt, receipt_id
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from nework_desktop.core.proof import (
    ACKS_NAME,
    QUEUE_NAME,
    AckRefused,
    QueueEntry,
    ReceiptQueue,
    acknowledgement_json,
    read_acks,
    read_queue,
    store_ack,
    verify_ack,
    write_queue,
)
from nework_desktop.qa.refservice.signing import FeedKey
from tests.helpers import record_acceptance, trust_of


@pytest.fixture
def record(paths: AppPaths) -> ConsentRecord:
    return record_acceptance(paths, load_policy())


def ack_of(key: FeedKey, record: ConsentRecord, **change: Any) -> dict[str, Any]:
    payload = {
        "type": "nework-consent-ack",
        "schema": 1,
        "receipt_id": receipt_id(record),
        "record_seq": record.seq,
        "head_hash": record.hash,
        "acknowledged_at": record.recorded_at[:19] + "Z",
        **change,
    }
    return key.seal(payload)


def now() -> datetime:
    return datetime.now(UTC)


def test_a_good_acknowledgement(key: FeedKey, record: ConsentRecord) -> None:
    ack = verify_ack(ack_of(key, record), trust_of(key).keys, record, now=now())
    assert (ack.record_seq, ack.head_hash, ack.key_id) == (1, record.hash, key.key_id)
    assert ack.to_json()["acknowledgement"] == ack_of(key, record) | {
        "signature": ack.envelope["signature"]
    }


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"record_seq": 2}, "record 2"),
        ({"head_hash": "0" * 64}, "head hash"),
        ({"receipt_id": "another"}, "receipt another"),
        ({"acknowledged_at": "2001-01-01T00:00:00Z"}, "before the record"),
        ({"acknowledged_at": "2999-01-01T00:00:00Z"}, "in the future"),
        ({"acknowledged_at": "yesterday"}, "a UTC time"),
        ({"schema": 2}, "schema"),
        ({"extra": True}, "unknown key"),
        ({"type": "nework-policy-feed"}, "expected 'nework-consent-ack'"),
    ],
)
def test_refusals(key: FeedKey, record: ConsentRecord, change: dict[str, Any], words: str) -> None:
    with pytest.raises(AckRefused, match=words):
        verify_ack(ack_of(key, record, **change), trust_of(key).keys, record, now=now())


def test_a_key_not_trusted_for_acknowledgements(key: FeedKey, record: ConsentRecord) -> None:
    keys = trust_of(key, uses=("policy-feed",)).keys
    with pytest.raises(AckRefused, match="unknown_key"):
        verify_ack(ack_of(key, record), keys, record, now=now())


def test_a_clock_off_by_hours_is_tolerated(key: FeedKey, record: ConsentRecord) -> None:
    early = (now() - timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ack = ack_of(key, record, acknowledged_at=early)
    assert verify_ack(ack, trust_of(key).keys, record, now=now()).acknowledged_at == early


def test_kept_acknowledgements_are_checked_again_on_every_read(
    paths: AppPaths, key: FeedKey, record: ConsentRecord
) -> None:
    ack = verify_ack(ack_of(key, record), trust_of(key).keys, record, now=now())
    store_ack(paths, ack)
    store_ack(paths, ack)  # the same record again: replaced, not doubled
    assert list(read_acks(paths, (record,), trust_of(key).keys, now=now())) == [1]
    assert read_acks(paths, (record,), {}, now=now()) == {}  # the key is no longer trusted
    assert read_acks(paths, (), trust_of(key).keys, now=now()) == {}  # no such record


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"schema": 1, "acks": [{"record_seq": 0, "acknowledgement": {}}]}'],
)
def test_a_damaged_acks_file_reads_as_none(
    paths: AppPaths, key: FeedKey, record: ConsentRecord, content: bytes
) -> None:
    (paths.data / ACKS_NAME).write_bytes(content)
    assert read_acks(paths, (record,), trust_of(key).keys, now=now()) == {}


def entry_for(record: ConsentRecord) -> QueueEntry:
    receipt = build_receipt(record, load_policy(), principal_id="device")
    return QueueEntry(receipt_id(record), record.seq, record.hash, "2030-01-01T00:00:00Z", receipt)


def test_the_queue_round_trips(paths: AppPaths, record: ConsentRecord) -> None:
    queue = ReceiptQueue((entry_for(record).failed("2030-01-01T00:01:00Z", "offline"),), 2)
    write_queue(paths, queue)
    assert read_queue(paths) == queue
    assert (paths.state / QUEUE_NAME).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"\xff",
        b'{"schema": 1, "entries": [], "refused": -1}',
        b'{"schema": 1, "entries": [{"receipt_id": "x"}], "refused": 0}',
        b'{"schema": 2, "entries": [], "refused": 0}',
    ],
)
def test_a_damaged_queue_reads_as_empty(paths: AppPaths, content: bytes) -> None:
    paths.ensure("state")
    (paths.state / QUEUE_NAME).write_bytes(content)
    assert read_queue(paths) == ReceiptQueue()


def test_an_entry_whose_receipt_is_another_records_is_refused(
    paths: AppPaths, record: ConsentRecord
) -> None:
    entry = entry_for(record)
    write_queue(paths, ReceiptQueue((QueueEntry("other-id", 1, record.hash, "t", entry.receipt),)))
    assert read_queue(paths) == ReceiptQueue()


def test_the_status_block(key: FeedKey, record: ConsentRecord) -> None:
    ack = verify_ack(ack_of(key, record), trust_of(key).keys, record, now=now())
    block = acknowledgement_json((record,), {1: ack}, ReceiptQueue(refused=3))
    assert block == {
        "state": "confirmed",
        "record_seq": 1,
        "acknowledged_at": ack.acknowledged_at,
        "key_id": key.key_id,
        "confirmed": 1,
        "waiting": 0,
        "refused": 3,
    }
    waiting = acknowledgement_json((record,), {}, ReceiptQueue((entry_for(record),)))
    assert waiting["state"] == "waiting" and waiting["waiting"] == 1
    assert acknowledgement_json((), {}, ReceiptQueue())["state"] == "none"


def test_the_export_holds_each_records_acknowledgement(
    tmp_path: Path, paths: AppPaths, key: FeedKey, record: ConsentRecord
) -> None:
    import json
    import zipfile

    from nework_desktop.core.consent import ConsentLedger
    from nework_desktop.core.export import export_data

    second = record_acceptance(paths, load_policy(), locale="en")
    store_ack(paths, verify_ack(ack_of(key, record), trust_of(key).keys, record, now=now()))
    write_queue(paths, ReceiptQueue((entry_for(second),)))
    dest = export_data(
        paths,
        load_policy(),
        ConsentLedger(paths),
        account_summary=None,
        prefs=None,
        transmissions=[],
        dest=tmp_path / "export.zip",
        keys=trust_of(key).keys,
    )
    with zipfile.ZipFile(dest) as archive:
        rows = json.loads(archive.read("consent-acknowledgements.json"))["acknowledgements"]
    assert rows[0]["state"] == "confirmed" and rows[0]["head_hash"] == record.hash
    assert rows[0]["acknowledgement"]["key_id"] == key.key_id
    assert rows[1] == {"state": "waiting", "record_seq": 2}
