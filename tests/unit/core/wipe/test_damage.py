"""The wipe cannot be stopped by damage, nor led outside our roots by links (issue 10)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import INDEX_NAME
from nework_desktop.core.wipe import TRACES_NAME, plan, wipe
from tests.helpers import tree


@pytest.fixture
def paths(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "linux")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    p = AppPaths.from_environment()
    for role in ("data", "config", "cache", "log", "state"):
        (p.ensure(role) / f"{role}.bin").write_bytes(b"x" * 100)
    return p


@pytest.mark.parametrize(
    "content",
    [
        b'{"schema": 1, "entries": null}',
        b'{"schema": 1, "entries": [null, 1, "x", {"service": ["a"], "name": {}}]}',
        b"[" * 100_000,
        b"\xff\xfe",
        b"",
    ],
    ids=["null", "wrong-types", "deep", "not-utf8", "empty"],
)
def test_a_damaged_secrets_index_is_reported_and_the_roots_still_go(
    paths: AppPaths, content: bytes
) -> None:
    (paths.data / INDEX_NAME).write_bytes(content)
    report = wipe(paths, backend=None)
    assert paths.existing_roots() == []  # everything of ours went nonetheless
    if content:
        problems = [p for p in report.failed if p.path.endswith(INDEX_NAME)]
        assert problems and "keyring entries it listed may remain" in problems[0].reason
        assert not report.ok  # honest: the keyring cannot be proven clean


@pytest.mark.parametrize(
    "content", [b'{"schema": 1, "created": 7}', b"{" * 50_000, b'"just a string"'],
    ids=["wrong-type", "deep", "not-an-object"],
)  # fmt: skip
def test_a_damaged_traces_index_is_reported_and_the_roots_still_go(
    paths: AppPaths, content: bytes
) -> None:
    (paths.data / TRACES_NAME).write_bytes(content)
    report = wipe(paths, backend=None)
    assert paths.existing_roots() == []
    assert any(p.path.endswith(TRACES_NAME) for p in report.failed)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
@pytest.mark.parametrize("name", [INDEX_NAME, TRACES_NAME])
def test_a_fifo_in_place_of_an_index_neither_hangs_nor_stops_the_wipe(
    paths: AppPaths, name: str
) -> None:
    os.mkfifo(paths.data / name)
    done: list[bool] = []
    worker = threading.Thread(target=lambda: done.append(wipe(paths, backend=None).ok))
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "the wipe hung on a FIFO"
    assert paths.existing_roots() == []


def _conf(home: Path) -> Path:
    conf = home / ".config" / "QtProject.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    return conf


def test_qtproject_conf_as_a_link_is_never_edited_through(
    paths: AppPaths, sandbox_home: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside" / "QtProject.conf"
    outside.parent.mkdir()
    text = f"[FileDialog]\nlastVisited=file://{paths.data}/export\nhistory=file:///srv/x\n"
    outside.write_text(text, encoding="utf-8")
    _conf(sandbox_home).symlink_to(outside)

    report = wipe(paths, backend=None)

    assert outside.read_text(encoding="utf-8") == text  # the target outside is untouched
    assert _conf(sandbox_home).is_symlink()
    store = report.shared_stores[0]
    assert store.status == "refused" and "symbolic link" in store.error
    assert not report.ok and paths.existing_roots() == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_qtproject_conf_as_a_fifo_does_not_hang(paths: AppPaths, sandbox_home: Path) -> None:
    os.mkfifo(_conf(sandbox_home))
    report = wipe(paths, backend=None)
    assert report.shared_stores[0].status == "failed"
    assert paths.existing_roots() == []


def test_two_wipes_at_once_both_succeed(paths: AppPaths) -> None:
    for i in range(3000):
        (paths.cache / f"d{i % 30}").mkdir(exist_ok=True)
        (paths.cache / f"d{i % 30}" / f"f{i}").write_bytes(b"")
    reports: list[bool] = []
    threads = [
        threading.Thread(target=lambda: reports.append(wipe(paths, backend=None).ok))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert reports == [True, True]
    assert paths.existing_roots() == []


def test_a_file_already_gone_is_not_a_failure(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone else removes a folder while the wipe is inside it."""
    victim = paths.cache / "busy"
    victim.mkdir()
    for i in range(10):
        (victim / f"f{i}").write_bytes(b"")
    real_rmdir = os.rmdir

    def racing_rmdir(path: object, *args: object, **kwargs: object) -> None:
        if str(path) == "busy" or str(path).endswith("/busy"):
            real_rmdir(path, *args, **kwargs)  # type: ignore[arg-type]  # the other party
        real_rmdir(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rmdir", racing_rmdir)
    report = wipe(paths, backend=None)
    assert report.ok, report.to_json()


def test_a_plan_of_damaged_indexes_names_them(paths: AppPaths) -> None:
    (paths.data / INDEX_NAME).write_text(json.dumps({"entries": None}), encoding="utf-8")
    the_plan = plan(paths)
    assert [p.path for p in the_plan.problems] == [str(paths.data / INDEX_NAME)]
    assert tree(paths.data)  # planning deleted nothing
