"""Every folder NeWork Desktop may write, computed once.

``AppPaths`` is the only object in the code base that decides a location.  Storage writes under
its roots, the uninstall wipe deletes its roots, and the QA tool checks its roots; a file that
can exist outside them is a bug here, not a special case elsewhere.

Layouts
-------
* the real OS: :mod:`platformdirs` with the app name ``NeWork`` (and the vendor ``NTTCom`` on
  Windows, where platformdirs nests ``<vendor>\\<app>`` under ``%LOCALAPPDATA%``);
* ``NEWORK_SIMULATE_OS=windows|macos|linux``: the same roots computed as that OS would, from this
  process's environment (``HOME``; ``LOCALAPPDATA`` for windows).  platformdirs' Windows class
  cannot run on other systems (its folder resolver needs the Win32 API), so the windows layout
  maps ``%LOCALAPPDATA%`` itself, exactly as platformdirs documents it (a unit test checks the
  mapping against platformdirs' own class with the resolver replaced);
* ``--basedir DIR`` / ``NEWORK_BASEDIR``: every root under DIR (``DIR/data``, ``DIR/config`` …).

Roots are created lazily by :meth:`AppPaths.ensure`, mode 0700 on POSIX, each with an ownership
marker file (:data:`MARKER_NAME`) that records which parent folders we created, so that the wipe
can tell our folders from a user's and remove parents that only we made.  Reading a path never
creates anything.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Literal

from nework_desktop import APP_AUTHOR, APP_NAME, __version__
from nework_desktop.core import storage

log = logging.getLogger("nework.paths")

Layout = Literal["windows", "macos", "linux"]
LAYOUTS: tuple[Layout, ...] = ("windows", "macos", "linux")

#: Roles in a fixed order.  ``web_profile``/``web_cache`` hold the QtWebEngine profile.
ROLES: tuple[str, ...] = ("data", "config", "cache", "log", "state", "web_profile", "web_cache")

MARKER_NAME = ".nework-owned"
MARKER_SCHEMA = 1

ENV_BASEDIR = "NEWORK_BASEDIR"
ENV_SIMULATE = "NEWORK_SIMULATE_OS"


class PathsError(Exception):
    """The owned roots cannot be computed (bad layout name, missing environment variable)."""


def host_layout() -> Layout:
    """The layout of the OS this process runs on."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


@dataclass(frozen=True)
class Marker:
    """Content of an ownership marker file."""

    app: str
    role: str
    created_at: str
    app_version: str
    created_parents: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "app": self.app,
                "schema": MARKER_SCHEMA,
                "role": self.role,
                "created_at": self.created_at,
                "app_version": self.app_version,
                "created_parents": list(self.created_parents),
            },
            indent=2,
        )


#: A marker is a few hundred bytes; anything this large is not one.
MAX_MARKER_BYTES = 64 * 1024


def read_marker(root: Path) -> Marker | None:
    """Return the ownership marker of ``root``, or None if it has no valid one.

    Never follows a symbolic link: a marker that is a link does not prove anything.
    """
    try:
        data = storage.read_json(root / MARKER_NAME, limit=MAX_MARKER_BYTES)
    except (OSError, storage.FileDamaged):
        return None
    if not isinstance(data, dict) or data.get("app") != APP_NAME:
        return None
    parents = data.get("created_parents", [])
    if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
        parents = []
    return Marker(
        app=APP_NAME,
        role=str(data.get("role", "")),
        created_at=str(data.get("created_at", "")),
        app_version=str(data.get("app_version", "")),
        created_parents=tuple(parents),
    )


def _windows_roles(local_appdata: str) -> dict[str, str]:
    # The host's separators, as platformdirs itself joins them.
    base = os.path.join(os.path.normpath(local_appdata), APP_AUTHOR, APP_NAME)
    return {
        "data": base,
        "config": base,
        "state": base,
        "cache": os.path.join(base, "Cache"),
        "log": os.path.join(base, "Logs"),
    }


def _platformdirs_roles(layout: Layout) -> dict[str, str]:
    import platformdirs

    dirs: platformdirs.api.PlatformDirsABC
    if layout == host_layout():
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    elif layout == "macos":
        from platformdirs.macos import MacOS

        dirs = MacOS(APP_NAME, APP_AUTHOR)
    elif layout == "linux":
        from platformdirs.unix import Unix

        dirs = Unix(APP_NAME, APP_AUTHOR)
    else:
        local = os.environ.get("LOCALAPPDATA", "")
        if not local:
            raise PathsError("NEWORK_SIMULATE_OS=windows needs LOCALAPPDATA to be set")
        return _windows_roles(local)
    return {
        "data": dirs.user_data_dir,
        "config": dirs.user_config_dir,
        "cache": dirs.user_cache_dir,
        "log": dirs.user_log_dir,
        "state": dirs.user_state_dir,
    }


