"""The keyring probe: which of the app's keyring entries exist -- present or not, never the secret.

keyring cannot list entries, so the app keeps an index of what it stored
(:func:`nework_desktop.core.secrets.read_index`).  The snapshot reads the index under the app's
data root for each layout and probes every indexed entry with the same backend the app uses:
``present`` true/false (or null when it cannot tell).  After an uninstall the index is gone, so
entries named by earlier snapshots can be probed as well (``probe``): that is how a keyring entry
the wipe forgot is caught.  Any failure of the keyring is a note, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from nework_desktop.core.paths import LAYOUTS
from nework_desktop.core.secrets import SERVICE, index_path, read_index
from nework_desktop.qa.ownership import app_paths, relative
from nework_desktop.qa.snapshot.document import KeyringEntry

NO_BACKEND = "no usable keyring backend"


def open_backend(absent: str = NO_BACKEND) -> tuple[Any | None, str | None]:
    """(the app's keyring backend, None), or (None, why not: ``absent`` when there is none)."""
    try:
        from nework_desktop.core.secrets import system_backend

        backend = system_backend()
    except Exception as exc:  # a broken keyring installation: "none", never a crash
        return None, f"keyring unavailable: {type(exc).__name__}: {exc}"
    if backend is None:
        return None, absent
    return backend, None


def backend_name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def usable_backend() -> tuple[str | None, str | None]:
    """(the name of the backend the snapshots probe with, None) or (None, why not).

    A backend can be chosen and still not answer (no D-Bus session, a locked store): it is
    asked once for an entry that does not exist.
    """
    backend, why = open_backend()
    if backend is None:
        return None, why
    name = backend_name(backend)
    try:
        backend.get_password(SERVICE, "nework-qa-probe")
    except Exception as exc:
        return None, f"the keyring ({name}) does not answer: {type(exc).__name__}: {exc}"
    return name, None


def keyring_section(
    home: str, probe: Iterable[tuple[str, str]]
) -> tuple[dict[str, Any], list[KeyringEntry]]:
    """The snapshot's ``keyring`` section (the indexes looked for) and the probed entries."""
    indexes: list[dict[str, Any]] = []
    sources: dict[tuple[str, str], list[str]] = {}
    for layout in LAYOUTS:
        paths = app_paths(layout, home)
        path = index_path(paths)
        info: dict[str, Any] = {"layout": layout, "path": relative(path, home) or str(path)}
        info["exists"] = path.is_file()
        if info["exists"]:
            try:
                json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                info["error"] = f"unreadable: {exc}"
            else:
                refs = read_index(paths)
                info["entries"] = len(refs)
                for ref in refs:
                    sources.setdefault((ref.service, ref.name), []).append(info["path"])
        indexes.append(info)
    for service, name in probe:
        sources.setdefault((service, name), []).append("earlier snapshot")
    section: dict[str, Any] = {"service": SERVICE, "indexes": indexes, "backend": None}
    if not sources:
        section["note"] = "no secrets index under the app's data roots: nothing to probe"
        return section, []
    backend, note = open_backend(f"{NO_BACKEND}: indexed entries were not probed")
    if backend is not None:
        section["backend"] = backend_name(backend)
    if note:
        section["note"] = note
    entries: list[KeyringEntry] = []
    for (service, name), where in sorted(sources.items()):
        entry = KeyringEntry(service, name, None, sources=sorted(set(where)))
        if backend is None:
            entry.error = "not probed: no usable keyring"
        else:
            try:
                entry.present = backend.get_password(service, name) is not None
            except Exception as exc:  # any backend failure: "cannot tell", never a crash
                entry.error = f"{type(exc).__name__}: {exc}"
        entries.append(entry)
    return section, entries
