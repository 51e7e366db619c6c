"""The standalone ``nework-qa`` (``installer/build-qa.sh``): no Qt, runs without Python.

Slow (a build takes ~15 s here and writes ~50 MB under ``build/``): it runs with
``NEWORK_BUILD_BUNDLE=1`` or under ``CI=true``, like ``test_bundle.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nework_desktop import __version__
from tests.helpers import tree
from tests.installer.tooling import REPO, in_ci, require_tool

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

DIST = REPO / "build" / "pyinstaller" / "dist" / "nework-qa"
EXE = DIST / ("nework-qa.exe" if sys.platform.startswith("win") else "nework-qa")


@pytest.fixture(scope="module")
def qa_tool() -> Path:
    if os.environ.get("NEWORK_BUILD_BUNDLE") != "1" and not in_ci():
        pytest.skip("builds the standalone nework-qa (~15 s): set NEWORK_BUILD_BUNDLE=1")
    bash = require_tool("bash", package="bash")
    build = subprocess.run(
        [str(bash), str(REPO / "installer" / "build-qa.sh")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=540,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-5000:] + build.stderr[-5000:]
    return EXE


def _run(exe: Path, args: list[str], home: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(tmp), "LANG": "C.UTF-8"}
    return subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_carries_no_qt(qa_tool: Path) -> None:
    internal = DIST / "_internal"
    assert not (internal / "PySide6").exists()
    assert not [p for p in internal.rglob("*") if "Qt6" in p.name or "shiboken" in p.name]
    size_mib = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file()) / 2**20
    assert size_mib < 80, f"{size_mib:.0f} MiB"


def test_snapshot_writes_only_its_out_file(qa_tool: Path, tmp_path: Path) -> None:
    home, scratch, out = tmp_path / "home", tmp_path / "tmp", tmp_path / "out"
    for folder in (home, scratch, out):
        folder.mkdir()
    (home / "a.txt").write_text("a\n", encoding="utf-8")

    version = _run(qa_tool, ["--version"], home, scratch)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"nework-qa {__version__}"

    snap = _run(
        qa_tool, ["snapshot", "--home", str(home), "--out", str(out / "s.json")], home, scratch
    )
    assert snap.returncode == 0, snap.stderr
    paths = [entry["path"] for entry in json.loads((out / "s.json").read_text("utf-8"))["files"]]
    assert "a.txt" in paths
    assert tree(home) == ["a.txt"]  # nothing of its own in the home ...
    assert tree(scratch) == []  # ... nor in the temp folder (onedir: nothing unpacked)
    assert tree(out) == ["s.json"]
