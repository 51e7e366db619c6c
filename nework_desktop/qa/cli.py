"""``nework-qa``: snapshot, diff, lifecycle and refservice for QA engineers (Windows, macOS, Linux).

Every error ends as one line on stderr and an exit code (:mod:`nework_desktop.qa.common`):
1 residue, 2 usage, 3 environment; never a traceback (``NEWORK_DEBUG=1`` shows one for bugs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from nework_desktop import __version__
from nework_desktop.core.paths import LAYOUTS, host_layout
from nework_desktop.qa import junit
from nework_desktop.qa.common import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Progress,
    QAError,
    emit,
    write_atomic,
)
from nework_desktop.qa.ownership import relative
from nework_desktop.qa.refservice import command as refservice


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Check what NeWork Desktop leaves on a machine: snapshot a home, diff two "
        "snapshots, or run the app's whole lifecycle in an empty sandbox home (against the "
        "reference NeWork service, which 'refservice' also runs on its own).",
        epilog="exit codes: 0 ok, 1 residue, 2 usage, 3 environment (the app or the machine "
        "failed), 70 bug in nework-qa",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    snap = sub.add_parser(
        "snapshot",
        help="record every file under a home, the app's keyring entries and registry keys",
        description="Record every file and folder under --home (links are recorded, never "
        "followed), the app's keyring entries (from its secrets index; present/absent only) "
        "and, on Windows, the app's registry keys. JSON on stdout or --out.",
    )
    snap.add_argument("--home", required=True, metavar="DIR", help="the home folder to record")
    snap.add_argument("--out", metavar="FILE", help="write the JSON here instead of stdout")
    snap.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="skip this relative path and what is inside (glob per segment, e.g. "
        "'Library/Mail'); repeatable; diff ignores it in both snapshots",
    )
    snap.add_argument(
        "--keyring-from",
        action="append",
        default=[],
        metavar="SNAPSHOT",
        help="also probe the keyring entries an earlier snapshot listed (after an uninstall "
        "the app's index is gone); repeatable",
    )

    diff = sub.add_parser(
        "diff",
        help="what appeared or changed between two snapshots, classified ours/shared/unknown",
        description="Report everything present in AFTER and not in BEFORE, and changed files, "
        "each classified ours / shared / unknown. Exit 1 if anything of ours remains.",
    )
    diff.add_argument("before", metavar="BEFORE", help="the earlier snapshot")
    diff.add_argument("after", metavar="AFTER", help="the later snapshot")
    _add_report_options(diff)
    diff.add_argument(
        "--strict",
        action="store_true",
        help="shared and unknown entries fail too (exit 1), not only ours",
    )

    life = sub.add_parser(
        "lifecycle",
        help="run the app in an empty sandbox home, wipe, and check nothing is left",
        description="Run the real app (offscreen) in an empty or absent sandbox home: consent, "
        "sign-in, restart, status, uninstall-cleanup, then diff the home and the app's keyring "
        "entries against the start. Everything left is residue. Exit 0 only when nothing is "
        "left.",
    )
    life.add_argument(
        "--layout",
        choices=LAYOUTS,
        default=host_layout(),
        help="the OS layout the app simulates (default: this OS's)",
    )
    life.add_argument("--home", required=True, metavar="DIR", help="empty or absent folder")
    life.add_argument(
        "--no-cleanup",
        action="store_true",
        help="stop before the wipe and show where the app's data is",
    )
    _add_report_options(life)
    life.add_argument(
        "--app",
        metavar="CMD",
        help="the app to run, e.g. an installed build (default: this Python's nework_desktop)",
    )
    life.add_argument(
        "--service-url",
        metavar="URL",
        help="the NeWork test service on this machine the app signs in to (e.g. "
        "http://127.0.0.1:8765 of 'nework-qa refservice'); default: the reference service, "
        "started for the run",
    )
    life.add_argument(
        "--sign-in",
        default="email",
        metavar="HOW",
        help="how the sign-in step signs in: 'email' (default) or 'oauth:PROVIDER' (google, "
        "apple, microsoft, docomo_business) with the test service's OpenID provider standing in "
        "for the provider, through a stand-in browser",
    )
    life.add_argument(
        "--timeout",
        type=_positive,
        default=120.0,
        metavar="SECONDS",
        help="longest one app run may take (default 120)",
    )
    life.add_argument(
        "--visible",
        action="store_true",
        help="show the app's windows (do not force QT_QPA_PLATFORM=offscreen)",
    )

    ref = sub.add_parser(
        "refservice",
        help="run the reference NeWork service and OpenID provider on 127.0.0.1 (Ctrl+C stops)",
        description="Run the reference NeWork service (the stand-in 'lifecycle' starts by "
        "itself) in the foreground on 127.0.0.1, e.g. for 'lifecycle --service-url' or a NeWork "
        "started by hand. It prints every request and every one-time code it sends.",
    )
    refservice.add_arguments(ref)
    return parser


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--junit FILE``, the same for every command that makes a report."""
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--junit", metavar="FILE", help="also write a JUnit XML report")


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return number


