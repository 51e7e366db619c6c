"""``--startup-timing`` (app/timing.py): the first frame is seen, and the filter comes late.

The benchmark's P1/P2 figures rest on this class; the app and the baselines use it alike.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from nework_desktop.app.timing import StartupTiming


def _events(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_first_frame_is_recorded_and_construction_is_not_watched(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "timing.jsonl"
    timing = StartupTiming(str(path), qapp)
    seen: list[str] = []
    original = timing.eventFilter

    def counting(watched: object, event: object) -> bool:
        seen.append(type(watched).__name__)
        return original(watched, event)  # type: ignore[arg-type]

    timing.eventFilter = counting  # type: ignore[method-assign]
    timing.install(qapp)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    combo = QComboBox(dialog)
    combo.addItem("日本語", "ja")  # events while the window is built: not watched
    QVBoxLayout(dialog).addWidget(combo)
    assert seen == []
    dialog.show()
    qtbot.waitUntil(lambda: any(e["event"] == "first-frame" for e in _events(path)), timeout=5000)
    frames = [e for e in _events(path) if e["event"] == "first-frame"]
    assert len(frames) == 1 and frames[0]["window"] == "QDialog"
    assert isinstance(frames[0]["t_ns"], int) and isinstance(frames[0]["paint_start_ns"], int)
    assert frames[0]["paint_start_ns"] <= frames[0]["t_ns"]
    assert not any(e["event"] == "first-frame-missed" for e in _events(path))
    assert "QDialog" in seen  # watched from the first turn of the event loop on


def test_a_window_already_on_screen_is_reported_not_timed(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    handle = dialog.windowHandle()
    assert handle is not None
    qtbot.waitUntil(handle.isExposed, timeout=5000)
    path = tmp_path / "timing.jsonl"
    StartupTiming(str(path), qapp).install(qapp)
    qtbot.waitUntil(lambda: bool(_events(path)), timeout=5000)
    assert [e["event"] for e in _events(path)] == ["first-frame-missed"]


class QWebEngineView(QWidget):
    """Not QtWebEngine: a widget whose Qt class name is the view's, with its ``loadFinished``."""

    loadFinished = Signal(bool)


def test_a_web_view_shown_before_the_loop_runs_is_watched(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "timing.jsonl"
    StartupTiming(str(path), qapp).install(qapp)
    view = QWebEngineView()
    qtbot.addWidget(view)
    view.show()  # as the bare-view baseline does: shown before the event loop runs
    assert view.inherits("QWebEngineView")
    qtbot.waitUntil(lambda: any(e["event"] == "first-frame" for e in _events(path)), timeout=5000)
    view.loadFinished.emit(True)
    assert [e["event"] for e in _events(path)][-1] == "page-loaded"
