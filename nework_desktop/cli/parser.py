"""The command line: every option and sub-command, and nothing else (no Qt, no I/O)."""

from __future__ import annotations

import argparse
from typing import NoReturn

from nework_desktop import APP_NAME, __version__
from nework_desktop.cli.errors import EXIT_USAGE, PROG


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: {message} (see '{PROG} --help')\n")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--basedir",
        metavar="DIR",
        default=default,
        help="keep every file of the app under DIR (also: NEWORK_BASEDIR)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=f"{APP_NAME} Desktop: the NeWork client for Windows and macOS.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} Desktop {__version__}")
    _common(parser, top=True)
    parser.add_argument(
        "--locale", choices=("ja", "en"), default=None, help="UI language (default: the OS's)"
    )
    parser.add_argument("--debug", action="store_true", help="verbose logging")
    parser.add_argument(
        "--automate",
        metavar="STEPS",
        default=None,
        # QA and tests only: comma-separated steps run without a person, e.g.
        # "accept-consent,quit" (see nework_desktop.app.automation and docs/qa.md).
        help=argparse.SUPPRESS,
    )
    parser.add_argument(
        "--startup-timing",
        metavar="FILE",
        default=None,
        # Benchmarks only (tests/bench): append "first-frame" / "page-loaded" events as JSON
        # lines with time.monotonic_ns() to FILE (see nework_desktop.app.timing).
        help=argparse.SUPPRESS,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    status = sub.add_parser("status", help="show where the app keeps data and the consent state")
    _common(status, top=False)
    status.add_argument("--json", action="store_true", help="machine-readable output")
    wipe = sub.add_parser(
        "uninstall-cleanup", help="delete all of the app's data on this device (uninstall)"
    )
    _common(wipe, top=False)
    wipe.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    wipe.add_argument("--dry-run", action="store_true", help="list what would go; delete nothing")
    wipe.add_argument("--json", action="store_true", help="machine-readable report")
    quit_cmd = sub.add_parser(
        "quit-running", help="ask a running NeWork to quit and wait for it (installer upgrades)"
    )
    _common(quit_cmd, top=False)
    quit_cmd.add_argument(
        "--timeout",
        type=_seconds,
        default=20.0,
        metavar="S",
        help="how long to wait for it, in seconds (default 20)",
    )
    return parser


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number <= 3600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600")
    return number
