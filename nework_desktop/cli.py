"""Command line entry point: decides between the GUI and a window-less command.

Window-less commands (``--version``, ``status``) import no Qt at all and never write to disk.
Every error they meet ends as one clear line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from nework_desktop import APP_NAME, __version__

PROG = "nework-desktop"
ENV_POLICY_DIR = "NEWORK_POLICY_DIR"

EXIT_USAGE = 2
EXIT_POLICY = 3
EXIT_LEDGER = 4
EXIT_PATHS = 5
EXIT_UNEXPECTED = 70


class CliError(Exception):
    """An error that ends a command with one line and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


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
        # "accept-consent,quit" (see nework_desktop.app.AUTOMATION_STEPS).
        help=argparse.SUPPRESS,
    )
    parser.add_argument(
        "--startup-timing",
        metavar="FILE",
        default=None,
        # Benchmarks only (tests/bench): append "first-frame" / "page-loaded" events as JSON
        # lines with time.monotonic_ns() to FILE (see nework_desktop.app.StartupTiming).
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
    return parser


def policy_root() -> Path | None:
    """The policy folder override (``NEWORK_POLICY_DIR``, development and tests), else None."""
    value = os.environ.get(ENV_POLICY_DIR)
    return Path(value) if value else None


def status_report(basedir: str | None) -> dict[str, object]:
    """The facts ``status`` prints; reads only, creates nothing."""
    from nework_desktop.core.consent import ConsentLedger, LedgerCorrupt
    from nework_desktop.core.decision import status_name
    from nework_desktop.core.paths import AppPaths, PathsError
    from nework_desktop.core.policy import PolicyError, load_policy

    try:
        paths = AppPaths.from_environment(basedir)
    except PathsError as exc:
        raise CliError(f"cannot compute the app's folders: {exc}", EXIT_PATHS) from exc
    try:
        policy = load_policy(policy_root())
    except PolicyError as exc:
        msg = f"the privacy policy shipped with the app is unreadable: {exc}"
        raise CliError(msg, EXIT_POLICY) from exc
    try:
        state = ConsentLedger(paths).read()
    except LedgerCorrupt as exc:
        raise CliError(
            f"the consent record is corrupt ({exc}); the app will set it aside and ask for "
            "consent again at its next start",
            EXIT_LEDGER,
        ) from exc
    last = state.last_accepted
    return {
        "version": __version__,
        "layout": paths.layout,
        "paths": paths.as_dict(),
        "consent": {
            "state": status_name(state, policy),
            "policy_version": last.policy_version if last else None,
            "current_policy_version": policy.version,
            "accepted_at": last.recorded_at if last else None,
            "modules": dict(last.modules) if last else {},
        },
    }


def _print_status(report: dict[str, object], as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    consent = report["consent"]
    paths = report["paths"]
    assert isinstance(consent, dict) and isinstance(paths, dict)
    print(f"{APP_NAME} Desktop {report['version']} ({report['layout']} layout)")
    print(f"consent: {consent['state']}", end="")
    if consent["policy_version"]:
        print(f" (policy {consent['policy_version']}, {consent['accepted_at']})", end="")
    print()
    for role, path in paths.items():
        print(f"  {role:<12} {path}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "status":
            _print_status(status_report(args.basedir), args.json)
            return 0
        from nework_desktop.qtcompat import protect_singletons

        protect_singletons()  # before the first PySide6 call
        if args.command == "uninstall-cleanup":
            from nework_desktop.cleanup_cmd import run as run_cleanup

            return run_cleanup(args)
        from nework_desktop.app import run

        return run(args)
    except CliError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("NEWORK_DEBUG"):
            raise
        print(f"{PROG}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_UNEXPECTED
