"""The licence notices of the software NeWork Desktop is built from (shown in About).

A release build ships ``resources/notices/THIRD-PARTY-NOTICES.txt``, generated at build time by
the release helper with the full licence texts; :func:`third_party_notices` returns it as it
is.  A source checkout has no such file: then the notices are a short list of the distributions
the app runs on -- ``nework-desktop``'s requirements and theirs, as installed -- each with its
version and licence from the package metadata (:mod:`importlib.metadata`).

Reading goes through the hardened reader (:mod:`nework_desktop.core.storage`); nothing is
written.  No Qt here.
"""

from __future__ import annotations

import logging
import re
from importlib import metadata

from nework_desktop.core import storage
from nework_desktop.resources import resource_path

__all__ = ["DISTRIBUTION", "NOTICES_FILE", "installed_notices", "third_party_notices"]

log = logging.getLogger("nework.notices")

#: The bundled notices, relative to the resources folder.
NOTICES_FILE = ("notices", "THIRD-PARTY-NOTICES.txt")
#: Licence texts run long, but not this long.
MAX_NOTICES_BYTES = 8 * 1024 * 1024
#: The distribution whose requirements are listed in a source checkout.
DISTRIBUTION = "nework-desktop"

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def third_party_notices() -> str:
    """The bundled notices file when present, else :func:`installed_notices`."""
    try:
        path = resource_path(*NOTICES_FILE)
        text = storage.read_text(path, limit=MAX_NOTICES_BYTES, follow_links=True, newlines=True)
    except (OSError, storage.FileDamaged) as exc:
        log.warning("licence notices unreadable (%s): listing the installed packages", exc)
        text = None
    if text:
        return text
    return installed_notices()


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    fields = {key: str(meta[key]) for key in ("License-Expression", "License") if key in meta}
    expression = fields.get("License-Expression")
    if expression:
        return str(expression).strip()
    classifiers = [
        str(c).split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if str(c).startswith("License ::") and str(c).split("::")[-1].strip() != "OSI Approved"
    ]
    if classifiers:
        return ", ".join(dict.fromkeys(classifiers))
    declared = fields.get("License", "").strip()
    if declared and "\n" not in declared and len(declared) <= 80:
        return declared
    return "see the package's licence file"


def _requirements(dist: metadata.Distribution) -> list[str]:
    """The names a distribution requires unconditionally (no extras)."""
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement.replace("extra==", "extra =="):
            continue
        match = _NAME.match(requirement)
        if match is not None:
            names.append(match.group(1))
    return names


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_notices(root: str = DISTRIBUTION) -> str:
    """ "name version — licence" for ``root``'s requirements, recursively, as installed."""
    seen: dict[str, metadata.Distribution] = {}
    try:
        start = metadata.distribution(root)
    except metadata.PackageNotFoundError:
        return "NeWork Desktop (the package metadata is not installed)."
    todo = _requirements(start)
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[_key(name)] = dist
        todo += _requirements(dist)
    lines = [
        "NeWork Desktop uses the following open-source software "
        "(name, version and licence as installed):",
        "",
    ]
    for key in sorted(seen):
        dist = seen[key]
        lines.append(f"{dist.metadata['Name']} {dist.version} — {_licence(dist)}")
    return "\n".join(lines) + "\n"
