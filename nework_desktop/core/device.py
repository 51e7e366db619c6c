"""The random per-install device ID (policy Art. 2-1: "device identifiers").

The policy lists "端末識別 ID" among the items the app collects.  On the desktop this is a random
UUID (version 4) made once per installation -- never a hardware serial, a MAC address, a machine
GUID or anything else derived from the computer -- so it identifies this installation and nothing
else, and it disappears with the local data (``<data>/device-id`` is inside an owned root: the
uninstall wipe and "Delete all local data" remove it, and the next consent makes a new one).

It is created lazily, only after consent (``device_id(paths, create=True)``, called by the
bootstrap once consent is on record); reading (``create=False``, the default) never creates
anything.  The privacy center shows it, and the data export uses it as ``piiPrincipalId``.

No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import threading
import uuid
from pathlib import Path
from typing import Final

from nework_desktop.core.paths import AppPaths

__all__ = ["DEVICE_ID_NAME", "device_id", "device_id_path"]

log = logging.getLogger("nework.device")

DEVICE_ID_NAME: Final = "device-id"
#: The file is one UUID and a newline; anything much longer is not ours.
_MAX_BYTES: Final = 128

_lock = threading.Lock()


def device_id_path(paths: AppPaths) -> Path:
    """Where the device ID lives (the file may not exist)."""
    return paths.data / DEVICE_ID_NAME


def _parse(text: str) -> str | None:
    """The canonical form of a version-4 UUID, or None if ``text`` is not one."""
    try:
        value = uuid.UUID(text.strip())
    except ValueError:
        return None
    if value.version != 4 or value.variant != uuid.RFC_4122:
        return None
    return str(value)


def _read(path: Path) -> str | None:
    try:
        if path.is_symlink() or not path.is_file():
            return None
        with path.open("rb") as fh:
            data = fh.read(_MAX_BYTES + 1)
    except OSError as exc:
        log.warning("device ID unreadable (%s)", type(exc).__name__)
        return None
    if len(data) > _MAX_BYTES:
        return None
    try:
        return _parse(data.decode("ascii"))
    except UnicodeDecodeError:
        return None


def _write(paths: AppPaths, value: str) -> None:
    folder = paths.ensure("data")
    target = folder / DEVICE_ID_NAME
    tmp = folder / f".{DEVICE_ID_NAME}.{secrets.token_hex(8)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(f"{value}\n".encode("ascii"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def device_id(paths: AppPaths, create: bool = False) -> str | None:
    """This installation's random device ID.

    With ``create=False`` (the default) it is only read: None if there is none yet (or the file
    is damaged), and nothing is written.  With ``create=True`` -- only once consent is on record
    -- a missing or damaged ID is replaced by a new random one, which is returned.
    """
    path = device_id_path(paths)
    with _lock:
        current = _read(path)
        if current is not None or not create:
            return current
        value = str(uuid.uuid4())
        _write(paths, value)
        log.info("device ID created (a random per-install ID, not a hardware ID)")
        return value
