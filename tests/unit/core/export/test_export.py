"""The data export (Art. 6): zip contents, Kantara v1.1 receipts, nothing secret inside."""

from __future__ import annotations

import copy
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.account_store import AccountSummary, read_summary
from nework_desktop.core.consent import ConsentLedger, Decision, parse_ledger
from nework_desktop.core.device import device_id
from nework_desktop.core.egress import TransmissionLog, Verdict
from nework_desktop.core.export import (
    EXPORT_FILES,
    RECEIPT_VERSION,
    build_receipt,
    export_data,
    receipt_id,
)
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.prefs import Preferences
from nework_desktop.core.secrets import SecretStore
from nework_desktop.net.http import HttpClient
from nework_desktop.net.service import ServiceClient
from nework_desktop.services.account import AccountManager
from tests.helpers import email_sign_in
from tests.oracles import validate_receipt
from tests.refservice import RefService

EMAIL = "hanako.export@example.com"
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC).timestamp()


@pytest.fixture
def ledger(paths: AppPaths, policy: Policy) -> ConsentLedger:
    """Four decisions: agree (ja), GA off, withdraw, agree again (en, KARTE off)."""
    ledger = ConsentLedger(paths)
    common = {"policy_id": policy.policy_id, "policy_version": policy.version}
    ledger.record(
        Decision.ACCEPTED,
        **common,
        text_sha256=policy.text_sha256("ja"),
        locale="ja",
        modules={"google_analytics": True, "karte": True},
    )
    ledger.record(
        Decision.ACCEPTED,
        **common,
        text_sha256=policy.text_sha256("ja"),
        locale="ja",
        modules={"google_analytics": False, "karte": True},
    )
    ledger.record(
        Decision.WITHDRAWN,
        **common,
        text_sha256=policy.text_sha256("ja"),
        locale="ja",
        modules={"google_analytics": False, "karte": True},
    )
    ledger.record(
        Decision.ACCEPTED,
        **common,
        text_sha256=policy.text_sha256("en"),
        locale="en",
        modules={"google_analytics": True, "karte": False},
    )
    return ledger


@pytest.fixture
def transmissions(paths: AppPaths) -> TransmissionLog:
    log = TransmissionLog(paths, clock=lambda: NOW)
    log.count(Verdict(True, None, "service", "nework.example"), NOW)
    log.count(Verdict(False, "google_analytics", "opted-out", "www.google-analytics.com"), NOW)
    log.count(Verdict(False, None, "undeclared-host", "tracker.example"), NOW)
    return log


def _signed_in(svc: RefService, paths: AppPaths) -> AccountManager:
    """A real e-mail sign-in against the reference service (tokens in memory only)."""
    client = ServiceClient(svc.url, HttpClient(sleep=lambda s: None, timeout=(2, 5)))
    account = AccountManager(paths, SecretStore(paths, None), client)
    email_sign_in(svc, account, EMAIL)
    assert account.signed_in
    return account


def _read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def _export(
    paths: AppPaths,
    policy: Policy,
    ledger: ConsentLedger,
    transmissions: TransmissionLog,
    dest: Path,
    *,
    summary: AccountSummary | None = None,
    **kwargs: Any,
) -> Path:
    return export_data(
        paths,
        policy,
        ledger,
        account_summary=summary,
        prefs=Preferences.load(paths),
        transmissions=transmissions.rows(),
        dest=dest,
        **kwargs,
    )


