"""The index of shared-store files we created (``<data>/shared-traces.json``).

``{"schema": 1, "created": [entry, ...], "updated_at": ...}``, one entry per shared-store file we
created: ``{"store": id, "path": location}``, plus ``"left": {"sha256": ..., "size": ...}`` (its
content as our own last write left it) or ``"foreign": true`` (it was found changed by someone
else; from then on no state is recorded for it).  Only such a file may be deleted as a whole.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nework_desktop.core import storage
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.wipe.report import FileState
from nework_desktop.core.wipe.safety import reason
from nework_desktop.core.wipe.stores import MAX_SHARED_FILE_BYTES, SHARED_STORES, QtIniStore

log = logging.getLogger("nework.cleanup")

TRACES_NAME = "shared-traces.json"
MAX_TRACES_BYTES = 1024 * 1024

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
    return read_index_checked(paths)[0]


def read_index_checked(paths: AppPaths) -> tuple[dict[tuple[str, str], dict[str, Any]], str | None]:
    """:func:`_read_index`, and what is wrong with the index file (None: nothing)."""
    try:
        raw = storage.read_json(_traces_path(paths), limit=MAX_TRACES_BYTES)
    except (OSError, storage.FileDamaged) as exc:
        log.warning("shared-store traces index unreadable (%s): treated as empty", exc)
        return {}, f"unreadable ({exc})"
    if raw is None:
        return {}, None
    if not isinstance(raw, dict) or not isinstance(raw.get("created", []), list):
        log.warning("shared-store traces index damaged: treated as empty")
        return {}, "damaged (it holds no list of files)"
    entries = raw.get("created", [])
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
    return index, None


def _write_index(paths: AppPaths, entries: Iterable[dict[str, Any]]) -> None:
    folder = paths.ensure("data")
    data = {
        "schema": 1,
        "created": sorted(entries, key=lambda e: (e["store"], e["path"])),
        "updated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    storage.write_json(folder, TRACES_NAME, data)


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


@dataclass(frozen=True)
class Traces:
    """What the index says: the shared-store files we created, the state our last write left
    each in, and what is wrong with the index (None: nothing)."""

    created: frozenset[tuple[str, str]] = frozenset()
    left: Mapping[tuple[str, str], FileState] = field(default_factory=dict)
    problem: str | None = None


def read_traces(paths: AppPaths) -> Traces:
    """Read the index once (read-only; a damaged index reads as empty, its problem kept)."""
    index, problem = read_index_checked(paths)
    left: dict[tuple[str, str], FileState] = {}
    for key, entry in index.items():
        state = _left_state(entry)
        if state is not None:
            left[key] = state
    return Traces(frozenset(index), left, problem)


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
        log.warning("cannot record the state of %s: %s", where, reason(exc))
        return False
    return True
