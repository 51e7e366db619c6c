"""The POSIX walk: delete a root relative to directory descriptors, never through a link.

Works with ``openat``/``unlinkat``, holding one descriptor at a time and climbing back through
``..`` with an identity check, so neither path length (``PATH_MAX``), depth nor the open-file
limit bounds it, and a folder swapped for a link mid-walk is not followed.  A mount point
(another device, or a mount the mount table lists: bind mounts too) is never entered.  The
ownership marker goes last, and only when everything else in its root is gone.  Something that
is already gone (another wipe, the user) is not a failure.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from nework_desktop.core.paths import MARKER_NAME
from nework_desktop.core.wipe.report import Problem, Progress, Removed
from nework_desktop.core.wipe.safety import reason

PROGRESS_EVERY = 256

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _O_NOFOLLOW | _O_CLOEXEC


class Tally:
    """Counters, failures and throttled progress for one wipe."""

    def __init__(self, progress: Progress | None) -> None:
        self.removed = Removed()
        self.failed: list[Problem] = []
        self._progress = progress
        self.next_tick = PROGRESS_EVERY if progress is not None else sys.maxsize

    @property
    def done(self) -> int:
        r = self.removed
        return r.files + r.links + r.special

    def add(self, mode: int, size: int, root: Path) -> None:
        r = self.removed
        if stat.S_ISREG(mode):
            r.files += 1
            r.bytes += size
        elif stat.S_ISLNK(mode):
            r.links += 1
        else:
            r.special += 1
        if self.done >= self.next_tick:
            self.tick(str(root))

    def add_link(self) -> None:
        self.removed.links += 1

    def tick(self, where: str, *, force: bool = False) -> None:
        if self._progress is None:
            return
        if force or self.done >= self.next_tick:
            self.next_tick = self.done + PROGRESS_EVERY
            self._progress(self.done, None, where)

    def fail(self, root: Path, parts: Sequence[str], exc: OSError | str) -> None:
        why = exc if isinstance(exc, str) else reason(exc)
        self.failed.append(Problem(str(root.joinpath(*parts)), why))


def use_fd_walk() -> bool:
    return (
        os.name == "posix"
        and os.open in os.supports_dir_fd
        and os.unlink in os.supports_dir_fd
        and os.rmdir in os.supports_dir_fd
        and os.stat in os.supports_dir_fd
        and os.listdir in os.supports_fd
    )


@dataclass(frozen=True)
class Bounds:
    """Where the walk of one root must stop: its device, the entries to keep (relative parts),
    and the mount points inside it (relative parts, from :mod:`.mounts`)."""

    device: int
    keep: frozenset[tuple[str, ...]] = frozenset()
    mounts: frozenset[tuple[str, ...]] = frozenset()

    def crossing(self, parts: tuple[str, ...], st: os.stat_result) -> bool:
        """True if the folder at ``parts`` is on another file system (a mount point)."""
        return st.st_dev != self.device or (bool(self.mounts) and parts in self.mounts)


MOUNTED = "another file system is mounted here (not crossed)"


@dataclass
class _Dir:
    names: list[str]
    parts: tuple[str, ...]
    ident: tuple[int, int]
    pos: int = 0
    clean: bool = True


def walk_fd(root: Path, bounds: Bounds, dry_run: bool, tally: Tally) -> bool:
    """Delete ``root`` (POSIX, descriptor-relative); True if the root is gone (or would be)."""
    keep = bounds.keep
    try:
        fd = os.open(root, _DIR_FLAGS)
    except FileNotFoundError:
        return True  # already gone
    except OSError as exc:
        tally.fail(root, (), exc)
        return False
    try:
        st = os.fstat(fd)
        if not dry_run:
            _make_dir_writable_fd(fd, st)
        stack = [_Dir(os.listdir(fd), (), (st.st_dev, st.st_ino))]
    except FileNotFoundError:
        os.close(fd)
        return True
    except OSError as exc:
        os.close(fd)
        tally.fail(root, (), exc)
        return False
    lstat, unlink, is_dir, is_reg = os.stat, os.unlink, stat.S_ISDIR, stat.S_ISREG
    removed = tally.removed
    try:
        while True:
            top = stack[-1]
            names = top.names
            while top.pos < len(names):  # the hot loop: one lstat and one unlink per entry
                name = names[top.pos]
                top.pos += 1
                if not top.parts and name == MARKER_NAME:
                    continue  # the marker goes last
                if keep and (*top.parts, name) in keep:
                    top.clean = False
                    continue
                try:  # one lstat, and for anything but a folder one unlink, one error path
                    est = lstat(name, dir_fd=fd, follow_symlinks=False)
                    if not dry_run and not is_dir(est.st_mode):
                        unlink(name, dir_fd=fd)
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    tally.fail(root, (*top.parts, name), exc)
                    top.clean = False
                    continue
                if is_dir(est.st_mode):
                    parts = (*top.parts, name)
                    child = _enter_fd(
                        root, fd, name, parts=parts, est=est, bounds=bounds, dry_run=dry_run,
                        tally=tally,
                    )  # fmt: skip
                    if child is None:
                        top.clean = False
                        continue
                    if child == "done":
                        continue
                    child_fd, child_names = child
                    os.close(fd)
                    fd = child_fd
                    stack.append(_Dir(child_names, parts, (est.st_dev, est.st_ino)))
                    break
                if is_reg(est.st_mode):
                    removed.files += 1
                    removed.bytes += est.st_size
                    if removed.files >= tally.next_tick:
                        tally.tick(str(root))
                else:
                    tally.add(est.st_mode, 0, root)
            if stack[-1] is not top:
                continue  # descended into a sub-folder
            if len(stack) == 1:
                break
            # This folder is done: climb back through ".." and remove it from its parent.
            stack.pop()
            parent = stack[-1]
            try:
                up = os.open("..", _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                tally.fail(root, parent.parts, exc)
                return False
            try:
                ust = os.fstat(up)
            except OSError as exc:  # pragma: no cover - fstat on an open descriptor
                os.close(up)
                tally.fail(root, parent.parts, exc)
                return False
            if (ust.st_dev, ust.st_ino) != parent.ident:
                os.close(up)
                tally.fail(root, parent.parts, "the folder moved during the wipe")
                return False
            os.close(fd)
            fd = up
            if not top.clean:
                parent.clean = False
                continue
            rmdir = functools.partial(os.rmdir, top.parts[-1], dir_fd=fd)
            if not remove_folder(rmdir, dry_run, tally, root, top):
                parent.clean = False
        if not stack[0].clean:
            return False
        # Everything else is gone: now the marker, then the root itself.
        try:
            mst = os.stat(MARKER_NAME, dir_fd=fd, follow_symlinks=False)
            if not dry_run:
                os.unlink(MARKER_NAME, dir_fd=fd)
            tally.add(mst.st_mode, mst.st_size, root)
        except FileNotFoundError:
            pass
        except OSError as exc:
            tally.fail(root, (MARKER_NAME,), exc)
            return False
    finally:
        os.close(fd)
    return remove_root(root, dry_run, tally)


def _enter_fd(
    root: Path,
    fd: int,
    name: str,
    *,
    parts: tuple[str, ...],
    est: os.stat_result,
    bounds: Bounds,
    dry_run: bool,
    tally: Tally,
) -> tuple[int, list[str]] | Literal["done"] | None:
    """Open and list a sub-folder.

    None: not entered (the failure is recorded); ``"done"``: nothing to walk -- it is gone
    already, or a dry run that cannot look inside without changing the folder's mode counted
    the folder alone.
    """
    if bounds.crossing(parts, est):
        tally.fail(root, parts, MOUNTED)
        return None
    ident = (est.st_dev, est.st_ino)
    child = -1
    try:
        try:
            child = os.open(name, _DIR_FLAGS, dir_fd=fd)
        except PermissionError:
            if dry_run:  # cannot look inside without changing it: count the folder only
                tally.removed.dirs += 1
                return "done"
            _chmod_dir_at(fd, name, ident, stat.S_IMODE(est.st_mode) | 0o700)
            child = os.open(name, _DIR_FLAGS, dir_fd=fd)
        cst = os.fstat(child)
        if (cst.st_dev, cst.st_ino) != ident:
            raise OSError(errno.ESTALE, "the folder changed during the wipe")
        if not dry_run:
            _make_dir_writable_fd(child, cst)
        return child, os.listdir(child)
    except FileNotFoundError:
        if child >= 0:
            os.close(child)
        return "done"  # removed meanwhile
    except OSError as exc:
        if child >= 0:
            os.close(child)
        tally.fail(root, parts, exc)
        return None


def _make_dir_writable_fd(fd: int, st: os.stat_result) -> None:
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o700 != 0o700:
        os.fchmod(fd, mode | 0o700)


def _chmod_dir_at(fd: int, name: str, ident: tuple[int, int], mode: int) -> None:
    """chmod the folder ``name`` in ``fd`` without ever following a link swapped in for it."""
    if os.chmod in os.supports_follow_symlinks:  # macOS, BSD: fchmodat(AT_SYMLINK_NOFOLLOW)
        os.chmod(name, mode, dir_fd=fd, follow_symlinks=False)
        return
    o_path = getattr(os, "O_PATH", 0)
    if o_path and os.path.isdir("/proc/self/fd"):  # Linux: pin the inode, chmod through /proc
        pinned = os.open(name, o_path | _O_NOFOLLOW | _O_CLOEXEC, dir_fd=fd)
        try:
            pst = os.fstat(pinned)
            if (pst.st_dev, pst.st_ino) != ident or not stat.S_ISDIR(pst.st_mode):
                raise OSError(errno.ESTALE, "the folder changed during the wipe")
            os.chmod(f"/proc/self/fd/{pinned}", mode)
        finally:
            os.close(pinned)
        return
    raise OSError(errno.EACCES, "permission denied (and no safe way to change it)")


def remove_folder(
    rmdir: Callable[[], None], dry_run: bool, tally: Tally, root: Path, folder: _Folder
) -> bool:
    """Remove an emptied folder (counted); True if it is gone, False if that failed (the
    failure is recorded).  One already gone is fine."""
    if not dry_run:
        try:
            rmdir()
        except FileNotFoundError:
            return True  # removed meanwhile
        except OSError as exc:
            tally.fail(root, folder.parts, exc)
            return False
    tally.removed.dirs += 1
    return True


class _Folder(Protocol):
    parts: tuple[str, ...]


def remove_root(root: Path, dry_run: bool, tally: Tally) -> bool:
    if not dry_run:
        try:
            os.rmdir(long_path(str(root)))
        except FileNotFoundError:
            return True  # removed meanwhile
        except OSError as exc:
            tally.fail(root, (), exc)
            return False
    tally.removed.dirs += 1
    return True


def long_path(path: str) -> str:
    """Windows: the ``\\\\?\\`` form that lifts MAX_PATH; elsewhere the path unchanged."""
    if os.name != "nt" or path.startswith("\\\\?\\"):
        return path
    path = os.path.abspath(path)
    if path.startswith("\\\\"):
        return "\\\\?\\UNC\\" + path[2:]
    return "\\\\?\\" + path
