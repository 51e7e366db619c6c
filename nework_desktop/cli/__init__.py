"""Command line entry point: decides between the GUI and a window-less command.

Window-less commands (``--version``, ``status``, ``policy fetch``, ``uninstall-cleanup``,
``quit-running``) never import QtWidgets or QtWebEngine (``status`` and ``policy fetch`` import
no Qt at all) and never write before consent.
Every error they meet ends as one clear line on stderr and a documented exit code
(:mod:`nework_desktop.cli.errors`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from nework_desktop.cli.console import attach_parent_console
from nework_desktop.cli.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNEXPECTED,
    PROG,
    CliError,
)
from nework_desktop.core import env

if TYPE_CHECKING:
    import argparse

__all__ = ["CliError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """:func:`nework_desktop.cli.parser.build_parser` (argparse is imported only when needed)."""
    from nework_desktop.cli.parser import build_parser as build

    return build()


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    attach_parent_console()  # the windowed NeWork.exe started from a console (no-op elsewhere)
    from nework_desktop.cli import status as status_cmd

    plain = status_cmd.parse_fast(sys.argv[1:] if argv is None else argv)
    if plain is not None:  # ``status [--json] [--basedir DIR]``: no argparse (benchmark P5)
        return _guarded(lambda: status_cmd.run(*plain))
    args = build_parser().parse_args(argv)
    return _guarded(lambda: _dispatch(args))


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "status":
        from nework_desktop.cli import status

        return status.run(args.basedir, args.json)
    if args.command == "policy":
        from nework_desktop.cli import policy

        return policy.run(args.basedir, args.json)
    from nework_desktop.qtcompat import protect_singletons

    protect_singletons()  # before the first PySide6 call
    if args.command == "uninstall-cleanup":
        from nework_desktop.cli import uninstall_cleanup

        return uninstall_cleanup.run(args)
    if args.command == "quit-running":
        from nework_desktop.cli import quit_running

        return quit_running.run(args)
    from nework_desktop.app import run

    return run(args)


def _guarded(command: Callable[[], int]) -> int:
    """Run ``command``; every error ends as one line on stderr and its exit code."""
    try:
        return command()
    except CliError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:
        # The reader went away (``status --json | head -1``): what it wanted, it has.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        if env.debug():
            raise
        print(f"{PROG}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_UNEXPECTED
