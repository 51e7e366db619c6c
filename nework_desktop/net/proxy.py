"""The egress proxy: where the web engine's connections are made, the egress rules decide.

A ``QWebEngineUrlRequestInterceptor`` sees URL loads only.  Chromium also opens connections
that are no URL load -- ``<link rel=preconnect>``, speculative connections, WebSocket and
WebTransport handshakes -- and those reached the network unseen.  So the workspace's web engine
is started with ``--proxy-server`` pointing here (and QUIC, WebTransport and WebRTC's
non-proxied UDP switched off: :func:`chromium_flags`): every TCP connection the engine wants
is asked of this loopback proxy first.

* ``CONNECT host:port`` (HTTPS, WSS, preconnects): the rules are asked about
  ``https://host:port/``; refused → ``403`` and nothing leaves; allowed → the tunnel.
* An absolute-form request (``GET http://host/path``; plain http, development only): the rules
  are asked about the URL; allowed → forwarded in origin form with ``Connection: close``.
* Anything else → ``400``.

Allowed connections are not counted again (the interceptor counted the URL load); every
refusal is counted and logged like the others (:meth:`EgressPolicy.decide`).  Each client
connection has its own thread (at most :data:`MAX_CONNECTIONS`) and deadlines for its request
head and for idle tunnels.  Upstream names are resolved by this process (the engine never
resolves a proxied host).  No Qt here.
"""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import os
import re
import select
import socket
import threading
from collections.abc import Callable
from typing import Final, Protocol
from urllib.parse import urlsplit

from nework_desktop.core.validate import ascii_int

__all__ = ["MAX_CONNECTIONS", "EgressProxy", "Rules", "chromium_flags"]

log = logging.getLogger("nework.proxy")

#: Client connections served at once; more are refused at once.
MAX_CONNECTIONS: Final = 64
#: Seconds a client may take to send its request head.
HEAD_DEADLINE_S: Final = 30.0
#: Seconds a tunnel may stay silent both ways before it is closed.
IDLE_S: Final = 300.0
#: Seconds to open the upstream connection.
CONNECT_TIMEOUT_S: Final = 15.0
MAX_HEAD_BYTES: Final = 64 * 1024
_CHUNK: Final = 64 * 1024
_HOP_HEADERS: Final = frozenset(
    {"proxy-connection", "proxy-authorization", "connection", "keep-alive"}
)

Connector = Callable[[str, int], socket.socket]


class Rules(Protocol):
    """What the proxy needs of :class:`~nework_desktop.core.egress.EgressPolicy`."""

    def evaluate(self, url: str, *, first_party_url: str | None = None) -> object: ...

    def decide(self, url: str, *, first_party_url: str | None = None) -> object: ...


def _allowed(verdict: object) -> bool:
    return bool(getattr(verdict, "allowed", False))


def resolver_rules(flags: str) -> Callable[[str], str]:
    """The engine's ``--host-resolver-rules`` (``MAP pattern replacement``, ``EXCLUDE pattern``,
    comma-separated; ``*`` matches any run of characters) as a host mapping.

    The proxy resolves names for the engine, so it applies the engine's own rules: a test or QA
    run that maps every host to 127.0.0.1 keeps doing so through the proxy.
    """
    found = re.search(r"--host-resolver-rules=(\"[^\"]*\"|'[^']*'|\S+)", flags)
    rules: list[tuple[str, str | None]] = []
    if found:
        for rule in found.group(1).strip("\"'").split(","):
            words = rule.split()
            if len(words) == 3 and words[0].upper() == "MAP":
                rules.append((words[1].lower(), words[2]))
            elif len(words) == 2 and words[0].upper() == "EXCLUDE":
                rules.append((words[1].lower(), None))

    def resolve(host: str) -> str:
        name = host.lower()
        for pattern, replacement in rules:
            if fnmatch.fnmatchcase(name, pattern):
                return host if replacement is None else replacement
        return host

    return resolve


def default_connect(host: str, port: int) -> socket.socket:
    """A TCP connection to ``host:port``: the engine's resolver rules, then the system's."""
    target = resolver_rules(os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""))(host)
    return socket.create_connection((target, port), timeout=CONNECT_TIMEOUT_S)


def chromium_flags(port: int) -> list[str]:
    """The Chromium switches that route the engine through the proxy on ``port`` and switch off
    what a proxy cannot see (QUIC, WebTransport, WebRTC's UDP outside a proxy, DNS prefetch)."""
    return [
        f"--proxy-server=http://127.0.0.1:{port}",
        "--proxy-bypass-list=<-loopback>",  # loopback too goes through the proxy
        "--disable-quic",
        "--disable-blink-features=WebTransport",
        "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
        "--webrtc-ip-handling-policy=disable_non_proxied_udp",
        "--dns-prefetch-disable",
        "--disable-background-networking",
        "--disable-domain-reliability",
        "--disable-component-update",
    ]


def _split_authority(authority: str, default_port: int) -> tuple[str, int] | None:
    host, port_text = authority, ""
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            return None
        host, rest = authority[1:end], authority[end + 1 :]
        if rest.startswith(":"):
            port_text = rest[1:]
        elif rest:
            return None
    elif authority.count(":") == 1:
        host, port_text = authority.split(":")
    port = ascii_int(port_text) if port_text else default_port
    if not host or port is None or not 0 < port < 65536:
        return None
    return host, port


