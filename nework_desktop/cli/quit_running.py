"""``nework-desktop quit-running [--timeout S]``: ask a running NeWork to quit, and wait.

The Windows installer runs it before an upgrade replaces the program's files: the running app
gets the single-instance ``quit`` request (the same handshake ``uninstall-cleanup`` uses), closes
its windows and its log, and exits.  Window-less: only QtCore/QtNetwork, to talk to the instance.

Exit codes: 0 no NeWork was running, or it quit in time; 6 it is still running after the
timeout (the caller decides what then); 5 the app's folders cannot be computed.
"""

from __future__ import annotations

import argparse
import sys

from nework_desktop import APP_NAME
from nework_desktop.cli.errors import EXIT_OK, EXIT_STILL_RUNNING, PROG, open_paths


def run(args: argparse.Namespace) -> int:
    paths = open_paths(getattr(args, "basedir", None))
    from nework_desktop.cli.uninstall_cleanup import ask_running_to_quit, wait_for_exit

    instance = ask_running_to_quit(paths)
    if not instance.was_running:
        print(f"no {APP_NAME} is running")
        return EXIT_OK
    who = f"{APP_NAME} (pid {instance.pid or 'unknown'})"
    if wait_for_exit(paths, instance.pid, timeout=args.timeout):
        print(f"{who} has quit")
        return EXIT_OK
    print(f"{PROG}: {who} is still running after {args.timeout:g} s", file=sys.stderr)
    return EXIT_STILL_RUNNING
