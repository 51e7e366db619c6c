"""Shared stores: files or registry keys other programs use too; the wipe removes only our
traces (:class:`QtIniStore`, :class:`WindowsRegistryStore`; :class:`UnhandledStore` is listed).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import unquote, urlsplit

from nework_desktop.core import storage
from nework_desktop.core.paths import AppPaths, Layout
from nework_desktop.core.wipe.report import FileState, LeftStates, StoreOutcome
from nework_desktop.core.wipe.safety import norm, reason

#: A shared settings file larger than this is not read (nor edited) by the wipe.
MAX_SHARED_FILE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class StoreRun:
    """One pass over the shared stores: the roots, what the traces index says we created and
    the state our own last write left each such file in (both empty unless the data root
    holding the index is provably ours), and whether it is a dry run."""

    paths: AppPaths
    created: frozenset[tuple[str, str]] = frozenset()
    left: LeftStates = field(default_factory=dict)
    dry_run: bool = False


class SharedStore(Protocol):
    """A store other programs use too: we remove only our traces from it.

    :meth:`run` does one :class:`StoreRun` (a dry run only says what it would do).
    """

    id: str
    layouts: tuple[Layout, ...]

    def location(self, paths: AppPaths) -> str: ...

    def run(self, job: StoreRun) -> StoreOutcome: ...


def our_prefixes(paths: AppPaths) -> list[str]:
    roots = [str(r) for r in paths.roots()]
    roots += [os.path.realpath(r) for r in roots]
    return sorted({norm(r) for r in roots})


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
    cand = norm(text)
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

    def run(self, job: StoreRun) -> StoreOutcome:
        paths, created, dry_run, left = job.paths, job.created, job.dry_run, job.left
        where = self.location(paths)
        if not os.path.lexists(where):
            return StoreOutcome(self.id, where, "absent")
        is_link = os.path.islink(where)
        try:
            # Through a link only to count our traces: the file behind it is never edited.
            data = storage.read_bytes(where, limit=MAX_SHARED_FILE_BYTES, follow_links=is_link)
            text = (data or b"").decode("utf-8")
        except (OSError, UnicodeDecodeError, storage.FileDamaged) as exc:
            return StoreOutcome(self.id, where, "failed", error=f"unreadable: {exc}")
        new_text, traces, remaining = scrub_ini(text, our_prefixes(paths))
        if is_link:
            if not traces:
                return StoreOutcome(self.id, where, "clean")
            why = (
                f"a symbolic link (not followed): our {traces} entries in the file it points "
                "to were left; remove them by hand or replace the link by a file"
            )
            return StoreOutcome(self.id, where, "refused", traces=0, error=why)
        ours = (self.id, where) in created
        state = FileState.of(data or b"")
        untouched = ours and left is not None and left.get((self.id, where)) == state
        delete = untouched or (ours and _ini_is_dialog_state_only(remaining))
        if not traces and not delete:
            return StoreOutcome(self.id, where, "clean")
        count = traces + (1 if delete and not traces else 0)
        if dry_run:
            return StoreOutcome(self.id, where, "would clean", count, delete)
        try:
            if delete:
                os.unlink(where)
            else:
                replace_text(where, new_text)
        except OSError as exc:
            return StoreOutcome(self.id, where, "failed", error=reason(exc))
        return StoreOutcome(self.id, where, "cleaned", count, delete)


def replace_text(target: str, text: str) -> None:
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

    def run(self, job: StoreRun) -> StoreOutcome:
        paths = job.paths
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

    def run(self, job: StoreRun) -> StoreOutcome:
        paths, dry_run = job.paths, job.dry_run
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
            return StoreOutcome(self.id, where, "failed", error=reason(exc))
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


def stores_for(layout: str) -> list[SharedStore]:
    return [s for s in SHARED_STORES if layout in s.layouts]
