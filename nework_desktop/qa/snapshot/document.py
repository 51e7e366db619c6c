"""The snapshot as data and as a file: the entries, writing the JSON (:meth:`Snapshot.dumps`)
and reading it back (:func:`load_snapshot`), with every problem of a file a one-line usage error.

The file (``kind: nework-qa-snapshot``, ``schema: 1``) has the header indented and one line per
file entry, so that it stays readable and greppable; docs/qa.md lists its fields.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from nework_desktop import __version__
from nework_desktop.core import storage, validate
from nework_desktop.core.secrets import SERVICE
from nework_desktop.qa.common import EXIT_USAGE, QAError, describe

KIND = "nework-qa-snapshot"
SCHEMA = 1

FILE_TYPES = ("file", "dir", "symlink", "other")


@dataclass
class FileEntry:
    path: str
    type: str
    size: int | None = None
    mode: str | None = None
    sha256: str | None = None
    target: str | None = None
    mtime_ns: int | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "type": self.type}
        for name in ("size", "mode", "sha256", "target", "mtime_ns", "error"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data


@dataclass
class KeyringEntry:
    service: str
    name: str
    present: bool | None
    error: str | None = None
    sources: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"keyring:{self.service}/{self.name}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"service": self.service, "name": self.name}
        data["present"] = self.present
        if self.error:
            data["error"] = self.error
        data["sources"] = self.sources
        return data


@dataclass
class RegistryKey:
    key: str
    values: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "values": self.values}
        if self.error:
            data["error"] = self.error
        return data


@dataclass
class Snapshot:
    home: str
    taken_at: str
    host: dict[str, Any]
    files: list[FileEntry]
    errors: list[dict[str, str]] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    keyring: dict[str, Any] = field(default_factory=dict)
    keyring_entries: list[KeyringEntry] = field(default_factory=list)
    registry: dict[str, Any] = field(default_factory=dict)
    registry_keys: list[RegistryKey] = field(default_factory=list)
    tool_version: str = __version__
    home_exists: bool = True

    @property
    def host_os(self) -> str:
        return str(self.host.get("os", ""))

    @property
    def case_insensitive(self) -> bool:
        """Windows and macOS file systems ignore case (by default)."""
        return self.host_os in ("windows", "macos")

    def to_json(self) -> dict[str, Any]:
        keyring = dict(self.keyring)
        keyring["entries"] = [e.to_json() for e in self.keyring_entries]
        registry = dict(self.registry)
        registry["keys"] = [k.to_json() for k in self.registry_keys]
        return {
            "kind": KIND,
            "schema": SCHEMA,
            "tool_version": self.tool_version,
            "home": self.home,
            "home_exists": self.home_exists,
            "taken_at": self.taken_at,
            "host": self.host,
            "exclude": self.exclude,
            "keyring": keyring,
            "registry": registry,
            "errors": self.errors,
            "files": [f.to_json() for f in self.files],
        }

    def dumps(self) -> str:
        """JSON text: the header indented, one line per file entry (readable, greppable)."""
        data = self.to_json()
        lines: list[str] = []
        items = list(data.items())
        for n, (key, value) in enumerate(items):
            comma = "," if n < len(items) - 1 else ""
            if key == "files" and value:
                rows = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in value)
                lines.append(f'  "files": [\n{rows}\n  ]{comma}')
            else:
                text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
                lines.append(f"  {json.dumps(key)}: {text}{comma}")
        return "{\n" + "\n".join(lines) + "\n}\n"

    def keyring_names(self) -> list[tuple[str, str]]:
        return [(e.service, e.name) for e in self.keyring_entries]


# -- reading --------------------------------------------------------------------------------


#: A snapshot of a large home is tens of MB; a file larger than this is not one.
MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024


def load_snapshot(path: str | os.PathLike[str]) -> Snapshot:
    """Read a snapshot file; any problem is a :class:`QAError` (usage) naming the file.

    Read with the app's hardened reader: a FIFO or a link to a device ends as "not a
    snapshot", never a hang; the JSON is strict and depth-capped.
    """
    name = os.fspath(path)
    if os.path.isdir(name):
        raise QAError(f"cannot read snapshot {name}: it is a folder", EXIT_USAGE)
    try:
        data = storage.read_bytes(name, limit=MAX_SNAPSHOT_BYTES, follow_links=True)
    except storage.FileDamaged as exc:
        raise QAError(f"{name} is not a snapshot: it {exc.reason}", EXIT_USAGE) from None
    except OSError as exc:
        raise QAError(f"cannot read snapshot {name}: {describe(exc)}", EXIT_USAGE) from exc
    if data is None:
        raise QAError(f"cannot read snapshot {name}: no such file", EXIT_USAGE)
    try:
        doc = validate.parse_json(data)
    except validate.Invalid as exc:
        why = "not UTF-8 text" if exc.detail.startswith("not valid UTF-8") else exc.detail
        raise QAError(f"{name} is not a snapshot: {why}", EXIT_USAGE) from None
    return snapshot_from_json(doc, name)


def snapshot_from_json(data: Any, name: str = "snapshot") -> Snapshot:
    def bad(why: str) -> QAError:
        return QAError(f"{name} is not a usable snapshot: {why}", EXIT_USAGE)

    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise bad(f'no "kind": "{KIND}" (was it made by \'nework-qa snapshot\'?)')
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise bad("no valid schema version")
    if schema > SCHEMA:
        raise bad(f"schema {schema} is newer than this nework-qa reads ({SCHEMA}); update it")
    home, taken_at, host = data.get("home"), data.get("taken_at"), data.get("host")
    if not isinstance(home, str) or not isinstance(taken_at, str) or not isinstance(host, dict):
        raise bad('"home", "taken_at" or "host" missing')
    raw_files = data.get("files")
    if not isinstance(raw_files, list):
        raise bad('"files" is not a list')
    files: list[FileEntry] = []
    for n, raw in enumerate(raw_files):
        files.append(_file_from_json(raw, n, bad))
    keyring = data.get("keyring") if isinstance(data.get("keyring"), dict) else {}
    registry = data.get("registry") if isinstance(data.get("registry"), dict) else {}
    assert isinstance(keyring, dict) and isinstance(registry, dict)
    k_entries = [_keyring_from_json(e, bad) for e in _list(keyring.pop("entries", []), bad)]
    r_keys = [_registry_from_json(e, bad) for e in _list(registry.pop("keys", []), bad)]
    errors = [
        {"path": str(e.get("path", "")), "error": str(e.get("error", ""))}
        for e in _list(data.get("errors", []), bad)
        if isinstance(e, dict)
    ]
    exclude = [str(p) for p in _list(data.get("exclude", []), bad)]
    return Snapshot(
        home=home,
        taken_at=taken_at,
        host=host,
        files=files,
        errors=errors,
        exclude=exclude,
        keyring=keyring,
        keyring_entries=k_entries,
        registry=registry,
        registry_keys=r_keys,
        tool_version=str(data.get("tool_version", "")),
        home_exists=bool(data.get("home_exists", True)),
    )


def _list(value: Any, bad: Any) -> list[Any]:
    if not isinstance(value, list):
        raise bad("a list was expected")
    return value


def _opt(raw: dict[str, Any], key: str, kind: type, bad: Any, where: str) -> Any:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise bad(f'{where}: "{key}" has the wrong type')
    return value


def _file_from_json(raw: Any, n: int, bad: Any) -> FileEntry:
    where = f"files[{n}]"
    if not isinstance(raw, dict):
        raise bad(f"{where} is not an object")
    path, kind = raw.get("path"), raw.get("type")
    if not isinstance(path, str) or not path or kind not in FILE_TYPES:
        raise bad(f'{where} has no valid "path" and "type"')
    return FileEntry(
        path=path,
        type=str(kind),
        size=_opt(raw, "size", int, bad, where),
        mode=_opt(raw, "mode", str, bad, where),
        sha256=_opt(raw, "sha256", str, bad, where),
        target=_opt(raw, "target", str, bad, where),
        mtime_ns=_opt(raw, "mtime_ns", int, bad, where),
        error=_opt(raw, "error", str, bad, where),
    )


def _keyring_from_json(raw: Any, bad: Any) -> KeyringEntry:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise bad("a keyring entry has no name")
    present = raw.get("present")
    return KeyringEntry(
        service=str(raw.get("service", SERVICE)),
        name=str(raw["name"]),
        present=present if isinstance(present, bool) else None,
        error=str(raw["error"]) if raw.get("error") else None,
        sources=[str(s) for s in raw.get("sources", []) if isinstance(s, str)],
    )


def _registry_from_json(raw: Any, bad: Any) -> RegistryKey:
    if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
        raise bad("a registry entry has no key")
    values = [v for v in _list(raw.get("values", []), bad) if isinstance(v, dict)]
    return RegistryKey(str(raw["key"]), values, str(raw["error"]) if raw.get("error") else None)