def _output(text: str, out: str | None) -> None:
    if out:
        write_atomic(out, text)
    else:
        emit(text)


def cmd_snapshot(args: argparse.Namespace) -> int:
    from nework_desktop.qa.snapshot import load_snapshot, take_snapshot

    probe: list[tuple[str, str]] = []
    for name in args.keyring_from:
        probe.extend(load_snapshot(name).keyring_names())
    home = os.path.abspath(args.home)
    exclude = list(args.exclude)
    if args.out:
        inside = relative(os.path.abspath(args.out), home)
        if inside:
            exclude.append(inside)  # our own output is not the app's doing
    snap = take_snapshot(home, exclude=exclude, probe=probe, progress=Progress())
    _output(snap.dumps(), args.out)
    if args.out:
        summary = f"{len(snap.files)} entries, {len(snap.keyring_entries)} keyring entries"
        Progress().note(f"{PROG}: snapshot of {home} written to {args.out} ({summary})")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from nework_desktop.qa.diff import compute_diff
    from nework_desktop.qa.snapshot import load_snapshot, now_utc

    before = load_snapshot(args.before)
    after = load_snapshot(args.after)
    result = compute_diff(before, after, strict=args.strict)
    if args.junit:
        junit.write(args.junit, "nework-qa diff", result.junit_cases(), timestamp=now_utc())
    if args.json:
        emit(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        emit(result.human())
    return result.exit_code


def cmd_lifecycle(args: argparse.Namespace) -> int:
    from nework_desktop.qa.lifecycle import Options, run_lifecycle

    options = Options(
        layout=args.layout,
        home=Path(args.home),
        app=args.app,
        cleanup=not args.no_cleanup,
        timeout=args.timeout,
        visible=args.visible,
        service_url=args.service_url,
        sign_in=args.sign_in,
    )
    report = run_lifecycle(options, Progress())
    if args.junit:
        suite = f"nework-qa lifecycle ({report.layout})"
        junit.write(args.junit, suite, report.junit_cases(), timestamp=report.started_at)
    if args.json:
        emit(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        emit(report.human())
    if report.fatal:
        raise QAError(f"{report.fatal} (sandbox left for inspection: {report.home})")
    return report.exit_code


def cmd_refservice(args: argparse.Namespace) -> int:
    return refservice.serve(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {
        "snapshot": cmd_snapshot,
        "diff": cmd_diff,
        "lifecycle": cmd_lifecycle,
        "refservice": cmd_refservice,
    }
    handler = handlers.get(args.command or "")
    if handler is None:
        parser.print_usage(sys.stderr)
        print(
            f"{PROG}: a command is needed: snapshot, diff, lifecycle or refservice",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        return handler(args)
    except QAError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # stdout closed early (``| head``): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("NEWORK_DEBUG"):
            raise
        print(
            f"{PROG}: unexpected error: {type(exc).__name__}: {exc} "
            "(a bug in nework-qa; NEWORK_DEBUG=1 shows where)",
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
