"""The Windows installer, built with makensis and run under wine.

A small C program (installer/tests/recorder.c, cross-compiled with MinGW) stands in for
NeWork.exe: it appends each call to a log outside the install folder and exits with a code the
test chooses. So these tests prove, on a real (wine) Windows, that

* the installer puts the files, the Start-menu shortcut and the Uninstall entry where they
  belong, per user (HKCU) or per machine (HKLM);
* the uninstaller runs exactly ``NeWork.exe uninstall-cleanup --yes`` before it removes anything,
  logs the exit code, reports a failure, waits for (or in silent mode ends) a NeWork that still
  runs, and leaves neither the folder, the shortcut nor the registry entry behind.

One wine prefix is initialised per session (``wineboot -i``, ~10 s) and copied for each test.
Mono and Gecko are disabled, so wine never tries the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

from nework_desktop import __version__
from tests.installer.tooling import INSTALLER, require_tool

pytestmark = [pytest.mark.wine, pytest.mark.timeout(300)]

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


@pytest.fixture(scope="session")
def tools() -> Tools:
    wine = require_tool("wine64", "/usr/lib/wine/wine64", package="wine64")
    return Tools(
        makensis=require_tool("makensis", package="nsis"),
        wine=wine,
        wineserver=require_tool(
            "wineserver",
            str(wine.parent / "wineserver"),
            "/usr/lib/wine/wineserver",
            package="wine64",
        ),
        xvfb_run=require_tool("xvfb-run", package="xvfb xauth"),
        mingw_gcc=require_tool("x86_64-w64-mingw32-gcc", package="gcc-mingw-w64-x86-64-win32"),
    )


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


@pytest.fixture(scope="session")
def stage(tools: Tools, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fake PyInstaller output: the recorder as NeWork.exe, plus data files."""
    stage = tmp_path_factory.mktemp("stage") / "NeWork"
    (stage / "_internal").mkdir(parents=True)
    build_recorder(tools, stage / "NeWork.exe")
    (stage / "_internal" / "dummy.txt").write_text("dummy\n", encoding="utf-8")
    (stage / "_internal" / "ダミー.txt").write_text("non-ASCII file name\n", encoding="utf-8")
    notices = stage / NOTICES
    notices.parent.mkdir(parents=True)
    notices.write_text("third-party notices\n", encoding="utf-8")
    return stage


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


@pytest.fixture(scope="session")
def installers(tools: Tools, stage: Path, tmp_path_factory: pytest.TempPathFactory) -> Installers:
    out = tmp_path_factory.mktemp("installers")

    def build(name: str, *defines: str, version: str = __version__) -> Path:
        return build_installer(tools, stage, out / name, *defines, version=version)

    return Installers(
        default=build("NeWork-Setup.exe"),
        quick=build("NeWork-Setup-quick.exe", "-DAPP_EXIT_TIMEOUT_MS=1000"),
        standard_user=build("NeWork-Setup-std.exe", "-DNEWORK_TEST_ASSUME_STANDARD_USER"),
        older=build("NeWork-Setup-old.exe", "-DVIVERSION=0.0.1.0", version="0.0.1"),
    )


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


