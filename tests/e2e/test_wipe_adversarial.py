"""Adversarial wipe corpora, run as the uninstaller runs it (issue 10).

Bind mounts and read-only subtrees need a private mount namespace (``unshare -m``, as root):
the test builds the trap inside it and runs ``uninstall-cleanup`` there, then checks with plain
file-system reads -- not the app's report -- that nothing outside the roots was touched and
nothing of ours that could go is left.  Concurrent wipes run as two real processes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nework_desktop.core.paths import AppPaths

COMMAND = [sys.executable, "-m", "nework_desktop", "uninstall-cleanup", "--yes", "--json"]


def _need_namespaces() -> None:
    reason = ""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        reason = "needs root for a private mount namespace"
    elif not shutil.which("unshare") or not shutil.which("mount"):
        reason = "needs unshare and mount (util-linux)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {reason}")
        pytest.skip(reason)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env["HOME"] = str(home)
    return env


def _profile(base: Path, files: int = 50) -> AppPaths:
    paths = AppPaths.from_environment(basedir=base)
    for role in ("data", "config", "cache", "log", "state"):
        folder = paths.ensure(role)
        for i in range(files):
            (folder / f"f{i}.bin").write_bytes(b"x" * 64)
    return paths


def _digest(root: Path) -> dict[str, str]:
    """Every file below ``root`` with the SHA-256 of its content (find + read, no app code)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _in_namespace(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-ec", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


def test_a_bind_mount_inside_a_root_is_never_crossed(tmp_path: Path) -> None:
    _need_namespaces()
    home = tmp_path / "home"
    home.mkdir()
    base = tmp_path / "base"
    paths = _profile(base)
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "precious.txt").write_text("the user's", encoding="utf-8")
    (outside / "deep" / "more.txt").write_text("also the user's", encoding="utf-8")
    before = _digest(outside)
    mount_point = paths.cache / "volume"
    mount_point.mkdir()
    command = " ".join(shlex.quote(c) for c in [*COMMAND, "--basedir", str(base)])
    script = (
        f"mount --bind {shlex.quote(str(outside))} {shlex.quote(str(mount_point))}\n"
        f"{command} > {shlex.quote(str(tmp_path / 'report.json'))} || echo exit=$?\n"
        f"ls {shlex.quote(str(mount_point))} > {shlex.quote(str(tmp_path / 'inside.txt'))}\n"
    )
    result = _in_namespace(script, _env(home))
    assert result.returncode == 0, result.stderr
    assert _digest(outside) == before  # nothing outside was touched
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert not report["ok"]  # honest: the mount point stays (it cannot be removed)
    assert any("mounted here" in p["reason"] for p in report["failed"]), report
    assert "exit=1" in result.stdout
    # Outside the namespace the mount is gone: the folder left behind is empty, and every other
    # root of ours is gone.
    assert not any(paths.cache.rglob("*.bin"))
    assert [r for r in paths.existing_roots() if r != paths.cache] == []


def test_a_read_only_subtree_fails_loudly_and_the_rest_still_goes(tmp_path: Path) -> None:
    _need_namespaces()
    home = tmp_path / "home"
    home.mkdir()
    base = tmp_path / "base"
    paths = _profile(base)
    frozen = paths.state / "frozen"
    frozen.mkdir()
    (frozen / "kept.bin").write_bytes(b"k")
    command = " ".join(shlex.quote(c) for c in [*COMMAND, "--basedir", str(base)])
    q = shlex.quote(str(frozen))
    script = (
        f"mount --bind {q} {q}\nmount -o remount,ro,bind {q}\n"
        f"{command} > {shlex.quote(str(tmp_path / 'report.json'))} || echo exit=$?\n"
    )
    result = _in_namespace(script, _env(home))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert "exit=1" in result.stdout and not report["ok"]
    assert report["failed"]
    # Every other root went; the one holding the read-only subtree keeps its marker, so the
    # next run (once the subtree is writable again) can still prove it is ours.
    assert [r for r in paths.existing_roots() if r != paths.state] == []
    assert (paths.state / ".nework-owned").is_file()
    assert json.loads(
        subprocess.run(
            [*COMMAND, "--basedir", str(base)],
            capture_output=True,
            text=True,
            env=_env(home),
            timeout=120,
            check=False,
        ).stdout
    )["ok"]
    assert not base.exists() or list(base.iterdir()) == []


def test_two_uninstall_cleanups_at_once_on_a_large_profile(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    base = tmp_path / "base"
    paths = _profile(base, files=10)
    for i in range(20_000):
        folder = paths.cache / f"d{i % 200}"
        folder.mkdir(exist_ok=True)
        (folder / f"f{i}").write_bytes(b"")
    procs = [
        subprocess.Popen(
            [*COMMAND, "--basedir", str(base)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(home),
        )
        for _ in range(2)
    ]
    outcomes = [p.communicate(timeout=180) for p in procs]
    codes = [p.returncode for p in procs]
    assert codes == [0, 0], outcomes
    assert all(json.loads(out)["ok"] for out, _ in outcomes)
    assert paths.existing_roots() == []
