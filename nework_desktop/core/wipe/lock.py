"""One wipe at a time: an OS lock that leaves no file behind.

Two wipes of the same roots at once (the uninstaller and the app's own "Delete all local data",
or a QA script started twice) would race on every file and both report failures.  The lock:

* **POSIX**: ``flock`` on the nearest existing folder above the data root (a folder, so no lock
  file is made; the lock dies with the process, so a killed wipe never blocks the next);
* **Windows**: a named mutex ``Local\\NeWork-wipe-<hash of the data root>`` (a kernel object,
  gone when the last handle closes).

:func:`wipe_lock` waits up to ``timeout`` seconds for another wipe to finish (the second wipe
then finds nothing left, which is success) and raises :class:`WipeBusy` after that.  No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from nework_desktop.core.digest import sha256_hex

__all__ = ["LOCK_TIMEOUT_S", "WipeBusy", "lock_target", "wipe_lock"]

#: How long a wipe waits for another one of the same roots.
LOCK_TIMEOUT_S: Final = 120.0
_POLL_S: Final = 0.05


class WipeBusy(Exception):
    """Another wipe of the same roots is still running."""


def lock_target(data_root: Path) -> Path:
    """The folder whose lock stands for the wipe of ``data_root``: its nearest existing ancestor."""
    for candidate in data_root.parents:
        if candidate.is_dir():
            return candidate
    return Path(data_root.anchor or "/")


@contextlib.contextmanager
def _posix_lock(folder: Path, timeout: float) -> Iterator[None]:
    import fcntl

    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WipeBusy("another wipe of these folders is still running") from None
                time.sleep(_POLL_S)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _windows_lock(name: str, timeout: float) -> Iterator[None]:  # pragma: no cover - Windows
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.CreateMutexW(None, False, name)
    if not handle:
        raise OSError(ctypes.GetLastError(), "CreateMutexW failed")  # type: ignore[attr-defined]
    try:
        wait_object_0, wait_abandoned = 0x0, 0x80
        result = kernel32.WaitForSingleObject(handle, int(timeout * 1000))
        if result not in (wait_object_0, wait_abandoned):
            raise WipeBusy("another wipe of these folders is still running")
        try:
            yield
        finally:
            kernel32.ReleaseMutex(handle)
    finally:
        kernel32.CloseHandle(handle)


@contextlib.contextmanager
def wipe_lock(data_root: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the wipe lock of ``data_root`` (see the module docstring)."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        digest = sha256_hex(os.path.normcase(str(data_root)).encode("utf-8"))
        with _windows_lock(f"Local\\NeWork-wipe-{digest[:32]}", timeout):
            yield
        return
    with _posix_lock(lock_target(data_root), timeout):
        yield
