"""Unit tests for the consent ledger (core/consent.py): chain, tampering, crashes, permissions."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import nework_desktop
from nework_desktop.core.consent import (
    LEDGER_NAME,
    WRITE_STEPS,
    ZERO_HASH,
    ConsentLedger,
    ConsentRecord,
    ConsentState,
    Decision,
    LedgerCorrupt,
)
from nework_desktop.core.paths import AppPaths

POLICY_TEXT = "NeWork アプリケーション・プライバシーポリシー 第4条 …"
TEXT_SHA = hashlib.sha256(POLICY_TEXT.encode("utf-8")).hexdigest()
OTHER_SHA = hashlib.sha256(b"another text").hexdigest()
MODULES: dict[str, bool] = {"crash-reports": True, "usage-stats": False}
STRAY_GLOB = f".{LEDGER_NAME}.*.tmp"
JST = timezone(timedelta(hours=9))


class Clock:
    """A clock that starts at a fixed time and moves one second per call."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 4, 1, 9, 30, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        current = self.now
        self.now += timedelta(seconds=1)
        return current


class Crash(Exception):
    """Raised from the fault hook to stand for the process dying at that step."""


def make_paths(base: Path) -> AppPaths:
    return AppPaths.from_environment(basedir=base)


def make_ledger(
    base: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    fault: Callable[[str], None] | None = None,
) -> ConsentLedger:
    return ConsentLedger(make_paths(base), clock=clock or Clock(), app_version="0.1.0", fault=fault)


def add(
    ledger: ConsentLedger,
    decision: Decision = Decision.ACCEPTED,
    *,
    version: str = "1.0",
    locale: str = "ja",
    modules: Mapping[str, bool] | None = None,
) -> ConsentRecord:
    return ledger.record(
        decision,
        policy_id="nework-app",
        policy_version=version,
        text_sha256=TEXT_SHA,
        locale=locale,
        modules=MODULES if modules is None else modules,
    )


def three(ledger: ConsentLedger) -> list[ConsentRecord]:
    """accept (ja), withdraw (en), accept v1.1 (ja): the chain most tests start from."""
    return [
        add(ledger),
        add(ledger, Decision.WITHDRAWN, locale="en", modules={"crash-reports": False}),
        add(ledger, version="1.1", modules={"crash-reports": True, "usage-stats": True}),
    ]


def strays(folder: Path) -> list[Path]:
    return sorted(folder.glob(STRAY_GLOB)) if folder.is_dir() else []