def test_the_zip_holds_every_file_and_one_valid_receipt_per_record(
    paths: AppPaths,
    policy: Policy,
    ledger: ConsentLedger,
    transmissions: TransmissionLog,
    tmp_path: Path,
) -> None:
    device = device_id(paths, create=True)
    assert device is not None
    steps: list[tuple[int, int]] = []
    dest = tmp_path / "out" / "nework-data.zip"
    dest.parent.mkdir()
    result = _export(
        paths, policy, ledger, transmissions, dest, progress=lambda d, t: steps.append((d, t))
    )
    assert result == dest
    files = _read_zip(dest)
    assert sorted(files) == sorted(EXPORT_FILES)
    assert steps[-1][0] == steps[-1][1]
    assert sorted(p.name for p in dest.parent.iterdir()) == ["nework-data.zip"]  # no temp left

    records = ledger.read().records
    receipts = json.loads(files["consent-receipts.json"])
    assert isinstance(receipts, list)
    assert len(receipts) == len(records) == 4
    for receipt, record in zip(receipts, records, strict=True):
        assert validate_receipt(receipt) == [], receipt
        assert receipt["version"] == RECEIPT_VERSION == "KI-CR-v1.1.0"
        assert receipt["jurisdiction"] == "JP"
        assert receipt["collectionMethod"] == "desktop app consent dialog"
        assert receipt["piiPrincipalId"] == device
        assert receipt["language"] == record.locale
        assert receipt["consentReceiptID"] == receipt_id(record)
        assert receipt["consentTimestamp"] == int(
            datetime.fromisoformat(record.recorded_at.replace("Z", "+00:00")).timestamp()
        )
        assert receipt["policyUrl"] == policy.link("app_privacy").url
        assert "publicKey" not in receipt
        controller = receipt["piiControllers"][0]
        assert controller["piiController"] == policy.company.get(record.locale)
        assert controller["contact"] == policy.link("contact").url
        assert controller["email"] == "not published"
        ours = receipt["x-nework"]
        assert ours["policy_version"] == record.policy_version
        assert ours["text_sha256"] == record.text_sha256
        assert ours["decision"] == record.decision.value
        assert ours["modules"] == dict(record.modules)
        assert ours["record_hash"] == record.hash
    assert len({r["consentReceiptID"] for r in receipts}) == 4
    assert [r["x-nework"]["decision"] for r in receipts] == [
        "accepted",
        "accepted",
        "withdrawn",
        "accepted",
    ]

    # Third parties: exactly the modules the record allows; Firebase never (smartphones only).
    def third_parties(receipt: dict[str, Any]) -> list[str]:
        purposes = receipt["services"][0]["purposes"]
        return [p["thirdPartyName"] for p in purposes if p["thirdPartyDisclosure"]]

    assert [len(third_parties(r)) for r in receipts] == [2, 1, 1, 1]
    assert ["KARTE" in n for n in third_parties(receipts[1])] == [True]  # GA switched off
    assert ["Google Analytics" in n for n in third_parties(receipts[3])] == [True]  # KARTE off
    assert not any("Firebase" in n for r in receipts for n in third_parties(r))
    # Every Art. 2-1 purpose is listed, in the language of the record.
    first = receipts[0]["services"][0]["purposes"]
    expected = [p.text.get("ja") for item in policy.items for p in item.purposes]
    assert [p["purpose"] for p in first if not p["thirdPartyDisclosure"]] == expected

    # The raw ledger, byte for byte, and it still verifies.
    assert files["ledger.json"] == ledger.path.read_bytes()
    assert parse_ledger(files["ledger.json"]) == records

    rows = json.loads(files["transmissions.json"])["rows"]
    by_host = {r["host"]: r for r in rows}
    assert by_host["nework.example"]["allowed"] == 1
    assert by_host["www.google-analytics.com"]["blocked"] == 1
    assert by_host["www.google-analytics.com"]["blocked_reasons"] == {"opted-out": 1}
    assert by_host["tracker.example"]["module"] is None

    prefs = json.loads(files["preferences.json"])
    assert prefs["service_url"] == Preferences.load(paths).get("service_url")
    assert json.loads(files["account.json"]) == {"signed_in": False}
    readme = files["README.txt"].decode("utf-8")
    for name in EXPORT_FILES:
        assert name in readme
    assert "日本語" in readme and "English" in readme


def test_no_token_and_no_email_in_the_zip(
    svc: RefService,
    paths: AppPaths,
    policy: Policy,
    ledger: ConsentLedger,
    transmissions: TransmissionLog,
) -> None:
    account = _signed_in(svc, paths)
    device_id(paths, create=True)
    summary = read_summary(paths)
    assert summary is not None
    assert paths.basedir is not None
    dest = paths.basedir.parent / "export.zip"
    _export(paths, policy, ledger, transmissions, dest, summary=summary)
    files = _read_zip(dest)
    blob = b"\n".join(files.values())
    assert svc.issued, "the reference service handed out tokens"
    for secret in svc.issued:
        assert secret.encode() not in blob
    assert account.access_token() is not None
    assert str(account.access_token()).encode() not in blob
    assert EMAIL.encode() not in blob
    assert b"hanako.export" not in blob
    data = json.loads(files["account.json"])
    assert data == {
        "signed_in": True,
        "provider": summary.provider,
        "masked_email": summary.masked_email,
        "signed_in_at": summary.signed_in_at,
        "persistent": False,
    }
    assert data["masked_email"].startswith("h***@")
    # The receipts name the device, never the person.
    for receipt in json.loads(files["consent-receipts.json"]):
        assert "@" not in receipt["piiPrincipalId"]
    account.client.http.close()


