"""Consent receipts and their acknowledgements, over real HTTP (loopback) to the reference
service: sent, verified, kept; offline → queued → acknowledged after a restart; tampered →
refused; an acknowledgement that no longer matches the ledger is not a confirmation."""

from __future__ import annotations

import json
import logging
import socket
from datetime import UTC, datetime

import pytest

from nework_desktop.core.consent import ConsentLedger, Decision, record_hash
from nework_desktop.core.device import device_id
from nework_desktop.core.export.receipts import receipt_id
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.proof import ACKS_NAME, read_acks, read_queue
from nework_desktop.core.signed import TrustedKey
from nework_desktop.net.service import ServiceClient
from nework_desktop.services.receipts import ReceiptSender
from tests.helpers import egress_client, record_acceptance, trust_of
from tests.refservice import RefService

PATH = "/api/v1/consent-receipts"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).timestamp()

    def __call__(self) -> float:
        return self.now


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def keys_of(svc: RefService) -> dict[str, TrustedKey]:
    return dict(trust_of(svc.signing_key).keys)


def sender(
    paths: AppPaths, client: ServiceClient, keys: dict[str, TrustedKey], clock: Clock | None = None
) -> ReceiptSender:
    return ReceiptSender(
        paths, ConsentLedger(paths), lambda: client, lambda: keys, clock=clock or Clock()
    )


def test_a_record_is_sent_with_its_head_hash_and_confirmed(
    paths: AppPaths, policy: Policy, svc: RefService
) -> None:
    device = device_id(paths, create=True)
    record = record_acceptance(paths, policy)
    client, _ = egress_client(svc.url, policy)
    receipts = sender(paths, client, keys_of(svc))
    receipts.enqueue(record, policy)
    assert read_queue(paths).entries[0].receipt["piiPrincipalId"] == device
    result = receipts.flush()
    assert (result.confirmed, result.refused, result.pending) == (1, 0, 0)

    kept = svc.consent_receipts[receipt_id(record)]
    assert kept.head_hash == record.hash and kept.record_seq == 1
    assert kept.receipt["x-nework"]["record_hash"] == record.hash
    assert svc.requests[-1].idempotency_key == receipt_id(record)
    acks = read_acks(paths, (record,), keys_of(svc), now=datetime.now(UTC))
    assert acks[1].head_hash == record.hash and acks[1].key_id == svc.signing_key.key_id
    state = ConsentLedger(paths).read()
    proof = receipts.proofs(state)[1]
    assert proof.state == "confirmed" and proof.acknowledged_at == kept.acknowledged_at


def test_offline_it_waits_and_is_confirmed_after_a_restart(paths: AppPaths, policy: Policy) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    clock = Clock()
    record = record_acceptance(paths, policy)
    client, _ = egress_client(url, policy)
    first = sender(paths, client, {}, clock)
    first.enqueue(record, policy)
    result = first.flush()  # nothing listens
    assert (result.failed, result.pending) == (1, 1) and result.error
    entry = read_queue(paths).entries[0]
    assert entry.attempts == 1 and entry.last_error
    assert first.next_attempt_in() == pytest.approx(30, abs=2)
    assert first.flush().failed == 0  # not due yet: nothing sent
    assert first.proofs(ConsentLedger(paths).read())[1].state == "waiting"

    clock.now += 31
    with RefService(port=port) as svc:
        restarted = sender(paths, egress_client(url, policy)[0], keys_of(svc), clock)
        assert restarted.reconcile(ConsentLedger(paths).read(), policy) == 0  # already queued
        assert restarted.flush().confirmed == 1
    assert read_queue(paths).entries == ()
    assert restarted.proofs(ConsentLedger(paths).read())[1].state == "confirmed"


@pytest.mark.parametrize("tamper", ["signature", "head_hash", "unknown_key"])
def test_a_tampered_acknowledgement_is_refused(
    paths: AppPaths,
    policy: Policy,
    svc: RefService,
    caplog: pytest.LogCaptureFixture,
    tamper: str,
) -> None:
    record = record_acceptance(paths, policy)
    receipts = sender(paths, egress_client(svc.url, policy)[0], keys_of(svc))
    receipts.enqueue(record, policy)
    svc.faults.ack_tamper = tamper
    with caplog.at_level(logging.ERROR, logger="nework.proof"):
        result = receipts.flush()
    assert (result.confirmed, result.refused, result.pending) == (0, 1, 1)
    assert "acknowledgement of record 1 refused" in caplog.text
    assert not (paths.data / ACKS_NAME).exists()
    queue = read_queue(paths)
    assert queue.refused == 1
    assert queue.entries[0].last_error is not None
    assert queue.entries[0].last_error.startswith("acknowledgement refused")
    assert receipts.proofs(ConsentLedger(paths).read())[1].state == "waiting"

    # Once the service answers properly, the same receipt is confirmed.
    svc.faults.ack_tamper = None
    svc.idempotent.clear()
    assert receipts.flush(force=True).confirmed == 1


