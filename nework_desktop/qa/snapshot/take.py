"""Taking a snapshot of one home: walking its files, then the keyring and registry sections.

Every entry under the home is walked with :func:`os.scandir` and :func:`os.lstat`: links are
recorded (with their target) and never followed, Windows junctions and other reparse points
included.  Each entry has a relative path with ``/`` separators, a type (``file``, ``dir``,
``symlink``, ``other``), a size (not for folders), the permission bits, the SHA-256 of files of at
most :data:`HASH_LIMIT` bytes, and the modification time in ns (used to tell a change in a larger
file).  What cannot be read is listed under ``errors``; the walk goes on.
"""

from __future__ import annotations

import os
import platform
import stat
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from nework_desktop.core.digest import sha256
from nework_desktop.core.paths import host_layout
from nework_desktop.qa.common import EXIT_USAGE, Progress, QAError, describe
from nework_desktop.qa.ownership import Rule
from nework_desktop.qa.snapshot.document import FileEntry, Snapshot
from nework_desktop.qa.snapshot.keyring import keyring_section
from nework_desktop.qa.snapshot.registry import registry_section

HASH_LIMIT = 1024 * 1024

_REPARSE_POINT = 0x400  # stat.FILE_ATTRIBUTE_REPARSE_POINT, defined on Windows only
_NAME_SURROGATE = 0x20000000  # IsReparseTagNameSurrogate: symlinks, junctions, mount points


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def host_info() -> dict[str, Any]:
    return {
        "os": host_layout(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def take_snapshot(
    home: str | os.PathLike[str],
    *,
    allow_missing: bool = False,
    exclude: Sequence[str] = (),
    probe: Iterable[tuple[str, str]] = (),
    progress: Progress | None = None,
    registry: bool = True,
) -> Snapshot:
    """Snapshot ``home``; ``probe`` adds keyring entries to check besides the indexed ones."""
    root = os.path.abspath(os.fspath(home))
    exists = os.path.isdir(root)
    if not exists:
        if os.path.lexists(root):
            raise QAError(f"{root} is not a folder", EXIT_USAGE)
        if not allow_missing:
            raise QAError(f"{root}: no such folder", EXIT_USAGE)
    progress = progress or Progress(enabled=False)
    rules = tuple(Rule(p, "unknown", "excluded") for p in exclude)
    files, errors = _walk(root, rules, progress) if exists else ([], [])
    progress.clear()
    keyring_info, keyring_entries = keyring_section(root, probe)
    if registry:
        registry_info, registry_keys = registry_section()
    else:
        registry_info, registry_keys = {"supported": False, "note": "not recorded"}, []
    return Snapshot(
        home=root,
        taken_at=now_utc(),
        host=host_info(),
        files=files,
        errors=errors,
        exclude=list(exclude),
        keyring=keyring_info,
        keyring_entries=keyring_entries,
        registry=registry_info,
        registry_keys=registry_keys,
        home_exists=exists,
    )


def _walk(
    root: str, exclude: Sequence[Rule], progress: Progress
) -> tuple[list[FileEntry], list[dict[str, str]]]:
    fold = host_layout() in ("windows", "macos")
    entries: list[FileEntry] = []
    errors: list[dict[str, str]] = []
    stack: list[str] = [""]
    while stack:
        rel_dir = stack.pop()
        folder = os.path.join(root, *rel_dir.split("/")) if rel_dir else root
        try:
            scan = os.scandir(folder)
        except OSError as exc:
            errors.append({"path": rel_dir or ".", "error": describe(exc)})
            continue
        with scan:
            for item in scan:
                rel = f"{rel_dir}/{item.name}" if rel_dir else item.name
                if any(r.matches(rel.split("/"), fold=fold) for r in exclude):
                    continue
                entry = _entry(item.path, rel)
                entries.append(entry)
                if entry.type == "dir":
                    stack.append(rel)
                if len(entries) % 64 == 0:
                    progress.update(f"snapshot: {len(entries)} entries … {rel}")
    entries.sort(key=lambda e: e.path)
    return entries, errors


def _entry(path: str, rel: str) -> FileEntry:
    try:
        st = os.lstat(path)
    except OSError as exc:
        return FileEntry(rel, "other", error=describe(exc))
    # ``rel`` keeps undecodable bytes as surrogates; the JSON writer escapes them (\udcxx),
    # which reads back as the same name.
    mode = f"{stat.S_IMODE(st.st_mode):04o}"
    # A link-like reparse point (a junction, say) is recorded, never entered; cloud placeholders
    # (OneDrive) are reparse points too but ordinary files and folders, as lstat itself treats them.
    reparse = bool(getattr(st, "st_file_attributes", 0) & _REPARSE_POINT) and bool(
        getattr(st, "st_reparse_tag", 0) & _NAME_SURROGATE
    )
    if stat.S_ISLNK(st.st_mode) or reparse:
        kind = "symlink" if stat.S_ISLNK(st.st_mode) else "other"
        entry = FileEntry(rel, kind, size=st.st_size, mode=mode)
        try:
            entry.target = os.readlink(path)
        except (OSError, ValueError) as exc:
            entry.error = describe(exc) if isinstance(exc, OSError) else str(exc)
        return entry
    if stat.S_ISDIR(st.st_mode):
        return FileEntry(rel, "dir", mode=mode)
    if not stat.S_ISREG(st.st_mode):
        return FileEntry(rel, "other", size=st.st_size, mode=mode)
    entry = FileEntry(rel, "file", size=st.st_size, mode=mode, mtime_ns=st.st_mtime_ns)
    if st.st_size <= HASH_LIMIT:
        try:
            entry.sha256 = _sha256(path)
        except OSError as exc:
            entry.error = describe(exc)
    return entry


def _sha256(path: str) -> str:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    digest = sha256()
    with os.fdopen(fd, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()
