"""``nework-desktop uninstall-cleanup``: the uninstall wipe as a window-less command.

The Windows uninstaller's hook and the macOS uninstall script run it; the GUI's "Delete all local
data…" action runs the same :func:`core.wipe.wipe` (without the instance handshake, since the
caller is the instance).

Order: confirm (``--yes``, or a question on a terminal) → ask a running NeWork to quit over the
single-instance channel and wait until its process is gone (so it writes nothing after the wipe;
if it does not exit in time nothing is deleted) → :func:`core.wipe.wipe` → report.

Exit codes: 0 nothing of ours remains; 1 something remains, failed or was refused (also: the
running app did not quit, the user answered no); 2 usage (no ``--yes`` and no terminal to ask);
5 the app's folders cannot be computed.  Never imports QtWidgets or QtWebEngine: only QtCore and
QtNetwork, and only to talk to a running instance.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from nework_desktop import APP_NAME
from nework_desktop.cli.errors import (
    EXIT_OK,
    EXIT_RESIDUE,
    EXIT_USAGE,
    PROG,
    open_paths,
)
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.wipe import (
    InstanceInfo,
    Problem,
    WipePlan,
    WipeReport,
    plan,
    wipe,
)

#: How long a running app gets to quit before the wipe gives up (seconds).
QUIT_TIMEOUT_S = 20.0
_POLL_S = 0.1


def run(args: argparse.Namespace) -> int:
    """Run ``uninstall-cleanup``; returns the exit code."""
    paths = open_paths(getattr(args, "basedir", None))
    the_plan = plan(paths)
    dry_run = bool(args.dry_run)
    if not dry_run and not args.yes:
        if not _interactive():
            print(
                f"{PROG}: uninstall-cleanup deletes all of {APP_NAME}'s data on this device; "
                "there is no terminal to ask, so confirm with --yes",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if not _confirm(the_plan, sys.stderr, sys.stdin):
            print(f"{PROG}: cancelled, nothing was deleted", file=sys.stderr)
            return EXIT_RESIDUE

    instance = InstanceInfo()
    if not dry_run:
        instance = ask_running_to_quit(paths)
        if instance.was_running and not wait_for_exit(paths, instance.pid):
            report = _not_run(paths, the_plan, instance)
            _emit(report, args.json)
            return EXIT_RESIDUE

    from nework_desktop.core import secrets

    backend = secrets.system_backend() if the_plan.keyring else None
    progress = _TerminalProgress(sys.stderr) if _is_tty(sys.stderr) else None
    try:
        # The plan shown (or printed) is the plan that runs -- unless the app was running and
        # wrote on its way out: then the wipe plans again, under its lock.
        confirmed = None if instance.was_running else the_plan
        report = wipe(
            paths, backend=backend, dry_run=dry_run, progress=progress, the_plan=confirmed
        )
    finally:
        if progress is not None:
            progress.clear()
    report.instance = instance
    _emit(report, args.json)
    return EXIT_OK if report.ok else EXIT_RESIDUE


# -- confirmation -----------------------------------------------------------------------------


def _is_tty(stream: TextIO | None) -> bool:
    """A terminal?  (A windowed Windows build has no standard streams at all: None.)"""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _interactive() -> bool:
    return _is_tty(sys.stdin)


def _confirm(the_plan: WipePlan, out: TextIO, answer: TextIO) -> bool:
    print(f"This deletes all of {APP_NAME}'s data on this device:", file=out)
    for r in the_plan.roots:
        note = "" if r.action == "delete" else f"  (kept: {r.reason})"
        print(f"  {r.path}{note}", file=out)
    if the_plan.keyring:
        print(f"  {len(the_plan.keyring)} entries in the OS keyring", file=out)
    if not the_plan.roots and not the_plan.keyring:
        print("  (no folders of the app exist)", file=out)
    print("Continue? [y/N] ", end="", file=out, flush=True)
    reply = answer.readline().strip().lower()
    return reply in ("y", "yes")


# -- the running instance ---------------------------------------------------------------------


def ask_running_to_quit(paths: AppPaths) -> InstanceInfo:
    """Ask a running NeWork (same roots) to quit; returns whether one answered, and its PID."""
    try:
        from nework_desktop.app.instance import send_command
    except ImportError as exc:  # Qt missing: the app cannot be running either
        print(f"{PROG}: note: cannot check for a running {APP_NAME} ({exc})", file=sys.stderr)
        return InstanceInfo()
    pid = send_command(paths, "quit")
    if pid is None:
        return InstanceInfo()
    return InstanceInfo(was_running=True, pid=pid or None)


def wait_for_exit(paths: AppPaths, pid: int | None, timeout: float | None = None) -> bool:
    """Wait until the app's process is gone (or, PID unknown, its channel closes)."""
    deadline = time.monotonic() + (QUIT_TIMEOUT_S if timeout is None else timeout)
    while True:
        if pid is not None:
            if not _pid_alive(pid):
                return True
        else:
            from nework_desktop.app.instance import send_command

            if send_command(paths, "quit", timeout_ms=500) is None:
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(_POLL_S)


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - only on real Windows
        import ctypes

        synchronize, wait_timeout, access_denied = 0x00100000, 0x102, 5
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(synchronize, False, pid)
        if not handle:
            return bool(kernel32.GetLastError() == access_denied)
        try:
            return bool(kernel32.WaitForSingleObject(handle, 0) == wait_timeout)
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A process that has exited but not been reaped by its parent (Linux /proc only)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    state = text.rpartition(")")[2].split()
    return bool(state) and state[0] in ("Z", "X")


