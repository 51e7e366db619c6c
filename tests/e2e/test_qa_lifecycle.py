"""``nework-qa lifecycle`` end to end: subprocesses all the way down, in a sandbox home.

The first tests drive the real app (``python -m nework_desktop``: consent, status,
uninstall-cleanup) for each layout.  The others give ``--app`` a small stand-in program so that
the failure paths (a crash, a wipe that leaves residue, a program that is not NeWork) are
tested without breaking the real app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import tree

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def run_qa(
    *args: str | Path, cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "nework_desktop.qa.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=240,
        check=False,
    )


def report_of(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def step(report: dict[str, Any], name: str) -> dict[str, Any]:
    found = [s for s in report["steps"] if s["name"] == name]
    assert found, f"no step {name!r} in {[s['name'] for s in report['steps']]}"
    result = found[0]
    assert isinstance(result, dict)
    return result


# -- the real app ----------------------------------------------------------------------------

CONSENT_FILES = {
    "linux": (".local/share/NeWork/consent-ledger.json", ".local/state/NeWork/log/nework.log"),
    "macos": (
        "Library/Application Support/NeWork/consent-ledger.json",
        "Library/Logs/NeWork/nework.log",
    ),
    "windows": (
        "AppData/Local/NTTCom/NeWork/consent-ledger.json",
        "AppData/Local/NTTCom/NeWork/Logs/nework.log",
    ),
}


@pytest.mark.parametrize("layout", ["linux", "macos", "windows"])
def test_lifecycle_of_the_real_app_leaves_nothing(tmp_path: Path, layout: str) -> None:
    home = tmp_path / "home"
    junit = tmp_path / "junit.xml"
    result = run_qa(
        "lifecycle", "--layout", layout, "--home", home, "--json", "--junit", junit, cwd=tmp_path
    )
    assert result.stdout, result.stderr
    report = report_of(result)

    assert report["layout"] == layout and report["home"] == str(home)
    assert [s["name"] for s in report["steps"]] == ["consent", "status", "uninstall-cleanup"]
    consent = step(report, "consent")
    assert consent["exit_code"] == 0
    assert consent["command"][-2:] == ["--automate", "accept-consent,quit"]
    for path in CONSENT_FILES[layout]:
        assert path in consent["files_created"]
    assert step(report, "status")["files_created"] == []
    assert step(report, "status")["consent_state"] == "accepted"
    assert all(p.startswith(str(home)) for p in report["roots"].values())
    cleanup = step(report, "uninstall-cleanup")
    assert cleanup["exit_code"] == 0, cleanup
    assert report["cleanup"]["ok"] is True
    assert report["residue"] == [], report["residue"]
    assert report["verdict"] == "clean"
    assert result.returncode == 0, result.stderr
    assert tree(home) == []

    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314 - our own file
    assert suite is not None and suite.get("failures") == "0" and suite.get("errors") == "0"
    names = [c.get("name") for c in suite.iter("testcase")]
    assert names == ["consent", "status", "uninstall-cleanup", "residue"]


def test_no_cleanup_leaves_the_data_and_says_where(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_qa("lifecycle", "--layout", "linux", "--home", home, "--no-cleanup", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "verdict: no-cleanup" in result.stdout
    assert str(home / ".local/share/NeWork") in result.stdout
    assert "uninstall-cleanup --yes" in result.stdout
    assert (home / ".local/share/NeWork/consent-ledger.json").is_file()
    assert (home / ".local/state/NeWork/log/nework.log").is_file()

    result = run_qa(
        "lifecycle",
        "--layout",
        "linux",
        "--home",
        tmp_path / "h2",
        "--no-cleanup",
        "--json",
        cwd=tmp_path,
    )
    report = report_of(result)
    assert result.returncode == 0 and report["verdict"] == "no-cleanup"
    assert report["cleanup"] is None
    assert [s["name"] for s in report["steps"]] == ["consent", "status"]
    assert ".local/share/NeWork/consent-ledger.json" in {e["path"] for e in report["residue"]}


def test_a_home_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "mine.txt").write_text("keep me", encoding="utf-8")
    result = run_qa("lifecycle", "--layout", "linux", "--home", home, "--json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "not empty" in result.stderr
    assert tree(home) == ["Documents", "Documents/mine.txt"]

    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    result = run_qa("lifecycle", "--home", afile, cwd=tmp_path)
    assert result.returncode == 2 and "not a folder" in result.stderr


def test_an_app_command_that_does_not_exist(tmp_path: Path) -> None:
    result = run_qa(
        "lifecycle", "--home", tmp_path / "home", "--app", tmp_path / "NeWork.exe", cwd=tmp_path
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "app command not found" in result.stderr
    assert not (tmp_path / "home").exists()


# -- a stand-in app for the failure paths ----------------------------------------------------

STAND_IN = textwrap.dedent(
    """
    import json, os, shutil, sys
    from nework_desktop.core.paths import AppPaths

    mode = os.environ.get("STAND_IN_MODE", "")
    paths = AppPaths.from_environment()
    args = sys.argv[1:]
    if mode == "not-nework":
        sys.exit(0)
    if args[:1] == ["status"]:
        print(json.dumps({"layout": paths.layout, "paths": paths.as_dict(), "consent": {}}))
    elif args[:1] == ["--automate"]:
        if mode == "crash":
            print("Fatal: simulated crash", file=sys.stderr)
            os.abort()
        paths.ensure("data")
        (paths.data / "consent-ledger.json").write_text("{}")
    elif args[:1] == ["uninstall-cleanup"]:
        removed = []
        for root in paths.existing_roots():
            shutil.rmtree(root)  # forgets the parents it created: residue
            removed.append(str(root))
        print(json.dumps({"ok": True, "removed": removed, "failed": [], "refused": [],
                          "residue": []}))
    """
)


@pytest.fixture
def stand_in(tmp_path: Path) -> str:
    script = tmp_path / "stand_in.py"
    script.write_text(STAND_IN, encoding="utf-8")
    return f"{sys.executable} {script}"


def test_residue_left_by_the_wipe_fails_the_run(tmp_path: Path, stand_in: str) -> None:
    home = tmp_path / "home"
    junit = tmp_path / "junit.xml"
    result = run_qa(
        "lifecycle", "--layout", "linux", "--home", home, "--app", stand_in,
        "--json", "--junit", junit, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = report_of(result)
    assert report["verdict"] == "residue"
    residue = {e["path"]: e["class"] for e in report["residue"]}
    assert residue == {".local": "unknown", ".local/share": "unknown"}
    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314
    assert suite is not None
    cases = {c.get("name", ""): c for c in suite.iter("testcase")}
    failure = cases["residue"].find("failure")
    assert failure is not None and ".local/share" in (failure.text or "")
    assert cases["consent"].find("failure") is None


def test_a_crashing_app_is_an_error_with_a_report(tmp_path: Path, stand_in: str) -> None:
    home = tmp_path / "home"
    result = run_qa(
        "lifecycle", "--layout", "windows", "--home", home, "--app", stand_in, "--json",
        cwd=tmp_path, extra_env={"STAND_IN_MODE": "crash"},
    )  # fmt: skip
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "SIGABRT" in result.stderr
    assert "Traceback" not in result.stderr
    report = report_of(result)
    assert report["verdict"] == "error"
    consent = step(report, "consent")
    assert consent["ok"] is False and "simulated crash" in "\n".join(consent["stderr_tail"])


def test_a_program_that_is_not_nework_is_stopped_before_it_runs(
    tmp_path: Path, stand_in: str
) -> None:
    home = tmp_path / "home"
    result = run_qa(
        "lifecycle", "--home", home, "--app", stand_in, cwd=tmp_path,
        extra_env={"STAND_IN_MODE": "not-nework"},
    )  # fmt: skip
    assert result.returncode == 3 and result.stdout == ""
    assert "is --app a NeWork Desktop executable?" in result.stderr
    assert not home.exists()  # the folder it created for the run is gone again
