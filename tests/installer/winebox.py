"""The machinery of the installer tests under wine: the tools, the stand-in NeWork.exe (a small
C program, installer/tests/recorder.c, cross-compiled with MinGW), the installers built with
makensis, and a wine prefix with helpers to install, uninstall and look inside it.

The fixtures built on it are in conftest.py; the tests in test_nsis_wine*.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from nework_desktop import __version__
from tests.installer.tooling import INSTALLER

NSI = INSTALLER / "windows" / "nework.nsi"
RECORDER_C = INSTALLER / "tests" / "recorder.c"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\NeWorkDesktop"
CLEANUP_ARGV = ["uninstall-cleanup", "--yes"]
NOTICES = "_internal/nework_desktop/resources/notices/THIRD-PARTY-NOTICES.txt"
STAGED_FILES = ("NeWork.exe", "_internal/dummy.txt", "_internal/ダミー.txt", NOTICES)
EXIT_CLEANUP_FAILED = 3
EXIT_STOPPED = 2
EXIT_DOWNGRADE = 4
PROFILE_LIST = r"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList"
ACTIVE_SETUP = r"HKLM\Software\Microsoft\Active Setup\Installed Components\NeWorkDesktopCleanup"


@dataclass(frozen=True)
class Tools:
    makensis: Path
    wine: Path
    wineserver: Path
    xvfb_run: Path
    mingw_gcc: Path


@dataclass(frozen=True)
class Installers:
    default: Path
    #: built with APP_EXIT_TIMEOUT_MS=1000, to see a stuck NeWork ended without a long wait
    quick: Path
    #: its first process plays a standard user (wine makes every process an administrator)
    standard_user: Path
    #: an older version, for the downgrade
    older: Path


def _run(
    cmd: list[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd],
        env=None if env is None else dict(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def build_recorder(tools: Tools, target: Path) -> None:
    """Cross-compile the recorder (the stand-in NeWork.exe) to ``target``."""
    built = _run(
        [
            tools.mingw_gcc,
            "-O2",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-municode",
            "-mwindows",
            "-s",
            "-o",
            target,
            RECORDER_C,
        ]
    )
    assert built.returncode == 0, built.stderr


def build_installer(
    tools: Tools, stage: Path, target: Path, *defines: str, version: str = __version__
) -> Path:
    """``makensis`` on ``nework.nsi`` with ``stage`` as the PyInstaller output."""
    result = _run(
        [
            tools.makensis,
            "-V2",
            f"-DSRCDIR={stage}",
            f"-DVERSION={version}",
            f"-DOUTFILE={target}",
            *defines,
            NSI,
        ],
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.is_file()
    return target


def _wine_env(prefix: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WINE", "NEWORK_"))}
    env.pop("DISPLAY", None)  # silent installs need no display; never a real one
    env.update(
        WINEPREFIX=str(prefix),
        WINEDEBUG="-all",
        # no Mono/Gecko installer (it would go to the network), no desktop menu entries
        WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d",
        HOME=str(home),
    )
    return env


class Wine:
    """One throw-away wine prefix and the commands the tests need in it."""

    def __init__(self, tools: Tools, prefix: Path, home: Path, scratch: Path) -> None:
        self.tools = tools
        self.prefix = prefix
        self.env = _wine_env(prefix, home)
        self.scratch = scratch
        self.calls_log = scratch / "calls.jsonl"
        users = [p for p in (prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
        assert len(users) == 1, users
        self.user = users[0].name

    # -- paths ------------------------------------------------------------------------------

    def host(self, windows_path: str) -> Path:
        """The Linux path of ``C:\\...`` in this prefix."""
        win = PureWindowsPath(windows_path)
        assert win.drive.upper() == "C:", windows_path
        return self.prefix.joinpath("drive_c", *win.parts[1:])

    @staticmethod
    def windows(host_path: Path) -> str:
        """The wine (Z:) path of a Linux path."""
        return "Z:" + str(host_path).replace("/", "\\")

    @property
    def per_user_dir(self) -> str:
        return rf"C:\users\{self.user}\AppData\Local\Programs\NeWork"

    @property
    def per_machine_dir(self) -> str:
        return r"C:\Program Files\NeWork"

    @property
    def uninstall_log(self) -> Path:
        return self.host(rf"C:\users\{self.user}\Temp\nework-uninstall.log")

    def start_menu(self, all_users: bool = False) -> Path:
        if all_users:
            root = r"C:\ProgramData\Microsoft\Windows\Start Menu\Programs"
        else:
            root = rf"C:\users\{self.user}\AppData\Roaming\Microsoft\Windows\Start Menu\Programs"
        return self.host(root) / "NeWork.lnk"

    # -- commands ---------------------------------------------------------------------------

    def recorder_env(self, **extra: str) -> dict[str, str]:
        env = dict(self.env)
        env["NEWORK_RECORDER_LOG"] = self.windows(self.calls_log)
        env.update(extra)
        return env

    def run(
        self, *args: str | Path, env: Mapping[str, str] | None = None, timeout: float = 90
    ) -> subprocess.CompletedProcess[str]:
        return _run(
            [self.tools.wine, *args], env=env or self.env, timeout=timeout, cwd=self.scratch
        )

    def start(self, *args: str, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [str(self.tools.wine), *args],
            env=dict(env),
            cwd=self.scratch,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_idle(self) -> None:
        """Wait until every process of the prefix has ended (and the server with them)."""
        _run([self.tools.wineserver, "-w"], env=self.env, timeout=120)

    def reg_query(self, root: str) -> dict[str, tuple[str, str]] | None:
        """The values of the Uninstall key under ``root`` (HKCU/HKLM), or None if absent."""
        result = self.run("reg", "query", rf"{root}\{UNINSTALL_KEY}")
        if result.returncode != 0:
            return None
        values: dict[str, tuple[str, str]] = {}
        for line in result.stdout.splitlines():
            match = re.match(r"^\s{4}(\S.*?)\s{4}(REG_\w+)\s{4}(.*)$", line.rstrip("\r"))
            if match:
                values[match.group(1)] = (match.group(2), match.group(3))
        return values

    def calls(self) -> list[dict[str, object]]:
        if not self.calls_log.exists():
            return []
        text = self.calls_log.read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]

    def cleanup_calls(self) -> list[dict[str, object]]:
        return [c for c in self.calls() if c["event"] == "start" and c["argv"]]

    def wait_for_call(self, event: str, timeout: float = 30) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for call in self.calls():
                if call["event"] == event:
                    return call
            time.sleep(0.1)
        raise AssertionError(f"the recorder never logged {event!r}: {self.calls()}")

    def log_lines(self) -> list[str]:
        text = self.uninstall_log.read_bytes().decode("utf-16")
        # each line: "YYYY-MM-DD HH:MM:SS message"
        return [line[20:] for line in text.splitlines() if line.strip()]

    def install(self, installer: Path, *args: str) -> None:
        result = self.run(installer, "/S", *args)
        assert result.returncode == 0, result.stdout + result.stderr


def _assert_installed(wine: Wine, instdir: str, root: str) -> None:
    host_dir = wine.host(instdir)
    for name in (*STAGED_FILES, "uninstall.exe"):
        assert (host_dir / name).is_file(), f"{name} not installed in {host_dir}"
    values = wine.reg_query(root)
    assert values is not None, f"no {root}\\{UNINSTALL_KEY}"
    uninstaller = rf"{instdir}\uninstall.exe"
    assert values["DisplayName"] == ("REG_SZ", "NeWork")
    assert values["DisplayVersion"] == ("REG_SZ", __version__)
    assert values["Publisher"][0] == "REG_SZ" and values["Publisher"][1]
    assert values["InstallLocation"] == ("REG_SZ", instdir)
    assert values["UninstallString"] == ("REG_SZ", f'"{uninstaller}"')
    assert values["QuietUninstallString"] == ("REG_SZ", f'"{uninstaller}" /S')
    assert values["NoModify"] == ("REG_DWORD", "0x1")
    assert values["NoRepair"] == ("REG_DWORD", "0x1")
    kind, size = values["EstimatedSize"]
    assert kind == "REG_DWORD" and int(size, 16) > 0


def _left_in(folder: Path) -> set[str]:
    """What is left in ``folder`` (nothing if it is gone)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def _assert_recorder_called_for_cleanup(wine: Wine, instdir: str, times: int = 1) -> None:
    calls = wine.cleanup_calls()
    assert [c["argv"] for c in calls] == [CLEANUP_ARGV] * times, calls
    for call in calls:
        assert call["program"] == rf"{instdir}\NeWork.exe"
        assert call["cmdline"] == rf'"{instdir}\NeWork.exe" uninstall-cleanup --yes'
