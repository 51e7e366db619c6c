"""Write THIRD-PARTY-NOTICES.txt: the licence of everything the frozen app ships.

    python installer/notices/make_notices.py [--out FILE] [--check]

Run by the PyInstaller spec at every build (so the file always matches what is bundled): the
spec puts it at ``<bundle>/_internal/nework_desktop/resources/notices/THIRD-PARTY-NOTICES.txt``
(where About reads it through ``resource_path("notices", ...)``), the NSIS installer copies it
next to NeWork.exe and the dmg carries it next to NeWork.app.

What goes in, in this order:

1. the Python runtime (the interpreter and standard library frozen into the bundle): the
   ``LICENSE.txt`` of the Python that builds it;
2. the PyInstaller bootloader (GPL-2.0 with the bootloader exception): PyInstaller's licence;
3. Qt and PySide6, and Chromium inside Qt WebEngine: ``texts/Qt.txt``, ``texts/Chromium.txt``
   and the LGPL-3.0 / GPL-3.0 texts, plus every licence file the PySide6 wheels ship;
4. every other distribution the app needs at run time on this OS (the closure of
   ``nework-desktop``'s requirements, markers evaluated here), each with its name, version,
   licence expression and the licence files its wheel ships (``License-File`` / ``licenses/``
   / ``LICENSE*``, ``COPYING*``, ``NOTICE*``, ``AUTHORS*`` in the dist-info). A distribution
   that ships no licence file gets the text of its SPDX licence from ``texts/`` when there is
   one, and is otherwise listed with its licence expression and project URL.

``--check`` exits 1 when a bundled distribution has neither a licence file nor a text here.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
ROOT_DISTRIBUTION = "nework-desktop"
#: PySide6's and Qt's distributions: Qt's notice covers them (and they ship no files of their own).
QT_DISTRIBUTIONS = ("pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6")
_LICENSE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors|copyright)", re.IGNORECASE)
_RULE = "=" * 78


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(req: str) -> tuple[str, str]:
    """``"PySide6>=6.12; python_version<'4'"`` → ``("pyside6", "python_version<'4'")``."""
    spec, _, marker = req.partition(";")
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    if match is None:
        raise ValueError(f"cannot read requirement {req!r}")
    return _norm(match.group(1)), marker.strip()


def _marker_holds(marker: str) -> bool:
    """Evaluate a requirement marker for this interpreter; extras never hold."""
    if not marker:
        return True
    if "extra" in marker:
        return False
    try:
        from packaging.markers import Marker
    except ImportError:  # pragma: no cover - packaging comes with pip/PyInstaller
        return True
    return bool(Marker(marker).evaluate())


def project_requirements() -> list[str]:
    """The app's runtime requirements, read from ``pyproject.toml`` (no install needed)."""
    import tomllib

    with open(HERE.parents[1] / "pyproject.toml", "rb") as fh:
        return list(tomllib.load(fh)["project"]["dependencies"])


