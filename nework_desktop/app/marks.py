"""``--startup-timing FILE``: named moments of the start-up, next to the first frame and page load.

:func:`mark` appends ``{"event": "mark:<name>", "t_ns": time.monotonic_ns()}`` to the file
:func:`enable` named (the same lines as :class:`~nework_desktop.app.timing.StartupTiming`), so
the benchmark can say where the time before the first frame goes.  Without the option it does
nothing: no file, no Qt, one global looked at.
"""

from __future__ import annotations

import json
import time

__all__ = ["enable", "mark", "write_event"]

_path: str | None = None


def enable(path: str) -> None:
    """Write marks to ``path`` from now on (only with ``--startup-timing``)."""
    global _path  # noqa: PLW0603 - one switch for the whole process, set once by the bootstrap
    _path = path


def mark(name: str) -> None:
    """Record that the start-up reached ``name`` (nothing without ``--startup-timing``)."""
    if _path is not None:
        write_event(_path, f"mark:{name}", time.monotonic_ns())


def write_event(path: str, event: str, t_ns: int, **extra: object) -> None:
    """Append one timing line to ``path`` (the marks', the first frame's, the page load's)."""
    line = json.dumps({"event": event, "t_ns": t_ns, **extra})
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