class AppPaths:
    """The owned roots of one NeWork installation for one user.

    Construct it once in the bootstrap (or with :meth:`from_environment`) and pass it on.
    """

    def __init__(self, roles: Mapping[str, Path], layout: Layout, basedir: Path | None = None):
        missing = [r for r in ROLES if r not in roles]
        if missing:
            raise PathsError(f"roles missing: {', '.join(missing)}")
        self._roles: dict[str, Path] = {r: Path(roles[r]) for r in ROLES}
        self.layout: Layout = layout
        self.basedir = basedir
        self._checked: set[Path] = set()
        # Workers (receipts, the feed) and the UI thread may create a root at the same moment.
        self._ensure_lock = threading.Lock()

    @classmethod
    def from_environment(
        cls, basedir: str | os.PathLike[str] | None = None, layout: str | None = None
    ) -> AppPaths:
        """Compute the roots for this process.

        ``basedir`` (or ``NEWORK_BASEDIR``) moves every root under one folder; ``layout`` (or
        ``NEWORK_SIMULATE_OS``) computes them as another OS would.
        """
        chosen = layout or os.environ.get(ENV_SIMULATE) or host_layout()
        if chosen not in LAYOUTS:
            raise PathsError(
                f"unknown layout {chosen!r} (NEWORK_SIMULATE_OS must be windows, macos or linux)"
            )
        lay: Layout = chosen
        base = basedir if basedir is not None else os.environ.get(ENV_BASEDIR) or None
        if base is not None:
            root = Path(os.path.abspath(os.path.expanduser(os.fspath(base))))
            roles = {r: root / r for r in ("data", "config", "cache", "log", "state")}
            return cls(cls._with_web(roles), lay, basedir=root)
        raw = _platformdirs_roles(lay)
        return cls(cls._with_web({k: Path(v) for k, v in raw.items()}), lay)

    @staticmethod
    def _with_web(roles: dict[str, Path]) -> dict[str, Path]:
        out = dict(roles)
        out["web_profile"] = roles["data"] / "WebEngine" / "profile"
        out["web_cache"] = roles["cache"] / "WebEngine"
        return out

    # -- reading: never creates anything ---------------------------------------------------

    def path(self, role: str) -> Path:
        """The folder for ``role`` (it may not exist yet)."""
        try:
            return self._roles[role]
        except KeyError:
            raise PathsError(f"unknown role {role!r}") from None

    @property
    def data(self) -> Path:
        return self._roles["data"]

    @property
    def config(self) -> Path:
        return self._roles["config"]

    @property
    def cache(self) -> Path:
        return self._roles["cache"]

    @property
    def log(self) -> Path:
        return self._roles["log"]

    @property
    def state(self) -> Path:
        return self._roles["state"]

    def as_dict(self) -> dict[str, str]:
        """Role → absolute path, for ``status --json``."""
        return {r: str(p) for r, p in self._roles.items()}

    def roots(self) -> list[Path]:
        """The distinct top-level owned roots (a role inside another role's folder is not one)."""
        unique = sorted(set(self._roles.values()), key=lambda p: (len(p.parts), str(p)))
        tops: list[Path] = []
        for p in unique:
            if not any(_is_within(p, t) for t in tops):
                tops.append(p)
        return tops

    def root_of(self, role: str) -> Path:
        """The top-level root that contains ``role``'s folder."""
        target = self.path(role)
        for top in self.roots():
            if _is_within(target, top):
                return top
        raise PathsError(f"no root for role {role!r}")  # pragma: no cover - roots() covers all

    def roles_in(self, root: Path) -> list[str]:
        return [r for r, p in self._roles.items() if _is_within(p, root)]

    def existing_roots(self) -> list[Path]:
        return [r for r in self.roots() if r.exists() or r.is_symlink()]

    # -- writing ----------------------------------------------------------------------------

    def ensure(self, role: str) -> Path:
        """Create ``role``'s folder (and its root with an ownership marker) if needed; return it.

        A root that exists with an empty or damaged marker (a crash or a full disk during the
        marker's first write, before writes were atomic) is ours: its marker is rewritten, so
        the uninstall wipe can prove ownership again.  So is a root that holds nothing but the
        leftovers of an interrupted marker write.  Checked once per root and process.
        """
        with self._ensure_lock:
            return self._ensure(role)

    def _ensure(self, role: str) -> Path:
        target = self.path(role)
        root = self.root_of(role)
        if not root.is_dir():
            created = _create_root(root, self.basedir)
            self._write_marker(root, created)
        elif root not in self._checked and read_marker(root) is None and _claimable(root):
            log.warning("ownership marker of %s is missing or damaged: rewritten", root)
            self._write_marker(root, ())
        self._checked.add(root)
        if target != root:
            target.mkdir(mode=0o700, parents=True, exist_ok=True)
        return target

    def _write_marker(self, root: Path, created: Sequence[Path]) -> None:
        marker = Marker(
            app=APP_NAME,
            role=",".join(self.roles_in(root)),
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            app_version=__version__,
            created_parents=tuple(str(p) for p in created),
        )
        storage.atomic_write(root / MARKER_NAME, marker.to_json().encode("utf-8"))
        storage.remove_strays(root, MARKER_NAME)

    def __repr__(self) -> str:
        return f"AppPaths(layout={self.layout!r}, roots={[str(r) for r in self.roots()]})"


def _claimable(root: Path) -> bool:
    """Whether a root without a valid marker is provably ours: its marker file is there (a
    regular file, only damaged), or it holds nothing but leftovers of a marker write."""
    marker = root / MARKER_NAME
    try:
        if os.path.lexists(marker):
            return stat.S_ISREG(os.lstat(marker).st_mode)
        names = os.listdir(root)
    except OSError:
        return False
    return all(n.startswith(f".{MARKER_NAME}.") and n.endswith(".tmp") for n in names)


def _is_within(path: PurePath, root: PurePath) -> bool:
    return path == root or root in path.parents


def _missing_ancestors(root: Path, stop: Path | None) -> Iterator[Path]:
    """Ancestors of ``root`` that do not exist yet, outermost first (never above ``stop``)."""
    missing: list[Path] = []
    for parent in root.parents:
        if parent.exists() or (stop is not None and parent == stop):
            break
        missing.append(parent)
    return reversed(missing)


def _create_root(root: Path, basedir: Path | None) -> list[Path]:
    if basedir is not None:
        # The user chose this folder: create it if needed but never record it as ours.
        basedir.mkdir(parents=True, exist_ok=True)
    created = list(_missing_ancestors(root, basedir))
    for parent in created:
        parent.mkdir(exist_ok=True)
    root.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix":
        root.chmod(0o700)
    return created
