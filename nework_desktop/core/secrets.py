"""Secrets only in the OS keyring, and an index of what we put there.

keyring cannot list entries, so the store records every (service, name) pair it writes in an
index file under the data root (the index holds names only, never a secret).  The uninstall wipe
reads that index to delete our keyring entries; sign-out deletes them too.

When no usable keyring backend exists (no Secret Service, a locked or absent keychain) the store
keeps secrets in memory only, for this process: never a plaintext file.  ``persistent`` tells the
caller so it can say once that the user will have to sign in again next time.

The backends are the real OS keyrings: Windows Credential Manager, macOS Keychain, the Secret
Service on Linux (gnome-keyring in the tests).  :func:`system_backend` takes the platform's own
directly -- the one keyring's discovery ends with on these systems -- instead of letting keyring
load and rank every backend it knows (~100 ms at each start, issue 15); keyring's own choice is
used whenever something else is asked for (``PYTHON_KEYRING_BACKEND``, a ``keyringrc.cfg``, a
KDE session, whose KWallet keyring would rank first) or the platform's is not usable.

A secret longer than one entry holds everywhere (:data:`PART_UNITS`: Windows Credential Manager
keeps at most 2,560 bytes of UTF-16 per credential, and a session token may be longer) is kept
in parts: entries ``name#1`` … ``name#N`` and, under ``name`` itself, a line naming the count and
the SHA-256 of the whole.  The parts are indexed before they are written, so sign-out and the
wipe find them; a secret whose parts do not add up reads as missing (sign in again), never as a
wrong value.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nework_desktop.core import storage, validate
from nework_desktop.core.digest import sha256_hex
from nework_desktop.core.paths import AppPaths

log = logging.getLogger("nework.secrets")

SERVICE = "NeWork Desktop"
INDEX_NAME = "secrets-index.json"
#: UTF-16 code units per keyring entry at most (Windows allows 1,280: CRED_MAX_CREDENTIAL_BLOB_SIZE
#: is 2,560 bytes); a longer secret is kept in parts of this size.
PART_UNITS = 1024
#: Parts of one secret at most: the service's longest token (16,384 characters, net.http's
#: MAX_TOKEN_LENGTH) fits whatever its characters -- every part but the last holds at least 512
#: (1,023 or 1,024 units of at most two each).
MAX_PARTS = 32
#: The entry ``name`` of a secret kept in parts reads "<PARTS_TAG> <count> <sha256 hex>".
PARTS_TAG = "nework-secret-in-parts/1"


@dataclass(frozen=True, order=True)
class SecretRef:
    service: str
    name: str


def index_path(paths: AppPaths) -> Path:
    return paths.data / INDEX_NAME


#: Names only, a handful of entries; anything this large is not ours.
MAX_INDEX_BYTES = 1024 * 1024


def read_index(paths: AppPaths) -> list[SecretRef]:
    """The entries recorded in the index (read-only; a damaged index reads as empty)."""
    return read_index_checked(paths)[0]


def read_index_checked(paths: AppPaths) -> tuple[list[SecretRef], str | None]:
    """The entries recorded in the index, and what is wrong with the index (None: nothing).

    A damaged index (unreadable, not JSON, no list of entries, …) reads as empty, and the
    problem is returned so that the wipe can report that keyring entries may be left.
    """
    try:
        raw = storage.read_json(index_path(paths), limit=MAX_INDEX_BYTES)
    except (OSError, storage.FileDamaged) as exc:
        problem = f"unreadable ({exc})"
        log.error("secrets index %s: keyring entries may be left behind", problem)
        return [], problem
    if raw is None:
        return [], None
    entries = raw.get("entries") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        problem = "damaged (it holds no list of entries)"
        log.error("secrets index %s: keyring entries may be left behind", problem)
        return [], problem
    good = [
        e
        for e in entries
        if isinstance(e, dict) and _is_text(e.get("service")) and _is_text(e.get("name"))
    ]
    refs = sorted({SecretRef(e["service"], e["name"]) for e in good})
    bad = len(entries) - len(good)
    if bad:
        problem = f"damaged ({bad} of its {len(entries)} entries cannot be read)"
        log.error("secrets index %s: keyring entries may be left behind", problem)
        return refs, problem
    return refs, None


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def split_secret(secret: str, units: int = PART_UNITS) -> list[str]:
    """``secret`` cut into pieces of at most ``units`` UTF-16 code units (one, if it fits)."""
    if secret.isascii():
        return [secret[i : i + units] for i in range(0, len(secret), units)] or [""]
    parts: list[str] = []
    start = size = 0
    for i, char in enumerate(secret):
        width = 2 if ord(char) > 0xFFFF else 1
        if size + width > units:
            parts.append(secret[start:i])
            start, size = i, 0
        size += width
    parts.append(secret[start:])
    return parts


def part_name(name: str, number: int) -> str:
    """The entry that holds part ``number`` (1, 2, …) of the secret ``name``."""
    return f"{name}#{number}"


def _is_part(ref: SecretRef, service: str, name: str) -> bool:
    suffix = ref.name.removeprefix(f"{name}#")
    return ref.service == service and suffix != ref.name and validate.ascii_int(suffix) is not None


def _write_index(paths: AppPaths, refs: list[SecretRef]) -> None:
    data = {"schema": 1, "entries": [{"service": r.service, "name": r.name} for r in refs]}
    storage.write_json(paths.ensure("data"), INDEX_NAME, data)


#: The platform's own keyring backend (module, class): what keyring's discovery picks there.
_NATIVE_BACKENDS = {
    "win32": ("keyring.backends.Windows", "WinVaultKeyring"),
    "darwin": ("keyring.backends.macOS", "Keyring"),
    "linux": ("keyring.backends.SecretService", "Keyring"),
}


def _native_backend() -> Any | None:
    """The platform's own backend when keyring would pick it too and it is usable, else None."""
    native = _NATIVE_BACKENDS.get(sys.platform)
    if native is None or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return None
    if sys.platform == "linux" and "KDE" in os.environ.get("XDG_CURRENT_DESKTOP", "").upper():
        return None
    from keyring.util import platform_

    try:
        if (platform_.config_root() / "keyringrc.cfg").exists():
            return None
        backend_class = getattr(importlib.import_module(native[0]), native[1])
        if backend_class.priority <= 0:  # raises, or is 0, where the backend cannot work
            return None
        return backend_class()
    except Exception as exc:  # keyring's discovery decides then
        log.debug("the platform's keyring backend is not usable: %s", exc)
        return None