class EgressProxy:
    """The loopback proxy of one app session (start once, before the web engine starts)."""

    def __init__(self, rules: Rules, *, connect: Connector = default_connect) -> None:
        self.rules = rules  # settable: the session's rules, swapped when they are rebuilt
        self._connect = connect
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._closing = threading.Event()
        self.refused = 0
        #: Requests seen (any verdict): zero after a page load means the engine bypasses us.
        self.seen = 0

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the proxy is not running")
        return int(self._server.getsockname()[1])

    def start(self) -> int:
        """Listen on 127.0.0.1 (a port the OS chooses); returns the port."""
        if self._server is not None:
            return self.port
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: never share the port
            server.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(128)
        server.settimeout(0.2)
        self._server = server
        self._thread = threading.Thread(target=self._accept, name="nework-proxy", daemon=True)
        self._thread.start()
        log.info("egress proxy listening on 127.0.0.1:%d", self.port)
        return self.port

    def stop(self) -> None:
        self._closing.set()
        server, self._server = self._server, None
        if server is not None:
            server.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    # -- connections ----------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closing.is_set():
            server = self._server
            if server is None:
                return
            try:
                client, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self._slots.acquire(blocking=False):
                client.close()  # too many at once
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            with client:
                self._handle(client)
        except OSError as exc:
            log.debug("proxy connection ended: %s", exc)
        finally:
            self._slots.release()

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(HEAD_DEADLINE_S)
        head, rest = _read_head(client)
        if head is None:
            return
        lines = head.split(b"\r\n")
        parts = lines[0].decode("latin-1").split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            _answer(client, 400, "Bad Request")
            return
        method, target, _version = parts
        if method.upper() == "CONNECT":
            self._tunnel(client, target, rest)
        else:
            self._forward(client, method, target, lines[1:], rest)

    def _decide(self, url: str) -> bool:
        self.seen += 1
        if _allowed(self.rules.evaluate(url)):
            return True
        self.rules.decide(url)  # counted and logged like every refusal
        self.refused += 1
        return False

    def _tunnel(self, client: socket.socket, authority: str, early: bytes) -> None:
        where = _split_authority(authority, 443)
        if where is None:
            _answer(client, 400, "Bad Request")
            return
        host, port = where
        shown = f"[{host}]" if ":" in host else host
        url = f"https://{shown}/" if port == 443 else f"https://{shown}:{port}/"
        if not self._decide(url):
            _answer(client, 403, "Forbidden")
            return
        try:
            upstream = self._connect(host, port)
        except OSError as exc:
            log.info("proxy: %s cannot be reached (%s)", shown, type(exc).__name__)
            _answer(client, 502, "Bad Gateway")
            return
        with upstream:
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            if early:
                upstream.sendall(early)
            _relay(client, upstream)

    def _forward(
        self, client: socket.socket, method: str, target: str, headers: list[bytes], rest: bytes
    ) -> None:
        parts = urlsplit(target)
        if parts.scheme not in ("http", "ws") or not parts.netloc:
            _answer(client, 400, "Bad Request")
            return
        where = _split_authority(parts.netloc.rpartition("@")[2], 80)
        if where is None:
            _answer(client, 400, "Bad Request")
            return
        if not self._decide(target):
            _answer(client, 403, "Forbidden")
            return
        host, port = where
        path = parts.path or "/"
        if parts.query:
            path += f"?{parts.query}"
        kept = [
            h for h in headers if h and h.split(b":", 1)[0].strip().lower().decode("latin-1")
            not in _HOP_HEADERS
        ]  # fmt: skip
        head = b"\r\n".join(
            [f"{method} {path} HTTP/1.1".encode("latin-1"), *kept, b"Connection: close", b"", b""]
        )
        try:
            upstream = self._connect(host, port)
        except OSError as exc:
            # No answer at all: the engine sees the connection fail, as without a proxy.
            log.info("proxy: %s cannot be reached (%s)", host, type(exc).__name__)
            return
        with upstream:
            upstream.sendall(head + rest)
            _relay(client, upstream)


def _read_head(client: socket.socket) -> tuple[bytes | None, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > MAX_HEAD_BYTES:
            _answer(client, 431, "Request Header Fields Too Large")
            return None, b""
        try:
            chunk = client.recv(_CHUNK)
        except TimeoutError:
            return None, b""
        if not chunk:
            return None, b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _answer(client: socket.socket, status: int, reason: str) -> None:
    with contextlib.suppress(OSError):
        client.sendall(
            f"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .encode("ascii")
        )  # fmt: skip


def _relay(a: socket.socket, b: socket.socket) -> None:
    """Copy bytes both ways until one side closes or both stay silent for :data:`IDLE_S`."""
    a.settimeout(None)
    b.settimeout(None)
    peers = {a: b, b: a}
    open_ends = [a, b]
    while open_ends:
        readable, _, _ = select.select(open_ends, [], [], IDLE_S)
        if not readable:
            return
        for sock in readable:
            try:
                data = sock.recv(_CHUNK)
            except OSError:
                return
            other = peers[sock]
            if not data:
                open_ends.remove(sock)
                with contextlib.suppress(OSError):
                    other.shutdown(socket.SHUT_WR)
                continue
            try:
                other.sendall(data)
            except OSError:
                return
