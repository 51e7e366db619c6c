"""Which entries of a home are NeWork's (``ours``), a shared store's (``shared``), or neither.

``ours``
    Inside one of the app's owned roots, for *any* of the three layouts: the roots are computed
    by :class:`nework_desktop.core.paths.AppPaths` itself (with ``HOME``/``LOCALAPPDATA``
    pointed at a reference home and no ``XDG_*`` variable), so this module never keeps its own
    copy of where the app writes.  Also ours: the vendor folder (``AppData/Local/NTTCom``)
    paths.py creates as a parent on Windows, the places Qt and the OS would use for an app
    called NeWork if told nothing (:data:`OURS_EXTRA`), our keyring entries and our registry
    keys.  An installed build may be of another version than this checkout: the lifecycle adds
    the roots the app's own ``status --json`` names (``extra`` in :func:`classify_path`).
``shared``
    A store other programs use too in which the app can leave traces (:data:`SHARED`): the
    QtProject settings, the Qt shader cache, Chromium's NSS database, the fontconfig cache.
    Only our keys in it are residue, so the wipe must edit it, never delete it.
``unknown``
    Everything else, e.g. an empty ``.local/share`` left behind.

Patterns are ``/``-separated relative paths; each segment is an :func:`fnmatch.fnmatchcase`
pattern and a rule matches the entry itself and (for a ``tree`` rule) everything inside it.
Matching ignores case when the snapshot comes from Windows or macOS (their file systems do).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from typing import Literal

from nework_desktop import APP_AUTHOR, APP_ID, APP_NAME
from nework_desktop.core.paths import LAYOUTS, AppPaths, Layout

Class = Literal["ours", "shared", "unknown"]
CLASSES: tuple[Class, ...] = ("ours", "shared", "unknown")

#: Variables removed before computing roots (they would move them out of the home).
STRIPPED_PREFIXES = ("XDG_", "NEWORK_", "WIN_PD_OVERRIDE_")

#: Not from paths.py, but ours if they appear: what Qt/the OS/an installer would use for us.
OURS_EXTRA: tuple[tuple[str, bool, str], ...] = (
    # (pattern, tree, why)
    (f"AppData/Roaming/{APP_AUTHOR}", False, "vendor folder (roaming)"),
    (f"AppData/Roaming/{APP_AUTHOR}/{APP_NAME}", True, "roaming app data"),
    (f"AppData/Roaming/{APP_NAME}", True, "Qt AppDataLocation (Windows)"),
    (f"AppData/Local/{APP_NAME}", True, "Qt AppLocalDataLocation (Windows)"),
    (f"AppData/Local/Programs/{APP_NAME}", True, "per-user install folder"),
    (
        f"AppData/Roaming/Microsoft/Windows/Start Menu/Programs/{APP_NAME}*",
        True,
        "Start-menu shortcut",
    ),
    (f"Desktop/{APP_NAME}*.lnk", True, "desktop shortcut"),
    (f"Library/Preferences/{APP_ID}.plist", True, "QSettings/NSUserDefaults (macOS)"),
    (f"Library/Preferences/*.{APP_NAME}.plist", True, "QSettings (macOS)"),
    (f"Library/Saved Application State/{APP_ID}.savedState", True, "macOS saved state"),
    (f"Library/Caches/{APP_ID}", True, "macOS bundle cache"),
    (f"Library/HTTPStorages/{APP_ID}*", True, "macOS HTTP storage"),
    (f"Library/WebKit/{APP_ID}", True, "macOS WebKit data"),
    (f"Library/LaunchAgents/{APP_ID}*", True, "macOS login item"),
    (f".config/{APP_AUTHOR}", False, "vendor folder of QSettings (Linux)"),
    (f".config/{APP_AUTHOR}/{APP_NAME}.conf", True, "QSettings (Linux)"),
    (f".config/{APP_AUTHOR}/{APP_NAME}", True, "QSettings folder (Linux)"),
    (f".config/{APP_NAME}.conf", True, "QSettings without organisation (Linux)"),
    (f".config/autostart/{APP_ID}.desktop", True, "autostart entry (Linux)"),
    (f".local/share/applications/{APP_ID}.desktop", True, "desktop entry (Linux)"),
)

#: Stores shared with other programs where the app can leave traces.
SHARED: tuple[tuple[str, str], ...] = (
    (".config/QtProject.conf", "QtProject settings (file dialog history), Linux"),
    (".config/QtProject", "QtProject settings folder, Linux"),
    (".cache/qtshadercache-*", "Qt shader cache, Linux"),
    (".cache/qtshadercache", "Qt shader cache, Linux"),
    ("Library/Preferences/com.trolltech.plist", "QtProject settings, macOS"),
    ("Library/Preferences/org.qt-project.*", "QtProject settings, macOS"),
    ("Library/Caches/qtshadercache-*", "Qt shader cache, macOS"),
    ("AppData/Local/cache/qtshadercache-*", "Qt shader cache, Windows"),
    ("AppData/Local/QtProject", "QtProject settings, Windows"),
    (".pki/nssdb", "Chromium's NSS database (QtWebEngine), Linux"),
    (".cache/fontconfig", "fontconfig cache"),
    (".local/share/recently-used.xbel", "recent-files list (native file dialogs), Linux"),
)

_UNINSTALL = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
_UNINSTALL_WOW = r"Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall"

#: Registry keys (backslash-separated, hive abbreviated).  Only NeWork's Uninstall entries are
#: ever recorded, so every recorded key under an Uninstall key is ours.
REGISTRY_RULES: tuple[tuple[str, Class, str], ...] = (
    (rf"HKCU\Software\{APP_AUTHOR}", "ours", "QSettings (vendor key)"),
    (rf"HKCU\Software\{APP_NAME}", "ours", "QSettings (app key)"),
    (rf"HKCU\{_UNINSTALL}\*", "ours", "Uninstall entry"),
    (rf"HKLM\{_UNINSTALL}\*", "ours", "Uninstall entry"),
    (rf"HKLM\{_UNINSTALL_WOW}\*", "ours", "Uninstall entry"),
    (r"HKCU\Software\QtProject", "shared", "QtProject settings"),
)


@dataclass(frozen=True)
class Rule:
    """One pattern and the class of whatever it matches."""

    pattern: str
    cls: Class
    why: str
    tree: bool = True
    sep: str = "/"
    _parts: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_parts", tuple(p for p in self.pattern.split(self.sep) if p))

    def matches(self, parts: Sequence[str], *, fold: bool) -> bool:
        pattern = self._parts
        if len(parts) < len(pattern) or (not self.tree and len(parts) != len(pattern)):
            return False
        for segment, pat in zip(parts, pattern, strict=False):
            if fold and not fnmatchcase(segment.casefold(), pat.casefold()):
                return False
            if not fold and not fnmatchcase(segment, pat):
                return False
        return True


def layout_variables(home: str) -> dict[str, str]:
    """The variables that make paths.py compute every layout's roots under ``home``.

    ``LOCALAPPDATA``/``APPDATA`` serve the windows layout simulated elsewhere; the
    ``WIN_PD_OVERRIDE_*`` pair makes platformdirs use them on a real Windows too (it takes only
    fully qualified paths, which an absolute Windows path is); ``USERPROFILE`` is what
    :func:`os.path.expanduser` reads on Windows.
    """
    local = os.path.join(home, "AppData", "Local")
    roaming = os.path.join(home, "AppData", "Roaming")
    return {
        "HOME": home,
        "USERPROFILE": home,
        "LOCALAPPDATA": local,
        "APPDATA": roaming,
        "WIN_PD_OVERRIDE_LOCAL_APPDATA": local,
        "WIN_PD_OVERRIDE_APPDATA": roaming,
    }


@contextmanager
def _environment(variables: Mapping[str, str]) -> Iterator[None]:
    saved = os.environ.copy()
    try:
        for name in list(os.environ):
            if name.upper().startswith(STRIPPED_PREFIXES):
                del os.environ[name]
        os.environ.update(variables)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def app_paths(layout: Layout, home: str) -> AppPaths:
    """The app's paths for ``layout``, as paths.py computes them for a user whose home is ``home``.

    paths.py reads the environment, so it runs with a temporary one (restored afterwards).
    """
    with _environment(layout_variables(home)):
        return AppPaths.from_environment(layout=layout)


_REFERENCE_HOME = os.path.abspath(os.path.join(os.sep, "nework-qa-reference-home"))


def relative(path: str | os.PathLike[str], home: str) -> str | None:
    """``path`` relative to ``home`` with ``/`` separators, or None when it is outside."""
    try:
        rel = os.path.relpath(os.fspath(path), home)
    except ValueError:  # another drive on Windows
        return None
    if rel in (os.curdir, os.pardir) or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")


@cache
def owned_roots(layout: Layout) -> tuple[str, ...]:
    """The app's top-level roots for ``layout``, relative to the home (``/`` separators)."""
    roots = app_paths(layout, _REFERENCE_HOME).roots()
    out = [relative(r, _REFERENCE_HOME) for r in roots]
    return tuple(r for r in out if r)


