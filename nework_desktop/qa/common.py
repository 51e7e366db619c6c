"""Shared pieces of ``nework-qa``: exit codes, the one-line error, progress, safe output.

Exit codes (the same for every sub-command):

* 0 -- done, nothing that fails the check;
* 1 -- residue: something the check fails on remains (``diff``: an ``ours`` entry; ``lifecycle``:
  anything at all);
* 2 -- usage: bad arguments, or an input that cannot be used as given (a snapshot file that is
  missing, unreadable or corrupt; a lifecycle home that is not empty);
* 3 -- environment: the machine or the app failed (the app command is not found, it crashed or
  timed out, its folders are not inside the sandbox, an output file cannot be written);
* 70 -- a bug in ``nework-qa`` itself (``NEWORK_DEBUG=1`` shows the traceback);
* 130 -- interrupted.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import TextIO

from nework_desktop.core import storage

PROG = "nework-qa"

EXIT_OK = 0
EXIT_RESIDUE = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_BUG = 70
EXIT_INTERRUPTED = 130


class QAError(Exception):
    """An error that ends the command with one line on stderr and ``code``."""

    def __init__(self, message: str, code: int = EXIT_ENVIRONMENT) -> None:
        super().__init__(message)
        self.code = code


def describe(exc: OSError) -> str:
    """An OS error in a few words (``Permission denied``), for reports and error lines."""
    return exc.strerror or type(exc).__name__


def safe_text(text: str) -> str:
    """``text`` with lone surrogates (undecodable file names) as ``\\udcxx`` escapes.

    Such names come from :func:`os.fsdecode`; UTF-8 cannot encode them, JSON can escape them.
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def encode_output(text: str) -> bytes:
    """UTF-8 bytes for a file or stdout; a lone surrogate becomes a ``\\udcxx`` escape.

    Inside a JSON string that escape is valid JSON and reads back as the same name.
    """
    return text.encode("utf-8", "backslashreplace")


def emit(text: str, stream: TextIO | None = None) -> None:
    """Write ``text`` (plus a newline) to stdout as UTF-8, whatever the console's code page."""
    out = stream or sys.stdout
    data = encode_output(text if text.endswith("\n") else text + "\n")
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
        buffer.flush()
    else:
        out.write(data.decode("utf-8"))
        out.flush()


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` (UTF-8) through a temporary file and a rename.

    Raises :class:`QAError` (environment) when the file cannot be written.
    """
    target = Path(os.path.abspath(os.fspath(path)))
    if target.is_dir():
        raise QAError(f"cannot write {target}: it is a folder")
    folder = target.parent
    if not folder.is_dir():
        raise QAError(f"cannot write {target}: the folder {folder} does not exist")
    try:
        storage.atomic_write(target, encode_output(text))
    except OSError as exc:
        raise QAError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target


class Progress:
    """One self-overwriting status line on stderr, only when stderr is a terminal.

    ``update`` is throttled; ``note`` prints a permanent line (also only on a terminal): progress
    is decoration, everything that matters goes to the report.
    """

    def __init__(
        self, stream: TextIO | None = None, *, enabled: bool | None = None, interval: float = 0.2
    ) -> None:
        self._stream = stream or sys.stderr
        if enabled is None:
            isatty = getattr(self._stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self._interval = interval
        self._last = 0.0
        self._width = 0

    def update(self, text: str, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self._interval:
            return
        self._last = now
        line = _one_line(text)
        pad = max(0, self._width - len(line))
        self._stream.write("\r" + line + " " * pad)
        self._stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        if self.enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0

    def note(self, text: str) -> None:
        if not self.enabled:
            return
        self.clear()
        self._stream.write(safe_text(text) + "\n")
        self._stream.flush()


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _one_line(text: str, limit: int = 110) -> str:
    text = _CONTROL.sub("?", safe_text(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"