def runtime_closure(requirements: Iterable[str] | None = None) -> list[metadata.Distribution]:
    """The installed distributions the app needs at run time on this OS."""
    found: dict[str, metadata.Distribution] = {}
    todo = list(project_requirements() if requirements is None else requirements)
    while todo:
        name, marker = _requirement_name(todo.pop())
        if name in found or name == _norm(ROOT_DISTRIBUTION) or not _marker_holds(marker):
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency that is not installed is not bundled either
        found[name] = dist
        todo.extend(dist.requires or [])
    return sorted(found.values(), key=lambda d: _norm(d.metadata["Name"]))


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(relative name, text) of every licence file the distribution ships."""
    out: dict[str, str] = {}
    declared = set(dist.metadata.get_all("License-File") or [])
    for file in dist.files or []:
        parts = Path(str(file)).parts
        in_info = bool(parts) and parts[0].endswith(".dist-info")
        base = parts[-1] if parts else ""
        wanted = (
            str(file) in declared
            or (in_info and "licenses" in parts)
            or (in_info and _LICENSE_NAME.match(base) is not None)
            or any(str(file).endswith(f"/{name}") for name in declared)
        )
        if not wanted or base == "RECORD":
            continue
        try:
            text = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        out[str(file)] = text.strip("\n")
    return sorted(out.items())


def _licence_expression(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression") or ""
    if not expression:
        licence = (meta.get("License") or "").strip()
        expression = licence if licence and "\n" not in licence and len(licence) < 120 else ""
    if not expression:
        classifiers = [
            c.rsplit("::", 1)[-1].strip()
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        expression = " / ".join(classifiers) or "see the licence text below"
    return expression


def _spdx_texts(expression: str) -> list[Path]:
    """Texts in ``texts/`` named by the SPDX ids of ``expression``."""
    ids = re.findall(r"[A-Za-z0-9.+-]+", expression)
    return [TEXTS / f"{i}.txt" for i in ids if (TEXTS / f"{i}.txt").is_file()]


def _project_url(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("source", "homepage", "repository", "source code"):
            return url.strip()
    return (meta.get("Home-page") or "").strip()


def _section(title: str, lines: Iterable[str]) -> str:
    body = "\n".join(lines).rstrip("\n")
    return f"{_RULE}\n{title}\n{_RULE}\n\n{body}\n"


def _python_section() -> str:
    version = ".".join(str(n) for n in sys.version_info[:3])
    candidates = [
        Path(sys.base_prefix) / "LICENSE.txt",
        Path(sys.base_prefix)
        / "lib"
        / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "LICENSE.txt",
        Path(sys.base_prefix) / "Lib" / "LICENSE.txt",
    ]
    for path in candidates:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace").strip("\n")
            return _section(f"Python {version} (the interpreter and standard library)", [text])
    return _section(
        f"Python {version} (the interpreter and standard library)",
        [
            "Python Software Foundation License Version 2 (PSF-2.0): https://docs.python.org/3/license.html"
        ],
    )


def _pyinstaller_section() -> str:
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return ""
    lines = [
        "NeWork.exe / NeWork (the program that starts the app) is PyInstaller's bootloader,",
        "licensed under the GPL-2.0 with an exception that allows distributing it with any",
        "program; see the licence below.",
        "",
    ]
    for name, text in licence_files(dist):
        lines += [f"--- {name}", "", text, ""]
    return _section(f"PyInstaller bootloader {dist.version}", lines)


def _qt_section(dists: list[metadata.Distribution]) -> str:
    qt = [
        d
        for d in dists
        if _norm(d.metadata["Name"]) in QT_DISTRIBUTIONS
        or _norm(d.metadata["Name"]).startswith("pyside6")
    ]
    versions = ", ".join(f"{d.metadata['Name']} {d.version}" for d in qt) or "PySide6"
    lines = [f"Versions: {versions}", "", (TEXTS / "Qt.txt").read_text("utf-8").strip("\n"), ""]
    for dist in qt:
        for name, text in licence_files(dist):
            lines += [f"--- {dist.metadata['Name']}: {name}", "", text, ""]
    lines += ["--- Chromium (in Qt WebEngine)", "", (TEXTS / "Chromium.txt").read_text("utf-8")]
    for spdx in ("LGPL-3.0-only", "GPL-3.0-only"):
        lines += [f"--- {spdx}", "", (TEXTS / f"{spdx}.txt").read_text("utf-8").strip("\n"), ""]
    return _section("Qt, PySide6 and Shiboken6 (LGPL-3.0), Chromium in Qt WebEngine", lines)


def _distribution_section(dist: metadata.Distribution) -> tuple[str, bool]:
    """The section of one distribution, and whether it carries a licence text."""
    name = dist.metadata["Name"]
    expression = _licence_expression(dist)
    lines = [f"Licence: {expression}"]
    url = _project_url(dist)
    if url:
        lines.append(f"Project: {url}")
    lines.append("")
    files = licence_files(dist)
    for file_name, text in files:
        lines += [f"--- {file_name}", "", text, ""]
    texts = [] if files else _spdx_texts(expression)
    for path in texts:
        lines += [f"--- {path.stem}", "", path.read_text("utf-8").strip("\n"), ""]
    return _section(f"{name} {dist.version}", lines), bool(files or texts)


def render() -> tuple[str, list[str]]:
    """The whole file, and the distributions that have no licence text."""
    from nework_desktop import APP_NAME, __version__

    dists = runtime_closure()
    parts = [
        f"{APP_NAME} Desktop {__version__}: third-party notices\n\n"
        "NeWork Desktop includes the following third-party software. Each part is listed with\n"
        "its version and licence, followed by the licence texts as its authors ship them.\n",
        _python_section(),
        _pyinstaller_section(),
        _qt_section(dists),
    ]
    missing: list[str] = []
    for dist in dists:
        if _norm(dist.metadata["Name"]) in QT_DISTRIBUTIONS or _norm(
            dist.metadata["Name"]
        ).startswith("pyside6"):
            continue
        section, has_text = _distribution_section(dist)
        parts.append(section)
        if not has_text:
            missing.append(f"{dist.metadata['Name']} {dist.version}")
    return "\n".join(p for p in parts if p), missing


def write(out: Path) -> list[str]:
    """Write the notices to ``out``; returns the distributions without a licence text."""
    text, missing = render()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8", newline="\n")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write THIRD-PARTY-NOTICES.txt")
    parser.add_argument("--out", type=Path, default=Path("build/notices/THIRD-PARTY-NOTICES.txt"))
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a distribution has no licence text"
    )
    args = parser.parse_args(argv)
    missing = write(args.out)
    print(args.out)
    for name in missing:
        print(f"no licence text shipped for {name}", file=sys.stderr)
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
