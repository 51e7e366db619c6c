"""Deletion requests to the service ("Ask the service to delete my data", policy Art. 6, 7-3).

A deletion request is identified by a random request id (UUID 4).  The id is written to
``<state>/deletion-request.json`` (:mod:`nework_desktop.core.deletion`) *before* anything is
sent::

    {"schema": 1, "request_id": "…", "created_at": "2024-05-01T09:00:00Z",
     "status": "pending", "attempts": 0, "last_error": null,
     "last_attempt_at": null, "acknowledged_at": null}

and every attempt sends that same id (``POST /deletion-requests`` with the id as
``Idempotency-Key``), so the service -- idempotent by request id -- counts one request however
often the app had to try: after a crash, a lost reply, a service outage or a restart.

* :meth:`DeletionRequests.request` makes the request (or, while one is pending, tries the pending
  one again at once; once acknowledged, nothing is sent again);
* :meth:`DeletionRequests.retry_pending` is called at start and periodically: it re-sends a
  pending request when its back-off delay has passed (``base_delay × 2^(attempts-1)``, at most
  ``max_delay``);
* :meth:`DeletionRequests.status` reads the file and writes nothing.

A send in progress is never doubled: a second call while one is on the wire returns the current
state without sending.  If the file disappears while a request is on the wire ("Delete all local
data" ran meanwhile), the answer is not written back, so the wipe leaves nothing behind.

No Qt here; the calls block (network), so the UI runs them in a worker thread.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Final, Protocol, TypeVar

from nework_desktop.core.deletion import (
    DeletionState,
    read_state,
    state_path,
    write_state,
)
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.retry import BASE_DELAY, MAX_DELAY, Backoff, utc_stamp
from nework_desktop.net.service import DeletionReceipt

__all__ = ["DeletionRequests", "DeletionSender"]

log = logging.getLogger("nework.deletion")

#: What the service may answer for a request it has taken on.
ACK_STATUSES: Final = frozenset({"accepted", "acknowledged", "received", "processing", "completed"})

T = TypeVar("T")


class DeletionSender(Protocol):
    """What sends the request (``net.service.ServiceClient``)."""

    def request_deletion(
        self, request_id: str, access_token: str | None = None, *, reason: str = ...
    ) -> DeletionReceipt: ...


class TokenCaller(Protocol):
    """Runs a call with the session's access token (``core.account.AccountManager.call``)."""

    def call(self, request: Callable[[str | None], T]) -> T: ...


class DeletionRequests:
    """The one deletion request of this installation (see the module docstring).

    ``client_factory`` returns the client that sends (called for every attempt, so a client
    rebuilt after a sign-in is picked up); ``account``, when given, supplies the access token
    (and renews it once on an expired session).
    """

    def __init__(
        self,
        paths: AppPaths,
        client_factory: Callable[[], DeletionSender],
        *,
        account: TokenCaller | None = None,
        clock: Callable[[], float] = time.time,
        base_delay: float = BASE_DELAY,
        max_delay: float = MAX_DELAY,
    ) -> None:
        self._paths = paths
        self._client_factory = client_factory
        self._account = account
        self._clock = clock
        self._backoff = Backoff(base_delay, max_delay)
        self._lock = threading.Lock()  # guards the file
        self._sending = threading.Lock()  # one request on the wire at a time

    @property
    def path(self) -> Path:
        return state_path(self._paths)

    # -- reading ---------------------------------------------------------------------------

    def status(self) -> DeletionState | None:
        """The request on record, or None; reads only (creates and changes nothing)."""
        return read_state(self._paths)

    def next_attempt_in(self, state: DeletionState | None = None) -> float | None:
        """Seconds until a pending request is due again (0 = now); None if nothing is pending."""
        current = self.status() if state is None else state
        if current is None or not current.pending:
            return None
        return self._backoff.due_in(current.last_attempt_at, current.attempts, self._clock())

    # -- sending ---------------------------------------------------------------------------

    def request(self) -> DeletionState:
        """Ask the service to delete the account's data.

        Creates and records a new request id first (unless one is on record), then sends it.
        While a request is pending, this sends that same request again now; once the service
        acknowledged it, nothing is sent.  A failed send leaves the request pending (the
        returned state says why); nothing here raises for a network problem.
        """
        with self._lock:
            state = self.status()
            if state is None:
                state = DeletionState(
                    request_id=str(uuid.uuid4()),
                    created_at=utc_stamp(self._clock()),
                    status="pending",
                )
                write_state(self._paths, state)  # on disk before anything leaves the machine
                log.info("deletion request %s recorded", state.request_id)
        if not state.pending:
            return state
        return self._send(state)

    def retry_pending(self, *, force: bool = False) -> DeletionState | None:
        """Re-send a pending request once its back-off delay has passed (``force``: now).

        Returns the state afterwards, or None when no request is on record.
        """
        state = self.status()
        if state is None or not state.pending:
            return state
        due = self.next_attempt_in(state)
        if not force and due is not None and due > 0:
            return state
        return self._send(state)

    def _send(self, state: DeletionState) -> DeletionState:
        if not self._sending.acquire(blocking=False):
            return state  # already on the wire (another thread)
        try:
            attempt_at = self._clock()
            error: str | None = None
            receipt: DeletionReceipt | None = None
            try:
                client = self._client_factory()
                rid = state.request_id
                if self._account is not None:
                    receipt = self._account.call(lambda token: client.request_deletion(rid, token))
                else:
                    receipt = client.request_deletion(rid, None)
            except Exception as exc:  # any failure keeps the request pending
                error = str(exc) or type(exc).__name__
                log.warning(
                    "deletion request %s not acknowledged (attempt %d): %s",
                    state.request_id,
                    state.attempts + 1,
                    type(exc).__name__,
                )
            if receipt is not None and error is None:
                if receipt.request_id != state.request_id:
                    error = "the service answered for another request"
                elif receipt.status.lower() not in ACK_STATUSES:
                    error = f"the service answered with status {receipt.status!r}"
            if error is None:
                updated = dataclasses.replace(
                    state,
                    status="acknowledged",
                    attempts=state.attempts + 1,
                    last_error=None,
                    last_attempt_at=utc_stamp(attempt_at),
                    acknowledged_at=utc_stamp(self._clock()),
                )
                log.info("deletion request %s acknowledged by the service", state.request_id)
            else:
                updated = dataclasses.replace(
                    state,
                    attempts=state.attempts + 1,
                    last_error=error[:300],
                    last_attempt_at=utc_stamp(attempt_at),
                )
            with self._lock:
                on_record = self.status()
                if on_record is None or on_record.request_id != state.request_id:
                    log.info("deletion request record gone meanwhile: answer not written")
                    return updated
                write_state(self._paths, updated)
            return updated
        finally:
            self._sending.release()

    # -- the file --------------------------------------------------------------------------
