"""After consent and off the startup path: the service's policy feed and the consent receipts.

:class:`BackgroundChecks` runs two kinds of work in worker threads (:func:`ui.workers.run_task`),
one of each at a time:

* the **feed check** (:class:`services.policy_feed.PolicyFeed`): once the main window is up
  (:meth:`BackgroundChecks.start`, called after its first paint, so it never delays the first
  window) and then every :data:`FEED_CHECK_INTERVAL_MS` (four hours) while the app runs; when a
  newer policy verified, :attr:`BackgroundChecks.policy_updated` carries the check to the
  controller, which asks for consent again (material) or shows the notice (minor).  A refusal is
  logged and counted by the service and shown nowhere;
* the **receipts** (:class:`services.receipts.ReceiptSender`): the session's unsent records are
  queued and everything waiting is sent at start (a restart retries at once), then what is due
  again after every new consent record and every :data:`RECEIPT_TICK_MS` (the sender keeps
  its own back-off).

:meth:`pause` (before a wipe, a withdrawal, a sign-out) stops the timers and every write of work
in flight; :meth:`resume` starts again.  :meth:`wait` lets work in flight finish (bounded), so a
quick quit still keeps an acknowledgement the service already sent.

Under ``--automate`` (QA) the app talks only to a loopback test service: with another service
nothing here runs (:func:`allowed`), so a QA run never sends receipts to the real service.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from nework_desktop.core.consent import ConsentRecord
from nework_desktop.core.policy import Policy
from nework_desktop.core.urls import is_loopback_url
from nework_desktop.ui.workers import Task, run_task, wait_for_all

if TYPE_CHECKING:
    from nework_desktop.services.policy_feed import PolicyFeed
    from nework_desktop.services.receipts import ReceiptSender
    from nework_desktop.services.session import Services

__all__ = ["FEED_CHECK_INTERVAL_MS", "RECEIPT_TICK_MS", "BackgroundChecks", "allowed"]

log = logging.getLogger("nework.app")

#: How often the feed is checked while the app runs ("every few hours").
FEED_CHECK_INTERVAL_MS: Final = 4 * 60 * 60 * 1000
#: How often the receipt queue is looked at (the sender decides, with its back-off, what is due).
RECEIPT_TICK_MS: Final = 60_000


def allowed(services: Services, *, automated: bool) -> bool:
    """Whether the feed and the receipts run in this session (see the module docstring)."""
    if services.feed is None or services.receipts is None:
        return False
    if automated and not is_loopback_url(services.service_url or ""):
        log.info("automation with a service that is not on this machine: no feed, no receipts")
        return False
    return True


class BackgroundChecks(QObject):
    """The feed checks and the receipt sends of one session (see the module docstring)."""

    #: A newer policy verified (a :class:`~nework_desktop.services.policy_feed.FeedCheck`).
    policy_updated = Signal(object)

    def __init__(
        self,
        services: Services,
        *,
        feed_interval_ms: int = FEED_CHECK_INTERVAL_MS,
        receipt_interval_ms: int = RECEIPT_TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        assert services.feed is not None and services.receipts is not None
        self.services = services
        self.feed: PolicyFeed = services.feed
        self.receipts: ReceiptSender = services.receipts
        self._feed_task: Task[object] | None = None
        self._receipt_task: Task[object] | None = None
        self._reconciled = False
        self._running = False
        self._send_again = False  # a send was asked for while one was in flight
        self._feed_timer = QTimer(self)
        self._feed_timer.setInterval(feed_interval_ms)
        self._feed_timer.timeout.connect(self.check_feed)
        self._receipt_timer = QTimer(self)
        self._receipt_timer.setInterval(receipt_interval_ms)
        self._receipt_timer.timeout.connect(self.send_receipts)
        services.consent.listeners.append(self._recorded)

    @property
    def busy(self) -> bool:
        return self._feed_task is not None or self._receipt_task is not None

    # -- the session ---------------------------------------------------------------------------

    def start(self) -> None:
        """The main window is up: check the feed and send what waits, now and periodically."""
        self.resume()
        self._running = True
        self._feed_timer.start()
        self._receipt_timer.start()
        self.send_receipts()
        self.check_feed()

    def pause(self) -> None:
        """Stop the timers; work in flight writes nothing any more."""
        self._running = False
        self._feed_timer.stop()
        self._receipt_timer.stop()
        self.feed.store.pause()
        self.receipts.pause()

    def resume(self) -> None:
        self.feed.store.resume()
        self.receipts.resume()

    def wait(self, timeout: float) -> None:
        """Let work in flight finish (at most ``timeout`` seconds for each kind), and its
        worker thread hand the result over: a thread still emitting into an object the quit
        is deleting would crash the process."""
        busy = [task for task in (self._feed_task, self._receipt_task) if task is not None]
        for task in busy:
            task.wait(timeout)
        if busy:
            wait_for_all(int(timeout * 1000))

    def _recorded(self, record: ConsentRecord, policy: Policy) -> None:
        # The consent service queued the receipt (on this thread): send it soon.
        if self._running:
            QTimer.singleShot(0, self, self.send_receipts)

    # -- the feed ------------------------------------------------------------------------------

    @Slot()
    def check_feed(self) -> bool:
        """Check the feed now (in a worker); False while a check is in flight."""
        if self._feed_task is not None or self.services.consent.state.state != "accepted":
            return False
        in_use = self.services.policy
        self._feed_task = run_task(lambda _t: self.feed.check(in_use), self._feed_done, parent=self)
        return True

    def _feed_done(self, result: object, error: BaseException | None) -> None:
        self._feed_task = None
        if error is not None:
            log.error("policy feed check failed: %s", type(error).__name__)
            return
        from nework_desktop.services.policy_feed import FeedCheck

        if (
            self._running
            and isinstance(result, FeedCheck)
            and result.updated
            and result.current.policy.version > self.services.policy.version
        ):
            self.policy_updated.emit(result)

    # -- the receipts --------------------------------------------------------------------------

    @Slot()
    def send_receipts(self) -> bool:
        """Queue what the session has not queued yet, send what is due (in a worker)."""
        state, policy = self.services.consent.state, self.services.policy
        if self._receipt_task is not None:
            self._send_again = True
            return False
        if state.state != "accepted":
            return False  # after a withdrawal nothing may go: the queue waits for consent
        first = not self._reconciled
        self._reconciled = True
        receipts = self.receipts

        def work(_task: Task[object]) -> object:
            if first:  # a new session (a restart): everything waiting is tried once now
                receipts.reconcile(state, policy)
            return receipts.flush(force=first)

        self._receipt_task = run_task(work, self._receipts_done, parent=self)
        return True

    def _receipts_done(self, result: object, error: BaseException | None) -> None:
        self._receipt_task = None
        if error is not None:
            log.error("consent receipts not sent: %s", type(error).__name__)
        if self._send_again and self._running:
            self._send_again = False
            QTimer.singleShot(0, self, self.send_receipts)
