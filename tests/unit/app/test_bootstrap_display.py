"""app/bootstrap.display_problem: a Linux session without a display gets one sentence."""

from __future__ import annotations

from pathlib import Path

from nework_desktop.app.bootstrap import display_problem


def test_no_display_on_linux_is_explained(tmp_path: Path) -> None:
    problem = display_problem({}, "linux", tmp_path)
    assert problem is not None
    assert "needs a display" in problem
    assert "xvfb-run" in problem and "QT_QPA_PLATFORM=offscreen" in problem


def test_a_display_that_is_not_running(tmp_path: Path) -> None:
    (tmp_path / "X0").touch()
    assert display_problem({"DISPLAY": ":0"}, "linux", tmp_path) is None
    problem = display_problem({"DISPLAY": ":7.0"}, "linux", tmp_path)
    assert problem is not None and ":7.0 is not running" in problem
    assert display_problem({"DISPLAY": "remote:3"}, "linux", tmp_path) is None  # not checked


def test_headless_platforms_wayland_and_other_systems_need_nothing(tmp_path: Path) -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", tmp_path) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", tmp_path) is None
    assert display_problem({}, "darwin", tmp_path) is None
    assert display_problem({}, "win32", tmp_path) is None
