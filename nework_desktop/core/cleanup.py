"""The uninstall wipe (policy Art. 7-2): delete all of the user's data on this device at once.

:func:`plan` says what would go; :func:`wipe` deletes it and proves it with a :class:`WipeReport`.
Both are plain Python (no Qt), so the window-less ``uninstall-cleanup`` command, the Windows
uninstaller's hook, the macOS uninstall script and the GUI's "Delete all local data…" action all
run this one code path.

What goes, in this order
------------------------
1. **Keyring entries** named in the secrets index (:func:`secrets.wipe_indexed`), *before* the
   data root that holds the index.  If one cannot be deleted the index file is kept (with the
   root's marker), so a later run still knows what to delete.
2. **Shared stores** (:data:`SHARED_STORES`): files or registry keys other programs use too; only
   our traces are removed (e.g. Qt file-dialog history entries pointing into our roots).  A
   file the traces index says we created goes whole if it is still byte for byte as our own last
   write left it (:func:`note_file_dialog_done` records its SHA-256) or holds nothing but ours.
3. **Every owned root** of :meth:`AppPaths.roots` that carries our ownership marker.
4. **Parent folders** the markers record as created by us (``created_parents``), deepest first,
   each only if it is empty (``rmdir`` fails on a folder that is not).

Safety rules
------------
* A root without a valid marker is never deleted: it is reported ("cannot prove ownership") and
  counts as residue.  A root that is a symbolic link/junction, or that resolves to a filesystem
  root, the home folder (or above it), a system folder or one of the user's own folders
  (Documents, Library, AppData …) is refused outright, marker or not.
* Links are never followed: the walk uses ``lstat`` and unlinks a link itself, so whatever it
  points at stays byte for byte intact.  A folder on another file system (a mount point) inside a
  root is not crossed.
* On POSIX the walk works relative to directory descriptors (``openat``/``unlinkat``), holding
  one descriptor at a time and climbing back through ``..`` with an identity check, so neither
  path length (``PATH_MAX``), depth nor the open-file limit bounds it, and a folder swapped for a
  link mid-walk is not followed.  Windows (no ``dir_fd``) walks by ``\\\\?\\`` long paths and
  treats every reparse point (symlink, junction, mount point) as a link.
* The tree is walked once, post-order, counting as it goes.  The ownership marker is deleted
  last, and only when everything else in its root is gone: after a partial failure the root is
  still provably ours, so the next run finishes the job (the wipe is idempotent).

``ok`` in the report is True only when nothing of ours remains and nothing was refused or failed.
In a dry run nothing is touched and the report says what a real run would do (``ok`` then
predicts whether it would leave nothing behind).
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import unquote, urlsplit

from nework_desktop.core import secrets, storage
from nework_desktop.core.paths import MARKER_NAME, AppPaths, Layout, Marker, read_marker

log = logging.getLogger("nework.cleanup")

#: ``progress(done, total, current)``: entries deleted so far, the total when known (the wipe
#: walks once, so it is None), the folder being worked on.
Progress = Callable[[int, int | None, str], None]

#: Name of the index of shared-store files we created (under the data root, like the secrets
#: index): only such a file may be deleted as a whole.
TRACES_NAME = "shared-traces.json"
MAX_TRACES_BYTES = 1024 * 1024
#: A shared settings file larger than this is not read (nor edited) by the wipe.
MAX_SHARED_FILE_BYTES = 16 * 1024 * 1024

PROGRESS_EVERY = 256

_FILE_ATTRIBUTE_READONLY = 0x1
_FILE_ATTRIBUTE_DIRECTORY = 0x10
_FILE_ATTRIBUTE_REPARSE_POINT = 0x400

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _O_NOFOLLOW | _O_CLOEXEC


# -- report -----------------------------------------------------------------------------------


@dataclass
class Problem:
    path: str
    reason: str


@dataclass
class InstanceInfo:
    was_running: bool = False
    pid: int | None = None


@dataclass
class Removed:
    roots: list[str] = field(default_factory=list)
    files: int = 0
    dirs: int = 0
    links: int = 0
    special: int = 0
    bytes: int = 0
    keyring_entries: int = 0
    shared_store_traces: int = 0
    parents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FileState:
    """A shared-store file's content as our own code last left it: SHA-256 and size."""

    sha256: str
    size: int

    @classmethod
    def of(cls, data: bytes) -> FileState:
        return cls(hashlib.sha256(data).hexdigest(), len(data))


#: ``(store id, path)`` → the state our last write left that file in (from the traces index).
LeftStates = Mapping[tuple[str, str], FileState]


@dataclass(frozen=True)
class StoreOutcome:
    """What one shared store held of ours and what became of it."""

    store: str
    location: str
    status: str
    traces: int = 0
    removed_file: bool = False
    error: str = ""