def independent_hash(raw: Mapping[str, object]) -> str:
    payload = {k: v for k, v in raw.items() if k != "hash"}
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def raw_records(path: Path) -> list[dict[str, object]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    records = doc["records"]
    assert isinstance(records, list)
    return records


def write_doc(path: Path, doc: object) -> bytes:
    data = json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")
    path.write_bytes(data)
    return data


@pytest.fixture
def ledger(base: Path) -> ConsentLedger:
    return make_ledger(base)


# -- records and the chain -----------------------------------------------------------------


def test_first_record(ledger: ConsentLedger, base: Path) -> None:
    rec = add(ledger)

    assert rec.seq == 1
    assert rec.decision is Decision.ACCEPTED
    assert rec.prev_hash == ZERO_HASH == "0" * 64
    assert (rec.policy_id, rec.policy_version, rec.locale) == ("nework-app", "1.0", "ja")
    assert rec.text_sha256 == TEXT_SHA
    assert dict(rec.modules) == MODULES
    assert rec.app_version == "0.1.0"
    assert rec.recorded_at == "2025-04-01T09:30:00.000Z"
    assert re.fullmatch(r"[0-9a-f]{64}", rec.hash)
    assert ledger.path == base / "data" / LEDGER_NAME

    state = ledger.read()
    assert state == ConsentState("accepted", rec, rec, (rec,), None)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    assert doc == {"schema": 1, "records": [rec.to_json()]}


def test_chain_accept_withdraw_accept(ledger: ConsentLedger) -> None:
    first = add(ledger)
    assert ledger.read().state == "accepted"

    second = add(ledger, Decision.WITHDRAWN, modules={})
    state = ledger.read()
    assert state.state == "withdrawn"
    assert state.last == second
    assert state.last_accepted == first

    third = add(ledger, version="1.1")
    state = ledger.read()
    assert state.state == "accepted"
    assert state.last == state.last_accepted == third
    assert state.records == (first, second, third)

    assert [r.seq for r in state.records] == [1, 2, 3]
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3


def test_hash_is_sha256_of_canonical_json_of_the_other_fields(ledger: ConsentLedger) -> None:
    records = three(ledger)
    on_disk = raw_records(ledger.path)
    prev = "0" * 64
    for rec, raw in zip(records, on_disk, strict=True):
        assert set(raw) == {
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
        }
        assert raw == rec.to_json()
        assert raw["hash"] == independent_hash(raw) == rec.computed_hash()
        assert raw["prev_hash"] == prev
        prev = rec.hash


def test_non_ascii_survives_and_is_hashed_as_utf8(ledger: ConsentLedger) -> None:
    rec = ledger.record(
        Decision.ACCEPTED,
        policy_id="ネワーク",
        policy_version="第1版",
        text_sha256=TEXT_SHA,
        locale="ja",
        modules={},
    )
    raw = raw_records(ledger.path)[0]
    assert raw["policy_id"] == "ネワーク"
    assert "ネワーク" in ledger.path.read_text(encoding="utf-8")  # readable, not \\u escapes
    assert independent_hash(raw) == rec.hash
    assert ledger.read().last == rec


def test_record_modules_are_a_read_only_copy(ledger: ConsentLedger) -> None:
    mods = {"crash-reports": True}
    rec = add(ledger, modules=mods)
    mods["crash-reports"] = False
    assert rec.modules["crash-reports"] is True
    with pytest.raises(TypeError):
        rec.modules["crash-reports"] = False  # type: ignore[index]
    assert ledger.read().last == rec


def test_recorded_at_is_utc_with_z(base: Path) -> None:
    # 18:45:30.25 in Japan is 09:45:30.250 UTC.
    clock = Clock(datetime(2025, 4, 1, 18, 45, 30, 250000, tzinfo=JST))
    ledger = make_ledger(base, clock=clock)
    rec = add(ledger)
    assert rec.recorded_at == "2025-04-01T09:45:30.250Z"
    assert datetime.fromisoformat(rec.recorded_at) == datetime(
        2025, 4, 1, 9, 45, 30, 250000, tzinfo=UTC
    )


def test_naive_clock_is_refused(base: Path) -> None:
    ledger = make_ledger(base, clock=lambda: datetime(2025, 4, 1, 9, 0))
    with pytest.raises(ValueError, match="clock"):
        add(ledger)
    assert not base.exists()


def test_default_clock_and_version(base: Path) -> None:
    ledger = ConsentLedger(make_paths(base))
    before = datetime.now(UTC).replace(microsecond=0)
    rec = add(ledger)
    assert rec.app_version == nework_desktop.__version__
    assert rec.recorded_at.endswith("Z")
    assert datetime.fromisoformat(rec.recorded_at) >= before


# -- reading never writes ------------------------------------------------------------------


def test_read_of_missing_ledger_creates_nothing(ledger: ConsentLedger, base: Path) -> None:
    state = ledger.read()
    assert state == ConsentState("none", None, None, (), None)
    assert not base.exists()

    assert ledger.load() == state
    assert not base.exists()


def test_read_with_data_folder_but_no_ledger(base: Path, ledger: ConsentLedger) -> None:
    make_paths(base).ensure("data")
    before = sorted(p.name for p in (base / "data").iterdir())
    assert ledger.read().state == "none"
    assert sorted(p.name for p in (base / "data").iterdir()) == before


def test_load_of_valid_ledger_moves_nothing(ledger: ConsentLedger, base: Path) -> None:
    three(ledger)
    assert ledger.load() == ledger.read()
    assert ledger.load().quarantined is None
    assert not (base / "data" / "quarantine").exists()


# -- tampering -----------------------------------------------------------------------------

# Plausible edits of record 2 (the withdrawal): each keeps the field well-formed, so only the
# hash chain can tell.
TAMPER: list[tuple[str, object]] = [
    ("seq", 5),
    ("decision", "accepted"),
    ("policy_id", "nework-app-2"),
    ("policy_version", "0.9"),
    ("text_sha256", OTHER_SHA),
    ("locale", "ja"),
    ("modules", {"crash-reports": True}),
    ("modules", {"crash-reports": False, "usage-stats": False}),
    ("recorded_at", "2024-01-01T00:00:00.000Z"),
    ("app_version", "9.9.9"),
    ("prev_hash", OTHER_SHA),
    ("hash", OTHER_SHA),
]

# Malformed edits: refused by the field checks before any hash is looked at.
MALFORMED: list[tuple[str, object]] = [
    ("seq", "2"),
    ("seq", True),
    ("seq", 2.0),
    ("decision", "maybe"),
    ("policy_id", ""),
    ("policy_version", None),
    ("text_sha256", TEXT_SHA.upper()),
    ("locale", "fr"),
    ("modules", {"crash-reports": 1}),
    ("modules", ["crash-reports"]),
    ("recorded_at", "2025-04-01T09:30:00+00:00"),
    ("recorded_at", "2025-13-01T09:30:00Z"),
    ("app_version", 1),
    ("prev_hash", "0" * 63),
    ("hash", ""),
]


def assert_quarantined(
    ledger: ConsentLedger, base: Path, corrupt: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    """read() raises and moves nothing; load() moves the exact bytes aside and reports none."""
    with pytest.raises(LedgerCorrupt):
        ledger.read()
    assert ledger.path.read_bytes() == corrupt  # read() never moves or rewrites

    with caplog.at_level(logging.ERROR, logger="nework.consent"):
        state = ledger.load()

    assert state.state == "none"
    assert (state.last, state.last_accepted, state.records) == (None, None, ())
    dest = state.quarantined
    assert dest is not None
    assert dest.parent == base / "data" / "quarantine"
    assert re.fullmatch(r"consent-ledger\.\d{8}T\d{6}Z(-\d+)?\.json", dest.name)
    assert dest.read_bytes() == corrupt
    assert not ledger.path.exists()
    errors = [r for r in caplog.records if r.name == "nework.consent"]
    assert errors and errors[-1].levelno == logging.ERROR
    assert str(dest) in errors[-1].getMessage()

    # Afterwards the ledger starts over, cleanly.
    assert ledger.read().state == "none"
    assert add(ledger).seq == 1
    assert ledger.read().state == "accepted"


@pytest.mark.parametrize(("field", "value"), TAMPER, ids=[f"{f}={v!r}" for f, v in TAMPER])
def test_tampered_middle_record(
    ledger: ConsentLedger,
    base: Path,
    caplog: pytest.LogCaptureFixture,
    field: str,
    value: object,
) -> None:
    three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    assert doc["records"][1][field] != value
    doc["records"][1][field] = value
    corrupt = write_doc(ledger.path, doc)

    with pytest.raises(LedgerCorrupt, match=r"record 2: hash mismatch"):
        ledger.read()
    assert_quarantined(ledger, base, corrupt, caplog)


@pytest.mark.parametrize(("field", "value"), MALFORMED, ids=[f"{f}={v!r}" for f, v in MALFORMED])
def test_malformed_middle_record(
    ledger: ConsentLedger,
    base: Path,
    caplog: pytest.LogCaptureFixture,
    field: str,
    value: object,
) -> None:
    three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    doc["records"][1][field] = value
    corrupt = write_doc(ledger.path, doc)

    with pytest.raises(LedgerCorrupt, match=rf"record 2: bad field {field}"):
        ledger.read()
    assert_quarantined(ledger, base, corrupt, caplog)


def test_tampered_and_rehashed_record_breaks_the_chain(
    ledger: ConsentLedger, base: Path, caplog: pytest.LogCaptureFixture
) -> None:
    three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    doc["records"][1]["decision"] = "accepted"
    doc["records"][1]["hash"] = independent_hash(doc["records"][1])
    corrupt = write_doc(ledger.path, doc)

    with pytest.raises(LedgerCorrupt, match=r"record 3: chain broken at 3"):
        ledger.read()
    assert_quarantined(ledger, base, corrupt, caplog)


def test_rewritten_chain_is_only_caught_by_an_outside_copy_of_the_head(
    ledger: ConsentLedger,
) -> None:
    """Documents the limit: unkeyed hashes cannot stop a full recomputation of the tail."""
    records = three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    doc["records"][2]["locale"] = "en"
    doc["records"][2]["hash"] = independent_hash(doc["records"][2])
    write_doc(ledger.path, doc)

    last = ledger.read().last
    assert last is not None
    assert last.hash != records[-1].hash  # a receipt holding the old head would expose it


def test_missing_and_extra_fields(ledger: ConsentLedger) -> None:
    three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    del doc["records"][1]["locale"]
    write_doc(ledger.path, doc)
    with pytest.raises(LedgerCorrupt, match=r"record 2: missing fields locale"):
        ledger.read()

    doc["records"][1]["locale"] = "en"
    doc["records"][1]["note"] = "hidden"
    write_doc(ledger.path, doc)
    with pytest.raises(LedgerCorrupt, match=r"record 2: unexpected fields note"):
        ledger.read()


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


Doc = dict[str, list[object]]


def _swap_2_3(doc: Doc) -> None:
    recs = doc["records"]
    recs[1], recs[2] = recs[2], recs[1]


def _delete_2(doc: Doc) -> None:
    del doc["records"][1]


def _duplicate_2(doc: Doc) -> None:
    doc["records"].insert(2, doc["records"][1])


DAMAGE: list[tuple[str, Callable[[bytes], bytes], str]] = [
    ("truncated", _truncated, r"bad JSON"),
    ("empty", lambda d: b"", r"bad JSON"),
    ("not-json", lambda d: b"accepted=yes\n", r"bad JSON"),
    ("not-utf8", lambda d: d.replace(b'"ja"', b'"\xff\xfe"', 1), r"UTF-8"),
    ("nan", lambda d: d.replace(b'"schema": 1', b'"schema": NaN'), r"bad JSON"),
    ("dup-key", lambda d: d.replace(b'"schema": 1', b'"schema": 1, "schema": 1'), r"duplicate"),
    ("top-list", lambda d: b"[]", r"top level"),
    ("extra-top", lambda d: d.replace(b'"schema": 1', b'"schema": 1, "x": 0'), r"top level"),
    ("schema-2", lambda d: d.replace(b'"schema": 1', b'"schema": 2'), r"schema 2"),
    ("schema-str", lambda d: d.replace(b'"schema": 1', b'"schema": "1"'), r"schema '1'"),
    ("schema-bool", lambda d: d.replace(b'"schema": 1', b'"schema": true'), r"schema True"),
    ("records-dict", lambda d: b'{"schema": 1, "records": {}}', r"'records' must be a list"),
    ("record-not-object", lambda d: b'{"schema": 1, "records": [1]}', r"record 1: not"),
]


@pytest.mark.parametrize(("mangle", "message"), [d[1:] for d in DAMAGE], ids=[d[0] for d in DAMAGE])
def test_damaged_file(
    ledger: ConsentLedger,
    base: Path,
    caplog: pytest.LogCaptureFixture,
    mangle: Callable[[bytes], bytes],
    message: str,
) -> None:
    three(ledger)
    corrupt = mangle(ledger.path.read_bytes())
    assert corrupt != ledger.path.read_bytes()
    ledger.path.write_bytes(corrupt)

    with pytest.raises(LedgerCorrupt, match=message):
        ledger.read()
    assert_quarantined(ledger, base, corrupt, caplog)


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (_swap_2_3, r"record 2: seq gap \(expected seq 2, found 3\)"),
        (_delete_2, r"record 2: seq gap \(expected seq 2, found 3\)"),
        (_duplicate_2, r"record 3: seq gap \(expected seq 3, found 2\)"),
    ],
    ids=["reordered", "deleted-middle", "duplicated"],
)
def test_reordered_or_missing_records(
    ledger: ConsentLedger,
    base: Path,
    caplog: pytest.LogCaptureFixture,
    mangle: Callable[[Doc], None],
    message: str,
) -> None:
    three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    mangle(doc)
    corrupt = write_doc(ledger.path, doc)

    with pytest.raises(LedgerCorrupt, match=message):
        ledger.read()
    assert_quarantined(ledger, base, corrupt, caplog)


