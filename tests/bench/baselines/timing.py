"""The baselines report their first frame and page load with the app's own class.

``nework_desktop.timing`` is a small module (PySide6.QtCore/QtWidgets only, nothing else of the
app), so the baselines use exactly the app's method without loading the app's dependencies.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from nework_desktop.app.timing import StartupTiming

__all__ = ["StartupTiming", "install", "parse_size"]


def install(app: QApplication, path: str) -> StartupTiming:
    timing = StartupTiming(path, app)
    timing.install(app)
    return timing


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)