@dataclass
class WipeReport:
    layout: str
    dry_run: bool
    removed: Removed = field(default_factory=Removed)
    failed: list[Problem] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)
    instance: InstanceInfo = field(default_factory=InstanceInfo)
    shared_stores: list[StoreOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True only if nothing of ours remains (and nothing was refused or failed)."""
        return not (self.failed or self.refused or self.residue)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "layout": self.layout,
            "removed": asdict(self.removed),
            "failed": [asdict(p) for p in self.failed],
            "refused": [asdict(p) for p in self.refused],
            "residue": list(self.residue),
            "instance": asdict(self.instance),
            "shared_stores": [
                {"store": s.store, "location": s.location, "status": s.status, "traces": s.traces}
                for s in self.shared_stores
            ],
        }


# -- plan -------------------------------------------------------------------------------------

Action = Literal["delete", "refuse", "unproven"]


@dataclass(frozen=True)
class RootPlan:
    path: Path
    action: Action
    reason: str = ""
    marker: Marker | None = None
    device: int = 0


@dataclass(frozen=True)
class WipePlan:
    """What a wipe would touch; computing it reads only."""

    layout: str
    roots: tuple[RootPlan, ...]
    keyring: tuple[secrets.SecretRef, ...]
    shared_stores: tuple[StoreOutcome, ...]
    parents: tuple[Path, ...]

    @property
    def to_delete(self) -> list[Path]:
        return [r.path for r in self.roots if r.action == "delete"]

    def to_json(self) -> dict[str, Any]:
        return {
            "layout": self.layout,
            "roots": [
                {"path": str(r.path), "action": r.action, "reason": r.reason} for r in self.roots
            ],
            "keyring_entries": [f"{k.service}/{k.name}" for k in self.keyring],
            "shared_stores": [
                {"store": s.store, "location": s.location, "status": s.status, "traces": s.traces}
                for s in self.shared_stores
            ],
            "parents": [str(p) for p in self.parents],
        }


def plan(paths: AppPaths) -> WipePlan:
    """What :func:`wipe` would delete, refuse or leave; touches nothing."""
    roots = tuple(p for p in (_plan_root(r) for r in paths.roots()) if p is not None)
    data_root = _data_root_plan(paths, roots)
    keyring = tuple(secrets.read_index(paths)) if data_root is not None else ()
    created = _read_traces(paths) if data_root is not None else frozenset()
    left = _read_left(paths) if data_root is not None else {}
    stores = tuple(
        s.run(paths, created, dry_run=True, left=left) for s in _stores_for(paths.layout)
    )
    return WipePlan(paths.layout, roots, keyring, stores, _candidate_parents(roots))


def _plan_root(root: Path) -> RootPlan | None:
    try:
        st = os.lstat(root)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return RootPlan(root, "unproven", f"cannot prove ownership: {_reason(exc)}")
    if _is_link(st):
        return RootPlan(root, "refuse", "the root is a symbolic link or junction (not followed)")
    protected = _protected_reason(root, roots_only=True)
    if protected:
        return RootPlan(root, "refuse", protected)
    if not stat.S_ISDIR(st.st_mode):
        return RootPlan(root, "unproven", "cannot prove ownership: not a folder")
    marker = read_marker(root)
    if marker is None:
        return RootPlan(
            root, "unproven", f"cannot prove ownership: no valid {MARKER_NAME} marker in it"
        )
    return RootPlan(root, "delete", "", marker, st.st_dev)


def _data_root_plan(paths: AppPaths, roots: Iterable[RootPlan]) -> RootPlan | None:
    """The plan of the root holding the data folder, if it will be deleted (then we trust it)."""
    data_root = paths.root_of("data")
    for r in roots:
        if r.path == data_root and r.action == "delete":
            return r
    return None


def _candidate_parents(roots: Iterable[RootPlan]) -> tuple[Path, ...]:
    found: set[Path] = set()
    for r in roots:
        if r.action != "delete" or r.marker is None:
            continue
        for raw in r.marker.created_parents:
            parent = Path(raw)
            # A marker is data: accept only real ancestors of its own root, never a protected one.
            if parent.is_absolute() and parent in r.path.parents and not _protected_reason(parent):
                found.add(parent)
    return tuple(sorted(found, key=lambda p: (-len(p.parts), str(p))))


# -- wipe -------------------------------------------------------------------------------------


def wipe(
    paths: AppPaths,
    *,
    backend: Any | None,
    dry_run: bool = False,
    progress: Progress | None = None,
    the_plan: WipePlan | None = None,
) -> WipeReport:
    """Delete every keyring entry, shared-store trace, owned root and created parent of ours.

    ``backend`` is the keyring backend (``secrets.system_backend()``; None when there is none).
    ``the_plan`` is the plan the user confirmed (made now when not given); it is what runs.
    """
    if the_plan is None:
        the_plan = plan(paths)
    report = WipeReport(layout=paths.layout, dry_run=dry_run)
    for r in the_plan.roots:
        if r.action != "delete":
            report.refused.append(Problem(str(r.path), r.reason))
        if r.action == "unproven":
            report.residue.append(str(r.path))
    keep: set[Path] = set()
    data_plan = _data_root_plan(paths, the_plan.roots)

    # 1. keyring entries, before the data root that holds their index
    if the_plan.keyring:
        _wipe_keyring(paths, the_plan.keyring, backend, dry_run=dry_run, report=report, keep=keep)

    # 2. shared stores (only our traces)
    created = _read_traces(paths) if data_plan is not None else frozenset()
    left = _read_left(paths) if data_plan is not None else {}
    for store in _stores_for(paths.layout):
        outcome = store.run(paths, created, dry_run=dry_run, left=left)
        report.shared_stores.append(outcome)
        report.removed.shared_store_traces += outcome.traces
        if outcome.status == "failed":
            report.failed.append(Problem(outcome.location, outcome.error))
            report.residue.append(outcome.location)
            keep.add(paths.data / TRACES_NAME)

    # 3. the owned roots
    tally = _Tally(progress)
    for r in the_plan.roots:
        if r.action != "delete":
            continue
        pins = {tuple(k.relative_to(r.path).parts) for k in keep if r.path in k.parents}
        walk = _walk_fd if _use_fd_walk() else _walk_paths
        if walk(r.path, r.device, frozenset(pins), dry_run, tally):
            report.removed.roots.append(str(r.path))
        tally.tick(str(r.path), force=True)
    removed = tally.removed
    removed.roots = report.removed.roots
    removed.keyring_entries = report.removed.keyring_entries
    removed.shared_store_traces = report.removed.shared_store_traces
    report.removed = removed
    report.failed.extend(tally.failed)

    # 4. parents we created, deepest first, only when empty
    _remove_parents(the_plan.parents, {Path(p) for p in report.removed.roots}, dry_run, report)

    # 5. what of ours is still there
    for r in the_plan.roots:
        gone = str(r.path) in report.removed.roots
        if r.action == "delete" and not gone and (dry_run or os.path.lexists(r.path)):
            report.residue.append(str(r.path))
    if progress is not None:
        progress(tally.done, tally.done, "")
    return report


def _wipe_keyring(
    paths: AppPaths,
    refs: Sequence[secrets.SecretRef],
    backend: Any | None,
    *,
    dry_run: bool,
    report: WipeReport,
    keep: set[Path],
) -> None:
    if dry_run:
        if backend is None:
            reason = f"no keyring available to delete {len(refs)} stored entries"
            report.failed.append(Problem("keyring", reason))
            report.residue.extend(f"keyring:{r.service}/{r.name}" for r in refs)
            keep.add(secrets.index_path(paths))
        else:
            report.removed.keyring_entries = len(refs)
        return
    gone, errors = secrets.wipe_indexed(paths, backend)
    report.removed.keyring_entries = len(gone)
    report.failed.extend(Problem("keyring", e) for e in errors)
    left = [r for r in refs if r not in gone]
    report.residue.extend(f"keyring:{r.service}/{r.name}" for r in left)
    if errors or left:
        keep.add(secrets.index_path(paths))  # the next run must still know what to delete


def _remove_parents(
    parents: Sequence[Path], gone_roots: set[Path], dry_run: bool, report: WipeReport
) -> None:
    gone = set(gone_roots)
    for parent in parents:  # deepest first
        if parent.is_symlink() or not parent.is_dir():
            continue
        try:
            if dry_run:
                if any(parent / name not in gone for name in os.listdir(parent)):
                    continue
            else:
                os.rmdir(parent)  # fails on a folder that is not empty: then it is not ours alone
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                report.failed.append(Problem(str(parent), _reason(exc)))
            continue
        gone.add(parent)
        report.removed.parents.append(str(parent))


# -- the walk ---------------------------------------------------------------------------------


class _Tally:
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
        reason = exc if isinstance(exc, str) else _reason(exc)
        self.failed.append(Problem(str(root.joinpath(*parts)), reason))


def _use_fd_walk() -> bool:
    return (
        os.name == "posix"
        and os.open in os.supports_dir_fd
        and os.unlink in os.supports_dir_fd
        and os.rmdir in os.supports_dir_fd
        and os.stat in os.supports_dir_fd
        and os.listdir in os.supports_fd
    )


@dataclass
class _Dir:
    names: list[str]
    parts: tuple[str, ...]
    ident: tuple[int, int]
    pos: int = 0
    clean: bool = True


def _walk_fd(
    root: Path, device: int, keep: frozenset[tuple[str, ...]], dry_run: bool, tally: _Tally
) -> bool:
    """Delete ``root`` (POSIX, descriptor-relative); True if the root is gone (or would be)."""
    try:
        fd = os.open(root, _DIR_FLAGS)
    except OSError as exc:
        tally.fail(root, (), exc)
        return False
    try:
        st = os.fstat(fd)
        if not dry_run:
            _make_dir_writable_fd(fd, st)
        stack = [_Dir(os.listdir(fd), (), (st.st_dev, st.st_ino))]
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
                try:
                    est = lstat(name, dir_fd=fd, follow_symlinks=False)
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    tally.fail(root, (*top.parts, name), exc)
                    top.clean = False
                    continue
                if is_dir(est.st_mode):
                    parts = (*top.parts, name)
                    child = _enter_fd(
                        root,
                        fd,
                        name,
                        parts=parts,
                        est=est,
                        device=device,
                        dry_run=dry_run,
                        tally=tally,
                    )
                    if child is None:
                        top.clean = False
                        continue
                    if child == "counted":
                        continue
                    child_fd, child_names = child
                    os.close(fd)
                    fd = child_fd
                    stack.append(_Dir(child_names, parts, (est.st_dev, est.st_ino)))
                    break
                if not dry_run:
                    try:
                        unlink(name, dir_fd=fd)
                    except FileNotFoundError:
                        continue
                    except OSError as exc:
                        tally.fail(root, (*top.parts, name), exc)
                        top.clean = False
                        continue
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
            if not dry_run:
                try:
                    os.rmdir(top.parts[-1], dir_fd=fd)
                except OSError as exc:
                    tally.fail(root, top.parts, exc)
                    parent.clean = False
                    continue
            tally.removed.dirs += 1
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
    return _remove_root(root, dry_run, tally)


def _enter_fd(
    root: Path,
    fd: int,
    name: str,
    *,
    parts: tuple[str, ...],
    est: os.stat_result,
    device: int,
    dry_run: bool,
    tally: _Tally,
) -> tuple[int, list[str]] | Literal["counted"] | None:
    """Open and list a sub-folder.

    None: not entered (the failure is recorded); ``"counted"``: a dry run that cannot look
    inside without changing the folder's mode counted the folder alone.
    """
    if est.st_dev != device:
        tally.fail(root, parts, "another file system is mounted here (not crossed)")
        return None
    ident = (est.st_dev, est.st_ino)
    child = -1
    try:
        try:
            child = os.open(name, _DIR_FLAGS, dir_fd=fd)
        except PermissionError:
            if dry_run:  # cannot look inside without changing it: count the folder only
                tally.removed.dirs += 1
                return "counted"
            _chmod_dir_at(fd, name, ident, stat.S_IMODE(est.st_mode) | 0o700)
            child = os.open(name, _DIR_FLAGS, dir_fd=fd)
        cst = os.fstat(child)
        if (cst.st_dev, cst.st_ino) != ident:
            raise OSError(errno.ESTALE, "the folder changed during the wipe")
        if not dry_run:
            _make_dir_writable_fd(child, cst)
        return child, os.listdir(child)
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


@dataclass
class _PDir:
    names: list[str]
    parts: tuple[str, ...]
    path: str
    pos: int = 0
    clean: bool = True


def _walk_paths(
    root: Path, device: int, keep: frozenset[tuple[str, ...]], dry_run: bool, tally: _Tally
) -> bool:
    """Delete ``root`` by (long) path: Windows, or a POSIX without ``dir_fd`` support."""
    base = _long_path(str(root))
    try:
        if not dry_run:
            _make_writable(base, os.lstat(base))
        stack = [_PDir(os.listdir(base), (), base)]
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
            if _is_link(est):
                if _remove_entry(
                    path, est, top.path, dry_run=dry_run, root=root, parts=parts, tally=tally
                ):
                    tally.add_link()
                    tally.tick(str(root))
                else:
                    top.clean = False
                continue
            if stat.S_ISDIR(est.st_mode):
                if os.name == "posix" and est.st_dev != device:
                    tally.fail(root, parts, "another file system is mounted here (not crossed)")
                    top.clean = False
                    continue
                try:
                    if not dry_run:
                        _make_writable(path, est)
                    names = os.listdir(path)
                except OSError as exc:
                    if dry_run:
                        tally.removed.dirs += 1
                    else:
                        tally.fail(root, parts, exc)
                        top.clean = False
                    continue
                stack.append(_PDir(names, parts, path))
                continue
            if _remove_entry(
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
        if not dry_run:
            try:
                os.rmdir(top.path)
            except OSError as exc:
                tally.fail(root, top.parts, exc)
                parent.clean = False
                continue
        tally.removed.dirs += 1
    if not stack[0].clean:
        return False
    marker = os.path.join(base, MARKER_NAME)
    try:
        mst = os.lstat(marker)
        if _remove_entry(
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
    return _remove_root(root, dry_run, tally)


def _remove_entry(
    path: str,
    st: os.stat_result,
    folder: str,
    *,
    dry_run: bool,
    root: Path,
    parts: Sequence[str],
    tally: _Tally,
) -> bool:
    """Remove one non-folder entry (a link: the link itself); True if it is gone."""
    if dry_run:
        return True
    attrs = getattr(st, "st_file_attributes", 0)
    for attempt in (1, 2):
        try:
            if _is_link(st) and attrs & _FILE_ATTRIBUTE_DIRECTORY:
                os.rmdir(path)  # a directory symlink/junction on Windows: removes the link only
            else:
                os.unlink(path)
            return True
        except FileNotFoundError:
            return True
        except PermissionError as exc:
            if attempt == 2 or _is_link(st):
                tally.fail(root, parts, exc)
                return False
            try:
                if os.name == "nt":
                    os.chmod(path, stat.S_IWRITE | stat.S_IREAD)  # clear the read-only attribute
                else:
                    _make_writable(folder, os.lstat(folder))
            except OSError:
                pass
        except OSError as exc:
            tally.fail(root, parts, exc)
            return False
    return False  # pragma: no cover - the loop always returns


def _make_writable(path: str, st: os.stat_result) -> None:
    """u+rwx on a POSIX folder; clear the read-only attribute on Windows."""
    if os.name == "nt":
        if getattr(st, "st_file_attributes", 0) & _FILE_ATTRIBUTE_READONLY:
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
        return
    mode = stat.S_IMODE(st.st_mode)
    if stat.S_ISDIR(st.st_mode) and mode & 0o700 != 0o700:
        os.chmod(path, mode | 0o700)


def _remove_root(root: Path, dry_run: bool, tally: _Tally) -> bool:
    if not dry_run:
        try:
            os.rmdir(_long_path(str(root)))
        except OSError as exc:
            tally.fail(root, (), exc)
            return False
    tally.removed.dirs += 1
    return True


def _long_path(path: str) -> str:
    """Windows: the ``\\\\?\\`` form that lifts MAX_PATH; elsewhere the path unchanged."""
    if os.name != "nt" or path.startswith("\\\\?\\"):
        return path
    path = os.path.abspath(path)
    if path.startswith("\\\\"):
        return "\\\\?\\UNC\\" + path[2:]
    return "\\\\?\\" + path


def _is_link(st: os.stat_result) -> bool:
    attrs = getattr(st, "st_file_attributes", 0)
    return stat.S_ISLNK(st.st_mode) or bool(attrs & _FILE_ATTRIBUTE_REPARSE_POINT)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied ({exc.strerror})"
    return exc.strerror or str(exc) or type(exc).__name__


# -- protected folders ------------------------------------------------------------------------

_SYSTEM_FOLDERS = (
    "/", "/Applications", "/Library", "/Network", "/System", "/Users", "/Volumes", "/bin",
    "/boot", "/cores", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media",
    "/mnt", "/opt", "/private", "/private/etc", "/private/tmp", "/private/var", "/proc", "/root",
    "/run", "/sbin", "/snap", "/srv", "/sys", "/usr", "/usr/local", "/var",
    "/tmp", "/var/tmp",  # noqa: S108 - names of folders never to delete, not temp files
)  # fmt: skip
#: Folders whose whole tree is the system's (nothing of ours can be inside).
_SYSTEM_TREES = ("/System", "/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys",
                 "/usr", "/private/etc")  # fmt: skip
_WINDOWS_SYSTEM_VARS = (
    "SYSTEMROOT", "WINDIR", "PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432", "PROGRAMDATA",
    "ALLUSERSPROFILE", "PUBLIC", "COMMONPROGRAMFILES", "COMMONPROGRAMFILES(X86)",
)  # fmt: skip
#: The user's own folders: never an owned root (they may still be a created parent we remove
#: when empty, e.g. ``AppData`` in a fresh sandbox).
_USER_FOLDERS = (
    "Desktop", "Documents", "Downloads", "Pictures", "Music", "Movies", "Videos", "Public",
    "Templates", "OneDrive", "Library", "Library/Application Support", "Library/Caches",
    "Library/Logs", "Library/Preferences", "Library/Containers", "AppData", "AppData/Local",
    "AppData/Roaming", "AppData/LocalLow", ".config", ".local", ".local/share", ".local/state",
    ".cache", "bin",
)  # fmt: skip
_USER_VARS = (
    "APPDATA", "LOCALAPPDATA", "USERPROFILE", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "TMPDIR", "TEMP", "TMP",
)  # fmt: skip


def _norm(path: str) -> str:
    text = os.path.normcase(os.path.normpath(path))
    return text.casefold() if sys.platform == "darwin" else text


def _homes() -> list[str]:
    homes = [os.path.expanduser("~")]
    if os.name == "posix":
        try:
            import pwd

            homes.append(pwd.getpwuid(os.getuid()).pw_dir)
        except (ImportError, KeyError, OSError):
            pass
    if os.environ.get("USERPROFILE"):
        homes.append(os.environ["USERPROFILE"])
    return [h for h in homes if h and os.path.isabs(h)]


def _user_folders(homes: Sequence[str]) -> list[str]:
    found = [os.path.join(h, *rel.split("/")) for h in homes for rel in _USER_FOLDERS]
    found += [os.environ[v] for v in _USER_VARS if os.environ.get(v)]
    try:
        import platformdirs

        for getter in (
            platformdirs.user_desktop_dir,
            platformdirs.user_documents_dir,
            platformdirs.user_downloads_dir,
            platformdirs.user_pictures_dir,
            platformdirs.user_music_dir,
            platformdirs.user_videos_dir,
        ):
            found.append(getter())
    except Exception:  # noqa: S110 - a broken lookup only shortens the list
        pass
    return [f for f in found if f and os.path.isabs(f)]


def _protected_reason(path: Path, *, roots_only: bool = False) -> str | None:
    """Why ``path`` must never be deleted (None if it may be).

    ``roots_only`` adds the user's own folders (Documents, AppData …), refused as owned roots.
    """
    candidates = {_norm(str(path)), _norm(os.path.realpath(path))}
    for cand in candidates:
        drive, rest = os.path.splitdrive(cand)
        if os.path.dirname(cand) == cand or rest in ("", os.sep, "/"):
            return f"refused: {path} is a filesystem root or drive"
    homes = _homes()
    for home in homes:
        for h in {_norm(home), _norm(os.path.realpath(home))}:
            for cand in candidates:
                if cand == h:
                    return f"refused: {path} is the home folder"
                if h.startswith(cand.rstrip(os.sep) + os.sep):
                    return f"refused: {path} contains the home folder"
    system = list(_SYSTEM_FOLDERS)
    trees = list(_SYSTEM_TREES)
    if os.name == "nt":
        win = [os.environ[v] for v in _WINDOWS_SYSTEM_VARS if os.environ.get(v)]
        drive = os.environ.get("SYSTEMDRIVE", "C:")
        system = [*win, drive + "\\Users", drive + "\\Windows"]
        trees = [os.environ.get("SYSTEMROOT", drive + "\\Windows")]
    for cand in candidates:
        if cand in {_norm(s) for s in system}:
            return f"refused: {path} is a system folder"
        for t in trees:
            if cand.startswith(_norm(t).rstrip(os.sep) + os.sep):
                return f"refused: {path} is inside a system folder"
    if roots_only:
        user = {_norm(f) for f in _user_folders(homes)}
        user |= {_norm(os.path.realpath(f)) for f in _user_folders(homes)}
        if candidates & user:
            return f"refused: {path} is one of the user's own folders"
    return None


# -- shared stores ----------------------------------------------------------------------------


class SharedStore(Protocol):
    """A store other programs use too: we remove only our traces from it.

    ``created`` holds the ``(store id, location)`` pairs the traces index says we created and
    ``left`` the state our own last write left such a file in; both are empty unless the data
    root holding the index is ours (provably, by its marker).
    """

    id: str
    layouts: tuple[Layout, ...]

    def location(self, paths: AppPaths) -> str: ...

    def run(
        self,
        paths: AppPaths,
        created: frozenset[tuple[str, str]],
        *,
        dry_run: bool,
        left: LeftStates | None = None,
    ) -> StoreOutcome: ...


def _our_prefixes(paths: AppPaths) -> list[str]:
    roots = [str(r) for r in paths.roots()]
    roots += [os.path.realpath(r) for r in roots]
    return sorted({_norm(r) for r in roots})


def _points_into(value: str, prefixes: Sequence[str]) -> bool:
    """Whether a settings value (a path or a file: URL) names something inside our roots."""
    text = value.strip()
    if text.startswith("@"):
        return False
    if text.lower().startswith("file:"):
        parts = urlsplit(text)
        if parts.netloc not in ("", "localhost"):
            return False
        text = unquote(parts.path)
        if len(text) > 2 and text[0] == "/" and text[2] == ":":  # file:///C:/...
            text = text[1:]
    if not text or not os.path.isabs(text):
        return False
    cand = _norm(text)
    return any(cand == p or cand.startswith(p.rstrip(os.sep) + os.sep) for p in prefixes)


def _split_ini_list(value: str) -> list[tuple[str, str]]:
    """QSettings INI value → [(raw item, decoded item)]; top-level commas separate a list."""
    items: list[tuple[str, str]] = []
    raw: list[str] = []
    quoted = False
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            raw.append(value[i : i + 2])
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            items.append(_ini_item("".join(raw)))
            raw = []
            i += 1
            continue
        raw.append(ch)
        i += 1
    items.append(_ini_item("".join(raw)))
    return items


_INI_ESCAPES = {
    "n": "\n", "r": "\r", "t": "\t", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
    "\\": "\\", '"': '"', "'": "'", ";": ";", ",": ",", "=": "=",
}  # fmt: skip


def _ini_item(raw: str) -> tuple[str, str]:
    item = raw.strip()
    out: list[str] = []
    i = 0
    while i < len(item):
        ch = item[i]
        if ch == '"':
            i += 1
            continue
        if ch == "\\" and i + 1 < len(item):
            nxt = item[i + 1]
            if nxt == "x":
                j = i + 2
                while j < len(item) and j < i + 6 and item[j] in "0123456789abcdefABCDEF":
                    j += 1
                if j > i + 2:
                    out.append(chr(int(item[i + 2 : j], 16)))
                    i = j
                    continue
            out.append(_INI_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return item, "".join(out)


#: Keys Qt's file dialog writes that hold no history of anyone's (view state, and the default
#: sidebar shortcuts it writes on every save).  In a file our traces index says we created, they
#: count as ours once every other key is gone; ``history``/``lastVisited`` never do: what stays
#: in them after our entries went belongs to another program, so the file then stays.
_QT_DIALOG_STATE = frozenset(
    ("qtVersion", "viewMode", "sidebarWidth", "treeViewHeader", "shortcuts", "splitterState",
     "geometry")
)  # fmt: skip


def scrub_ini(text: str, prefixes: Sequence[str]) -> tuple[str, int, set[tuple[str, str]]]:
    """Remove our traces from QSettings INI text.

    Returns (new text, traces removed, the (section, key) pairs that remain).  Lines without a
    trace are kept byte for byte; a list keeps its other items.
    """
    out: list[str] = []
    traces = 0
    remaining: set[tuple[str, str]] = set()
    section = ""
    for line in text.split("\n"):
        body = line.strip()
        if not body or body[0] in ";#":
            out.append(line)
            continue
        if body.startswith("[") and body.endswith("]"):
            section = body[1:-1]
            out.append(line)
            continue
        key, sep, value = line.partition("=")
        if not sep:
            out.append(line)
            continue
        items = [(raw, raw)] if (raw := value.strip()).startswith("@") else _split_ini_list(value)
        ours = [_points_into(decoded, prefixes) for _, decoded in items]
        if not any(ours):
            out.append(line)
            remaining.add((section, key.strip()))
            continue
        traces += sum(ours)
        kept = [raw for (raw, _), mine in zip(items, ours, strict=True) if not mine]
        if kept:
            eol = "\r" if line.endswith("\r") else ""
            out.append(f"{key}={', '.join(kept)}{eol}")
            remaining.add((section, key.strip()))
    return "\n".join(out), traces, remaining


def _ini_is_dialog_state_only(remaining: set[tuple[str, str]]) -> bool:
    return all(sec == "FileDialog" and key in _QT_DIALOG_STATE for sec, key in remaining)


class QtIniStore:
    """Qt's shared ``QtProject.conf`` (file-dialog history) under the XDG config folder.

    The whole file goes only when the traces index says we created it and either its content is
    still byte for byte what our last file dialog left (:func:`note_file_dialog_done`: nobody
    else wrote to it since, so whatever it holds, ``lastVisited`` outside our roots included, is
    ours) or, once our entries are scrubbed, nothing but dialog view state remains.  Otherwise
    only the entries pointing into our roots are removed; a file we did not create never goes.
    """

    id = "qt-project-conf"
    layouts: tuple[Layout, ...] = ("linux",)

    def location(self, paths: AppPaths) -> str:
        base = os.environ.get("XDG_CONFIG_HOME", "")
        if not os.path.isabs(base):
            base = os.path.join(os.path.expanduser("~"), ".config")
        return os.path.join(base, "QtProject.conf")

    def run(
        self,
        paths: AppPaths,
        created: frozenset[tuple[str, str]],
        *,
        dry_run: bool,
        left: LeftStates | None = None,
    ) -> StoreOutcome:
        where = self.location(paths)
        if not os.path.lexists(where):
            return StoreOutcome(self.id, where, "absent")
        is_link = os.path.islink(where)
        target = os.path.realpath(where)
        try:
            data = Path(target).read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return StoreOutcome(self.id, where, "failed", error=f"unreadable: {exc}")
        new_text, traces, remaining = scrub_ini(text, _our_prefixes(paths))
        ours = (self.id, where) in created and not is_link
        untouched = ours and left is not None and left.get((self.id, where)) == FileState.of(data)
        delete = untouched or (ours and _ini_is_dialog_state_only(remaining))
        if not traces and not delete:
            return StoreOutcome(self.id, where, "clean")
        count = traces + (1 if delete and not traces else 0)
        if dry_run:
            return StoreOutcome(self.id, where, "would clean", count, delete)
        try:
            if delete:
                os.unlink(target)
            else:
                _replace_text(target, new_text)
        except OSError as exc:
            return StoreOutcome(self.id, where, "failed", error=_reason(exc))
        return StoreOutcome(self.id, where, "cleaned", count, delete)


def _replace_text(target: str, text: str) -> None:
    """Atomically replace ``target``'s content, keeping its mode."""
    storage.atomic_write(target, text.encode("utf-8"), keep_mode=True)


class UnhandledStore:
    """A shared store we know of but cannot clean safely on this OS: listed, never touched."""

    def __init__(self, store_id: str, layouts: tuple[Layout, ...], where: str, why: str) -> None:
        self.id = store_id
        self.layouts = layouts
        self._where = where
        self._why = why

    def location(self, paths: AppPaths) -> str:
        return os.path.join(os.path.expanduser("~"), *self._where.split("/"))

    def run(
        self,
        paths: AppPaths,
        created: frozenset[tuple[str, str]],
        *,
        dry_run: bool,
        left: LeftStates | None = None,
    ) -> StoreOutcome:
        return StoreOutcome(self.id, self.location(paths), f"not handled on this OS: {self._why}")


class RegistryAPI(Protocol):
    """The few registry operations the wipe needs, on keys under HKEY_CURRENT_USER."""

    def exists(self, key: str) -> bool: ...

    def subkeys(self, key: str) -> list[str]: ...

    def value_count(self, key: str) -> int: ...

    def delete_key(self, key: str) -> None: ...


if sys.platform == "win32":  # pragma: no cover - only on real Windows
    import winreg

    class _WinRegistry:
        def exists(self, key: str) -> bool:
            try:
                winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CURRENT_USER, key))
            except FileNotFoundError:
                return False
            return True

        def subkeys(self, key: str) -> list[str]:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                count = winreg.QueryInfoKey(handle)[0]
                return [winreg.EnumKey(handle, i) for i in range(count)]

        def value_count(self, key: str) -> int:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                return int(winreg.QueryInfoKey(handle)[1])

        def delete_key(self, key: str) -> None:
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, key)

    def _system_registry() -> RegistryAPI | None:
        return _WinRegistry()

