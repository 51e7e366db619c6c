"""The command line's output from the windowed Windows app (``NeWork.exe status``).

``NeWork.exe`` is a GUI-subsystem program: started from a console it gets no standard streams,
and Python sets ``sys.stdout``/``sys.stderr`` to None, so ``status --json`` or an error line
would go nowhere.  :func:`attach_parent_console` attaches to the console of the program that
started it (cmd.exe, PowerShell) and writes there.  Started with pipes (the QA tool, the
installer, PowerShell's ``| Out-String``), the streams exist and nothing changes; started from
Explorer there is no console to attach to, and nothing changes either.

Untested here: it needs Windows (this machine runs the POSIX branch only).
"""

from __future__ import annotations

import sys

__all__ = ["attach_parent_console"]

_ATTACH_PARENT_PROCESS = 0xFFFFFFFF  # (DWORD)-1


def attach_parent_console() -> bool:
    """Give a missing stdout/stderr the parent's console; True if it did."""
    if sys.stdout is not None and sys.stderr is not None:
        return False
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    if not kernel32.AttachConsole(_ATTACH_PARENT_PROCESS):
        return False  # no parent console (started from Explorer, a service, ...)
    attached = False
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            try:
                # Open for the rest of the process: it is the stream.
                stream = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
                setattr(sys, name, stream)
                attached = True
            except OSError:
                pass
    return attached
