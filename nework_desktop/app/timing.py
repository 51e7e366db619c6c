"""``--startup-timing FILE``: the app reports its own first frame and page load (benchmarks).

Imported only when the option is given, and by the benchmark's bare baselines, so that both
sides report the same events by the same method (a small module: PySide6.QtCore/QtWidgets and
the lines of :mod:`.marks`, nothing else of the app).
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from nework_desktop.app.marks import write_event


class StartupTiming(QObject):
    """``--startup-timing FILE`` (benchmarks only): when the first frame and the workspace appear.

    Appends JSON lines ``{"event": ..., "t_ns": time.monotonic_ns(), ...}`` to FILE:

    * ``first-frame``: the first window (consent dialog, registration or main window) has
      painted its first frame.  Taken in a zero-timer posted from the first Paint event (to the
      window or a widget in it), i.e. once the whole backing-store sync (the window and all its
      children) that the Paint event belongs to has run; ``paint_start_ns`` is when that Paint
      event arrived.
    * ``page-loaded`` / ``page-load-failed``: a ``QWebEngineView`` (the workspace) emitted
      ``loadFinished(True)`` / ``(False)``.  The view is found by class name when it is shown, so
      QtWebEngine is never imported here (but see the QtQuick note in :meth:`_filter_may_run`).

    The application event filter is installed by :meth:`install` from a zero-timer, i.e. when
    the event loop first runs -- after the first window is built and asked to show, before it
    is exposed and painted (the event dispatcher runs due timers before window-system events).
    Installed at once, it would make PySide6 wrap every object that gets an event while the
    window is built (the consent dialog's ~140 enum types for its combo box, list and model
    classes: ~40 ms that no user pays, as the filter exists only with this option).  Should a
    window already be on screen when it is installed, ``first-frame-missed`` is recorded and
    the benchmark rejects the run.

    CLOCK_MONOTONIC is one clock for the whole machine, so the harness compares these times with
    its own ``time.monotonic_ns()`` taken just before it started this process.  The application
    event filter removes itself once the first frame is recorded and a web view is connected;
    nothing of this exists without the option (it is the one file written before consent, at the
    caller's explicit request).
    """

    def __init__(self, path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._paint_start: int | None = None
        self._framed = False
        self._views: list[QWidget] = []
        self._want_views = True
        self._quick = False

    def install(self, app: QApplication) -> None:
        """Watch ``app``'s events from the first turn of its event loop (see above)."""
        QTimer.singleShot(0, self, lambda: self._start(app))

    def _start(self, app: QApplication) -> None:
        for widget in app.topLevelWidgets():
            handle = widget.windowHandle()
            if widget.isVisible() and handle is not None and handle.isExposed():
                self.record("first-frame-missed", window=widget.metaObject().className())
                return
        for widget in app.allWidgets():  # a web view shown before the loop ran (the baseline's)
            if widget.inherits("QWebEngineView") and widget.isVisible():
                self._watch_view(widget)
        if self._filter_may_run():
            app.installEventFilter(self)

    def _filter_may_run(self) -> bool:
        """False once QtWebEngine is loaded without QtQuick's binding (the views are polled for
        then).  PySide6 6.12 crashes (recursion in getWrapperForQObject) when an application
        event filter first sees one of the QtQuick objects QtWebEngine makes, unless their types
        are known: the (small) QtQuick binding is loaded with QtWebEngine.  A frozen bundle
        leaves it out: then the filter goes before QtWebEngine makes those objects."""
        if self._quick or "PySide6.QtWebEngineCore" not in sys.modules:
            return True
        self._quick = True
        try:
            import PySide6.QtQuick  # noqa: F401
        except ImportError:
            self._poll_for_views()
            return False
        return True

    def _watch_view(self, view: QWidget) -> None:
        if all(v is not view for v in self._views):
            self._views.append(view)
            view.loadFinished.connect(self._page_finished)  # type: ignore[attr-defined]
        self._want_views = False

    def record(self, event: str, t_ns: int | None = None, **extra: object) -> None:
        write_event(self._path, event, time.monotonic_ns() if t_ns is None else t_ns, **extra)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._filter_may_run():
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            return False
        kind = event.type()
        if kind == QEvent.Type.Paint:
            if self._paint_start is None and isinstance(watched, QWidget):
                self._paint_start = time.monotonic_ns()
                window = watched.window()
                QTimer.singleShot(0, self, lambda: self._first_frame(window))
        elif (
            kind == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.inherits("QWebEngineView")
            and all(v is not watched for v in self._views)
        ):
            self._watch_view(watched)
            self._maybe_done()
        return False

    def _poll_for_views(self) -> None:
        for widget in QApplication.allWidgets():
            if widget.inherits("QWebEngineView") and widget.isVisible():
                self._watch_view(widget)
                return
        QTimer.singleShot(50, self, self._poll_for_views)

    def _first_frame(self, window: QWidget) -> None:
        now = time.monotonic_ns()
        self._framed = True
        size = window.size()
        self.record(
            "first-frame",
            now,
            paint_start_ns=self._paint_start,
            window=window.metaObject().className(),
            w=size.width(),
            h=size.height(),
        )
        self._maybe_done()

    def _page_finished(self, ok: bool) -> None:
        self.record("page-loaded" if ok else "page-load-failed")

    def _maybe_done(self) -> None:
        app = QApplication.instance()
        if self._framed and not self._want_views and app is not None:
            app.removeEventFilter(self)
