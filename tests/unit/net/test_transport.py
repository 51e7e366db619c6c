"""The HTTP transport (net/transport.py) on real sockets: proxies, kept-alive connections, TLS.

A CONNECT proxy written here (it resolves every name to 127.0.0.1 itself) stands between the
client and an https recorder with a throw-away certificate: a request that reaches the recorder
for a name the client never resolved went through the proxy's tunnel, with TLS verified end to
end against ``REQUESTS_CA_BUNDLE``.  Raw socket peers play servers that close kept-alive
connections, before and after the client looks.
"""

from __future__ import annotations

import base64
import os
import select
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nework_desktop.net import transport
from nework_desktop.net.errors import OfflineError, TLSError
from nework_desktop.net.http import HttpClient
from nework_desktop.net.transport import Headers
from tests.gui.webengine_recorder import Recorder, map_hosts, self_signed
from tests.loopback import SocketPeer

NAME = "svc.example"
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


class ConnectProxy(SocketPeer):
    """An HTTP proxy on 127.0.0.1 that only tunnels (CONNECT), mapping every name to loopback.

    ``seen`` holds each CONNECT line and its Proxy-Authorization header; with ``password`` set,
    a request without the matching Basic credentials is answered 407.
    """

    def __init__(self, password: str | None = None) -> None:
        self.password = password
        self.seen: list[tuple[str, str]] = []
        super().__init__(threaded=True)

    def handle(self, conn: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 16_384:
            data = conn.recv(4096)
            if not data:
                return
            head += data
        lines = head.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        auth = headers.get("Proxy-Authorization", "")
        self.seen.append((lines[0], auth))
        method, target, _ = lines[0].split(" ", 2)
        if self.password is not None:
            expected = "Basic " + base64.b64encode(self.password.encode()).decode()
            if auth != expected:
                conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n")
                return
        if method != "CONNECT":
            conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        port = int(target.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as upstream:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            while not self.stopping.is_set():  # either side may reset at the end (OSError)
                readable, _, _ = select.select([conn, upstream], [], [], 0.1)
                for sock in readable:
                    data = sock.recv(65_536)
                    if not data:
                        return
                    (upstream if sock is conn else conn).sendall(data)


@pytest.fixture
def clean_proxies(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.fixture
def site(tmp_path: Path, clean_proxies: pytest.MonkeyPatch) -> Iterator[Recorder]:
    """An https recorder for NAME whose certificate the client trusts (REQUESTS_CA_BUNDLE)."""
    cert, key = self_signed(tmp_path, [NAME])
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    clean_proxies.setenv("REQUESTS_CA_BUNDLE", str(cert))
    with Recorder(tls=context) as recorder:
        yield recorder


@pytest.fixture
def proxy() -> Iterator[ConnectProxy]:
    server = ConnectProxy(password="taro:p@ss word")
    yield server
    server.close()


def _client() -> HttpClient:
    return HttpClient(attempts=1, timeout=(5.0, 5.0))


# -- proxies --------------------------------------------------------------------------------------


def test_https_goes_through_the_environment_proxy_with_its_credentials(
    site: Recorder, proxy: ConnectProxy, clean_proxies: pytest.MonkeyPatch
) -> None:
    clean_proxies.setenv("HTTPS_PROXY", f"http://taro:p%40ss%20word@127.0.0.1:{proxy.port}")
    client = _client()
    reply = client.request("GET", f"https://{NAME}:{site.port}/hello", accept="*/*")
    client.close()
    assert reply.body == b"ok"
    # The client never resolved NAME (nothing maps it): only the proxy's tunnel reached it.
    assert [line.rsplit(" ", 1)[0] for line, _ in proxy.seen] == [f"CONNECT {NAME}:{site.port}"]
    assert site.hosts() == [NAME]
    assert "Proxy-Authorization" not in site.seen[0].headers  # the credentials stay with the proxy


def test_a_proxy_that_refuses_the_tunnel_is_offline(
    site: Recorder, proxy: ConnectProxy, clean_proxies: pytest.MonkeyPatch
) -> None:
    clean_proxies.setenv("HTTPS_PROXY", f"http://taro:wrong@127.0.0.1:{proxy.port}")
    with pytest.raises(OfflineError):
        _client().request("GET", f"https://{NAME}:{site.port}/hello")
    assert len(proxy.seen) == 1 and site.seen == []


def test_no_proxy_names_go_direct(
    site: Recorder, proxy: ConnectProxy, clean_proxies: pytest.MonkeyPatch
) -> None:
    clean_proxies.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
    clean_proxies.setenv("NO_PROXY", NAME)
    with map_hosts([NAME]) as connected:
        _client().request("GET", f"https://{NAME}:{site.port}/direct", accept="*/*")
    assert connected == [NAME] and proxy.seen == []
    assert site.hosts() == [NAME]


@pytest.mark.parametrize("kind", ["socks5://127.0.0.1:1080", "https://127.0.0.1:3128"])
def test_an_unsupported_proxy_is_refused_never_bypassed(
    site: Recorder, clean_proxies: pytest.MonkeyPatch, kind: str
) -> None:
    clean_proxies.setenv("HTTPS_PROXY", kind)
    with map_hosts([NAME]) as connected, pytest.raises(OfflineError, match="proxy"):
        _client().request("GET", f"https://{NAME}:{site.port}/x")
    assert connected == [] and site.seen == []


def test_the_tunnel_still_verifies_the_certificate(
    site: Recorder, proxy: ConnectProxy, clean_proxies: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "other").mkdir()
    other, _ = self_signed(tmp_path / "other", ["other.example"])
    clean_proxies.setenv("REQUESTS_CA_BUNDLE", str(other))
    clean_proxies.setenv("HTTPS_PROXY", f"http://taro:p%40ss%20word@127.0.0.1:{proxy.port}")
    with pytest.raises(TLSError):
        _client().request("GET", f"https://{NAME}:{site.port}/x")
    assert site.seen == []


# -- kept-alive connections -----------------------------------------------------------------------


class ClosingPeer(SocketPeer):
    """Answers ``per_connection`` requests on each connection, then closes it when the next one
    arrives (without an answer) -- or, with ``per_connection=1``, right after the first answer."""

    REPLY = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"

    def __init__(self, per_connection: int) -> None:
        self.per_connection = per_connection
        self.requests = 0
        super().__init__(threaded=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/x"

    def handle(self, conn: socket.socket) -> None:
        answered = 0
        while conn.recv(65_536):
            self.requests += 1
            if answered == self.per_connection:
                return  # close with the request unanswered
            conn.sendall(self.REPLY)
            answered += 1
            if self.per_connection == 1:
                return


@pytest.fixture
def peers() -> Iterator[list[SocketPeer]]:
    made: list[SocketPeer] = []
    yield made
    for peer in made:
        peer.close()


def test_idempotent_requests_share_one_connection(clean_proxies: pytest.MonkeyPatch) -> None:
    with Recorder() as recorder:
        client = _client()
        for _ in range(3):
            client.request("GET", recorder.url(path="/a"), accept="*/*")
        client.close()
        assert len({seen.client_port for seen in recorder.seen}) == 1
        assert len(recorder.seen) == 3


def test_a_request_that_is_not_idempotent_gets_a_fresh_connection(
    clean_proxies: pytest.MonkeyPatch,
) -> None:
    with Recorder() as recorder:
        client = _client()
        client.request("GET", recorder.url(path="/a"), accept="*/*")
        client.request("POST", recorder.url(path="/b"), json_body={"n": 1}, accept="*/*")
        client.request("POST", recorder.url(path="/b"), json_body={"n": 2}, accept="*/*")
        client.close()
        ports = [seen.client_port for seen in recorder.seen]
        assert len(set(ports)) == 3
        assert recorder.seen[1].headers["Content-Type"] == "application/json"


def test_a_connection_the_peer_closed_while_idle_is_not_reused(
    peers: list[SocketPeer],
) -> None:
    peer = ClosingPeer(per_connection=1)
    peers.append(peer)
    client = _client()  # one attempt: a reused dead connection would fail the request
    for n in range(1, 4):
        assert client.request("GET", peer.url).json().data == {}
        deadline = time.monotonic() + 5
        while peer.closed < n and time.monotonic() < deadline:  # its close reached us
            time.sleep(0.01)
    assert peer.connections == 3 and peer.requests == 3


def test_a_connection_closed_under_a_request_is_offline_and_retried_like_it(
    peers: list[SocketPeer],
) -> None:
    """The peer keeps the connection open after its answers, then drops the next request: the
    check before reuse cannot see it coming.  The transport never resends by itself; the
    client's retry for idempotent calls (one back-off) sends it again on a fresh connection."""
    peer = ClosingPeer(per_connection=2)
    peers.append(peer)
    sleeps: list[float] = []
    client = HttpClient(attempts=3, timeout=(5.0, 5.0), sleep=sleeps.append)
    for _ in range(3):
        assert client.request("GET", peer.url).json().data == {}
    assert peer.connections == 2 and peer.requests == 4
    assert len(sleeps) == 1
    alone = _client()  # one attempt: the drop is the caller's to see
    alone.request("GET", peer.url)
    alone.request("GET", peer.url)
    with pytest.raises(OfflineError, match="broke off"):
        alone.request("GET", peer.url)


def test_a_post_dropped_by_the_peer_is_not_sent_again(peers: list[SocketPeer]) -> None:
    peer = ClosingPeer(per_connection=0)
    peers.append(peer)
    with pytest.raises(OfflineError):
        _client().request("POST", peer.url, json_body={"once": True})
    assert peer.requests == 1


# -- pieces ---------------------------------------------------------------------------------------


def test_headers_are_looked_up_case_insensitively_and_repeats_joined_or_one_by_one() -> None:
    headers = Headers([("Content-Type", "a"), ("X-Two", "1"), ("x-two", "2")])
    assert headers["content-type"] == "a" and headers.get("CONTENT-TYPE") == "a"
    assert headers["X-TWO"] == "1, 2"
    assert list(headers) == ["Content-Type", "X-Two"] and len(headers) == 2
    assert headers.get("missing") is None
    assert headers.get_all("x-TWO") == ["1", "2"] and headers.get_all("missing") == []
    cookies = Headers(
        [("Set-Cookie", "a=1; Expires=Wed, 01 Dec 2100 10:00:00 GMT"), ("set-cookie", "b=2")]
    )
    assert cookies.get_all("Set-Cookie") == ["a=1; Expires=Wed, 01 Dec 2100 10:00:00 GMT", "b=2"]


def test_the_ca_bundle_is_the_named_one_else_certifi(monkeypatch: pytest.MonkeyPatch) -> None:
    import certifi

    for name in transport.CA_BUNDLE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert transport.ca_bundle() == certifi.where()
    monkeypatch.setenv("CURL_CA_BUNDLE", "/etc/ssl/b.pem")
    assert transport.ca_bundle() == "/etc/ssl/b.pem"
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/a.pem")
    assert transport.ca_bundle() == "/etc/ssl/a.pem"


def test_a_folder_of_certificates_verifies_too(
    site: Recorder, clean_proxies: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """REQUESTS_CA_BUNDLE may name a folder (c_rehash layout: <subject hash>.0 files)."""
    cert = Path(os.environ["REQUESTS_CA_BUNDLE"])  # set by the site fixture
    digest = subprocess.run(
        ["openssl", "x509", "-noout", "-subject_hash", "-in", str(cert)],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout.strip()
    folder = tmp_path / "cas"
    folder.mkdir()
    (folder / f"{digest}.0").write_bytes(cert.read_bytes())
    clean_proxies.setenv("REQUESTS_CA_BUNDLE", str(folder))
    with map_hosts([NAME]):
        reply = _client().request("GET", f"https://{NAME}:{site.port}/x", accept="*/*")
    assert reply.body == b"ok"


class TricklingPeer(SocketPeer):
    """Answers with ``head`` at once, then one byte every 0.2 s for up to 10 s: each read gets
    something in time, so only a deadline on the whole exchange ends it."""

    def __init__(self, head: bytes) -> None:
        self.head = head
        super().__init__(threaded=True)

    def handle(self, conn: socket.socket) -> None:
        conn.recv(65_536)
        conn.sendall(self.head)
        for _ in range(50):
            if self.stopping.wait(0.2):
                return
            conn.sendall(b"x")


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nX-Slow: ",  # in the headers
        b"HTTP/1.1 200 OK\r\nContent-Length: 900\r\n\r\n",  # in the body
    ],
    ids=["headers", "body"],
)
def test_a_peer_trickling_bytes_cannot_hold_a_request(peers: list[SocketPeer], head: bytes) -> None:
    peer = TricklingPeer(head)
    peers.append(peer)
    client = HttpClient(attempts=1, timeout=(1.0, 1.0))  # a deadline of 3 s for the exchange
    started = time.monotonic()
    with pytest.raises(OfflineError, match="in time"):
        client.request("GET", f"{peer.url}/slow")
    assert time.monotonic() - started < 6  # the peer would go on for 10 s