@pytest.fixture(scope="session")
def prefix_template(tools: Tools, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wine prefix initialised once per session; tests work on copies."""
    base = tmp_path_factory.mktemp("wine")
    home = base / "home"
    home.mkdir()
    prefix = base / "prefix"
    env = _wine_env(prefix, home)
    boot = _run([tools.xvfb_run, "-a", tools.wine, "wineboot", "-i"], env=env, timeout=180)
    assert boot.returncode == 0, boot.stdout + boot.stderr
    # The registry reaches the disk when the server ends: wait for it before copying.
    _run([tools.wineserver, "-w"], env=env, timeout=60)
    assert (prefix / "system.reg").is_file()
    return prefix


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


@pytest.fixture
def wine(tools: Tools, prefix_template: Path, tmp_path: Path) -> Iterator[Wine]:
    prefix = tmp_path / "prefix"
    shutil.copytree(prefix_template, prefix, symlinks=True)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    session = Wine(tools, prefix, prefix_template.parent / "home", scratch)
    try:
        yield session
    finally:
        _run([tools.wineserver, "-k"], env=session.env, timeout=30)


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


def test_per_user_install_then_uninstall_leaves_nothing(wine: Wine, installers: Installers) -> None:
    wine.install(installers.default)
    instdir = wine.per_user_dir
    _assert_installed(wine, instdir, "HKCU")
    assert wine.reg_query("HKLM") is None
    assert wine.start_menu().is_file()

    # As Windows' "Apps & features" does: the uninstaller copies itself to %TEMP% and the copy
    # does the work, so it can delete uninstall.exe too; wait until that copy has ended.
    result = wine.run(rf"{instdir}\uninstall.exe", "/S", env=wine.recorder_env())
    assert result.returncode == 0, result.stderr
    wine.wait_idle()

    _assert_recorder_called_for_cleanup(wine, instdir)
    assert not wine.host(instdir).exists(), sorted(map(str, wine.host(instdir).rglob("*")))
    assert not wine.start_menu().exists()
    assert wine.reg_query("HKCU") is None
    log = wine.log_lines()
    assert "cleanup exit code: 0" in log
    assert "data cleanup: OK" in log
    assert log[-1] == "finished: cleanup exit code 0"
    # the data goes first, the program after
    assert log.index("cleanup exit code: 0") < log.index(f"removing the program folder: {instdir}")


def test_failed_cleanup_is_logged_and_reported(wine: Wine, installers: Installers) -> None:
    wine.install(installers.default)
    instdir = wine.per_user_dir

    # With _?= the uninstaller runs in place and its exit code reaches the caller.
    result = wine.run(
        rf"{instdir}\uninstall.exe",
        "/S",
        f"_?={instdir}",
        env=wine.recorder_env(NEWORK_RECORDER_EXIT="1"),
    )
    assert result.returncode == EXIT_CLEANUP_FAILED, result.stderr

    _assert_recorder_called_for_cleanup(wine, instdir)
    log = wine.log_lines()
    assert "cleanup exit code: 1" in log
    assert "data cleanup: FAILED (exit code 1); some NeWork data may remain" in log
    assert log[-1] == "finished: cleanup exit code 1"
    # Silent mode goes on: the program is removed all the same ...
    assert wine.reg_query("HKCU") is None
    assert not wine.start_menu().exists()
    # ... except the running uninstaller itself, which Windows deletes at the next restart
    # (wine may delete it as soon as it has exited).
    assert _left_in(wine.host(instdir)) <= {"uninstall.exe"}
    assert any("is removed at the next restart" in line for line in log)
    restart = wine.run("wineboot", "-r")
    assert restart.returncode == 0, restart.stderr
    wine.wait_idle()
    assert not wine.host(instdir).exists()


def test_a_running_nework_is_waited_for(wine: Wine, installers: Installers) -> None:
    wine.install(installers.default)
    instdir = wine.per_user_dir
    # A NeWork window that closes 3 s later (as the real one does when the cleanup asks it).
    app = wine.start(rf"{instdir}\NeWork.exe", env=wine.recorder_env(NEWORK_RECORDER_RUN_MS="3000"))
    try:
        wine.wait_for_call("start")
        result = wine.run(rf"{instdir}\uninstall.exe", "/S", env=wine.recorder_env())
        assert result.returncode == 0, result.stderr
        wine.wait_idle()
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

    # The cleanup ran once with the app open, and again after it had quit (it may have written
    # on its way out); the folder went only after that.
    _assert_recorder_called_for_cleanup(wine, instdir, times=2)
    app_end = wine.wait_for_call("end")
    second = wine.cleanup_calls()[1]
    assert isinstance(app_end["time_ms"], int) and isinstance(second["time_ms"], int)
    assert app_end["time_ms"] <= second["time_ms"]
    log = wine.log_lines()
    waited = next(i for i, line in enumerate(log) if line.startswith("NeWork is still running"))
    again = log.index(
        "NeWork was still running after the cleanup (exited): running the cleanup again"
    )
    assert waited < again < log.index(f"removing the program folder: {instdir}")
    assert not wine.host(instdir).exists()
    assert wine.reg_query("HKCU") is None


def test_per_machine_install_and_a_stuck_nework_is_ended(
    wine: Wine, installers: Installers
) -> None:
    wine.install(installers.quick, "/AllUsers")
    instdir = wine.per_machine_dir
    _assert_installed(wine, instdir, "HKLM")
    assert wine.reg_query("HKCU") is None
    assert wine.start_menu(all_users=True).is_file()

    # A NeWork that does not quit: silent mode ends it after APP_EXIT_TIMEOUT_MS (1 s here).
    app = wine.start(
        rf"{instdir}\NeWork.exe", env=wine.recorder_env(NEWORK_RECORDER_RUN_MS="120000")
    )
    try:
        wine.wait_for_call("start")
        started = time.monotonic()
        result = wine.run(
            rf"{instdir}\uninstall.exe", "/S", f"_?={instdir}", env=wine.recorder_env()
        )
        assert result.returncode == 0, result.stderr
        assert time.monotonic() - started < 30
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

    _assert_recorder_called_for_cleanup(wine, instdir, times=2)
    assert not any(c["event"] == "end" for c in wine.calls()), "the app was ended, not closed"
    log = wine.log_lines()
    assert any(line.startswith("NeWork did not quit in time; ending process") for line in log)
    assert wine.reg_query("HKLM") is None
    assert not wine.start_menu(all_users=True).exists()
    assert _left_in(wine.host(instdir)) <= {"uninstall.exe"}


def test_an_upgrade_stays_where_it_was_and_drops_old_files(
    wine: Wine, installers: Installers
) -> None:
    wine.install(installers.default, "/AllUsers")
    instdir = wine.per_machine_dir
    stale = wine.host(instdir) / "_internal" / "from-the-old-version.txt"
    stale.write_text("old\n", encoding="utf-8")

    wine.install(installers.default)  # no /AllUsers: the earlier installation decides

    _assert_installed(wine, instdir, "HKLM")
    assert not stale.exists()
    assert wine.reg_query("HKCU") is None
    assert not wine.host(wine.per_user_dir).exists()


def test_refuses_a_folder_that_holds_other_files(wine: Wine, installers: Installers) -> None:
    # no space: NSIS wants /D= unquoted, and wine would quote an argument with a space
    target = r"C:\UserData\Important"
    host = wine.host(target)
    host.mkdir(parents=True)
    (host / "thesis.docx").write_text("precious\n", encoding="utf-8")

    result = wine.run(installers.default, "/S", f"/D={target}")

    assert result.returncode == EXIT_STOPPED
    assert sorted(p.name for p in host.iterdir()) == ["thesis.docx"]
    assert wine.reg_query("HKCU") is None
    assert not wine.host(wine.per_user_dir).exists()  # /D= was taken, not the default
