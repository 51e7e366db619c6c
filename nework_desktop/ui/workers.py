"""The one way the UI runs blocking work: :func:`run_task`, over Qt's global thread pool.

Network calls (registration, deletion requests), the data export, folder sizes and the wipe all
block; none of them may run on the UI thread.  ``run_task(fn, done)`` runs ``fn(task)`` on a
``QThreadPool`` thread and calls ``done(result, error)`` back **on the UI thread** (a queued
call into a ``QObject`` that lives there), exactly once, whatever ``fn`` did: its exception is
handed over, never lost.  ``fn`` may report progress with ``task.progress(done, total)`` and
find out whether the UI gave up with ``task.cancelled``.

Why here and not in ``app/``: widgets use it, and ``ui`` must not import ``app`` (which imports
``ui``); it is the lowest layer that has Qt.  (Picard's ``run_task`` is the model.)
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

__all__ = ["Task", "run_task", "wait_for_all"]

log = logging.getLogger("nework.workers")

T = TypeVar("T")

#: Tasks on the pool: kept alive here until their result is delivered.
_RUNNING: set[Task[object]] = set()

Done = Callable[[T | None, BaseException | None], None]
ProgressCallback = Callable[[int, int], None]


class Task(QObject, Generic[T]):
    """One piece of work; lives on the UI thread, runs ``fn`` on a pool thread."""

    _finished = Signal(object, object)
    _progressed = Signal(int, int)

    def __init__(
        self,
        fn: Callable[[Task[T]], T],
        done: Done[T] | None,
        progress: ProgressCallback | None,
        parent: QObject | None,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._done = done
        self._progress = progress
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self.result: T | None = None
        self.error: BaseException | None = None
        self._runnable: QRunnable | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._report, Qt.ConnectionType.QueuedConnection)

    # -- from the worker thread ------------------------------------------------------------------

    def progress(self, done: int, total: int) -> None:
        """Report progress (called from ``fn``); delivered on the UI thread."""
        with contextlib.suppress(RuntimeError):  # the UI side is gone
            self._progressed.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _run(self) -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = self._fn(self)
        except Exception as exc:  # handed to the UI thread, never lost
            error = exc
        self.result, self.error = result, error
        self._ended.set()
        try:
            self._finished.emit(result, error)
        except RuntimeError:  # the UI side is gone (window closed): nobody waits
            _RUNNING.discard(self)

    # -- on the UI thread ------------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask ``fn`` to stop (it reads :attr:`cancelled`); ``done`` is still called."""
        self._cancel.set()

    @property
    def running(self) -> bool:
        return not self._ended.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until ``fn`` returned (tests, shutdown); True if it did."""
        return self._ended.wait(timeout)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        _RUNNING.discard(self)
        self._runnable = None
        done, self._done = self._done, None
        if done is None:
            return
        try:
            done(result, error if isinstance(error, BaseException) else None)  # type: ignore[arg-type]
        except Exception:
            log.exception("a task's completion handler failed")

    @Slot(int, int)
    def _report(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(done, total)


class _Runnable(QRunnable):
    def __init__(self, task: Task[T]) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


def run_task(
    fn: Callable[[Task[T]], T],
    done: Done[T] | None = None,
    *,
    progress: ProgressCallback | None = None,
    parent: QObject | None = None,
) -> Task[T]:
    """Run ``fn(task)`` on the thread pool; ``done(result, error)`` follows on the UI thread."""
    task: Task[T] = Task(fn, done, progress, parent)
    runnable = _Runnable(task)
    runnable.setAutoDelete(False)  # Python owns it: kept until the result is delivered
    task._runnable = runnable
    _RUNNING.add(task)  # type: ignore[arg-type]
    QThreadPool.globalInstance().start(runnable)
    return task


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Wait for every running task (at quit); True if none is left."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
