"""The Windows installer under wine, continued: elevation, downgrade, upgrade, every user's data.

Same machinery as ``test_nsis_wine.py`` (winebox.py, the fixtures in conftest.py).
"""

from __future__ import annotations

import time

import pytest

from nework_desktop import __version__
from tests.installer.tooling import INSTALLER
from tests.installer.winebox import (
    ACTIVE_SETUP,
    CLEANUP_ARGV,
    EXIT_DOWNGRADE,
    PROFILE_LIST,
    Installers,
    Wine,
    _assert_installed,
)

pytestmark = [pytest.mark.wine, pytest.mark.timeout(300)]


# -- elevation, downgrade, upgrade, every user's data ---------------------------------------


def test_the_installer_never_asks_for_elevation_by_itself(installers: Installers) -> None:
    # The manifest decides whether Windows shows a UAC prompt before the first instruction runs.
    manifest = installers.default.read_bytes()
    assert b'requestedExecutionLevel level="asInvoker"' in manifest
    assert b'level="highestAvailable"' not in manifest
    assert b'level="requireAdministrator"' not in manifest


def test_a_standard_user_installs_per_user_and_per_machine_asks_once(
    wine: Wine, installers: Installers
) -> None:
    wine.install(installers.standard_user)
    _assert_installed(wine, wine.per_user_dir, "HKCU")
    assert wine.reg_query("HKLM") is None

    # /AllUsers: the installer starts itself again with "runas" and passes its exit code on.
    result = wine.run(installers.standard_user, "/S", "/AllUsers")
    assert result.returncode == 0, result.stdout + result.stderr
    wine.wait_idle()
    _assert_installed(wine, wine.per_machine_dir, "HKLM")


def test_a_downgrade_is_refused_unless_asked_for(wine: Wine, installers: Installers) -> None:
    wine.install(installers.default)
    result = wine.run(installers.older, "/S")
    assert result.returncode == EXIT_DOWNGRADE
    values = wine.reg_query("HKCU")
    assert values is not None and values["DisplayVersion"] == ("REG_SZ", __version__)

    wine.install(installers.older, "/AllowDowngrade")
    values = wine.reg_query("HKCU")
    assert values is not None and values["DisplayVersion"] == ("REG_SZ", "0.0.1")
    # and back up again needs nothing
    wine.install(installers.default)
    values = wine.reg_query("HKCU")
    assert values is not None and values["DisplayVersion"] == ("REG_SZ", __version__)


def test_an_upgrade_asks_the_running_nework_to_quit(wine: Wine, installers: Installers) -> None:
    wine.install(installers.default)
    instdir = wine.per_user_dir
    app = wine.start(
        rf"{instdir}\NeWork.exe", env=wine.recorder_env(NEWORK_RECORDER_RUN_MS="120000")
    )
    try:
        wine.wait_for_call("start")
        started = time.monotonic()
        result = wine.run(installers.default, "/S", env=wine.recorder_env())
        took = time.monotonic() - started
        assert result.returncode == 0, result.stdout + result.stderr
        assert took < 60
        code = app.wait(timeout=30)
        assert code == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

    asked = [c for c in wine.calls() if c["event"] == "start" and c["argv"]]
    assert [c["argv"] for c in asked] == [["quit-running", "--timeout", "20"]]
    try:
        end = wine.wait_for_call("end")
    except AssertionError as exc:  # seen twice under load: say which side of the handshake failed
        raise AssertionError(
            f"{exc}; the upgrade took {took:.1f} s (the app ended after APP_EXIT_TIMEOUT_MS = "
            f"15 s if the quit never reached it), the app's exit code {code}"
        ) from None
    assert end["quit_requested"] is True, "the app was ended, not asked"
    _assert_installed(wine, instdir, "HKCU")


def test_a_per_machine_uninstall_reaches_every_profile(wine: Wine, installers: Installers) -> None:
    # A second account, as Windows records it, with NeWork data in its profile.
    sid = "S-1-5-21-1111111111-2222222222-3333333333-1001"
    other = r"C:\users\other"
    added = wine.run(
        "reg", "add", rf"{PROFILE_LIST}\{sid}", "/v", "ProfileImagePath", "/t", "REG_EXPAND_SZ",
        "/d", other, "/f",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    (wine.host(other) / "AppData" / "Local" / "NTTCom" / "NeWork").mkdir(parents=True)
    wine.install(installers.default, "/AllUsers")
    instdir = wine.per_machine_dir

    result = wine.run(rf"{instdir}\uninstall.exe", "/S", f"_?={instdir}", env=wine.recorder_env())
    assert result.returncode == 0, result.stderr

    calls = wine.cleanup_calls()
    assert [c["argv"] for c in calls] == [CLEANUP_ARGV, CLEANUP_ARGV], calls
    assert calls[0]["local_appdata"] == ""  # the uninstalling user: the normal folders
    assert calls[1]["local_appdata"] == rf"{other}\AppData\Local"
    log = wine.log_lines()
    assert (
        f"running for profile {other}: " + rf'"{instdir}\NeWork.exe" uninstall-cleanup --yes' in log
    )
    assert "profile cleanup exit code: 0" in log
    # What only that user can delete: once, at the next logon (Active Setup).
    stub = wine.run("reg", "query", ACTIVE_SETUP, "/v", "StubPath")
    assert stub.returncode == 0, stub.stderr
    assert "powershell.exe" in stub.stdout and "logon-cleanup.ps1" in stub.stdout
    script = wine.host(r"C:\ProgramData\NeWork\logon-cleanup.ps1")
    assert script.read_bytes() == (INSTALLER / "windows" / "logon-cleanup.ps1").read_bytes()
    done = wine.run("reg", "query", ACTIVE_SETUP.replace("HKLM", "HKCU", 1), "/v", "Version")
    assert done.returncode == 0, "the uninstalling user must not be cleaned again"

    # Installing per machine again cancels the pending logon cleanup.
    wine.install(installers.default, "/AllUsers")
    assert wine.run("reg", "query", ACTIVE_SETUP).returncode != 0
