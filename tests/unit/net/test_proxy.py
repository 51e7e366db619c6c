"""The egress proxy (net/proxy.py) against the real egress rules, over real sockets."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from nework_desktop.core.egress import EgressPolicy, EgressState, TransmissionLog
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from nework_desktop.net.proxy import EgressProxy, chromium_flags


class Echo:
    """A loopback TCP server that echoes, standing for every upstream host."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.accepted = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._echo, args=(conn,), daemon=True).start()

    @staticmethod
    def _echo(conn: socket.socket) -> None:
        with conn:
            while data := conn.recv(4096):
                conn.sendall(data)


@pytest.fixture
def echo() -> Iterator[Echo]:
    server = Echo()
    yield server
    server.sock.close()


@pytest.fixture
def egress(tmp_path: Path) -> EgressPolicy:
    policy = load_policy()
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    state = EgressState(True, {"google_analytics": False, "karte": True})
    return EgressPolicy(
        policy, "https://nework.app", state=state, transmissions=TransmissionLog(paths)
    )


@pytest.fixture
def proxy(egress: EgressPolicy, echo: Echo) -> Iterator[tuple[EgressProxy, list[str]]]:
    connected: list[str] = []

    def connect(host: str, port: int) -> socket.socket:
        connected.append(f"{host}:{port}")
        return socket.create_connection(("127.0.0.1", echo.port), timeout=5)

    p = EgressProxy(egress, connect=connect)
    p.start()
    yield p, connected
    p.stop()


def ask(port: int, head: bytes) -> tuple[bytes, socket.socket]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(head)
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(4096)
        if not chunk:
            break
        answer += chunk
    return answer, sock


def test_an_allowed_tunnel_carries_bytes(proxy: tuple[EgressProxy, list[str]]) -> None:
    p, connected = proxy
    answer, sock = ask(p.port, b"CONNECT nework.app:443 HTTP/1.1\r\nHost: nework.app\r\n\r\n")
    with sock:
        assert answer.startswith(b"HTTP/1.1 200")
        sock.sendall(b"\x16\x03\x01 hello")
        assert sock.recv(100) == b"\x16\x03\x01 hello"
    assert connected == ["nework.app:443"]


@pytest.mark.parametrize(
    "target",
    ["www.googletagmanager.com:443", "undeclared.example:443", "10.0.0.1:443", "[::1]:443",
     "firebaseinstallations.googleapis.com:443", "nework.app:443@evil.example:443"],
)  # fmt: skip
def test_a_refused_tunnel_opens_nothing(
    proxy: tuple[EgressProxy, list[str]], egress: EgressPolicy, target: str
) -> None:
    p, connected = proxy
    answer, sock = ask(p.port, f"CONNECT {target} HTTP/1.1\r\n\r\n".encode())
    sock.close()
    assert answer.split(b" ")[1] in (b"403", b"400")
    assert connected == []
    if answer.split(b" ")[1] == b"403":
        blocked = egress.recent_blocked()
        assert blocked and blocked[-1].host in target  # counted and logged like the others


def test_a_module_switched_on_may_be_reached(proxy: tuple[EgressProxy, list[str]]) -> None:
    p, connected = proxy
    answer, sock = ask(p.port, b"CONNECT api.karte.io:443 HTTP/1.1\r\n\r\n")
    sock.close()
    assert answer.startswith(b"HTTP/1.1 200")
    assert connected == ["api.karte.io:443"]


def test_switching_a_module_off_applies_to_the_next_connection(
    proxy: tuple[EgressProxy, list[str]], egress: EgressPolicy
) -> None:
    p, connected = proxy
    egress.set_choices({"google_analytics": False, "karte": False})
    answer, sock = ask(p.port, b"CONNECT api.karte.io:443 HTTP/1.1\r\n\r\n")
    sock.close()
    assert answer.startswith(b"HTTP/1.1 403") and connected == []


def test_absolute_form_http_is_forwarded_in_origin_form(
    proxy: tuple[EgressProxy, list[str]], tmp_path: Path
) -> None:
    p, connected = proxy
    answer, sock = ask(
        p.port,
        b"GET http://nework.app/a?b=1 HTTP/1.1\r\nHost: nework.app\r\n"
        b"Proxy-Connection: keep-alive\r\n\r\n",
    )
    with sock:
        # The echo server sends our forwarded request back: origin form, hop headers gone.
        assert answer.startswith(b"GET /a?b=1 HTTP/1.1\r\n")
        assert b"Proxy-Connection" not in answer and b"Connection: close" in answer
    assert connected == ["nework.app:80"]


@pytest.mark.parametrize(
    "head",
    [b"garbage\r\n\r\n", b"GET / HTTP/1.1\r\n\r\n", b"GET ftp://x/ HTTP/1.1\r\n\r\n",
     b"CONNECT nework.app:99999 HTTP/1.1\r\n\r\n", b"CONNECT nework.app:\xc2\xb2 HTTP/1.1\r\n\r\n",
     b"CONNECT [::1 HTTP/1.1\r\n\r\n"],
)  # fmt: skip
def test_garbage_is_refused(proxy: tuple[EgressProxy, list[str]], head: bytes) -> None:
    p, connected = proxy
    answer, sock = ask(p.port, head)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 400") and connected == []


def test_before_consent_nothing_goes(
    proxy: tuple[EgressProxy, list[str]], egress: EgressPolicy
) -> None:
    p, connected = proxy
    egress.set_consented(False)
    answer, sock = ask(p.port, b"CONNECT nework.app:443 HTTP/1.1\r\n\r\n")
    sock.close()
    assert answer.startswith(b"HTTP/1.1 403") and connected == []


def test_the_flags_route_everything_through_the_proxy() -> None:
    flags = chromium_flags(4321)
    assert "--proxy-server=http://127.0.0.1:4321" in flags
    assert "--proxy-bypass-list=<-loopback>" in flags
    assert "--disable-quic" in flags
    assert any("WebTransport" in f for f in flags)
    assert any("disable_non_proxied_udp" in f for f in flags)
