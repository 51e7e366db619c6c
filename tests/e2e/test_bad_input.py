"""Hostile files and arguments, against the real app and CLI (issue 10): never a traceback, never
a hang, never lost data -- one line and the documented exit code (cli/errors.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nework_desktop.core.consent import LEDGER_NAME, QUARANTINE_DIR, ConsentLedger
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from tests import helpers
from tests.helpers import record_acceptance

TIMEOUT = 60


def run(
    *args: str, home: Path, extra: dict[str, str] | None = None, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    return helpers.run_app(*args, env=helpers.app_env(home, extra), timeout=timeout)


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert "unexpected error" not in result.stderr, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("nework-desktop:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def _ledger_with_locale_list(base: Path) -> Path:
    paths = AppPaths.from_environment(basedir=base)
    record_acceptance(paths, load_policy())
    ledger = ConsentLedger(paths).path
    doc = json.loads(ledger.read_text(encoding="utf-8"))
    doc["records"][0]["locale"] = ["ja"]
    ledger.write_text(json.dumps(doc), encoding="utf-8")
    return ledger


def test_a_ledger_field_of_the_wrong_type_is_a_corrupt_ledger(home: Path, base: Path) -> None:
    ledger = _ledger_with_locale_list(base)
    status = run("status", "--json", "--basedir", str(base), home=home)
    assert status.returncode == 4
    assert "consent record is corrupt" in one_clear_line(status)
    # The app itself sets it aside and asks again (declined here): it starts, every time.
    for _ in range(2):
        app = run("--basedir", str(base), "--automate", "decline-consent", home=home)
        assert app.returncode == 0, app.stderr
        assert "Traceback" not in app.stderr
    assert not ledger.exists()
    assert list((base / "data" / QUARANTINE_DIR).iterdir())


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_ledger_that_links_to_dev_zero(home: Path, base: Path) -> None:
    (base / "data").mkdir(parents=True)
    (base / "data" / LEDGER_NAME).symlink_to("/dev/zero")
    status = run("status", "--basedir", str(base), home=home)
    assert status.returncode == 4
    one_clear_line(status)
    app = run("--basedir", str(base), "--automate", "decline-consent", home=home)
    assert app.returncode == 0, app.stderr
    assert Path("/dev/zero").exists()  # the link was moved aside, never followed


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
@pytest.mark.parametrize(
    "where",
    ["config/preferences.json", "data/account.json", "data/secrets-index.json", "data/device-id",
     "state/transmissions.json", "data/shared-traces.json"],
)  # fmt: skip
def test_a_fifo_in_place_of_a_file_never_hangs(home: Path, base: Path, where: str) -> None:
    paths = AppPaths.from_environment(basedir=base)
    record_acceptance(paths, load_policy())
    target = base / where
    target.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(target)
    app = run("--basedir", str(base), "--automate", "quit", home=home)
    assert app.returncode == 0, app.stderr
    assert "Traceback" not in app.stderr
    status = run("status", "--basedir", str(base), home=home)
    assert status.returncode == 0, status.stderr
    wipe = run("uninstall-cleanup", "--yes", "--json", "--basedir", str(base), home=home)
    assert "Traceback" not in wipe.stderr
    assert json.loads(wipe.stdout)["removed"]["roots"]


def test_a_policy_fifo_is_a_clear_policy_error(home: Path, tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("POSIX FIFOs")
    folder = tmp_path / "policy"
    folder.mkdir()
    os.mkfifo(folder / "index.json")
    for args in (("status",), ("--automate", "decline-consent")):
        result = run(*args, home=home, extra={"NEWORK_POLICY_DIR": str(folder)})
        assert result.returncode == 3
        assert "privacy policy" in one_clear_line(result)


def test_a_root_that_is_a_file_ends_the_gui_with_exit_5(home: Path, base: Path) -> None:
    base.mkdir()
    (base / "data").write_text("not a folder", encoding="utf-8")
    result = run("--basedir", str(base), "--automate", "accept-consent,quit", home=home)
    assert result.returncode == 5
    assert "nothing was recorded" in one_clear_line(result)
    assert (base / "data").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(
    ("steps", "fragment"),
    [("accept-consent,frobnicate", "unknown --automate step"),
     ("accept-consent:google_analytics=maybe", "MODULE=on|off"),
     ("accept-consent:no_such_module=off", "no module"),
     ("sign-in-email:", "e-mail address"),
     ("quit:now", "takes no argument")],
)  # fmt: skip
def test_a_bad_automation_step_is_a_usage_error(home: Path, steps: str, fragment: str) -> None:
    result = run("--automate", steps, home=home)
    assert result.returncode == 2
    assert fragment in one_clear_line(result)


def test_a_bad_service_url_in_the_environment_is_a_usage_error(home: Path, base: Path) -> None:
    record_acceptance(AppPaths.from_environment(basedir=base), load_policy())
    result = run(
        "--basedir", str(base), "--automate", "quit", home=home,
        extra={"NEWORK_SERVICE_URL": "https://..."},
    )  # fmt: skip
    assert result.returncode == 2
    assert "NEWORK_SERVICE_URL" in one_clear_line(result)


def test_status_survives_a_closed_pipe(home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env["HOME"] = str(home)
    # ``true`` exits at once without reading: the write always meets a closed pipe.
    for reader, shown in (("head -1", "{"), ("true", "")):
        shell = f"{sys.executable} -m nework_desktop status --json | {reader}; echo $?"
        result = subprocess.run(
            ["sh", "-c", shell],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert result.stdout.splitlines()[0].strip() == shown or shown == ""
        assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
        assert "unexpected error" not in result.stderr
