"""The one way the app writes a file, and the one way it reads one back.

Writing: :func:`atomic_write`
-----------------------------
Every file the app keeps (ledger, preferences, account summary, indexes, logs aside) is written
whole: a temporary file next to the target (``.<name>.<16 hex>.tmp``, ``O_EXCL``, mode 0600 then
exactly ``mode`` whatever the umask), written, flushed and fsync'ed, then moved onto the target
with one rename, and on POSIX the folder is fsync'ed so the rename itself is durable.  Any crash
leaves either the old file or the new one, never a torn one; a stray temporary file may remain,
and :func:`remove_strays` (called by writers that care) sweeps it later.

On Windows a rename onto a file that an antivirus scanner, the search indexer or a backup tool
holds open fails with a sharing violation (``PermissionError``, winerror 5, 32 or 33) for a
moment; :func:`replace` retries that case a bounded number of times (about 1.5 s in all) before
giving up.  Any other error is raised at once.

The ``fault`` hook is told each step (:data:`WRITE_STEPS`) before it is performed, so that tests
can stand for a process killed at that very point.

Reading: :func:`read_bytes`, :func:`read_text`, :func:`read_json`
------------------------------------------------------------------
Every file the app reads may be hostile: a FIFO (would block), a link to ``/dev/zero`` (would
never end), a link out of our folders, a huge file, truncated or deeply nested JSON.  The readers
therefore open without blocking (``O_NONBLOCK``), without following a link unless told to (the
shipped resources may sit behind links in a macOS bundle), accept only a regular file (checked
on the open descriptor), read at most ``limit`` bytes, and parse JSON with the strict, depth-capped
parser of :mod:`nework_desktop.core.validate`.  A missing file reads as ``None``; a file that is
there but cannot be trusted raises :class:`FileDamaged` with a one-line reason; other I/O errors
(permission denied) are raised as the :class:`OSError` they are.

No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Generic, TypeVar

from nework_desktop.core import validate

__all__ = [
    "WRITE_STEPS",
    "Fault",
    "FileDamaged",
    "KeptFile",
    "WriteGate",
    "atomic_write",
    "fsync_dir",
    "read_bytes",
    "read_json",
    "read_text",
    "remove_strays",
    "replace",
]

#: The steps of :func:`atomic_write`, in order; ``dir-fsync`` happens on POSIX only.
WRITE_STEPS: Final = ("tmp-open", "tmp-write", "tmp-fsync", "replace", "dir-fsync")

Fault = Callable[[str], None]

#: Windows error codes of a file held open by another process for a moment.
_SHARING_ERRORS: Final = frozenset({5, 32, 33})  # ACCESS_DENIED, SHARING_VIOLATION, LOCK_VIOLATION
REPLACE_ATTEMPTS: Final = 10
_FIRST_DELAY: Final = 0.01
_MAX_DELAY: Final = 0.25

_O_BINARY: Final = getattr(os, "O_BINARY", 0)
_O_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)
_O_NOFOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_TMP_SUFFIX: Final = ".tmp"

T = TypeVar("T")


class FileDamaged(Exception):
    """A file is there but cannot be trusted: not a regular file, too large, not UTF-8, bad JSON.

    ``str()`` is one line naming the file and what is wrong; ``reason`` is the what alone.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[FileDamaged], tuple[Path, str]]:
        return (type(self), (self.path, self.reason))


def _no_fault(step: str) -> None:
    """Default hook: do nothing."""


# -- writing ------------------------------------------------------------------------------------


def fsync_dir(folder: Path | str) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_sharing_violation(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) and getattr(exc, "winerror", None) in _SHARING_ERRORS


def replace(
    src: Path | str,
    dest: Path | str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    attempts: int = REPLACE_ATTEMPTS,
) -> None:
    """``os.replace`` that rides out a Windows sharing violation (see the module docstring)."""
    delay = _FIRST_DELAY
    for attempt in range(1, attempts + 1):
        try:
            os.replace(src, dest)
            return
        except OSError as exc:
            if attempt == attempts or not _is_sharing_violation(exc):
                raise
        sleep(delay)
        delay = min(delay * 2, _MAX_DELAY)


def _publish_new(tmp: Path, dest: Path) -> None:
    """Move ``tmp`` onto ``dest`` only if ``dest`` does not exist (else FileExistsError)."""
    if os.name == "nt":
        os.rename(tmp, dest)  # raises FileExistsError when dest exists
        return
    try:
        os.link(tmp, dest)  # atomic "create if absent"
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if os.path.lexists(dest):
            raise FileExistsError(errno.EEXIST, "File exists", str(dest)) from None
        replace(tmp, dest)
        return
    tmp.unlink()