else:

    def _system_registry() -> RegistryAPI | None:
        return None


class WindowsRegistryStore:
    """QSettings' native store on Windows: our keys under ``HKCU\\Software`` (real Windows only).

    The keys are wholly ours; the vendor key ``Software\\NTTCom`` goes too once it is empty.
    """

    id = "qsettings-registry"
    layouts: tuple[Layout, ...] = ("windows",)
    KEYS = ("Software\\NTTCom\\NeWork", "Software\\NeWork")
    VENDOR = "Software\\NTTCom"

    def __init__(self, registry: RegistryAPI | None = None) -> None:
        self._registry = registry

    def location(self, paths: AppPaths) -> str:
        return "HKCU\\" + " | HKCU\\".join(self.KEYS)

    def run(
        self,
        paths: AppPaths,
        created: frozenset[tuple[str, str]],
        *,
        dry_run: bool,
        left: LeftStates | None = None,
    ) -> StoreOutcome:
        reg = self._registry or _system_registry()
        where = self.location(paths)
        if reg is None:
            return StoreOutcome(self.id, where, "not handled on this OS: needs real Windows")
        try:
            present = [k for k in self.KEYS if reg.exists(k)]
            if not present:
                return StoreOutcome(self.id, where, "clean")
            if dry_run:
                return StoreOutcome(self.id, where, "would clean", len(present))
            for key in present:
                _delete_tree(reg, key)
            if (
                any(k.startswith(self.VENDOR + "\\") for k in present)
                and reg.exists(self.VENDOR)
                and not reg.subkeys(self.VENDOR)
                and not reg.value_count(self.VENDOR)
            ):
                reg.delete_key(self.VENDOR)
        except OSError as exc:
            return StoreOutcome(self.id, where, "failed", error=_reason(exc))
        return StoreOutcome(self.id, where, "cleaned", len(present))


