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

import logging
import threading
import uuid
from pathlib import Path
from typing import Final

from nework_desktop.core import storage
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
        data = storage.read_bytes(path, limit=_MAX_BYTES)
    except (OSError, storage.FileDamaged) as exc:
        log.warning("device ID unreadable (%s)", exc)
        return None
    if data is None:
        return None
    try:
        return _parse(data.decode("ascii"))
    except UnicodeDecodeError:
        return None


def _write(paths: AppPaths, value: str) -> None:
    folder = paths.ensure("data")
    storage.atomic_write(folder / DEVICE_ID_NAME, f"{value}\n".encode("ascii"))


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
