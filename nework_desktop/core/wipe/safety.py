"""What the wipe never deletes: filesystem roots, the home folder and what contains it, system
folders, the user's own folders (Documents, Library, AppData …), and anything through a link.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

_FILE_ATTRIBUTE_REPARSE_POINT = 0x400


def is_link(st: os.stat_result) -> bool:
    attrs = getattr(st, "st_file_attributes", 0)
    return stat.S_ISLNK(st.st_mode) or bool(attrs & _FILE_ATTRIBUTE_REPARSE_POINT)


def reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied ({exc.strerror})"
    return exc.strerror or str(exc) or type(exc).__name__


_SYSTEM_FOLDERS = (
    "/", "/Applications", "/Library", "/Network", "/System", "/Users", "/Volumes", "/bin",
    "/boot", "/cores", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media",
    "/mnt", "/opt", "/private", "/private/etc", "/private/tmp", "/private/var", "/proc", "/root",
    "/run", "/sbin", "/snap", "/srv", "/sys", "/usr", "/usr/local", "/var",
    "/tmp", "/var/tmp",  # noqa: S108 - names of folders never to delete, not temp files
)  # fmt: skip
#: Folders whose whole tree is the system's (nothing of ours can be inside).
_SYSTEM_TREES = ("/System", "/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys",
                 "/usr", "/private/etc")  # fmt: skip
_WINDOWS_SYSTEM_VARS = (
    "SYSTEMROOT", "WINDIR", "PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432", "PROGRAMDATA",
    "ALLUSERSPROFILE", "PUBLIC", "COMMONPROGRAMFILES", "COMMONPROGRAMFILES(X86)",
)  # fmt: skip
#: The user's own folders: never an owned root (they may still be a created parent we remove
#: when empty, e.g. ``AppData`` in a fresh sandbox).
_USER_FOLDERS = (
    "Desktop", "Documents", "Downloads", "Pictures", "Music", "Movies", "Videos", "Public",
    "Templates", "OneDrive", "Library", "Library/Application Support", "Library/Caches",
    "Library/Logs", "Library/Preferences", "Library/Containers", "AppData", "AppData/Local",
    "AppData/Roaming", "AppData/LocalLow", ".config", ".local", ".local/share", ".local/state",
    ".cache", "bin",
)  # fmt: skip
_USER_VARS = (
    "APPDATA", "LOCALAPPDATA", "USERPROFILE", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "TMPDIR", "TEMP", "TMP",
)  # fmt: skip


def norm(path: str) -> str:
    text = os.path.normcase(os.path.normpath(path))
    return text.casefold() if sys.platform == "darwin" else text


def _homes() -> list[str]:
    homes = [os.path.expanduser("~")]
    if os.name == "posix":
        try:
            import pwd

            homes.append(pwd.getpwuid(os.getuid()).pw_dir)
        except (ImportError, KeyError, OSError):
            pass
    if os.environ.get("USERPROFILE"):
        homes.append(os.environ["USERPROFILE"])
    return [h for h in homes if h and os.path.isabs(h)]


def _user_folders(homes: Sequence[str]) -> list[str]:
    found = [os.path.join(h, *rel.split("/")) for h in homes for rel in _USER_FOLDERS]
    found += [os.environ[v] for v in _USER_VARS if os.environ.get(v)]
    try:
        import platformdirs

        for getter in (
            platformdirs.user_desktop_dir,
            platformdirs.user_documents_dir,
            platformdirs.user_downloads_dir,
            platformdirs.user_pictures_dir,
            platformdirs.user_music_dir,
            platformdirs.user_videos_dir,
        ):
            found.append(getter())
    except Exception:  # noqa: S110 - a broken lookup only shortens the list
        pass
    return [f for f in found if f and os.path.isabs(f)]


def protected_reason(path: Path, *, roots_only: bool = False) -> str | None:
    """Why ``path`` must never be deleted (None if it may be).

    ``roots_only`` adds the user's own folders (Documents, AppData …), refused as owned roots.
    """
    candidates = {norm(str(path)), norm(os.path.realpath(path))}
    for cand in candidates:
        drive, rest = os.path.splitdrive(cand)
        if os.path.dirname(cand) == cand or rest in ("", os.sep, "/"):
            return f"refused: {path} is a filesystem root or drive"
    homes = _homes()
    for home in homes:
        for h in {norm(home), norm(os.path.realpath(home))}:
            for cand in candidates:
                if cand == h:
                    return f"refused: {path} is the home folder"
                if h.startswith(cand.rstrip(os.sep) + os.sep):
                    return f"refused: {path} contains the home folder"
    system = list(_SYSTEM_FOLDERS)
    trees = list(_SYSTEM_TREES)
    if os.name == "nt":
        win = [os.environ[v] for v in _WINDOWS_SYSTEM_VARS if os.environ.get(v)]
        drive = os.environ.get("SYSTEMDRIVE", "C:")
        system = [*win, drive + "\\Users", drive + "\\Windows"]
        trees = [os.environ.get("SYSTEMROOT", drive + "\\Windows")]
    for cand in candidates:
        if cand in {norm(s) for s in system}:
            return f"refused: {path} is a system folder"
        for t in trees:
            if cand.startswith(norm(t).rstrip(os.sep) + os.sep):
                return f"refused: {path} is inside a system folder"
    if roots_only:
        user = {norm(f) for f in _user_folders(homes)}
        user |= {norm(os.path.realpath(f)) for f in _user_folders(homes)}
        if candidates & user:
            return f"refused: {path} is one of the user's own folders"
    return None
