"""The real app as a subprocess (offscreen), driven through its consent dialog by --automate."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import helpers
from tests.helpers import tree

LAYOUTS = ["linux", "macos", "windows"]


def app_env(home: Path, layout: str) -> dict[str, str]:
    return helpers.app_env(home, layout=layout)


def launch(home: Path, layout: str, *args: str) -> subprocess.CompletedProcess[str]:
    return helpers.run_app(*args, env=app_env(home, layout))


def status(home: Path, layout: str) -> dict[str, object]:
    result = launch(home, layout, "status", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert isinstance(report, dict)
    return report


@pytest.mark.parametrize("layout", LAYOUTS)
def test_decline_leaves_the_disk_exactly_as_it_was(home: Path, layout: str) -> None:
    result = launch(home, layout, "--automate", "decline-consent")
    assert result.returncode == 0, result.stderr
    assert "consent declined" in result.stderr
    assert tree(home) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_agree_then_next_launch_goes_straight_in(home: Path, layout: str) -> None:
    assert status(home, layout)["consent"] == {
        "state": "none",
        "policy_version": None,
        "current_policy_version": "2024-02-08",
        "accepted_at": None,
        "modules": {},
        # Issue 14: status --json reports the acknowledgement state in "consent".
        "acknowledgement": {
            "state": "none",
            "record_seq": None,
            "acknowledged_at": None,
            "key_id": None,
            "confirmed": 0,
            "waiting": 0,
            "refused": 0,
        },
    }
    first = launch(home, layout, "--automate", "accept-consent,quit")
    assert first.returncode == 0, first.stderr
    assert "step 7 main window shown" in first.stderr

    report = status(home, layout)
    consent = report["consent"]
    assert isinstance(consent, dict)
    assert consent["state"] == "accepted"
    assert consent["policy_version"] == "2024-02-08"
    assert consent["modules"] == {"google_analytics": True, "karte": True}
    paths = report["paths"]
    assert isinstance(paths, dict)
    roots = [Path(p) for p in paths.values()]
    written = [home / entry for entry in tree(home) if (home / entry).is_file()]
    assert written, "consent must be on disk"
    for file in written:
        assert any(root in file.parents for root in roots), f"{file} is outside the owned roots"

    ledger_before = [f.read_bytes() for f in written if f.name == "consent-ledger.json"]
    second = launch(home, layout, "--automate", "quit")
    assert second.returncode == 0, second.stderr
    assert "consent decision: open" in second.stderr
    assert ledger_before == [f.read_bytes() for f in written if f.name == "consent-ledger.json"]


def test_second_launch_hands_over_to_the_first(home: Path) -> None:
    env = app_env(home, "linux")
    first = subprocess.Popen(
        [sys.executable, "-m", "nework_desktop", "--automate", "accept-consent"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        log_file = home / ".local/state/NeWork/log/nework.log"
        deadline = time.monotonic() + 60
        while not log_file.exists() and time.monotonic() < deadline:
            assert first.poll() is None, "the first instance exited early"
            time.sleep(0.1)
        assert log_file.exists()
        second = launch(home, "linux")
        assert second.returncode == 0
        assert "handed over" in second.stderr
        deadline = time.monotonic() + 10
        while "activate requested" not in log_file.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "activate requested" in log_file.read_text()
        assert first.poll() is None, "the first instance keeps running"
    finally:
        first.terminate()
        first.communicate(timeout=30)