def _delete_tree(reg: RegistryAPI, key: str) -> None:
    # Iterative post-order: a key can only be deleted once it has no subkeys.
    stack = [key]
    order: list[str] = []
    while stack:
        current = stack.pop()
        order.append(current)
        stack.extend(f"{current}\\{sub}" for sub in reg.subkeys(current))
    for current in reversed(order):
        reg.delete_key(current)


#: Every shared store the wipe knows; later issues add entries here.
SHARED_STORES: tuple[SharedStore, ...] = (
    QtIniStore(),
    UnhandledStore(
        "qt-project-plist",
        ("macos",),
        "Library/Preferences/com.trolltech.plist",
        "a binary plist cached by cfprefsd; editing the file is unsafe",
    ),
    WindowsRegistryStore(),
)


def _stores_for(layout: str) -> list[SharedStore]:
    return [s for s in SHARED_STORES if layout in s.layouts]


# -- the index of shared-store files we created -----------------------------------------------
#
# ``shared-traces.json``: {"schema": 1, "created": [entry, ...], "updated_at": ...}, one entry
# per shared-store file we created: {"store": id, "path": location}, plus "left": {"sha256": ...,
# "size": ...} (its content as our own last write left it) or "foreign": true (it was found
# changed by someone else; from then on no state is recorded for it).


