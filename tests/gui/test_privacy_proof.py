"""The privacy center's Consent page: where the text came from, and NeWork's confirmations."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nework_desktop.core.consent import ConsentLedger
from nework_desktop.core.env import POLICY_DEV_KEYS
from nework_desktop.core.export.receipts import build_receipt, receipt_id
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from nework_desktop.core.policy.store import CurrentPolicy
from nework_desktop.core.proof import QueueEntry, ReceiptQueue, store_ack, verify_ack, write_queue
from nework_desktop.qa.refservice.signing import FeedKey, generate_key
from nework_desktop.services.session import Services
from nework_desktop.ui.privacy.center import PrivacyCenter
from tests.helpers import add_version, record_acceptance, shipped_copy, trust_of


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> FeedKey:
    key = generate_key()
    monkeypatch.setenv(POLICY_DEV_KEYS, key.dev_keys_value())
    return key


def center_for(qtbot: QtBot, services: Services, locale: str = "en") -> PrivacyCenter:
    center = PrivacyCenter(services, locale, opener=lambda url: True)
    qtbot.addWidget(center)
    return center


def test_confirmed_and_waiting_records(qtbot: QtBot, paths: AppPaths, key: FeedKey) -> None:
    policy = load_policy()
    first = record_acceptance(paths, policy)
    second = record_acceptance(paths, policy, locale="en")
    ack = key.seal(
        {
            "type": "nework-consent-ack",
            "schema": 1,
            "receipt_id": receipt_id(first),
            "record_seq": 1,
            "head_hash": first.hash,
            "acknowledged_at": first.recorded_at[:19] + "Z",
        }
    )
    store_ack(paths, verify_ack(ack, trust_of(key).keys, first, now=datetime.now(UTC)))
    receipt = build_receipt(second, policy, principal_id="d")
    write_queue(
        paths, ReceiptQueue((QueueEntry(receipt_id(second), 2, second.hash, "t", receipt),))
    )
    center = center_for(qtbot, Services(paths, policy, ConsentLedger(paths)))
    page = center.consent_page
    table = page.decisions_table
    assert table.horizontalHeaderItem(4).text() == "Confirmed by NeWork"  # type: ignore[union-attr]
    newest, oldest = table.item(0, 4), table.item(1, 4)
    assert newest is not None and newest.text() == "Waiting to be confirmed"
    when = datetime.fromisoformat(first.recorded_at.replace("Z", "+00:00"))
    assert oldest is not None and oldest.text().startswith("Confirmed by NeWork on ")
    assert str(when.year) in oldest.text()
    assert page.proof_status.text().startswith("Your latest decision is waiting to be confirmed")
    assert page.policy_source.text() == "This text shipped with NeWork (version 2024-02-08)."


def test_without_any_receipt_nothing_is_claimed(
    qtbot: QtBot, paths: AppPaths, key: FeedKey
) -> None:
    policy = load_policy()
    record_acceptance(paths, policy)
    center = center_for(qtbot, Services(paths, policy, ConsentLedger(paths)))
    page = center.consent_page
    assert not page.proof_status.isVisibleTo(page)
    item = page.decisions_table.item(0, 4)
    assert item is not None and item.text() == "—"


def test_a_text_from_the_service_says_so(
    qtbot: QtBot, tmp_path: Path, paths: AppPaths, key: FeedKey
) -> None:
    bundled = load_policy()
    new = load_policy(add_version(shipped_copy(tmp_path / "f"), "2030-01-01", material=False))
    record_acceptance(paths, bundled)
    source = CurrentPolicy(new, "service", bundled.version, "2030-01-02T03:04:05Z", 4)
    services = Services(paths, new, ConsentLedger(paths), source=source, bundled=bundled)
    center = center_for(qtbot, services)
    assert center.consent_page.policy_source.text().startswith(
        "This text came from the NeWork service (version 2030-01-01), verified on January 2, 2030"
    )
    bundled_but_checked = CurrentPolicy(bundled, "bundled", bundled.version, "2030-01-02T03:04:05Z")
    services = Services(paths, bundled, ConsentLedger(paths), source=bundled_but_checked)
    japanese = center_for(qtbot, services, "ja")
    text = japanese.consent_page.policy_source.text()
    assert "2030年1月2日" in text and "2024-02-08" in text
