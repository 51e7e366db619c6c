"""``installer/macos/Uninstall NeWork.command``, run with bash against a fake NeWork.app.

The fake bundle's ``Contents/MacOS/NeWork`` and a fake ``osascript`` are shell scripts that log
each call to one file, so a test sees what ran and in which order: quit the app, run
``uninstall-cleanup --yes``, and only if that succeeded move the bundle to the Trash.
Also here: every shell script of the repository must pass shellcheck.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from nework_desktop import APP_ID
from tests.installer.tooling import INSTALLER, REPO, require_tool

SCRIPT = INSTALLER / "macos" / "Uninstall NeWork.command"
CLEANUP_ARGV = ["uninstall-cleanup", "--yes"]

FAKE_APP = """#!/bin/sh
# Fake NeWork: log the call (tab-separated), exit with the code the test chose.
{ printf 'app\\t%s' "$0"; for a in "$@"; do printf '\\t%s' "$a"; done; printf '\\n'; } \\
  >> "$NEWORK_TEST_LOG"
exit "${NEWORK_FAKE_CLEANUP_EXIT:-0}"
"""

FAKE_OSASCRIPT = """#!/bin/sh
# Fake osascript: log the call; "quit" may hang, Finder's "delete" moves the last argument
# into $NEWORK_FAKE_FINDER_TRASH (or fails, if the test says so).
{ printf 'osascript'; for a in "$@"; do printf '\\t%s' "$a"; done; printf '\\n'; } \\
  >> "$NEWORK_TEST_LOG"
case "$*" in
  *Finder*)
    [ "${NEWORK_FAKE_FINDER:-ok}" = fail ] && exit 1
    for last in "$@"; do :; done
    mkdir -p "$NEWORK_FAKE_FINDER_TRASH" && mv "$last" "$NEWORK_FAKE_FINDER_TRASH/"
    ;;
  *quit*)
    if [ -n "${NEWORK_FAKE_QUIT_SLEEP:-}" ]; then exec sleep "$NEWORK_FAKE_QUIT_SLEEP"; fi
    ;;
esac
"""


def _write_exe(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def make_bundle(app: Path) -> Path:
    """A fake NeWork.app whose executable logs its calls."""
    _write_exe(app / "Contents" / "MacOS" / "NeWork", FAKE_APP)
    (app / "Contents" / "Info.plist").write_text("<plist/>\n", encoding="utf-8")
    return app


@dataclass
class Mac:
    root: Path
    home: Path
    log: Path
    osascript: Path
    finder_trash: Path

    @property
    def user_app(self) -> Path:
        return self.home / "Applications" / "NeWork.app"

    def run(
        self, *args: str, script: Path = SCRIPT, stdin: str = "", timeout: float = 30, **env: str
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "NEWORK_TEST_LOG": str(self.log),
            "NEWORK_OSASCRIPT": str(self.osascript),
            "NEWORK_FAKE_FINDER_TRASH": str(self.finder_trash),
            **env,
        }
        return subprocess.run(
            ["bash", str(script), *args],
            input=stdin,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def calls(self) -> list[list[str]]:
        if not self.log.exists():
            return []
        return [line.split("\t") for line in self.log.read_text(encoding="utf-8").splitlines()]

    def kinds(self) -> list[str]:
        """Each call as one word: quit, cleanup, trash (or the raw program name)."""
        out = []
        for call in self.calls():
            if call[0] == "app":
                out.append("cleanup" if call[2:] == CLEANUP_ARGV else f"app {call[2:]}")
            elif any("Finder" in a for a in call[1:]):
                out.append("trash")
            elif any("quit" in a for a in call[1:]):
                out.append("quit")
            else:
                out.append(" ".join(call))
        return out


@pytest.fixture
def mac(tmp_path: Path) -> Mac:
    home = tmp_path / "home"
    home.mkdir()
    osascript = tmp_path / "bin" / "osascript"
    _write_exe(osascript, FAKE_OSASCRIPT)
    return Mac(
        root=tmp_path,
        home=home,
        log=tmp_path / "calls.log",
        osascript=osascript,
        finder_trash=tmp_path / "finder-trash",
    )


def test_quits_cleans_up_then_trashes_in_that_order(mac: Mac) -> None:
    app = make_bundle(mac.user_app)  # found in ~/Applications

    result = mac.run("--yes")

    assert result.returncode == 0, result.stdout + result.stderr
    assert mac.kinds() == ["quit", "cleanup", "trash"]
    quit_call, cleanup_call, trash_call = mac.calls()
    assert f'application id "{APP_ID}" is running' in "\t".join(quit_call)
    assert cleanup_call[1] == str(app / "Contents" / "MacOS" / "NeWork")
    assert cleanup_call[2:] == CLEANUP_ARGV
    assert trash_call[-1] == str(app)
    assert not app.exists()
    assert (mac.finder_trash / "NeWork.app").is_dir()
    assert "NeWork has been removed" in result.stdout


def test_failed_cleanup_keeps_the_app(mac: Mac) -> None:
    app = make_bundle(mac.user_app)

    result = mac.run("--yes", NEWORK_FAKE_CLEANUP_EXIT="1")

    assert result.returncode == 1
    assert mac.kinds() == ["quit", "cleanup"]  # no trash
    assert (app / "Contents" / "MacOS" / "NeWork").is_file()
    assert "FAILED" in result.stderr and "exit code 1" in result.stderr
    assert "NOT moved to the Trash" in result.stderr


def test_without_finder_the_app_is_moved_to_the_trash_folder(mac: Mac) -> None:
    app = make_bundle(mac.root / "elsewhere" / "NeWork.app")
    trash = mac.home / ".Trash"
    (trash / "NeWork.app").mkdir(parents=True)  # an earlier NeWork already in the Trash

    result = mac.run("--yes", "--app", str(app), NEWORK_FAKE_FINDER="fail")

    assert result.returncode == 0, result.stdout + result.stderr
    assert mac.kinds() == ["quit", "cleanup", "trash"]
    assert not app.exists()
    moved = sorted(p.name for p in trash.iterdir())
    assert len(moved) == 2 and "NeWork.app" in moved
    new = next(name for name in moved if name != "NeWork.app")
    assert re.fullmatch(r"NeWork \d{8}-\d{6}\.app", new)
    assert (trash / new / "Contents" / "MacOS" / "NeWork").is_file()


def test_asks_before_doing_anything(mac: Mac) -> None:
    app = make_bundle(mac.user_app)

    for answer in ("no\n", "", "\n"):
        result = mac.run(stdin=answer)
        assert result.returncode == 2, answer
        assert "Cancelled" in result.stdout
        assert mac.calls() == []
        assert app.is_dir()

    result = mac.run(stdin="yes\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert mac.kinds() == ["quit", "cleanup", "trash"]


def test_a_hanging_quit_does_not_stop_the_uninstall(mac: Mac) -> None:
    app = make_bundle(mac.user_app)
    started = time.monotonic()

    result = mac.run("--yes", NEWORK_FAKE_QUIT_SLEEP="30", NEWORK_QUIT_TIMEOUT="1")

    assert time.monotonic() - started < 15
    assert result.returncode == 0, result.stdout + result.stderr
    assert "did not answer within 1 s" in result.stdout
    assert mac.kinds() == ["quit", "cleanup", "trash"]
    assert not app.exists()


def _dmg(mac: Mac, *, installed: bool) -> tuple[Path, Path, Path]:
    """A mounted-dmg look-alike: the script, the dmg's own NeWork.app, an Applications link."""
    applications = mac.root / "Applications"
    applications.mkdir()
    installed_app = applications / "NeWork.app"
    if installed:
        make_bundle(installed_app)
    volume = mac.root / "Volumes" / "NeWork"
    volume.mkdir(parents=True)
    (volume / "Applications").symlink_to(applications)
    dmg_app = make_bundle(volume / "NeWork.app")
    script = volume / SCRIPT.name
    shutil.copy2(SCRIPT, script)
    return script, dmg_app, installed_app