def _traces_path(paths: AppPaths) -> Path:
    return paths.data / TRACES_NAME


def _read_index(paths: AppPaths) -> dict[tuple[str, str], dict[str, Any]]:
    """The index's entries by ``(store id, path)``; empty when there is none or it is unreadable.

    Should a hand-edited index name a file twice, the copies are merged cautiously: foreign if
    either says so, and a state only if both record the same one.
    """
    try:
        raw = storage.read_json(_traces_path(paths), limit=MAX_TRACES_BYTES)
    except (OSError, storage.FileDamaged) as exc:
        log.warning("shared-store traces index unreadable (%s): treated as empty", exc)
        return {}
    entries = raw.get("created", []) if isinstance(raw, dict) else []
    index: dict[tuple[str, str], dict[str, Any]] = {}
    for e in entries if isinstance(entries, list) else []:
        if not (isinstance(e, dict) and "store" in e and "path" in e):
            continue
        key = (str(e["store"]), str(e["path"]))
        entry = {**e, "store": key[0], "path": key[1]}
        seen = index.get(key)
        if seen is not None and (seen.get("foreign") or seen.get("left") != entry.get("left")):
            entry.pop("left", None)
            entry["foreign"] = True
        index[key] = entry
    return index


def _write_index(paths: AppPaths, entries: Iterable[dict[str, Any]]) -> None:
    folder = paths.ensure("data")
    data = {
        "schema": 1,
        "created": sorted(entries, key=lambda e: (e["store"], e["path"])),
        "updated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    storage.atomic_write(folder / TRACES_NAME, json.dumps(data, indent=2).encode("utf-8"))


def _left_state(entry: Mapping[str, Any]) -> FileState | None:
    left = entry.get("left")
    if entry.get("foreign") or not isinstance(left, dict):
        return None
    sha, size = left.get("sha256"), left.get("size")
    if not (isinstance(sha, str) and len(sha) == 64 and set(sha) <= set("0123456789abcdef")):
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return None
    return FileState(sha, size)


def _read_traces(paths: AppPaths) -> frozenset[tuple[str, str]]:
    return frozenset(_read_index(paths))


def _read_left(paths: AppPaths) -> dict[tuple[str, str], FileState]:
    found: dict[tuple[str, str], FileState] = {}
    for key, entry in _read_index(paths).items():
        state = _left_state(entry)
        if state is not None:
            found[key] = state
    return found


def _read_regular(where: str) -> bytes | None:
    """``where``'s content if it is a regular file (never through a link); None otherwise."""
    try:
        return storage.read_bytes(where, limit=MAX_SHARED_FILE_BYTES)
    except (OSError, storage.FileDamaged):
        return None


def _store_location(paths: AppPaths, store_id: str) -> str:
    store = next((s for s in SHARED_STORES if s.id == store_id), None)
    if store is None:
        raise ValueError(f"unknown shared store {store_id!r}")
    return store.location(paths)


def note_file_dialog(paths: AppPaths) -> bool:
    """Call right before showing a QFileDialog: on Linux Qt's own dialog writes its history to
    the shared ``QtProject.conf``; if that file does not exist yet, we create it."""
    if not sys.platform.startswith("linux"):
        return False  # Windows and macOS use the native dialogs, which keep no Qt history
    return note_shared_store_created(paths, QtIniStore.id)


def note_file_dialog_done(paths: AppPaths) -> bool:
    """Call right after a QFileDialog returns (whatever the answer): if we created
    ``QtProject.conf``, remember its content as our dialog left it, so the wipe can delete it
    whole as long as nobody else has written to it since."""
    if not sys.platform.startswith("linux"):
        return False
    return note_shared_store_left(paths, QtIniStore.id)


def note_shared_store_created(paths: AppPaths, store_id: str) -> bool:
    """Call right before the app makes Qt write a shared store: if its file does not exist yet,
    remember that we create it (the wipe may then delete the whole file).  True if recorded.

    If it exists and we created it, it must still be exactly as our last write left it (see
    :func:`note_shared_store_left`); if it is not (another program wrote to it, or our last
    write was never recorded), it is marked foreign for good: no state is recorded for it again,
    so being unchanged since our last write never proves it holds nothing of anyone else's.
    """
    where = _store_location(paths, store_id)
    index = _read_index(paths)
    key = (store_id, where)
    entry = index.get(key)
    if os.path.lexists(where):
        if entry is not None and not entry.get("foreign"):
            data = _read_regular(where)
            if data is None or _left_state(entry) != FileState.of(data):
                entry.pop("left", None)
                entry["foreign"] = True
                _write_index(paths, index.values())
        return False
    index[key] = {"store": store_id, "path": where}  # a new file: any old state is moot
    _write_index(paths, index.values())
    return True


def note_shared_store_left(paths: AppPaths, store_id: str) -> bool:
    """Call right after the app made Qt write a shared store: if the traces index says we
    created its file and it is not marked foreign, record its SHA-256 and size as we leave it.

    True if that state is recorded.  Never raises OSError: not recording only makes the wipe
    fall back to removing our entries from the file instead of deleting it whole.
    """
    where = _store_location(paths, store_id)
    index = _read_index(paths)
    entry = index.get((store_id, where))
    if entry is None or entry.get("foreign"):
        return False  # not ours (it existed before), or someone else has written to it
    data = _read_regular(where)
    if data is None:
        return False  # not written (absent), or not a regular file: nothing to vouch for
    state = FileState.of(data)
    if _left_state(entry) == state:
        return True
    entry["left"] = {"sha256": state.sha256, "size": state.size}
    try:
        _write_index(paths, index.values())
    except OSError as exc:
        log.warning("cannot record the state of %s: %s", where, _reason(exc))
        return False
    return True
