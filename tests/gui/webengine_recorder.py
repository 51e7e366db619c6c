"""A loopback HTTP(S) server that records every request it gets (tests of the egress rules).

``Recorder`` listens on 127.0.0.1 only and answers every request; each one is recorded with its
``Host`` header, so a test that maps other host names to 127.0.0.1 (Chromium's
``--host-resolver-rules``, or :func:`map_hosts` for the app's HTTP client) sees which
destination a request was meant for.  Pages can be registered per path
(``recorder.pages["/workspace"] = html``); ``{port}`` in a page is replaced by the recorder's
port.  ``recorder.status["/x"] = 500`` makes a path fail.

Also here: :func:`self_signed` (a throw-away certificate for a few host names, made with the
``openssl`` command) so the app's own HTTP client, which only speaks https to non-loopback hosts,
can be tested against the recorder too.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.loopback import ServedInThread


@dataclass(frozen=True)
class Seen:
    """One recorded request."""

    method: str
    host: str  # the Host header without the port, lowercase
    path: str  # without the query
    headers: dict[str, str]
    client_port: int = 0  # the connection it came on (kept-alive connections repeat it)

    @property
    def hostname(self) -> str:
        return self.host


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Recorder/1"
    sys_version = ""

    @property
    def recorder(self) -> Recorder:
        rec: Recorder = self.server.recorder  # type: ignore[attr-defined]
        return rec

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        rec = self.recorder
        length = self.headers.get("Content-Length", "0")
        if length.isdigit() and int(length) > 0:
            self.rfile.read(int(length))
        host = (self.headers.get("Host") or "").lower()
        host = host[1 : host.find("]")] if host.startswith("[") else host.rsplit(":", 1)[0]
        path = urlsplit(self.path).path
        with rec.lock:
            rec.seen.append(
                Seen(self.command, host, path, dict(self.headers.items()), self.client_address[1])
            )
        status = rec.status.get(path, 200)
        page = rec.pages.get(path)
        headers = {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
        headers.update(rec.headers.get(path, {}))
        body = (page if page is not None else "ok").replace("{port}", str(rec.port)).encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = _handle
    do_POST = _handle
    do_HEAD = _handle
    do_PUT = _handle
    do_DELETE = _handle
    do_OPTIONS = _handle


class Recorder(ServedInThread):
    """``with Recorder() as rec:`` -- records requests on ``127.0.0.1:rec.port``."""

    def __init__(self, *, tls: ssl.SSLContext | None = None, port: int = 0) -> None:
        self.tls = tls
        self.lock = threading.Lock()
        self.seen: list[Seen] = []
        self.pages: dict[str, str] = {}
        self.status: dict[str, int] = {}
        self.headers: dict[str, dict[str, str]] = {}
        self._port = port

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the recorder is not running")
        return int(self._server.server_address[1])

    def url(self, host: str = "127.0.0.1", path: str = "/") -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{host}:{self.port}{path}"

    def start(self) -> Recorder:
        server = ThreadingHTTPServer(("127.0.0.1", self._port), _Handler)
        if self.tls is not None:
            server.socket = self.tls.wrap_socket(server.socket, server_side=True)
        server.recorder = self  # type: ignore[attr-defined]
        self._serve(server)
        return self

    # -- queries ------------------------------------------------------------------------------

    def hosts(self) -> list[str]:
        with self.lock:
            return [s.host for s in self.seen]

    def to(self, host: str, path: str | None = None) -> list[Seen]:
        """The requests meant for ``host`` (and ``path``, if given)."""
        with self.lock:
            return [s for s in self.seen if s.host == host and (path is None or s.path == path)]

    def clear(self) -> None:
        with self.lock:
            self.seen.clear()


def free_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (for "offline" tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def self_signed(folder: Path, names: Sequence[str]) -> tuple[Path, Path]:
    """(certificate, key) for ``names``, valid one day; needs the ``openssl`` command."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("the openssl command is needed to make a test certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    san = ",".join(f"DNS:{n}" for n in names)
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={names[0]}",
            "-addext",
            f"subjectAltName={san}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


@contextlib.contextmanager
def map_hosts(names: Sequence[str]) -> Iterator[list[str]]:
    """Make the app's HTTP client (``http.client``) connect to 127.0.0.1 for ``names``; yields
    the connected names.

    Like Chromium's host resolver rules: the URL, the Host header and the TLS server name stay
    as they are, only the address changes.  Any other name fails to connect, so nothing can
    leave the machine.
    """
    original: Callable[..., socket.socket] = socket.create_connection
    wanted = {n.lower() for n in names}
    connected: list[str] = []

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        host, port = address
        if host.lower() in wanted or host in ("127.0.0.1", "localhost"):
            connected.append(host.lower())
            return original(("127.0.0.1", port), *args, **kwargs)
        raise OSError(f"test network: {host} is not mapped to loopback")

    # http.client's connections take socket.create_connection when they are made.
    socket.create_connection = create_connection  # type: ignore[assignment]
    try:
        yield connected
    finally:
        socket.create_connection = original