@cache
def file_rules() -> tuple[Rule, ...]:
    """Every rule for files and folders, ``ours`` first."""
    rules: list[Rule] = []
    for layout in LAYOUTS:
        for root in owned_roots(layout):
            rules.append(Rule(root, "ours", f"{layout} layout: the app's folder"))
            parent = root.rpartition("/")[0]
            if parent.rpartition("/")[2] == APP_AUTHOR:
                rules.append(Rule(parent, "ours", f"{layout} layout: vendor folder", tree=False))
    rules.extend(Rule(p, "ours", why, tree=tree) for p, tree, why in OURS_EXTRA)
    rules.extend(Rule(p, "shared", why) for p, why in SHARED)
    return tuple(rules)


def classify_path(path: str, *, fold: bool, extra: Sequence[str] = ()) -> tuple[Class, str]:
    """Class of the relative ``path`` and why; ``extra`` are more owned roots (relative)."""
    parts = [p for p in path.split("/") if p]
    for root in extra:
        if Rule(root, "ours", "").matches(parts, fold=fold):
            return "ours", "a folder the app's status names"
    for rule in file_rules():
        if rule.matches(parts, fold=fold):
            return rule.cls, rule.why
    return "unknown", "not a folder of the app nor a known shared store"


@cache
def _registry_rules() -> tuple[Rule, ...]:
    return tuple(Rule(p, c, why, sep="\\") for p, c, why in REGISTRY_RULES)


def classify_registry(key: str) -> tuple[Class, str]:
    """Class of a registry key path such as ``HKCU\\Software\\NTTCom\\NeWork``."""
    parts = [p for p in key.split("\\") if p]
    for rule in _registry_rules():
        if rule.matches(parts, fold=True):
            return rule.cls, rule.why
    return "unknown", "not a key of the app nor a known shared key"
