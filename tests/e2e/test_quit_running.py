"""``nework-desktop quit-running``: the handshake the Windows installer uses before an upgrade."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import helpers

COMMAND = [sys.executable, "-m", "nework_desktop", "quit-running"]
AUTOMATE = ("--automate", "accept-consent")


def _env(home: Path) -> dict[str, str]:
    return helpers.app_env(home)


def test_nothing_running_is_success(tmp_path: Path) -> None:
    result = subprocess.run(
        [*COMMAND, "--basedir", str(tmp_path / "base"), "--timeout", "2"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "no NeWork is running\n"
    assert not (tmp_path / "base").exists()  # it writes nothing


@pytest.mark.parametrize("value", ["0", "-1", "soon", "4000"])
def test_a_bad_timeout_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = subprocess.run(
        [*COMMAND, "--timeout", value],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--timeout" in result.stderr


def _quit(base: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, "--basedir", str(base), "--timeout", "30"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def _start_then_quit(base: Path, env: dict[str, str], *app_args: str) -> None:
    """Start the app, run ``quit-running`` until the instance answers; it must have quit."""
    app = subprocess.Popen(
        [sys.executable, "-m", "nework_desktop", "--basedir", str(base), *app_args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while (probe := _quit(base, env)).stdout == "no NeWork is running\n":
            assert app.poll() is None, "the app exited on its own"
            assert time.monotonic() < deadline, "the app never answered"
            time.sleep(0.3)
        assert probe.returncode == 0, probe.stderr
        assert probe.stdout == f"NeWork (pid {app.pid}) has quit\n"
        assert app.wait(timeout=10) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)


@pytest.mark.slow
def test_a_running_app_is_asked_to_quit_and_waited_for(tmp_path: Path) -> None:
    # past the consent dialog, as a person using NeWork would be
    _start_then_quit(tmp_path / "base", _env(tmp_path), *AUTOMATE)


@pytest.mark.slow
def test_the_consent_dialog_does_not_keep_the_app_from_quitting(tmp_path: Path) -> None:
    """An upgrade or the uninstaller asks while nobody has answered the consent dialog yet:
    the app declines without a question, quits, and has recorded nothing."""
    base = tmp_path / "base"
    _start_then_quit(base, _env(tmp_path))
    assert not list(base.rglob("consent-ledger.json"))
