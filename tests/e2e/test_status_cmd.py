"""The window-less commands, run as a user would: a subprocess with a sandboxed home."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import helpers
from tests.helpers import tree


def run_app(
    *args: str, home: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return helpers.run_app(*args, env=helpers.app_env(home, extra_env), timeout=60)


@pytest.mark.parametrize("layout", ["linux", "macos", "windows"])
def test_status_json_on_empty_home_creates_nothing(tmp_path: Path, layout: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "NEWORK_SIMULATE_OS": layout,
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
    }
    result = run_app("status", "--json", home=home, extra_env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["layout"] == layout
    assert report["consent"]["state"] == "none"
    assert report["consent"]["policy_version"] is None
    assert set(report["paths"]) >= {"data", "config", "cache", "log", "state"}
    for path in report["paths"].values():
        assert Path(path).is_absolute()
        assert str(path).startswith(str(home))
    assert tree(home) == []


def test_status_human_output(tmp_path: Path) -> None:
    result = run_app("status", "--basedir", str(tmp_path / "b"), home=tmp_path)
    assert result.returncode == 0
    assert "consent: none" in result.stdout
    assert not (tmp_path / "b").exists()


def test_version(tmp_path: Path) -> None:
    from nework_desktop import __version__

    result = run_app("--version", home=tmp_path)
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_window_less_commands_import_no_qt() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from nework_desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['status', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("status", "--bogus"), "unrecognized arguments"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_bad_arguments_give_one_line(tmp_path: Path, args: tuple[str, ...], fragment: str) -> None:
    result = run_app(*args, home=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_unreadable_policy_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "policy"
    bad.mkdir()
    (bad / "index.json").write_text("{not json", encoding="utf-8")
    result = run_app("status", home=tmp_path, extra_env={"NEWORK_POLICY_DIR": str(bad)})
    assert result.returncode == 3
    assert "privacy policy" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_corrupt_ledger_is_one_clear_line_and_untouched(tmp_path: Path) -> None:
    base = tmp_path / "base"
    (base / "data").mkdir(parents=True)
    ledger = base / "data" / "consent-ledger.json"
    ledger.write_text('{"schema": 1, "records": [{"seq": 1}]}', encoding="utf-8")
    before = tree(base)
    result = run_app("status", "--json", "--basedir", str(base), home=tmp_path)
    assert result.returncode == 4
    assert "consent record is corrupt" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(base) == before
