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

import time

import pytest

from tests.installer.winebox import (
    EXIT_CLEANUP_FAILED,
    EXIT_STOPPED,
    Installers,
    Wine,
    _assert_installed,
    _assert_recorder_called_for_cleanup,
    _left_in,
)

pytestmark = [pytest.mark.wine, pytest.mark.timeout(300)]


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