def system_backend() -> Any | None:
    """The OS keyring backend, or None when there is no usable one."""
    native = _native_backend()
    if native is not None:
        return native
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration is "no keyring"
        log.warning("keyring unavailable: %s", exc)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    if type(backend).__name__ == "ChainerBackend" and not getattr(backend, "backends", None):
        return None
    return backend


class SecretStore:
    """Stores secrets in the OS keyring (or memory), remembering what it stored."""

    def __init__(self, paths: AppPaths, backend: Any | None = None, *, service: str = SERVICE):
        self._paths = paths
        self._backend = backend
        self._service = service
        self._memory: dict[str, str] = {}
        self._warned = False
        self._degraded = False  # the keyring refused a write: memory only from then on

    @classmethod
    def open(cls, paths: AppPaths) -> SecretStore:
        return cls(paths, system_backend())

    @property
    def persistent(self) -> bool:
        """False when secrets live in memory only (no keyring backend, or it refused a write)."""
        return self._backend is not None and not self._degraded

    def _ref(self, name: str) -> SecretRef:
        return SecretRef(self._service, name)

    def set(self, name: str, secret: str) -> None:
        if not name or not isinstance(secret, str):
            raise ValueError("a secret needs a name and a string value")
        if self._backend is None or self._degraded:
            self._keep_in_memory(name, secret)
            return
        parts = split_secret(secret)
        if len(parts) == 1 and not secret.startswith(PARTS_TAG):
            parts = []  # one entry, the secret itself
        if len(parts) > MAX_PARTS:
            raise ValueError(f"a secret of {len(secret):,} characters is not a session token")
        refs = read_index(self._paths)
        entries = [(part_name(name, i), part) for i, part in enumerate(parts, 1)]
        if parts:
            entries.append((name, f"{PARTS_TAG} {len(parts)} {sha256_hex(secret.encode())}"))
        else:
            entries.append((name, secret))
        wanted = {self._ref(entry) for entry, _ in entries}
        if not wanted <= set(refs):  # index first: never an orphan
            refs = sorted({*refs, *wanted})
            _write_index(self._paths, refs)
        try:
            for entry, value in entries:  # the line naming the parts last
                self._backend.set_password(self._service, entry, value)
        except Exception as exc:  # locked/denied keychain, D-Bus gone: never a file instead
            log.warning("keyring write failed (%s)", type(exc).__name__)
            self._degraded = True
            self._keep_in_memory(name, secret)
            return
        self._memory.pop(name, None)
        stale = [r for r in refs if _is_part(r, self._service, name) and r not in wanted]
        try:  # the secret got shorter: its old parts go (they stay indexed until they are gone)
            self._delete_refs(stale, refs)
        except Exception as exc:
            log.warning("old parts of a keyring entry not deleted (%s)", type(exc).__name__)

    def _keep_in_memory(self, name: str, secret: str) -> None:
        if not self._warned:
            log.warning("no usable OS keyring: signed-in state is kept in memory only")
            self._warned = True
        self._memory[name] = secret

    def get(self, name: str) -> str | None:
        if name in self._memory or self._backend is None:
            return self._memory.get(name)
        value = self._read(name)
        if value is None or not value.startswith(PARTS_TAG):
            return value
        return self._joined(name, value)

    def _read(self, name: str) -> str | None:
        assert self._backend is not None
        try:
            value = self._backend.get_password(self._service, name)
        except Exception as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None
        return value if isinstance(value, str) else None

    def _joined(self, name: str, line: str) -> str | None:
        """The secret kept in parts that ``line`` names, or None when they do not add up."""
        fields = line.split(" ")
        count = validate.ascii_int(fields[1]) if len(fields) == 3 else None
        if count is None or not 0 < count <= MAX_PARTS:
            log.warning("keyring entry %s is damaged: read as missing", name)
            return None
        parts = [self._read(part_name(name, i)) for i in range(1, count + 1)]
        whole = None if None in parts else "".join(p for p in parts if p is not None)
        if whole is None or sha256_hex(whole.encode()) != fields[2]:
            log.warning("keyring entry %s is incomplete: read as missing", name)
            return None
        return whole

    def clear_memory(self) -> None:
        """Forget secrets held in memory (the keyring is not touched)."""
        self._memory.clear()

    def delete(self, name: str) -> None:
        self._memory.pop(name, None)
        if self._backend is None:
            return
        refs = read_index(self._paths)
        parts = [r for r in refs if _is_part(r, self._service, name)]
        self._delete_refs([*parts, self._ref(name)], refs)

    def _delete_refs(self, gone: list[SecretRef], refs: list[SecretRef]) -> None:
        """Delete these entries, then drop them from the index (``refs``: as it was read)."""
        assert self._backend is not None
        if not gone:
            return
        for ref in gone:
            _delete_entry(self._backend, ref)
        if index_path(self._paths).exists():
            _write_index(self._paths, [r for r in refs if r not in gone])


def _delete_entry(backend: Any, ref: SecretRef) -> bool:
    """Delete one keyring entry; True if it is gone (or was never there)."""
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):  # already gone
        backend.delete_password(ref.service, ref.name)
    return backend.get_password(ref.service, ref.name) is None


def wipe_entries(
    refs: Sequence[SecretRef], backend: Any | None
) -> tuple[list[SecretRef], list[str]]:
    """Delete these keyring entries (the index's, as the wipe's plan read it); return
    (removed, errors).  The index file itself goes with the data root."""
    removed: list[SecretRef] = []
    errors: list[str] = []
    if refs and backend is None:
        return [], [f"no keyring available to delete {len(refs)} stored entries"]
    for ref in refs:
        try:
            if _delete_entry(backend, ref):
                removed.append(ref)
            else:
                errors.append(f"keyring entry {ref.service}/{ref.name} still present")
        except Exception as exc:
            errors.append(f"keyring entry {ref.service}/{ref.name}: {type(exc).__name__}: {exc}")
    return removed, errors
