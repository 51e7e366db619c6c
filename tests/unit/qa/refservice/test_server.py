"""The reference service's HTTP server (qa/refservice/server.py): a client that hangs up is
routine, and the service goes on serving."""

from __future__ import annotations

import logging
import socket
import struct
import time

import pytest
import requests

from nework_desktop.qa.refservice import Canned, RefService

FEED = "/api/v1/policy/feed"


def hang_up_during_the_reply(svc: RefService) -> None:
    """Ask for ``FEED`` (answered after a delay), then reset the connection before the answer."""
    host, port = svc.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(f"GET {FEED} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        deadline = time.monotonic() + 5
        while not any(r.path == FEED for r in svc.requests) and time.monotonic() < deadline:
            time.sleep(0.01)
        # SO_LINGER 0: close sends a reset, so the service's write of the reply fails.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_client_that_hangs_up_prints_no_traceback(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="nework.refservice")
    with RefService() as svc:
        svc.faults.fail(FEED, Canned(200, b"x" * 4_000_000, delay=0.3))
        hang_up_during_the_reply(svc)
        deadline = time.monotonic() + 10  # the handler wakes, writes into the reset connection
        while "went away" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "went away" in caplog.text, "the hang-up never reached the server"
        reply = requests.get(f"{svc.url}/api/v1/policy/feed", timeout=5)
        assert reply.status_code in (200, 404)  # still serving
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Exception occurred" not in err, err


def test_another_error_in_a_handler_still_shows(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from nework_desktop.qa.refservice import server

    def broken(*_: object) -> object:
        raise RuntimeError("a bug in a route")

    monkeypatch.setattr(server, "route", broken)
    with RefService() as svc, pytest.raises(requests.ConnectionError):
        requests.get(f"{svc.url}/workspace", timeout=5)
    err = capfd.readouterr().err
    assert "RuntimeError: a bug in a route" in err
