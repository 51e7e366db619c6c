"""The snapshot's registry section: our keys, read on Windows only.

``HKCU\\Software\\NTTCom``, ``HKCU\\Software\\NeWork``, ``HKCU\\Software\\QtProject`` and NeWork's
Uninstall entries (HKCU and HKLM, both views), every key with its values (type, SHA-256 of the
data, a short preview).  Elsewhere the section says ``"supported": false`` with a note.  The
walk takes the :mod:`winreg` module as a parameter, so that tests run it on any OS.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

from nework_desktop import APP_NAME
from nework_desktop.core.digest import sha256_hex
from nework_desktop.qa.common import describe, safe_text
from nework_desktop.qa.snapshot.document import RegistryKey

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


def registry_section() -> tuple[dict[str, Any], list[RegistryKey]]:
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


def _enumerate(read: Callable[[Any, int], Any], key: Any) -> Iterator[Any]:
    """``read(key, 0)``, ``read(key, 1)`` … until it raises :class:`OSError` (no more items)."""
    i = 0
    while True:
        try:
            yield read(key, i)
        except OSError:
            return
        i += 1


def _subkeys(reg: Any, hive: Any, path: str) -> list[str]:
    try:
        key = _open(reg, hive, path)
    except OSError:
        return []
    try:
        return list(_enumerate(reg.EnumKey, key))
    finally:
        reg.CloseKey(key)


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
        out.append(RegistryKey(label, error=describe(exc)))
        return
    entry = RegistryKey(label)
    try:
        entry.values.extend(_value(*item) for item in _enumerate(reg.EnumValue, key))
        children = list(_enumerate(reg.EnumKey, key))
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
        "sha256": sha256_hex(raw),
    }
    if not isinstance(data, bytes) and data is not None:
        preview = safe_text(str(data))
        value["preview"] = preview if len(preview) <= 200 else preview[:199] + "…"
    return value
