"""How a command ends: :class:`CliError` (one line on stderr) and the documented exit codes.

========  ==========================================================================
code      meaning
========  ==========================================================================
0         done (``uninstall-cleanup``: nothing of ours remains; ``quit-running``: no NeWork
          runs any more; also when the reader of the output went away, e.g.
          ``status --json | head -1``)
1         ``uninstall-cleanup``: something remains, failed, was refused, or the user said no
2         usage: bad arguments (or ``uninstall-cleanup`` without ``--yes`` and no terminal)
3         the privacy policy shipped with the app is unreadable
4         the consent record is corrupt (``status``; the app itself sets it aside)
5         the app's folders cannot be computed, created or written (a root is a file, the disk
          is read-only or full); nothing that was asked for is recorded
6         ``quit-running``: NeWork is still running after ``--timeout``
7         the app cannot show its window: no display (Linux without DISPLAY/WAYLAND_DISPLAY)
8         ``policy fetch``: the service's feed was refused (bad signature, unknown key, expired,
          rolled back, a text that does not match, metadata the loader refuses): logged and
          counted; the last verified policy stands
9         ``policy fetch``: the feed could not be fetched (offline, an error of the service, no
          feed published); nothing changed
10        ``policy fetch``: no consent on record, so nothing was fetched (and nothing written)
70        an unexpected error: a bug (``NEWORK_DEBUG=1`` shows the traceback)
130       interrupted (Ctrl+C)
========  ==========================================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nework_desktop.core.paths import AppPaths
    from nework_desktop.core.policy import Policy

EXIT_OK = 0
EXIT_RESIDUE = 1
EXIT_USAGE = 2
EXIT_POLICY = 3
EXIT_LEDGER = 4
EXIT_PATHS = 5
EXIT_STILL_RUNNING = 6
EXIT_NO_DISPLAY = 7
EXIT_FEED_REFUSED = 8
EXIT_FEED_UNREACHABLE = 9
EXIT_NO_CONSENT = 10
EXIT_UNEXPECTED = 70
EXIT_INTERRUPTED = 130

PROG = "nework-desktop"


class CliError(Exception):
    """An error that ends a command with one line and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def open_paths(basedir: str | None) -> AppPaths:
    """The app's folders for this run, or :class:`CliError` (exit 5)."""
    from nework_desktop.core.paths import AppPaths, PathsError

    try:
        return AppPaths.from_environment(basedir)
    except PathsError as exc:
        raise CliError(f"cannot compute the app's folders: {exc}", EXIT_PATHS) from exc


def open_policy() -> Policy:
    """The policy shipped with the app (or ``NEWORK_POLICY_DIR``), or :class:`CliError` (3)."""
    from nework_desktop.core import env
    from nework_desktop.core.policy import PolicyError, load_policy

    try:
        return load_policy(env.policy_dir())
    except PolicyError as exc:
        msg = f"the privacy policy shipped with the app is unreadable: {exc}"
        raise CliError(msg, EXIT_POLICY) from exc