def test_an_existing_file_is_never_replaced_silently(
    paths: AppPaths,
    policy: Policy,
    ledger: ConsentLedger,
    transmissions: TransmissionLog,
    tmp_path: Path,
) -> None:
    dest = tmp_path / "mine.zip"
    dest.write_bytes(b"the user's own file")
    with pytest.raises(FileExistsError):
        _export(paths, policy, ledger, transmissions, dest)
    assert dest.read_bytes() == b"the user's own file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    _export(paths, policy, ledger, transmissions, dest, overwrite=True)
    assert sorted(_read_zip(dest)) == sorted(EXPORT_FILES)


def test_a_failed_export_leaves_nothing_behind(
    paths: AppPaths,
    policy: Policy,
    ledger: ConsentLedger,
    transmissions: TransmissionLog,
    tmp_path: Path,
) -> None:
    def boom(done: int, total: int) -> None:
        if done == 3:
            raise OSError("disk full")

    dest = tmp_path / "x.zip"
    with pytest.raises(OSError, match="disk full"):
        _export(paths, policy, ledger, transmissions, dest, progress=boom)
    assert list(tmp_path.iterdir()) == [tmp_path / "base"]


def test_export_reads_without_creating_a_device_id(
    paths: AppPaths,
    policy: Policy,
    ledger: ConsentLedger,
    transmissions: TransmissionLog,
    tmp_path: Path,
) -> None:
    dest = _export(paths, policy, ledger, transmissions, tmp_path / "e.zip")
    assert device_id(paths) is None
    receipts = json.loads(_read_zip(dest)["consent-receipts.json"])
    assert {r["piiPrincipalId"] for r in receipts} == {"not published"}
    assert all(validate_receipt(r) == [] for r in receipts)


def test_receipt_ids_are_stable(policy: Policy, ledger: ConsentLedger) -> None:
    record = ledger.read().records[0]
    one = build_receipt(record, policy, principal_id="d")
    two = build_receipt(record, policy, principal_id="d")
    assert one == two
    assert one["consentReceiptID"] == receipt_id(record)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: r.pop("version"), "receipt.version: required field is missing"),
        (lambda r: r.update(version="KI-CR-v1.0.0"), "receipt.version: expected"),
        (lambda r: r.update(consentTimestamp="yesterday"), "receipt.consentTimestamp"),
        (lambda r: r.update(consentTimestamp=True), "receipt.consentTimestamp"),
        (lambda r: r.pop("piiPrincipalId"), "receipt.piiPrincipalId"),
        (lambda r: r.update(sensitive="no"), "receipt.sensitive"),
        (lambda r: r.update(spiCat=[1]), "receipt.spiCat"),
        (lambda r: r.update(piiControllers=[]), "receipt.piiControllers: must not be empty"),
        (lambda r: r["piiControllers"][0].pop("phone"), "piiControllers[0].phone"),
        (lambda r: r["piiControllers"][0].update(address="x"), "piiControllers[0].address"),
        (lambda r: r.update(services=[]), "receipt.services: must not be empty"),
        (lambda r: r["services"][0].pop("service"), "services[0].service"),
        (
            lambda r: r["services"][0]["purposes"][0].update(consentType="MAYBE"),
            "consentType: expected EXPLICIT or IMPLICIT",
        ),
        (
            lambda r: r["services"][0]["purposes"][0].update(purposeCategory=[]),
            "purposeCategory: must not be empty",
        ),
        (
            lambda r: r["services"][0]["purposes"][-1].pop("thirdPartyName"),
            "thirdPartyName: required when thirdPartyDisclosure is true",
        ),
        (lambda r: r.update(consentReceiptId="typo"), "consentReceiptId: not a Consent Receipt"),
    ],
)
def test_the_validator_finds_each_problem(
    policy: Policy, ledger: ConsentLedger, change: Any, problem: str
) -> None:
    receipt = build_receipt(ledger.read().records[0], policy, principal_id="device")
    assert validate_receipt(receipt) == []
    broken = copy.deepcopy(receipt)
    change(broken)
    problems = validate_receipt(broken)
    assert any(problem in p for p in problems), problems


def test_the_validator_refuses_non_objects() -> None:
    assert validate_receipt([]) == ["receipt: expected an object"]
