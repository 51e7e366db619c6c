"""``uninstall-cleanup`` run as the uninstaller runs it: a subprocess with a sandboxed home.

Plus the running-instance case with the real GUI app, and in-process checks of the instance
handshake (a live process that will not quit, one that does).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pty
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.cli import uninstall_cleanup as cleanup_cmd
from nework_desktop.core.paths import MARKER_NAME, ROLES, AppPaths
from nework_desktop.core.secrets import INDEX_NAME
from nework_desktop.core.wipe import InstanceInfo
from tests.helpers import tree

COMMAND = [sys.executable, "-m", "nework_desktop", "uninstall-cleanup"]


def layout_env(home: Path, layout: str) -> dict[str, str]:
    return {
        "HOME": str(home),
        "NEWORK_SIMULATE_OS": layout,
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
    }


def clean_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env.update(extra)
    return env


def run_cleanup(
    *args: str, env: dict[str, str], stdin: int | None = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args],
        capture_output=True,
        text=True,
        env=clean_env(env),
        stdin=stdin,
        timeout=120,
        check=False,
    )


def seed(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> AppPaths:
    """Create every root as the app would (markers included), with some content."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    paths = AppPaths.from_environment()
    for role in ROLES:
        paths.ensure(role)
    (paths.data / "consent-ledger.json").write_text("{}", encoding="utf-8")
    (paths.log / "nework.log").write_text("started\n", encoding="utf-8")
    (paths.cache / "ユーザー.bin").write_bytes(b"\x00" * 100)
    return paths


