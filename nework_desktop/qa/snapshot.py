"""A snapshot of one home: its files, the app's keyring entries and (Windows) registry keys.

Files
    Every entry under the home, walked with :func:`os.scandir` and :func:`os.lstat`: links are
    recorded (with their target) and never followed, Windows junctions and other reparse points
    included.  Each entry has a relative path with ``/`` separators, a type (``file``, ``dir``,
    ``symlink``, ``other``), a size (not for folders), the permission bits, the SHA-256 of files
    of at most :data:`HASH_LIMIT` bytes, and the modification time in ns (used to tell a change
    in a larger file).  What cannot be read is listed under ``errors``; the walk goes on.
Keyring
    keyring cannot list entries, so the app keeps an index of what it stored
    (:func:`nework_desktop.core.secrets.read_index`).  The snapshot reads the index under the
    app's data root for each layout and probes every indexed entry with the same backend the app
    uses: ``present`` true/false (or null when it cannot tell), never the secret.  After an
    uninstall the index is gone, so entries named by earlier snapshots can be probed as well
    (``probe``): that is how a keyring entry the wipe forgot is caught.
Registry
    On Windows only: ``HKCU\\Software\\NTTCom``, ``HKCU\\Software\\NeWork``,
    ``HKCU\\Software\\QtProject`` and NeWork's Uninstall entries (HKCU and HKLM, both views),
    every key with its values (type, SHA-256 of the data, a short preview).  Elsewhere the
    section says ``"supported": false`` with a note.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nework_desktop import APP_NAME, __version__
from nework_desktop.core.paths import LAYOUTS, host_layout
from nework_desktop.core.secrets import SERVICE, index_path, read_index
from nework_desktop.qa.common import EXIT_USAGE, Progress, QAError, safe_text
from nework_desktop.qa.ownership import Rule, app_paths, relative

KIND = "nework-qa-snapshot"
SCHEMA = 1
HASH_LIMIT = 1024 * 1024

FILE_TYPES = ("file", "dir", "symlink", "other")

_REPARSE_POINT = 0x400  # stat.FILE_ATTRIBUTE_REPARSE_POINT, defined on Windows only
_NAME_SURROGATE = 0x20000000  # IsReparseTagNameSurrogate: symlinks, junctions, mount points


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


# -- taking a snapshot ---------------------------------------------------------------------


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
    keyring_info, keyring_entries = _keyring_section(root, probe)
    if registry:
        registry_info, registry_keys = _registry_section()
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
            errors.append({"path": rel_dir or ".", "error": _describe(exc)})
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


def _describe(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _entry(path: str, rel: str) -> FileEntry:
    try:
        st = os.lstat(path)
    except OSError as exc:
        return FileEntry(rel, "other", error=_describe(exc))
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
            entry.error = _describe(exc) if isinstance(exc, OSError) else str(exc)
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
            entry.error = _describe(exc)
    return entry


def _sha256(path: str) -> str:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- keyring ---------------------------------------------------------------------------------


def _keyring_section(
    home: str, probe: Iterable[tuple[str, str]]
) -> tuple[dict[str, Any], list[KeyringEntry]]:
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
    backend, note = _backend()
    if backend is not None:
        section["backend"] = f"{type(backend).__module__}.{type(backend).__name__}"
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


def _backend() -> tuple[Any | None, str | None]:
    try:
        from nework_desktop.core.secrets import system_backend

        backend = system_backend()
    except Exception as exc:
        return None, f"keyring unavailable: {type(exc).__name__}: {exc}"
    if backend is None:
        return None, "no usable keyring backend: indexed entries were not probed"
    return backend, None


# -- registry (Windows) -------------------------------------------------------------------

_REG_TYPES = {
    0: "REG_NONE",
    1: "REG_SZ",
    2: "REG_EXPAND_SZ",
    3: "REG_BINARY",
    4: "REG_DWORD",
    5: "REG_DWORD_BIG_ENDIAN",
    6: "REG_LINK",
    7: "REG_MULTI_SZ",
    11: "REG_QWORD",
}
_UNINSTALL_BASES = (
    r"Software\Microsoft\Windows\CurrentVersion\Uninstall",
    r"Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
)
_MAX_KEYS = 20000


def _registry_section() -> tuple[dict[str, Any], list[RegistryKey]]:
    if sys.platform != "win32":
        return {
            "supported": False,
            "note": "the registry exists on Windows only: not recorded on this system",
        }, []
    import winreg

    return {"supported": True}, registry_keys(winreg)


def registry_keys(reg: Any) -> list[RegistryKey]:
    """Our keys, the QtProject key and our Uninstall entries, read through ``reg`` (winreg).

    ``reg`` is passed in so that a test can give a fake module on any OS.
    """
    hives = {"HKCU": reg.HKEY_CURRENT_USER, "HKLM": reg.HKEY_LOCAL_MACHINE}
    out: list[RegistryKey] = []
    for sub in (r"Software\NTTCom", rf"Software\{APP_NAME}", r"Software\QtProject"):
        _read_tree(reg, hives["HKCU"], "HKCU", sub, out)
    for hive_name, hive in hives.items():
        for base in _UNINSTALL_BASES:
            for name in _subkeys(reg, hive, base):
                path = f"{base}\\{name}"
                if APP_NAME.casefold() in name.casefold() or _display_name_is_ours(reg, hive, path):
                    _read_tree(reg, hive, hive_name, path, out)
    out.sort(key=lambda k: k.key.casefold())
    return out


def _open(reg: Any, hive: Any, path: str) -> Any:
    access = reg.KEY_READ | getattr(reg, "KEY_WOW64_64KEY", 0)
    return reg.OpenKey(hive, path, 0, access)


def _subkeys(reg: Any, hive: Any, path: str) -> list[str]:
    try:
        key = _open(reg, hive, path)
    except OSError:
        return []
    names: list[str] = []
    try:
        i = 0
        while True:
            try:
                names.append(reg.EnumKey(key, i))
            except OSError:
                break
            i += 1
    finally:
        reg.CloseKey(key)
    return names


def _display_name_is_ours(reg: Any, hive: Any, path: str) -> bool:
    try:
        key = _open(reg, hive, path)
    except OSError:
        return False
    try:
        value, _ = reg.QueryValueEx(key, "DisplayName")
    except OSError:
        return False
    finally:
        reg.CloseKey(key)
    return APP_NAME.casefold() in str(value).casefold()


def _read_tree(reg: Any, hive: Any, hive_name: str, path: str, out: list[RegistryKey]) -> None:
    if len(out) >= _MAX_KEYS:
        return
    label = f"{hive_name}\\{path}"
    try:
        key = _open(reg, hive, path)
    except FileNotFoundError:
        return
    except OSError as exc:
        out.append(RegistryKey(label, error=_describe(exc)))
        return
    entry = RegistryKey(label)
    children: list[str] = []
    try:
        i = 0
        while True:
            try:
                name, data, kind = reg.EnumValue(key, i)
            except OSError:
                break
            entry.values.append(_value(name, data, kind))
            i += 1
        i = 0
        while True:
            try:
                children.append(reg.EnumKey(key, i))
            except OSError:
                break
            i += 1
    finally:
        reg.CloseKey(key)
    entry.values.sort(key=lambda v: str(v["name"]).casefold())
    out.append(entry)
    for child in children:
        _read_tree(reg, hive, hive_name, f"{path}\\{child}", out)


def _value(name: str, data: Any, kind: int) -> dict[str, Any]:
    raw = data if isinstance(data, bytes) else repr(data).encode("utf-8", "backslashreplace")
    value: dict[str, Any] = {
        "name": name,
        "type": _REG_TYPES.get(kind, str(kind)),
        "sha256": hashlib.sha256(raw).hexdigest(),
    }
    if not isinstance(data, bytes) and data is not None:
        preview = safe_text(str(data))
        value["preview"] = preview if len(preview) <= 200 else preview[:199] + "…"
    return value


# -- loading -------------------------------------------------------------------------------


def load_snapshot(path: str | os.PathLike[str]) -> Snapshot:
    """Read a snapshot file; any problem is a :class:`QAError` (usage) naming the file."""
    name = os.fspath(path)
    try:
        text = Path(name).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise QAError(f"cannot read snapshot {name}: no such file", EXIT_USAGE) from None
    except IsADirectoryError:
        raise QAError(f"cannot read snapshot {name}: it is a folder", EXIT_USAGE) from None
    except OSError as exc:
        raise QAError(f"cannot read snapshot {name}: {_describe(exc)}", EXIT_USAGE) from exc
    except UnicodeDecodeError:
        raise QAError(f"{name} is not a snapshot: not UTF-8 text", EXIT_USAGE) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", "?")
        raise QAError(f"{name} is not a snapshot: invalid JSON at line {line}", EXIT_USAGE) from exc
    return snapshot_from_json(data, name)


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