def test_from_the_dmg_it_removes_the_installed_app_not_the_dmg_copy(mac: Mac) -> None:
    script, dmg_app, installed_app = _dmg(mac, installed=True)

    result = mac.run("--yes", script=script)

    assert result.returncode == 0, result.stdout + result.stderr
    assert mac.kinds() == ["quit", "cleanup", "trash"]
    assert mac.calls()[1][1] == str(installed_app / "Contents" / "MacOS" / "NeWork")
    assert not installed_app.exists()
    assert dmg_app.is_dir()


def test_app_already_in_the_trash_the_dmg_copy_still_deletes_the_data(mac: Mac) -> None:
    script, dmg_app, _ = _dmg(mac, installed=False)

    result = mac.run("--yes", script=script)

    assert result.returncode == 0, result.stdout + result.stderr
    assert mac.kinds() == ["quit", "cleanup"]  # nothing to trash
    assert mac.calls()[1][1] == str(dmg_app / "Contents" / "MacOS" / "NeWork")
    assert dmg_app.is_dir()
    assert "already removed" in result.stdout


def test_app_path_as_argument_or_variable(mac: Mac) -> None:
    first = make_bundle(mac.root / "a" / "NeWork.app")
    second = make_bundle(mac.root / "b" / "NeWork.app")

    assert mac.run("--yes", str(first)).returncode == 0
    assert mac.run("--yes", NEWORK_UNINSTALL_APP=str(second)).returncode == 0

    assert not first.exists() and not second.exists()
    cleanups = [call[1] for call in mac.calls() if call[0] == "app"]
    assert cleanups == [
        str(first / "Contents" / "MacOS" / "NeWork"),
        str(second / "Contents" / "MacOS" / "NeWork"),
    ]


def test_no_app_found(mac: Mac) -> None:
    result = mac.run("--yes")
    assert result.returncode == 3
    assert "NeWork.app was not found" in result.stderr

    result = mac.run("--yes", "--app", str(mac.root / "missing.app"))
    assert result.returncode == 3
    assert mac.calls() == []


def test_bad_option(mac: Mac) -> None:
    result = mac.run("--frobnicate")
    assert result.returncode == 2
    assert "unknown option" in result.stderr


def test_bundle_id_matches_the_app() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert f'BUNDLE_ID="{APP_ID}"' in text


def _shell_scripts() -> list[Path]:
    found = [
        *sorted(INSTALLER.rglob("*.command")),
        *sorted(INSTALLER.rglob("*.sh")),
        *sorted(p for p in (REPO / "scripts").glob("*") if p.is_file()),
        REPO / ".ci" / "run",
    ]
    return [p for p in found if p.is_file()]


@pytest.mark.parametrize("script", _shell_scripts(), ids=lambda p: str(Path(p).relative_to(REPO)))
def test_shellcheck(script: Path) -> None:
    shellcheck = require_tool("shellcheck", package="shellcheck")
    result = subprocess.run(
        [str(shellcheck), "--external-sources", str(script)],
        cwd=script.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