def atomic_write(
    path: Path | str,
    data: bytes,
    *,
    mode: int = 0o600,
    keep_mode: bool = False,
    overwrite: bool = True,
    fault: Fault | None = None,
) -> None:
    """Write ``data`` to ``path`` all-or-nothing (see the module docstring).

    ``keep_mode`` keeps the mode of an existing target (a shared file we edit); ``overwrite``
    false never replaces an existing file (raises :class:`FileExistsError`).  The folder must
    exist.  On any error the temporary file is removed and the target is untouched.
    """
    target = Path(path)
    hook = fault or _no_fault
    folder = target.parent
    if keep_mode:
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(os.stat(target).st_mode)
    hook("tmp-open")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY | _O_CLOEXEC
    while True:
        tmp = folder / f".{target.name}.{os.urandom(8).hex()}{_TMP_SUFFIX}"
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue
        break
    try:
        with os.fdopen(fd, "wb") as fh:
            if os.name == "posix":
                os.fchmod(fh.fileno(), mode)  # exactly ``mode``, whatever the umask
            hook("tmp-write")
            fh.write(data)
            fh.flush()
            hook("tmp-fsync")
            os.fsync(fh.fileno())
        if os.name != "posix":
            os.chmod(tmp, mode)
        hook("replace")
        if overwrite:
            replace(tmp, target)
        else:
            _publish_new(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if os.name == "posix":
        hook("dir-fsync")
        fsync_dir(folder)


def remove_strays(
    folder: Path, name: str, on_error: Callable[[Path, OSError], None] | None = None
) -> None:
    """Remove temporary files an earlier crash left while writing ``folder/name``."""
    try:
        entries = list(folder.glob(f".{name}.*{_TMP_SUFFIX}"))
    except OSError:
        return
    for stray in entries:
        try:
            stray.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            if on_error is not None:
                on_error(stray, exc)


def write_json(folder: Path, name: str, doc: object, *, sort_keys: bool = False) -> None:
    """Keep ``doc`` as ``folder/name``: indented UTF-8 JSON, written atomically, then the temporary
    files an interrupted earlier write of it left are removed."""
    text = json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=sort_keys) + "\n"
    atomic_write(folder / name, text.encode("utf-8"))
    remove_strays(folder, name)


# -- reading ------------------------------------------------------------------------------------


def _is_link(st: os.stat_result) -> bool:
    attrs = getattr(st, "st_file_attributes", 0)
    return stat.S_ISLNK(st.st_mode) or bool(attrs & 0x400)  # FILE_ATTRIBUTE_REPARSE_POINT


def _size_text(n: int) -> str:
    return f"{n:,} bytes"


def read_bytes(path: Path | str, *, limit: int, follow_links: bool = False) -> bytes | None:
    """The content of the regular file ``path`` (at most ``limit`` bytes), or None if missing.

    Raises :class:`FileDamaged` for a file that is not a regular file (a folder, FIFO, device,
    socket, or -- unless ``follow_links`` -- a symbolic link) or is larger than ``limit``.
    """
    where = Path(path)
    flags = os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY
    if not follow_links:
        flags |= _O_NOFOLLOW
        if not _O_NOFOLLOW:  # Windows: no O_NOFOLLOW; look first (reparse points included)
            try:
                if _is_link(os.lstat(where)):
                    raise FileDamaged(where, "is a symbolic link (not followed)")
            except (FileNotFoundError, NotADirectoryError):
                return None
    try:
        fd = os.open(where, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileDamaged(where, "is a symbolic link (not followed)") from None
        if exc.errno in (errno.ENXIO, errno.EISDIR, errno.EOPNOTSUPP):
            raise FileDamaged(where, "is not a regular file") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileDamaged(where, "is not a regular file")
        if st.st_size > limit:
            raise FileDamaged(where, f"is too large ({_size_text(st.st_size)}; at most {limit:,})")
        if _O_NONBLOCK:
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FileDamaged(where, f"is too large (more than {limit:,} bytes)")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(
    path: Path | str, *, limit: int, follow_links: bool = False, newlines: bool = False
) -> str | None:
    """:func:`read_bytes` decoded as UTF-8 (a byte-order mark is dropped); None if missing.

    ``newlines`` turns ``\\r\\n`` and ``\\r`` into ``\\n``.  Bad UTF-8 raises :class:`FileDamaged`.
    """
    data = read_bytes(path, limit=limit, follow_links=follow_links)
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileDamaged(path, f"is not valid UTF-8 (bad byte at offset {exc.start})") from None
    if newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_json(
    path: Path | str,
    *,
    limit: int,
    max_depth: int = validate.MAX_DEPTH,
    follow_links: bool = False,
) -> object | None:
    """The strict JSON of :func:`read_bytes` (no duplicate keys, no NaN, at most ``max_depth``
    levels); None if missing; :class:`FileDamaged` if it is not such JSON."""
    data = read_bytes(path, limit=limit, follow_links=follow_links)
    if data is None:
        return None
    try:
        return validate.parse_json(data, max_depth=max_depth)
    except validate.Invalid as exc:
        raise FileDamaged(path, exc.detail) from None


@dataclass(frozen=True)
class KeptFile(Generic[T]):
    """A JSON file the app keeps and may find damaged, declared once next to its parser.

    :meth:`read` gives ``parse`` of the file's JSON, or ``fallback()`` as if there were no file
    when it is missing, cannot be read, or does not parse (:class:`validate.Invalid`); the last
    two are logged as "<what> unreadable / is not valid (<why>): ignored".
    """

    what: str
    limit: int
    parse: Callable[[object], T]
    fallback: Callable[[], T]
    logger: logging.Logger

    def read(self, path: Path | str) -> T:
        try:
            data = read_json(path, limit=self.limit)
        except (OSError, FileDamaged) as exc:
            self.logger.warning("%s unreadable (%s): ignored", self.what, exc)
            return self.fallback()
        if data is None:
            return self.fallback()
        try:
            return self.parse(data)
        except validate.Invalid as exc:
            self.logger.warning("%s is not valid (%s): ignored", self.what, exc)
            return self.fallback()


class WriteGate:
    """A base for the owners of files a wipe must not see written back: ``_lock`` guards the
    files, and after :meth:`pause` ``_writable`` is False until :meth:`resume` (the subclass
    checks it under the lock before each write it must skip while paused)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writable = True

    def pause(self) -> None:
        """No write from now on (returns once a write in progress is done)."""
        with self._lock:
            self._writable = False

    def resume(self) -> None:
        with self._lock:
            self._writable = True
