"""The probe of the AT-SPI test: what a screen reader sees, and real key presses.

Run by the *system* ``python3`` (Debian's ``python3-pyatspi``), never imported by the suite::

    python3 probe.py tree APP_NAME            the application's accessible tree (JSON lines)
    python3 probe.py keys APP_NAME KEY...     press each KEY with xdotool (real X key events);
                                              after each, the focused object (JSON lines)

Each node is ``{"role", "name", "description", "focusable", "focused", "showing", "depth"}``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]

SETTLE = 0.25  # seconds for Qt to handle a key and publish the new focus


def find_app(name: str, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.2)
    raise SystemExit(f"no accessible application named {name!r} on the AT-SPI bus")


def node(acc: Any, depth: int) -> dict[str, object]:
    states = acc.getState()
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "depth": depth,
    }


def walk(acc: Any, depth: int = 0, *, shown_only: bool = False) -> list[dict[str, object]]:
    """``acc`` and its descendants; ``shown_only``: not below what is not on screen (a closed
    combo box popup keeps a "focused" item)."""
    here = node(acc, depth)
    out = [here]
    if shown_only and depth > 0 and not here["showing"]:
        return out
    for i in range(min(acc.childCount, 500)):
        child = acc.getChildAtIndex(i)
        if child is not None:
            out += walk(child, depth + 1, shown_only=shown_only)
    return out


def focused(app: Any) -> dict[str, object] | None:
    found = [
        item
        for item in walk(app, shown_only=True)
        if item["focused"] and item["showing"] and item["role"] not in ("frame", "dialog")
    ]
    # A table cell or list item may keep its "focused" state after its view lost the focus:
    # the focused widget itself is what counts.
    widgets = [item for item in found if item["role"] not in ("table cell", "list item")]
    chosen = widgets or found
    return chosen[0] if chosen else None


def main(argv: list[str]) -> int:
    command, name = argv[0], argv[1]
    app = find_app(name)
    if command == "tree":
        for item in walk(app):
            print(json.dumps(item, ensure_ascii=False))
        return 0
    if command == "keys":
        time.sleep(SETTLE)
        print(json.dumps({"key": None, "focus": focused(app)}, ensure_ascii=False), flush=True)
        for key in argv[2:]:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            time.sleep(SETTLE)
            try:
                now = focused(app)
            except Exception:  # the window closed (agreed): nothing focused any more
                now = None
            print(json.dumps({"key": key, "focus": now}, ensure_ascii=False), flush=True)
        return 0
    raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
