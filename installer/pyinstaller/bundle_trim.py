"""What the NeWork bundle leaves out of PyInstaller's analysis (used by ``nework.spec``).

PyInstaller's PySide6 hooks collect every Qt plugin of the modules in use, the libraries those
plugins link, the Chromium devtools resources and symbolic links for every Qt library they saw.
This module decides, on the spec's TOC lists (``(dest, src, typecode)`` tuples), what goes:

* Qt plugins the app never loads (:data:`PLUGIN_KEEP` lists what stays, per plugin folder;
  folders not named there are kept whole), and then every library that only the dropped plugins
  needed (:func:`orphaned`: reachable from a dropped plugin and from nothing that stays);
* whole Qt libraries the app must not carry (:data:`UNUSED_LIBRARIES`: QtPdf, QtVirtualKeyboard);
* the Chromium devtools pak, unless the build is a debug build;
* Qt translations and Chromium locales other than Japanese and English;
* every ``SYMLINK`` entry whose target is not in the bundle (a dangling link makes ``codesign``
  refuse the bundle).

No PyInstaller import at module level, so the rules can be tested on plain lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

Entry = tuple[str, str, str]

#: Per plugin folder: the plugins that stay (file stem without "lib"/"q" prefixes and suffix
#: matched as a substring of the file name). A folder missing here stays whole.
PLUGIN_KEEP: dict[str, tuple[str, ...]] = {
    # the desktop platforms, and offscreen/minimal for the smoke tests and QA runs
    "platforms": ("qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen", "qminimal."),
    # what QImage reads for the app's own images; the web view decodes its own
    "imageformats": ("qgif", "qico", "qjpeg", "qsvg"),
    "platformthemes": (),  # GTK/portal themes (Linux only, and they pull GTK in)
    "printsupport": (),  # CUPS (Linux/macOS): the app does not print
    "egldeviceintegrations": (),  # EGLFS: embedded Linux only
    "generic": (),  # evdev/tuio input for embedded Linux
    "networkinformation": (),  # the app never asks Qt about network reachability
    "tls": ("qopensslbackend", "qschannelbackend", "qsecuretransportbackend"),
}

#: Qt libraries that come in as dependencies of plugins or hooks and are never used.
UNUSED_LIBRARIES = re.compile(r"(qt6?pdf|qpdf|qt6?virtualkeyboard)", re.IGNORECASE)

#: Chromium's developer tools (11 MB): only a debug build carries them.
DEVTOOLS_PAK = "qtwebengine_devtools_resources.pak"

#: The UI's languages; every other Qt translation and Chromium locale is left out.
KEEP_LANGUAGES = ("ja", "en", "en-US", "en_US")


def _posix(dest: str) -> PurePosixPath:
    return PurePosixPath(dest.replace("\\", "/"))


def plugin_kept(dest: str) -> bool:
    """False for a Qt plugin (``.../plugins/<folder>/<file>``) the app does not use."""
    parts = _posix(dest).parts
    if "plugins" not in parts:
        return True
    index = len(parts) - 1 - parts[::-1].index("plugins")
    if index + 2 != len(parts) - 1:
        return True  # not <plugins>/<folder>/<file>
    folder, name = parts[index + 1], parts[-1].lower()
    keep = PLUGIN_KEEP.get(folder)
    if keep is None:
        return True
    return any(k in name for k in keep)


def language_kept(dest: str) -> bool:
    """Drop the Qt translations and Chromium locales of languages the app does not offer."""
    name = str(_posix(dest))
    if "/translations/" not in name and "/qtwebengine_locales/" not in name:
        return True
    stem = name.rsplit("/", 1)[-1]
    if stem.endswith(".pak"):
        return stem[: -len(".pak")] in KEEP_LANGUAGES
    if stem.endswith(".qm"):
        return stem[: -len(".qm")].split("_", 1)[-1] in KEEP_LANGUAGES
    return True


def data_kept(dest: str, *, debug: bool) -> bool:
    name = _posix(dest).name
    if name == DEVTOOLS_PAK and not debug:
        return False
    return language_kept(dest) and plugin_kept(dest) and not UNUSED_LIBRARIES.search(name)


def orphaned(
    kept: Iterable[Entry], dropped: Iterable[Entry], imports: Callable[[str], Iterable[str]]
) -> set[str]:
    """Basenames of libraries only ``dropped`` binaries need.

    ``imports(src)`` gives the basenames a binary links against. A library goes when a dropped
    binary reaches it and nothing else that stays does: the anchors are the kept entries no
    dropped binary reaches (the app's extensions, the libraries loaded with dlopen), and what
    they reach stays.
    """
    by_name: dict[str, str] = {}
    kept_list = list(kept)
    dropped_list = list(dropped)
    for dest, src, typecode in [*kept_list, *dropped_list]:
        if typecode != "SYMLINK":
            by_name.setdefault(_posix(dest).name, src)

    def closure(roots: Iterable[Entry]) -> set[str]:
        seen: set[str] = set()
        todo = [_posix(dest).name for dest, _, typecode in roots if typecode != "SYMLINK"]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            src = by_name.get(name)
            if src is None:
                continue
            todo.extend(n for n in imports(src) if n in by_name and n not in seen)
        return seen

    reached = closure(dropped_list)
    anchors = [e for e in kept_list if _posix(e[0]).name not in reached]
    return reached - closure(anchors)


def without_dangling_links(*tocs: list[Entry]) -> list[list[Entry]]:
    """Each TOC without the ``SYMLINK`` entries whose target is in none of them."""
    present = {str(_posix(dest)) for toc in tocs for dest, _, code in toc if code != "SYMLINK"}
    out: list[list[Entry]] = []
    for toc in tocs:
        kept: list[Entry] = []
        for dest, src, code in toc:
            if code == "SYMLINK":
                target = _posix(dest).parent / _posix(src)
                normalised = _normalise(target)
                if normalised not in present:
                    continue
            kept.append((dest, src, code))
        out.append(kept)
    return out


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def trim(
    binaries: list[Entry],
    datas: list[Entry],
    *,
    debug: bool,
    imports: Callable[[str], Iterable[str]],
) -> tuple[list[Entry], list[Entry], list[str]]:
    """The trimmed binaries and datas, and the names of what was dropped (for the build log)."""
    kept_bin = [e for e in binaries if e[2] == "SYMLINK" or data_kept(e[0], debug=debug)]
    dropped_bin = [e for e in binaries if e not in kept_bin]
    gone = orphaned(kept_bin, dropped_bin, imports)
    kept_bin = [e for e in kept_bin if e[2] == "SYMLINK" or _posix(e[0]).name not in gone]
    kept_data = [e for e in datas if e[2] == "SYMLINK" or data_kept(e[0], debug=debug)]
    dropped = sorted(
        {e[0] for e in binaries if e not in kept_bin} | {e[0] for e in datas if e not in kept_data}
    )
    kept_bin, kept_data = without_dangling_links(kept_bin, kept_data)
    return kept_bin, kept_data, dropped