def test_renumbered_after_deletion_breaks_the_chain(ledger: ConsentLedger) -> None:
    three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    del doc["records"][1]
    doc["records"][1]["seq"] = 2
    doc["records"][1]["hash"] = independent_hash(doc["records"][1])
    write_doc(ledger.path, doc)
    with pytest.raises(LedgerCorrupt, match=r"record 2: chain broken at 2"):
        ledger.read()


def test_first_record_must_start_the_chain(ledger: ConsentLedger) -> None:
    add(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    doc["records"][0]["prev_hash"] = OTHER_SHA
    doc["records"][0]["hash"] = independent_hash(doc["records"][0])
    write_doc(ledger.path, doc)
    with pytest.raises(LedgerCorrupt, match=r"record 1: chain broken at 1"):
        ledger.read()


def test_ledger_that_is_not_a_file(ledger: ConsentLedger, base: Path) -> None:
    make_paths(base).ensure("data")
    ledger.path.mkdir()
    with pytest.raises(LedgerCorrupt, match="not a regular file"):
        ledger.read()
    state = ledger.load()
    assert state.state == "none"
    assert state.quarantined is not None and state.quarantined.is_dir()
    assert not ledger.path.exists()


def test_record_refuses_to_append_to_a_corrupt_ledger(ledger: ConsentLedger) -> None:
    three(ledger)
    doc = json.loads(ledger.path.read_text(encoding="utf-8"))
    doc["records"][0]["locale"] = "en"
    corrupt = write_doc(ledger.path, doc)
    listing = sorted(p.name for p in ledger.path.parent.iterdir())

    with pytest.raises(LedgerCorrupt, match="record 1: hash mismatch"):
        add(ledger)
    assert ledger.path.read_bytes() == corrupt
    assert sorted(p.name for p in ledger.path.parent.iterdir()) == listing


def test_two_quarantines_in_the_same_second_keep_both(base: Path) -> None:
    fixed = datetime(2025, 4, 1, 0, 0, tzinfo=UTC)
    ledger = make_ledger(base, clock=lambda: fixed)
    moved = []
    for text in (b"first", b"second"):
        make_paths(base).ensure("data")
        ledger.path.write_bytes(text)
        dest = ledger.load().quarantined
        assert dest is not None
        moved.append(dest)
    assert moved[0] != moved[1]
    assert [p.read_bytes() for p in moved] == [b"first", b"second"]
    assert moved[0].name == "consent-ledger.20250401T000000Z.json"


def test_unreadable_ledger_is_not_quarantined(
    ledger: ConsentLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    three(ledger)
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == ledger.path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PermissionError):
        ledger.load()
    monkeypatch.undo()
    assert ledger.read().state == "accepted"


# -- crashes -------------------------------------------------------------------------------


def snapshot(src: Path, dst: Path) -> None:
    """Copy what is on disk right now (or nothing, if ``src`` does not exist yet)."""
    if src.exists():
        shutil.copytree(src, dst, symlinks=True)


def expected_steps() -> Iterator[str]:
    for step in WRITE_STEPS:
        if step != "dir-fsync" or os.name == "posix":
            yield step


@pytest.mark.parametrize("before", [0, 2], ids=["1st-record", "3rd-record"])
@pytest.mark.parametrize("step", list(expected_steps()))
def test_crash_at_every_write_step(tmp_path: Path, step: str, before: int) -> None:
    base = tmp_path / "base"
    setup = make_ledger(base)
    old = [add(setup, Decision.WITHDRAWN if i % 2 else Decision.ACCEPTED) for i in range(before)]
    old_bytes = setup.path.read_bytes() if before else None

    seen: list[str] = []
    at_crash = tmp_path / "at-crash"

    def fault(name: str) -> None:
        seen.append(name)
        if name == step:
            snapshot(base, at_crash)
            raise Crash(name)

    clock = Clock(datetime(2025, 5, 1, tzinfo=UTC))
    crashing = make_ledger(base, clock=clock, fault=fault)
    with pytest.raises(Crash):
        add(crashing, Decision.WITHDRAWN)
    assert seen == list(expected_steps())[: seen.index(step) + 1]

    # Two views of the crash: the folder as the failed call left it (the error path has run),
    # and the copy taken at the moment of the fault (what a killed process leaves behind).
    committed = step == "dir-fsync"  # the rename happened before the folder fsync
    for where in (base, at_crash):
        data = where / "data"
        state = make_ledger(where).read()  # never a torn ledger: this must not raise
        if committed:
            assert state.records[:-1] == tuple(old)
            assert state.records[-1].seq == before + 1
            assert state.state == "withdrawn"
        else:
            assert state.records == tuple(old)
            if old_bytes is not None:
                assert (data / LEDGER_NAME).read_bytes() == old_bytes
            else:
                assert not (data / LEDGER_NAME).exists()
        if where == base:
            assert strays(data) == []  # the error path removed its own temp file
        elif step in ("tmp-write", "tmp-fsync", "replace"):
            assert len(strays(data)) == 1  # a killed process leaves its temp file

    # The next write succeeds in both, and sweeps stray temp files away.
    for where in (base, at_crash):
        ledger = make_ledger(where, clock=Clock(datetime(2025, 6, 1, tzinfo=UTC)))
        n = len(ledger.read().records)
        rec = add(ledger)
        assert rec.seq == n + 1
        assert ledger.read().last == rec
        assert strays(where / "data") == []


def test_oserror_during_write_leaves_old_state_and_no_temp(base: Path) -> None:
    setup = make_ledger(base)
    three(setup)
    old = setup.path.read_bytes()

    def disk_full(name: str) -> None:
        if name == "tmp-fsync":
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        add(make_ledger(base, fault=disk_full))
    assert setup.path.read_bytes() == old
    assert strays(base / "data") == []


def test_stray_temp_files_are_ignored_and_then_removed(ledger: ConsentLedger, base: Path) -> None:
    add(ledger)
    data = base / "data"
    (data / f".{LEDGER_NAME}.0123456789abcdef.tmp").write_bytes(b"")
    (data / f".{LEDGER_NAME}.fedcba9876543210.tmp").write_bytes(b'{"schema": 1, "rec')
    (data / "notes.tmp").write_text("not ours to delete", encoding="utf-8")
    assert len(strays(data)) == 2

    assert ledger.read().state == "accepted"
    assert len(strays(data)) == 2  # read() deletes nothing either

    add(ledger, Decision.WITHDRAWN)
    assert strays(data) == []
    assert (data / "notes.tmp").exists()
    assert (data / ".nework-owned").exists()
    assert ledger.read().state == "withdrawn"


# -- permissions ---------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_modes_are_private(ledger: ConsentLedger, base: Path) -> None:
    make_paths(base).ensure("data")
    # The ledger must be exactly 0600 whatever the umask (0o277 alone would give 0400).
    old_umask = os.umask(0o277)
    try:
        add(ledger)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(ledger.path.stat().st_mode) == 0o600
    assert stat.S_IMODE((base / "data").stat().st_mode) == 0o700

    add(ledger)  # the replaced file keeps the mode
    assert stat.S_IMODE(ledger.path.stat().st_mode) == 0o600

    ledger.path.write_bytes(b"garbage")
    dest = ledger.load().quarantined
    assert dest is not None
    assert stat.S_IMODE(dest.parent.stat().st_mode) == 0o700


# -- input validation ----------------------------------------------------------------------

GOOD: dict[str, object] = {
    "decision": Decision.ACCEPTED,
    "policy_id": "nework-app",
    "policy_version": "1.0",
    "text_sha256": TEXT_SHA,
    "locale": "ja",
    "modules": MODULES,
}

BAD_INPUT: list[tuple[str, object]] = [
    ("decision", "maybe"),
    ("decision", None),
    ("policy_id", ""),
    ("policy_id", "   "),
    ("policy_id", 5),
    ("policy_version", ""),
    ("policy_version", None),
    ("text_sha256", "abc"),
    ("text_sha256", TEXT_SHA.upper()),
    ("text_sha256", "g" * 64),
    ("text_sha256", TEXT_SHA + "0"),
    ("locale", "fr"),
    ("locale", "JA"),
    ("locale", ""),
    ("modules", {"crash-reports": 1}),
    ("modules", {"crash-reports": "true"}),
    ("modules", {"": True}),
    ("modules", {1: True}),
    ("modules", [("crash-reports", True)]),
]


@pytest.mark.parametrize(("field", "value"), BAD_INPUT, ids=[f"{f}={v!r}" for f, v in BAD_INPUT])
def test_bad_input_is_refused_and_nothing_is_written(
    ledger: ConsentLedger, base: Path, field: str, value: object
) -> None:
    args = {**GOOD, field: value}
    with pytest.raises(ValueError, match=rf"^{field}"):
        ledger.record(
            args["decision"],  # type: ignore[arg-type]
            policy_id=args["policy_id"],  # type: ignore[arg-type]
            policy_version=args["policy_version"],  # type: ignore[arg-type]
            text_sha256=args["text_sha256"],  # type: ignore[arg-type]
            locale=args["locale"],  # type: ignore[arg-type]
            modules=args["modules"],  # type: ignore[arg-type]
        )
    assert not base.exists()


def test_decision_given_as_its_string_value(ledger: ConsentLedger) -> None:
    rec = add(ledger, "withdrawn")  # type: ignore[arg-type]
    assert rec.decision is Decision.WITHDRAWN


def test_empty_app_version_is_refused(base: Path) -> None:
    with pytest.raises(ValueError, match=r"^app_version"):
        ConsentLedger(make_paths(base), app_version="")
