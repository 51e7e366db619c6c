"""The walk by path: Windows (no ``dir_fd``), or a POSIX without descriptor-relative calls.

Long paths (``\\\\?\\``) lift ``MAX_PATH``; every reparse point (symlink, junction, mount
point) counts as a link and is removed itself, never followed.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nework_desktop.core.paths import MARKER_NAME
from nework_desktop.core.wipe.safety import is_link
from nework_desktop.core.wipe.walk import (
    MOUNTED,
    Bounds,
    Tally,
    long_path,
    remove_folder,
    remove_root,
)

_FILE_ATTRIBUTE_READONLY = 0x1
_FILE_ATTRIBUTE_DIRECTORY = 0x10


@dataclass
class _PDir:
    names: list[str]
    parts: tuple[str, ...]
    path: str
    pos: int = 0
    clean: bool = True


def walk_paths(root: Path, bounds: Bounds, dry_run: bool, tally: Tally) -> bool:
    """Delete ``root`` by (long) path: Windows, or a POSIX without ``dir_fd`` support."""
    base = long_path(str(root))
    keep = bounds.keep
    try:
        if not dry_run:
            make_writable(base, os.lstat(base))
        stack = [_PDir(os.listdir(base), (), base)]
    except FileNotFoundError:
        return True  # already gone
    except OSError as exc:
        tally.fail(root, (), exc)
        return False
    while True:
        top = stack[-1]
        if top.pos < len(top.names):
            name = top.names[top.pos]
            top.pos += 1
            parts = (*top.parts, name)
            if not top.parts and name == MARKER_NAME:
                continue  # the marker goes last
            if parts in keep:
                top.clean = False
                continue
            path = os.path.join(top.path, name)
            try:
                est = os.lstat(path)
            except FileNotFoundError:
                continue
            except OSError as exc:
                tally.fail(root, parts, exc)
                top.clean = False
                continue
            if is_link(est):
                if remove_entry(
                    path, est, top.path, dry_run=dry_run, root=root, parts=parts, tally=tally
                ):
                    tally.add_link()
                    tally.tick(str(root))
                else:
                    top.clean = False
                continue
            if stat.S_ISDIR(est.st_mode):
                if os.name == "posix" and bounds.crossing(parts, est):
                    tally.fail(root, parts, MOUNTED)
                    top.clean = False
                    continue
                try:
                    if not dry_run:
                        make_writable(path, est)
                    names = os.listdir(path)
                except FileNotFoundError:
                    continue  # removed meanwhile
                except OSError as exc:
                    if dry_run:
                        tally.removed.dirs += 1
                    else:
                        tally.fail(root, parts, exc)
                        top.clean = False
                    continue
                stack.append(_PDir(names, parts, path))
                continue
            if remove_entry(
                path, est, top.path, dry_run=dry_run, root=root, parts=parts, tally=tally
            ):
                tally.add(est.st_mode, est.st_size, root)
            else:
                top.clean = False
            continue
        if len(stack) == 1:
            break
        stack.pop()
        parent = stack[-1]
        if not top.clean:
            parent.clean = False
            continue
        if not remove_folder(functools.partial(os.rmdir, top.path), dry_run, tally, root, top):
            parent.clean = False
    if not stack[0].clean:
        return False
    marker = os.path.join(base, MARKER_NAME)
    try:
        mst = os.lstat(marker)
        if remove_entry(
            marker, mst, base, dry_run=dry_run, root=root, parts=(MARKER_NAME,), tally=tally
        ):
            tally.add(mst.st_mode, mst.st_size, root)
        else:
            return False
    except FileNotFoundError:
        pass
    except OSError as exc:
        tally.fail(root, (MARKER_NAME,), exc)
        return False
    return remove_root(root, dry_run, tally)


def remove_entry(
    path: str,
    st: os.stat_result,
    folder: str,
    *,
    dry_run: bool,
    root: Path,
    parts: Sequence[str],
    tally: Tally,
) -> bool:
    """Remove one non-folder entry (a link: the link itself); True if it is gone."""
    if dry_run:
        return True
    attrs = getattr(st, "st_file_attributes", 0)
    for attempt in (1, 2):
        try:
            if is_link(st) and attrs & _FILE_ATTRIBUTE_DIRECTORY:
                os.rmdir(path)  # a directory symlink/junction on Windows: removes the link only
            else:
                os.unlink(path)
            return True
        except FileNotFoundError:
            return True
        except PermissionError as exc:
            if attempt == 2 or is_link(st):
                tally.fail(root, parts, exc)
                return False
            try:
                if os.name == "nt":
                    os.chmod(path, stat.S_IWRITE | stat.S_IREAD)  # clear the read-only attribute
                else:
                    make_writable(folder, os.lstat(folder))
            except OSError:
                pass
        except OSError as exc:
            tally.fail(root, parts, exc)
            return False
    return False  # pragma: no cover - the loop always returns


def make_writable(path: str, st: os.stat_result) -> None:
    """u+rwx on a POSIX folder; clear the read-only attribute on Windows."""
    if os.name == "nt":
        if getattr(st, "st_file_attributes", 0) & _FILE_ATTRIBUTE_READONLY:
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
        return
    mode = stat.S_IMODE(st.st_mode)
    if stat.S_ISDIR(st.st_mode) and mode & 0o700 != 0o700:
        os.chmod(path, mode | 0o700)
