"""The one place that knows where ``resources/`` lives.

Three layouts are possible and checked in this order:

1. a frozen bundle (PyInstaller sets ``sys._MEIPASS``): ``<bundle>/nework_desktop/resources``;
2. an installed wheel: ``resources/`` is packaged inside the package folder;
3. a source checkout or editable install: ``resources/`` sits next to the package folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_root() -> Path:
    """Return the folder holding the shipped resources (policy, translations)."""
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        candidates.append(Path(bundle) / "nework_desktop" / "resources")
    candidates.append(_PACKAGE_DIR / "resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")
    for candidate in candidates:
        if (candidate / "policy").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"NeWork resources not found (searched: {searched})")


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("policy", "index.json")``."""
    return resources_root().joinpath(*parts)
