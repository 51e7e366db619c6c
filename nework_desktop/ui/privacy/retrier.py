"""The deletion request (policy Art. 6), sent and re-sent in the background.

:class:`DeletionRetrier` owns no state of its own: :class:`~nework_desktop.services.deletion.
DeletionRequests` keeps the request on disk and decides, with its back-off, when an attempt is
due; the retrier only runs the attempts, one at a time, in a worker thread
(:func:`~nework_desktop.ui.workers.run_task`) and says what changed.  The app makes one for the
session (the controller); the privacy center shows it and sends the user's request through it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from nework_desktop.core.deletion import DeletionState
from nework_desktop.ui.workers import Task, run_task

if TYPE_CHECKING:
    from nework_desktop.services.deletion import DeletionRequests

__all__ = ["RETRY_TICK_MS", "DeletionRetrier"]

log = logging.getLogger("nework.ui.privacy")

#: How often the retrier looks at a pending deletion request (it keeps its own back-off).
RETRY_TICK_MS = 60_000


class DeletionRetrier(QObject):
    """Sends and re-sends the deletion request in a worker thread (one at a time).

    :meth:`start` looks at a pending request now (after ``first_delay_ms``) and then every
    ``interval_ms``; :class:`DeletionRequests` decides, with its back-off, whether it is due.
    ``changed`` carries the new :class:`DeletionState` (or None), ``busy_changed`` whether a
    request is on the wire.
    """

    changed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        requests: DeletionRequests,
        *,
        interval_ms: int = RETRY_TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.requests = requests
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.kick)
        self._task: Task[object] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def state(self) -> DeletionState | None:
        """The request on record (reads only)."""
        return self.requests.status()

    def start(self, first_delay_ms: int = 0) -> None:
        self._timer.start()
        QTimer.singleShot(max(0, first_delay_ms), self, self.kick)

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def kick(self) -> bool:
        """Re-send a pending request if it is due; True if an attempt started."""
        if self._task is not None:
            return False
        current = self.requests.status()
        if current is None or not current.pending:
            return False
        due = self.requests.next_attempt_in(current)
        if due is not None and due > 0:
            return False
        return self._run(lambda _task: self.requests.retry_pending())

    def request(self) -> bool:
        """Ask the service (the user's click); False while a request is on the wire."""
        if self._task is not None:
            return False
        return self._run(lambda _task: self.requests.request())

    def _run(self, fn: Callable[[Task[object]], object]) -> bool:
        self.busy_changed.emit(True)
        self._task = run_task(fn, self._finished, parent=self)
        return True

    def _finished(self, result: object, error: BaseException | None) -> None:
        self._task = None
        if error is not None:
            log.warning("deletion request attempt failed: %s", type(error).__name__)
        self.busy_changed.emit(False)
        self.changed.emit(self.requests.status())