def test_an_acknowledgement_that_no_longer_matches_the_ledger_is_not_a_confirmation(
    paths: AppPaths, policy: Policy, svc: RefService, caplog: pytest.LogCaptureFixture
) -> None:
    record = record_acceptance(paths, policy)
    receipts = sender(paths, egress_client(svc.url, policy)[0], keys_of(svc))
    receipts.enqueue(record, policy)
    assert receipts.flush().confirmed == 1
    # Someone rewrites the record (switching GA off) and recomputes its hash: a valid chain.
    ledger = ConsentLedger(paths)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    doc["records"][0]["modules"]["google_analytics"] = False
    payload = {k: v for k, v in doc["records"][0].items() if k != "hash"}
    doc["records"][0]["hash"] = record_hash(payload)
    ledger.path.write_text(json.dumps(doc), encoding="utf-8")
    rewritten = ledger.read()
    with caplog.at_level(logging.WARNING, logger="nework.proof"):
        assert receipts.proofs(rewritten)[1].state == "none"
    assert "refused" in caplog.text and "head hash" in caplog.text


def test_reconcile_queues_the_current_policys_records_only(
    paths: AppPaths, policy: Policy, svc: RefService
) -> None:
    record_acceptance(paths, policy, version="2023-06-14")
    record_acceptance(paths, policy)
    receipts = sender(paths, egress_client(svc.url, policy)[0], keys_of(svc))
    assert receipts.reconcile(ConsentLedger(paths).read(), policy) == 1
    assert [e.record_seq for e in read_queue(paths).entries] == [2]
    assert receipts.reconcile(ConsentLedger(paths).read(), policy) == 0
    assert receipts.flush().confirmed == 1
    proofs = receipts.proofs(ConsentLedger(paths).read())
    assert (proofs[1].state, proofs[2].state) == ("none", "confirmed")


def test_a_withdrawal_waits_while_nothing_may_go_then_goes_first(
    paths: AppPaths, policy: Policy, svc: RefService
) -> None:
    ledger = ConsentLedger(paths)
    accepted = record_acceptance(paths, policy)
    withdrawn = ledger.record(
        Decision.WITHDRAWN,
        policy_id=policy.policy_id,
        policy_version=policy.version,
        text_sha256=policy.text_sha256("ja"),
        locale="ja",
        modules={},
    )
    client, egress = egress_client(svc.url, policy, consented=False)
    receipts = sender(paths, client, keys_of(svc))
    receipts.enqueue(accepted, policy)
    receipts.enqueue(withdrawn, policy)
    assert receipts.flush().failed == 1
    assert svc.count(PATH) == 0  # the egress rules let nothing go after a withdrawal
    egress.set_consented(True)  # consent given again
    assert receipts.flush(force=True).confirmed == 2
    assert [r.record_seq for r in svc.consent_receipts.values()] == [1, 2]


def test_paused_it_writes_nothing_of_an_answer(
    paths: AppPaths, policy: Policy, svc: RefService
) -> None:
    record = record_acceptance(paths, policy)
    receipts = sender(paths, egress_client(svc.url, policy)[0], keys_of(svc))
    receipts.enqueue(record, policy)
    receipts.pause()
    receipts.flush()
    assert not (paths.data / ACKS_NAME).exists()
    assert read_queue(paths).entries[0].attempts == 0
    receipts.resume()
    assert receipts.flush().confirmed == 1


def test_an_answer_after_a_local_wipe_is_not_written_back(
    paths: AppPaths, policy: Policy, svc: RefService
) -> None:
    import shutil

    record = record_acceptance(paths, policy)
    client = egress_client(svc.url, policy)[0]

    class WipingClient:
        def upload_consent_receipt(self, *args: object, **kw: object) -> object:
            shutil.rmtree(paths.data)
            shutil.rmtree(paths.state)
            return client.upload_consent_receipt(*args, **kw)  # type: ignore[arg-type]

    receipts = ReceiptSender(paths, ConsentLedger(paths), WipingClient, lambda: keys_of(svc))
    receipts.enqueue(record, policy)
    receipts.flush()
    assert not paths.data.exists() and not paths.state.exists()