def victim_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("layout", ["linux", "macos", "windows"])
def test_json_report_and_nothing_left(
    sandbox_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    env = layout_env(sandbox_home, layout)
    paths = seed(monkeypatch, env)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("mine", encoding="utf-8")
    (paths.data / "link-out").symlink_to(victim)
    before = victim_hash(victim)

    result = run_cleanup("--yes", "--json", env=env)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["dry_run"] is False
    assert report["layout"] == layout
    assert sorted(report["removed"]["roots"]) == sorted(str(r) for r in paths.roots())
    assert report["removed"]["files"] >= 3 and report["removed"]["links"] == 1
    assert report["failed"] == [] and report["refused"] == [] and report["residue"] == []
    assert report["instance"] == {"was_running": False, "pid": None}
    assert tree(sandbox_home) == []
    assert victim_hash(victim) == before
    assert result.stderr == ""  # no progress line without a terminal

    again = run_cleanup("--yes", "--json", env=env)
    assert again.returncode == 0 and json.loads(again.stdout)["removed"]["files"] == 0


def test_without_yes_and_without_a_terminal_it_refuses(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = layout_env(sandbox_home, "linux")
    seed(monkeypatch, env)
    before = tree(sandbox_home)

    result = run_cleanup(env=env)

    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "--yes" in result.stderr
    assert tree(sandbox_home) == before


@pytest.mark.parametrize(("answer", "code"), [("n\n", 1), ("y\n", 0)])
def test_asks_on_a_terminal(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, answer: str, code: int
) -> None:
    env = layout_env(sandbox_home, "linux")
    paths = seed(monkeypatch, env)
    primary, secondary = pty.openpty()
    try:
        os.write(primary, answer.encode())
        result = run_cleanup(env=env, stdin=secondary)
    finally:
        os.close(secondary)
        os.close(primary)

    assert result.returncode == code, result.stderr
    assert "Continue? [y/N]" in result.stderr
    assert str(paths.data) in result.stderr  # the roots are listed before the question
    assert paths.data.exists() is (code != 0)


def test_dry_run_touches_nothing(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = layout_env(sandbox_home, "windows")
    paths = seed(monkeypatch, env)
    before = victim_hash(sandbox_home)

    result = run_cleanup("--dry-run", "--json", env=env)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["dry_run"] is True and report["ok"] is True
    assert report["removed"]["roots"] == [str(paths.root_of("data"))]
    assert str(sandbox_home / "AppData" / "Local" / "NTTCom") in report["removed"]["parents"]
    assert victim_hash(sandbox_home) == before

    human = run_cleanup("--dry-run", env=env)
    assert human.returncode == 0 and "would delete 1 folder" in human.stdout


def test_a_root_without_marker_is_kept_and_the_exit_code_says_so(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = layout_env(sandbox_home, "linux")
    paths = seed(monkeypatch, env)
    (paths.config / MARKER_NAME).unlink()

    result = run_cleanup("--yes", "--json", env=env)

    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert [r["path"] for r in report["refused"]] == [str(paths.config)]
    assert "cannot prove ownership" in report["refused"][0]["reason"]
    assert str(paths.config) in report["residue"]
    assert paths.config.is_dir() and not paths.data.exists()

    human = run_cleanup("--yes", env=env)
    assert human.returncode == 1
    assert f"remains: {paths.config}" in human.stdout


def test_stored_keyring_entries_without_a_keyring_fail_and_keep_the_index(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = layout_env(sandbox_home, "linux")
    paths = seed(monkeypatch, env)
    index = {"schema": 1, "entries": [{"service": "NeWork Desktop", "name": "refresh_token"}]}
    (paths.data / INDEX_NAME).write_text(json.dumps(index), encoding="utf-8")

    result = run_cleanup(
        "--yes", "--json", env={**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )

    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert any("no keyring" in f["reason"] for f in report["failed"])
    assert "keyring:NeWork Desktop/refresh_token" in report["residue"]
    assert (paths.data / INDEX_NAME).exists()
    assert not paths.cache.exists()


def test_an_undeletable_file_is_reported_and_a_later_run_finishes(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = layout_env(sandbox_home, "linux")
    paths = seed(monkeypatch, env)
    stuck = paths.data / "stuck.bin"
    stuck.write_bytes(b"immutable")
    if shutil.which("chattr") is None:
        pytest.skip("no chattr")
    made = subprocess.run(["chattr", "+i", str(stuck)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot make a file immutable here: {made.stderr!r}")
    try:
        result = run_cleanup("--yes", "--json", env=env)
    finally:
        subprocess.run(["chattr", "-i", str(stuck)], check=True)

    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["failed"]] == [str(stuck)]
    assert report["residue"] == [str(paths.root_of("data"))]
    assert (paths.data / MARKER_NAME).exists()

    second = run_cleanup("--yes", "--json", env=env)

    assert second.returncode == 0, second.stdout
    assert tree(sandbox_home) == []


def test_a_bad_layout_is_one_clear_line(sandbox_home: Path) -> None:
    env = layout_env(sandbox_home, "windows")
    env["LOCALAPPDATA"] = ""
    result = run_cleanup("--yes", env=env)
    assert result.returncode == 5
    assert result.stderr.count("\n") == 1 and "LOCALAPPDATA" in result.stderr
    assert "Traceback" not in result.stderr


def test_never_imports_widgets_or_webengine(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = layout_env(sandbox_home, "linux")
    seed(monkeypatch, env)
    script = (
        "import json, sys\n"
        "from nework_desktop.cli import main\n"
        "code = main(['uninstall-cleanup', '--yes', '--json'])\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6.Qt'))\n"
        "print(json.dumps({'code': code, 'qt': qt}), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=clean_env(env),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stderr.strip().splitlines()[-1])
    assert loaded["code"] == 0
    assert set(loaded["qt"]) <= {"PySide6.QtCore", "PySide6.QtNetwork"}
    assert tree(sandbox_home) == []


# -- the running app --------------------------------------------------------------------------


@pytest.mark.slow
def test_a_running_app_is_closed_before_the_wipe(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    base = tmp_path / "base"
    env = clean_env({"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"})
    app_log = tmp_path / "app.stderr"
    with app_log.open("wb") as err:
        app = subprocess.Popen(
            [
                *(sys.executable, "-m", "nework_desktop"),
                *("--basedir", str(base), "--automate", "accept-consent"),
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        log_file = base / "log" / "nework.log"
        deadline = time.monotonic() + 60
        while not log_file.exists():
            if app.poll() is not None:
                pytest.fail(
                    f"the app exited ({app.returncode}) before writing its log:\n"
                    + app_log.read_text(encoding="utf-8", errors="replace")[-3000:]
                )
            if time.monotonic() > deadline:
                pytest.fail("the app wrote no log file within 60 s")
            time.sleep(0.1)
        time.sleep(0.5)  # let it reach its event loop

        cleanup = subprocess.Popen(
            [*COMMAND, "--yes", "--json", "--basedir", str(base)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while cleanup.poll() is None and time.monotonic() < deadline:
            app.poll()  # reap the app as soon as it exits (as its real parent would)
            time.sleep(0.05)
        out, err_text = cleanup.communicate(timeout=10)

        assert cleanup.returncode == 0, (out, err_text)
        report = json.loads(out)
        assert report["ok"] is True
        assert report["instance"] == {"was_running": True, "pid": app.pid}
        assert app.wait(timeout=10) is not None  # the app is gone
        time.sleep(1)
        assert tree(base) == []  # no log line, no lock file, nothing recreated afterwards
        assert not any("NeWork" in p for p in tree(home))
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)


# -- the instance handshake, in-process -------------------------------------------------------


def _args(basedir: Path, **extra: Any) -> argparse.Namespace:
    values = {"basedir": str(basedir), "yes": True, "dry_run": False, "json": True}
    values.update(extra)
    return argparse.Namespace(**values)


def test_an_app_that_will_not_quit_means_nothing_is_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    paths.ensure("data")
    stubborn = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        monkeypatch.setattr(
            cleanup_cmd, "ask_running_to_quit", lambda p: InstanceInfo(True, stubborn.pid)
        )
        monkeypatch.setattr(cleanup_cmd, "QUIT_TIMEOUT_S", 0.5)

        code = cleanup_cmd.run(_args(tmp_path / "base"))
    finally:
        stubborn.kill()
        stubborn.wait(timeout=10)

    assert code == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert "still running" in report["failed"][0]["reason"]
    assert report["instance"] == {"was_running": True, "pid": stubborn.pid}
    assert paths.data.is_dir()  # nothing deleted


def test_the_wipe_waits_for_the_app_to_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    paths.ensure("data")
    quitting = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.5)"])
    try:
        monkeypatch.setattr(
            cleanup_cmd, "ask_running_to_quit", lambda p: InstanceInfo(True, quitting.pid)
        )
        started = time.monotonic()
        code = cleanup_cmd.run(_args(tmp_path / "base"))  # never reaped meanwhile: a zombie
        waited = time.monotonic() - started
    finally:
        quitting.wait(timeout=10)

    assert code == 0
    assert waited >= 0.3
    assert json.loads(capsys.readouterr().out)["instance"]["was_running"] is True
    assert not paths.data.exists()


def test_no_running_app_is_found_over_the_real_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    paths.ensure("log")
    assert cleanup_cmd.run(_args(tmp_path / "base", json=False)) == 0
    out = capsys.readouterr().out
    assert "deleted 1 folder" in out and "nothing of the app remains" in out
    assert tree(tmp_path / "base") == []


def test_wipe_local_data_closes_the_log_file_first(tmp_path: Path) -> None:
    import logging

    from nework_desktop.app import log as applog
    from nework_desktop.app.local_data import wipe_local_data

    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    applog.enable_file_logging(paths)
    logging.getLogger("nework.test").warning("a line in the log file")
    try:
        report = wipe_local_data(paths)
    finally:
        applog.disable_file_logging()

    assert report.ok, report.to_json()
    handlers = logging.getLogger("nework").handlers
    assert not any(isinstance(h, logging.FileHandler) for h in handlers)
    assert tree(tmp_path / "base") == []


def test_progress_line_only_on_a_terminal(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = layout_env(sandbox_home, "linux")
    paths = seed(monkeypatch, env)
    for i in range(300):
        (paths.cache / f"f{i}").write_bytes(b"x")
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [*COMMAND, "--yes", "--json"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=clean_env(env),
            timeout=120,
            check=False,
        )
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # EIO: the terminal's other side is closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(primary)
    assert done.returncode == 0
    assert json.loads(done.stdout)["ok"] is True  # stdout stays pure JSON
    assert "deleting… " in shown.decode("utf-8", "replace")
    assert shown.endswith(b"\r\x1b[K")  # the line is cleared at the end


def test_runs_without_any_standard_streams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A windowed Windows build (the uninstaller's ExecWait) has sys.std* = None."""
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    paths.ensure("data")
    monkeypatch.setattr(sys, "stdin", None)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert cleanup_cmd.run(_args(tmp_path / "base", json=False)) == 0
    assert cleanup_cmd.run(_args(tmp_path / "base", yes=False)) == 2
    assert not paths.data.exists()


def test_the_plan_made_for_the_confirmation_is_the_plan_that_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from nework_desktop.core.wipe import run as wipe_run

    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    paths.ensure("data")

    def planned_again(_paths: AppPaths) -> None:
        raise AssertionError("the wipe planned again instead of running the confirmed plan")

    monkeypatch.setattr(wipe_run, "plan", planned_again)
    assert cleanup_cmd.run(_args(tmp_path / "base")) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert not paths.data.exists()
