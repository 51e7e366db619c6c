"""The console attach of the windowed Windows app leaves every other start alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nework_desktop.cli import console


def test_streams_that_exist_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = sys.stdout, sys.stderr
    monkeypatch.setattr(sys, "platform", "win32")  # even on Windows: nothing to attach
    assert console.attach_parent_console() is False
    assert (sys.stdout, sys.stderr) == (out, err)


def test_no_streams_outside_windows_is_not_an_error() -> None:
    # Like NeWork.exe started from a console: no standard streams at all.
    code = (
        "import sys; sys.stdout = sys.stderr = None\n"
        "from nework_desktop.cli import main\n"
        "raise SystemExit(main(['status', '--json', '--basedir', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "/nonexistent-nework-base"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
