"""Deletion requests to the service (Art. 6, 7-3), against the reference service.

Sent exactly once when acknowledged; a service that is down leaves the request pending, and it
is re-sent with the same id until acknowledged -- across restarts -- and counted once.
"""

from __future__ import annotations

import json
import socket
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nework_desktop.core.deletion import DELETION_NAME, DeletionState
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SecretStore
from nework_desktop.net.http import HttpClient
from nework_desktop.net.service import DeletionReceipt, ServiceClient
from nework_desktop.services.account import AccountManager
from nework_desktop.services.deletion import DeletionRequests
from tests.helpers import email_sign_in, tree
from tests.refservice import Canned, RefService

PATH = "/api/v1/deletion-requests"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, 9, tzinfo=UTC).timestamp()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def client_for(url: str) -> ServiceClient:
    # One attempt per call: the back-off under test is DeletionRequests', not HttpClient's.
    return ServiceClient(url, HttpClient(attempts=1, timeout=(2, 5)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def on_disk(paths: AppPaths) -> dict[str, object]:
    data: dict[str, object] = json.loads((paths.state / DELETION_NAME).read_text("utf-8"))
    return data


def test_sent_exactly_once_when_acknowledged(
    svc: RefService, paths: AppPaths, clock: Clock
) -> None:
    client = client_for(svc.url)
    requests = DeletionRequests(paths, lambda: client, clock=clock)
    assert requests.status() is None
    state = requests.request()
    assert state.status == "acknowledged"
    assert state.attempts == 1
    assert state.acknowledged_at is not None
    uuid.UUID(state.request_id)
    assert requests.status() == state
    assert on_disk(paths)["status"] == "acknowledged"
    # Nothing sends it again: not a retry, not a second request, not later.
    assert requests.retry_pending() == state
    assert requests.retry_pending(force=True) == state
    assert requests.request() == state
    clock.now += 86_400
    assert requests.retry_pending() == state
    assert svc.count(PATH, "POST") == 1
    assert list(svc.deletion_requests) == [state.request_id]
    assert svc.deletion_posts == {state.request_id: 1}
    assert requests.next_attempt_in() is None


def test_service_down_then_retried_with_the_same_id_until_acknowledged(
    paths: AppPaths, clock: Clock
) -> None:
    port = free_port()
    client = client_for(f"http://127.0.0.1:{port}")
    seen: list[DeletionState | None] = []

    def factory() -> ServiceClient:
        seen.append(DeletionRequests(paths, lambda: client).status())
        return client

    requests = DeletionRequests(paths, factory, clock=clock, base_delay=30, max_delay=600)
    first = requests.request()  # nothing listens on the port
    assert first.pending
    assert first.attempts == 1
    assert first.last_error
    # The id was on disk, pending, before the first attempt left.
    assert seen[0] is not None
    assert seen[0].request_id == first.request_id
    assert seen[0].pending and seen[0].attempts == 0
    # A second request while pending makes no new id (it tries the same one again).
    again = requests.request()
    assert again.request_id == first.request_id
    assert again.attempts == 2
    # Back-off: not due yet, so nothing is sent.
    assert requests.next_attempt_in() == pytest.approx(60)
    assert requests.retry_pending() == again
    assert len(seen) == 2
    clock.now += 61

    with RefService(port=port) as svc:
        svc.faults.fail(PATH, Canned(status=503))
        third = requests.retry_pending()
        assert third is not None
        assert third.pending and third.attempts == 3
        assert third.request_id == first.request_id
        assert requests.retry_pending() == third  # 120 s back-off
        clock.now += 121
        done = requests.retry_pending()
        assert done is not None
        assert done.status == "acknowledged"
        assert done.request_id == first.request_id
        assert done.attempts == 4
        assert done.last_error is None
        # Every attempt that reached the service carried the one id, and it counted one request.
        keys = {r.idempotency_key for r in svc.requests if r.path == PATH}
        assert keys == {first.request_id}
        assert list(svc.deletion_requests) == [first.request_id]
        assert svc.deletion_posts == {first.request_id: 1}
        clock.now += 10_000
        assert requests.retry_pending() == done
        assert svc.count(PATH) == 2  # the 503 and the acknowledged one
    client.close()


def test_a_restart_keeps_the_pending_request(paths: AppPaths, clock: Clock) -> None:
    port = free_port()
    down = client_for(f"http://127.0.0.1:{port}")
    before = DeletionRequests(paths, lambda: down, clock=clock).request()
    assert before.pending
    down.close()

    with RefService(port=port) as svc:
        client = client_for(svc.url)
        restarted = DeletionRequests(paths, lambda: client, clock=clock)  # a new app run
        pending = restarted.status()
        assert pending is not None
        assert pending.pending and pending.request_id == before.request_id
        clock.now += 31
        after = restarted.retry_pending()
        assert after is not None
        assert after.status == "acknowledged"
        assert after.request_id == before.request_id
        assert list(svc.deletion_requests) == [before.request_id]
        assert svc.deletion_posts == {before.request_id: 1}
        client.close()


def test_the_service_learns_whose_data_to_delete(
    svc: RefService, paths: AppPaths, clock: Clock
) -> None:
    client = client_for(svc.url)
    account = AccountManager(paths, SecretStore(paths, None), client)
    email_sign_in(svc, account, "taro@example.com")
    state = DeletionRequests(paths, lambda: client, account=account, clock=clock).request()
    assert state.status == "acknowledged"
    entry = svc.deletion_requests[state.request_id]
    assert entry["user_id"] is not None
    assert all(r.authorized for r in svc.requests if r.path == PATH)
    client.close()


def test_reading_the_status_writes_nothing(paths: AppPaths, tmp_path: Path) -> None:
    requests = DeletionRequests(paths, lambda: client_for("http://127.0.0.1:9"))
    assert requests.status() is None
    assert requests.retry_pending() is None
    assert requests.next_attempt_in() is None
    assert tree(tmp_path / "base") == []


def test_a_damaged_record_reads_as_none(paths: AppPaths) -> None:
    paths.ensure("state")
    (paths.state / DELETION_NAME).write_text("{not json", encoding="utf-8")
    assert DeletionRequests(paths, lambda: client_for("http://127.0.0.1:9")).status() is None
    (paths.state / DELETION_NAME).write_text(json.dumps({"schema": 1}), encoding="utf-8")
    assert DeletionRequests(paths, lambda: client_for("http://127.0.0.1:9")).status() is None


class BlockingSender:
    """Holds every send until released; counts them."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.entered = threading.Event()
        self.release = threading.Event()

    def request_deletion(
        self, request_id: str, access_token: str | None = None, *, reason: str = "user_request"
    ) -> DeletionReceipt:
        self.calls.append(request_id)
        self.entered.set()
        assert self.release.wait(10)
        return DeletionReceipt(request_id, "accepted", "2026-05-01T09:00:00Z")


def test_never_two_sends_at_once(paths: AppPaths, clock: Clock) -> None:
    sender = BlockingSender()
    requests = DeletionRequests(paths, lambda: sender, clock=clock)
    results: list[DeletionState] = []
    worker = threading.Thread(target=lambda: results.append(requests.request()))
    worker.start()
    assert sender.entered.wait(10)
    # Meanwhile: the timer's retry and a second click send nothing.
    meanwhile = requests.retry_pending(force=True)
    assert meanwhile is not None and meanwhile.pending
    assert requests.request().pending
    sender.release.set()
    worker.join(10)
    assert results[0].status == "acknowledged"
    assert len(sender.calls) == 1


def test_an_answer_after_a_local_wipe_is_not_written_back(paths: AppPaths, clock: Clock) -> None:
    import shutil

    sender = BlockingSender()
    requests = DeletionRequests(paths, lambda: sender, clock=clock)
    worker = threading.Thread(target=requests.request)
    worker.start()
    assert sender.entered.wait(10)
    shutil.rmtree(paths.state)  # "Delete all local data" ran meanwhile
    sender.release.set()
    worker.join(10)
    assert not paths.state.exists()


def test_an_unexpected_answer_keeps_it_pending(paths: AppPaths, clock: Clock) -> None:
    class Odd:
        def request_deletion(
            self, request_id: str, access_token: str | None = None, *, reason: str = "x"
        ) -> DeletionReceipt:
            return DeletionReceipt("someone-else", "accepted", "t")

    state = DeletionRequests(paths, Odd, clock=clock).request()
    assert state.pending
    assert state.last_error == "the service answered for another request"
