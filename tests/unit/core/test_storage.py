"""The one writer and the one reader (core.storage), on real files."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from nework_desktop.core import storage
from nework_desktop.core.storage import FileDamaged


def strays(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.glob(f".{name}.*.tmp"))


# -- atomic_write -------------------------------------------------------------------------------


def test_write_creates_and_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    storage.atomic_write(target, b"one")
    assert target.read_bytes() == b"one"
    storage.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert strays(tmp_path, "f.json") == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_mode_is_exact_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o277)
    try:
        storage.atomic_write(tmp_path / "a", b"x")
        storage.atomic_write(tmp_path / "b", b"x", mode=0o644)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_keep_mode_keeps_the_existing_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared.conf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    storage.atomic_write(target, b"new", keep_mode=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"new"


def test_no_overwrite_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "export.zip"
    target.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        storage.atomic_write(target, b"new", overwrite=False)
    assert target.read_bytes() == b"mine"
    assert strays(tmp_path, "export.zip") == []
    storage.atomic_write(tmp_path / "other.zip", b"new", overwrite=False)
    assert (tmp_path / "other.zip").read_bytes() == b"new"


class Crash(Exception):
    pass


@pytest.mark.parametrize("step", [s for s in storage.WRITE_STEPS if s != "dir-fsync"])
def test_a_crash_at_any_step_leaves_the_old_content(tmp_path: Path, step: str) -> None:
    target = tmp_path / "f"
    storage.atomic_write(target, b"old")
    seen: list[str] = []

    def fault(name: str) -> None:
        seen.append(name)
        if name == step:
            raise Crash(name)

    with pytest.raises(Crash):
        storage.atomic_write(target, b"new", fault=fault)
    assert target.read_bytes() == b"old"
    assert seen == list(storage.WRITE_STEPS[: storage.WRITE_STEPS.index(step) + 1])
    assert strays(tmp_path, "f") == []  # the error path removed its temporary file


def test_strays_are_swept_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / ".f.0123456789abcdef.tmp").write_bytes(b"")
    (tmp_path / "f.tmp").write_bytes(b"not ours")
    storage.remove_strays(tmp_path, "f")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.tmp"]


def _sharing_violation() -> PermissionError:
    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32  # type: ignore[attr-defined]  # what Windows sets for a held file
    return exc


def test_replace_rides_out_a_short_sharing_violation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    failures = [_sharing_violation(), _sharing_violation()]

    def flaky(src: str, dest: str) -> None:
        if failures:
            raise failures.pop()
        real(src, dest)

    monkeypatch.setattr(os, "replace", flaky)
    sleeps: list[float] = []
    (tmp_path / "a").write_bytes(b"x")
    storage.replace(tmp_path / "a", tmp_path / "b", sleep=sleeps.append)
    assert (tmp_path / "b").read_bytes() == b"x"
    assert len(sleeps) == 2 and sleeps[1] > sleeps[0]


def test_replace_gives_up_after_a_bounded_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def held(src: str, dest: str) -> None:
        raise _sharing_violation()

    monkeypatch.setattr(os, "replace", held)
    sleeps: list[float] = []
    with pytest.raises(PermissionError):
        storage.replace(tmp_path / "a", tmp_path / "b", sleep=sleeps.append)
    assert len(sleeps) == storage.REPLACE_ATTEMPTS - 1
    assert sum(sleeps) < 3.0


def test_a_real_permission_error_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(src: str, dest: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    sleeps: list[float] = []
    with pytest.raises(PermissionError):
        storage.replace(tmp_path / "a", tmp_path / "b", sleep=sleeps.append)
    assert sleeps == []


# -- the reader -------------------------------------------------------------------------------


def test_missing_reads_as_none(tmp_path: Path) -> None:
    assert storage.read_bytes(tmp_path / "nope", limit=10) is None
    assert storage.read_json(tmp_path / "nope" / "deeper", limit=10) is None


def test_a_folder_is_damaged(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    with pytest.raises(FileDamaged, match="not a regular file"):
        storage.read_bytes(tmp_path / "d", limit=10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "prefs.json"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            storage.read_bytes(fifo, limit=10)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], FileDamaged)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "ledger.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileDamaged, match="symbolic link"):
        storage.read_bytes(link, limit=10)
    with pytest.raises(FileDamaged, match="not a regular file"):
        storage.read_bytes(link, limit=10, follow_links=True)


def test_a_link_is_followed_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "real").write_bytes(b"{}")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with pytest.raises(FileDamaged, match="symbolic link"):
        storage.read_json(tmp_path / "link", limit=10)
    assert storage.read_json(tmp_path / "link", limit=10, follow_links=True) == {}


def test_too_large_is_damaged(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 101)
    with pytest.raises(FileDamaged, match="too large"):
        storage.read_bytes(tmp_path / "big", limit=100)
    assert storage.read_bytes(tmp_path / "big", limit=101) == b"x" * 101


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more than"),
        (b"[" * 70 + b"]" * 70, "nested more than"),
        (b'{"a": 1, "a": 2}', "duplicate key"),
        (b'{"a": NaN}', "NaN is not allowed"),
        (b'{"a": ', "invalid JSON at line 1"),
        (b"\xff", "not valid UTF-8"),
        (b"1" * 5000, "invalid JSON"),
    ],
)
def test_hostile_json_is_damaged_never_a_crash(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "f.json").write_bytes(content)
    with pytest.raises(FileDamaged, match=reason):
        storage.read_json(tmp_path / "f.json", limit=1 << 20)


def test_read_text_drops_the_bom_and_normalizes_newlines(tmp_path: Path) -> None:
    (tmp_path / "t.md").write_bytes(b"\xef\xbb\xbfa\r\nb\rc\n")
    assert storage.read_text(tmp_path / "t.md", limit=100, newlines=True) == "a\nb\nc\n"


# -- KeptFile and WriteGate (shared by the feed store, the receipt queue, the acknowledgements) --


def test_kept_file_falls_back(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from nework_desktop.core import validate

    def parse(data: object) -> int:
        if not isinstance(data, int):
            raise validate.Invalid("doc", "expected an integer")
        return data

    logger = logging.getLogger("nework.test.kept")
    target = tmp_path / "doc.json"

    def read() -> int:
        return storage.KeptFile("the doc", 100, parse, lambda: -1, logger).read(target)

    with caplog.at_level(logging.WARNING, logger.name):
        assert read() == -1  # missing: no warning
        target.write_text("7")
        assert read() == 7
        target.write_text('"seven"')
        assert read() == -1
        target.write_text("{")
        assert read() == -1
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == [
        "the doc is not valid",
        "the doc unreadable",
    ]
    assert all(r.getMessage().endswith(": ignored") for r in caplog.records)


def test_write_gate_pauses_and_resumes() -> None:
    gate = storage.WriteGate()
    assert gate._writable
    gate.pause()
    assert not gate._writable
    gate.resume()
    assert gate._writable


def test_write_json_keeps_indented_utf8_and_clears_strays(tmp_path: Path) -> None:
    (tmp_path / ".state.json.0123456789abcdef.tmp").write_bytes(b"half a write")
    storage.write_json(tmp_path, "state.json", {"b": "同意", "a": [1, 2]}, sort_keys=True)
    text = (tmp_path / "state.json").read_text(encoding="utf-8")
    assert text == '{\n  "a": [\n    1,\n    2\n  ],\n  "b": "同意"\n}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]
    assert storage.read_json(tmp_path / "state.json", limit=1024) == {"a": [1, 2], "b": "同意"}