def _not_run(paths: AppPaths, the_plan: WipePlan, instance: InstanceInfo) -> WipeReport:
    """The report when the wipe did not run because the app would not quit."""
    report = WipeReport(layout=paths.layout, dry_run=False, instance=instance)
    reason = f"{APP_NAME} is still running after {QUIT_TIMEOUT_S:g} s: nothing was deleted"
    report.failed.append(Problem(f"pid {instance.pid}" if instance.pid else "instance", reason))
    report.residue.extend(str(r.path) for r in the_plan.roots)
    report.residue.extend(f"keyring:{k.service}/{k.name}" for k in the_plan.keyring)
    return report


# -- output -----------------------------------------------------------------------------------


class _TerminalProgress:
    """One updating line on a terminal, at most ten times a second."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int | None, current: str) -> None:
        now = time.monotonic()
        if now - self._last < 0.1 and total is None:
            return
        self._last = now
        count = f"{done:,}/{total:,}" if total is not None else f"{done:,}"
        self._out.write(f"\r\x1b[Kdeleting… {count} files")
        self._out.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self._out.write("\r\x1b[K")
            self._out.flush()


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"  # pragma: no cover


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _emit(report: WipeReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return
    r = report.removed
    verb = "would delete" if report.dry_run else "deleted"
    print(
        f"{APP_NAME} Desktop: {verb} {_n(len(r.roots), 'folder')} ({_n(r.files, 'file')}, "
        f"{_size(r.bytes)}), {_n(r.keyring_entries, 'keyring entry', 'keyring entries')}, "
        f"{_n(r.shared_store_traces, 'shared-settings entry', 'shared-settings entries')}"
    )
    for root in r.roots:
        print(f"  {root}")
    for parent in r.parents:
        print(f"  {parent} (empty parent folder)")
    if report.instance.was_running:
        print(f"the running app (pid {report.instance.pid}) was closed first")
    for p in report.refused:
        print(f"kept: {p.path}: {p.reason}")
    for p in report.failed:
        print(f"failed: {p.path}: {p.reason}")
    for left in report.residue:
        print(f"remains: {left}")
    if report.ok:
        print("nothing of the app remains on this device" if not report.dry_run else "ok")
    else:
        print("some data of the app remains: see above; run the command again once fixed")
