"""Mount points, found by mount identity -- never crossed by the wipe.

``st_dev`` alone cannot see a bind mount of a folder of the same file system (Linux
``mount --bind``, a container's volume): the wipe would walk into it and delete what lies
outside our roots.  So the mount points themselves are listed:

* **Linux**: ``/proc/self/mountinfo`` (field 5 is the mount point, with space, tab, newline and
  backslash octal-escaped); every mount point inside a root, bind mounts included.
* **macOS and other POSIX**: no bind mounts; a folder on another device (``st_dev``) is a mount
  point, and the walk checks ``st_dev`` everywhere anyway.
* **Windows**: volume mount points and junctions are reparse points, which the walk treats as
  links (it removes the link itself, never what it points at); a folder on another volume has
  another ``st_dev`` (the volume serial number).

No Qt here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

__all__ = ["MOUNTINFO", "is_mount_point", "mount_points", "mounts_inside", "parse_mountinfo"]

MOUNTINFO: Final = "/proc/self/mountinfo"
_ESCAPE: Final = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[str]:
    """The mount points listed in ``/proc/<pid>/mountinfo`` text (lines that do not parse are
    skipped)."""
    points: list[str] = []
    for line in text.splitlines():
        fields = line.split(" ")
        if len(fields) < 5 or not fields[4].startswith("/"):
            continue
        points.append(_unescape(fields[4]))
    return points


def mount_points(mountinfo: str = MOUNTINFO) -> list[str] | None:
    """Every mount point of this process's mount namespace, or None where it cannot be listed
    (not Linux, or ``/proc`` is not mounted)."""
    try:
        with open(mountinfo, encoding="utf-8", errors="surrogateescape") as fh:
            return parse_mountinfo(fh.read())
    except OSError:
        return None


def _parts_inside(root: str, points: Iterable[str]) -> frozenset[tuple[str, ...]]:
    prefix = root.rstrip(os.sep) + os.sep
    found: set[tuple[str, ...]] = set()
    for point in points:
        if point.startswith(prefix):
            found.add(tuple(p for p in point[len(prefix) :].split(os.sep) if p))
    return frozenset(found)


def mounts_inside(root: Path, points: Iterable[str] | None = None) -> frozenset[tuple[str, ...]]:
    """The mount points strictly inside ``root``, as path parts relative to it.

    Compared with the root's real path (mountinfo lists real paths), and also with the path as
    given, in case the caller's path is the one the mount table uses.
    """
    listed = list(mount_points() or ()) if points is None else list(points)
    if not listed:
        return frozenset()
    found = set(_parts_inside(os.path.realpath(root), listed))
    found |= _parts_inside(os.path.abspath(root), listed)
    found.discard(())
    return frozenset(found)


def is_mount_point(path: Path, points: Iterable[str] | None = None) -> bool:
    """True if a file system is mounted at ``path`` (by the mount table, or ``os.path.ismount``)."""
    listed = mount_points() if points is None else list(points)
    if listed is not None:
        real = os.path.realpath(path)
        if real in listed or os.path.abspath(path) in listed:
            return True
    try:
        return os.path.ismount(path)
    except OSError:
        return False
