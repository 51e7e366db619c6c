"""scripts/run as a newcomer uses it: no reinstall on every start, the one-command demo, and a
sentence (not Qt's abort) when there is no display (issue 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "run"
VENV = REPO / ".venv"


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env["HOME"] = str(home)
    env.update(extra)
    return env


def _metadata() -> Path | None:
    found = sorted(VENV.glob("lib/python*/site-packages/nework_desktop-*.dist-info/METADATA"))
    return found[0] if found else None


needs_venv = pytest.mark.skipif(
    _metadata() is None or Path(sys.prefix).resolve() != VENV.resolve(),
    reason="scripts/run uses the checkout's .venv, which is not the one running the tests",
)


@needs_venv
def test_run_does_not_reinstall_when_the_project_did_not_change(tmp_path: Path) -> None:
    metadata = _metadata()
    assert metadata is not None
    if (REPO / "pyproject.toml").stat().st_mtime > metadata.stat().st_mtime:
        pytest.skip("pyproject.toml is newer than the install: the first run installs")
    before = metadata.stat().st_mtime_ns
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        ["bash", str(SCRIPT), "--basedir", str(tmp_path / "base"), "status", "--json"],
        capture_output=True,
        text=True,
        env=_env(home),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["consent"]["state"] == "none"
    assert metadata.stat().st_mtime_ns == before, "the package was installed again"


@needs_venv
@pytest.mark.slow
def test_the_demo_runs_consent_registration_and_cleans_up(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    steps = "accept-consent:google_analytics=off+karte=off,sign-in-email:demo@example.com,quit"
    result = subprocess.run(
        ["bash", str(SCRIPT), "--demo", "--automate", steps],
        capture_output=True,
        text=True,
        env=_env(home, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp)),
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "NeWork demo: reference service at http://127.0.0.1:" in result.stdout
    assert "one-time code for demo@example.com" in result.stdout
    assert "registration complete (email)" in result.stderr
    assert list(tmp.iterdir()) == [], "the throw-away base folder is removed"


def test_no_display_is_one_sentence_and_exit_7(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _env(home)
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(var, None)
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux sessions can lack a display")
    result = subprocess.run(
        [sys.executable, "-m", "nework_desktop", "--basedir", str(tmp_path / "base")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 7, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("nework-desktop: NeWork needs a display")
    assert "xvfb-run" in last
    assert not (tmp_path / "base").exists()
