"""Loopback test servers: a ThreadingHTTPServer served from a daemon thread, a raw TCP peer."""

from __future__ import annotations

import contextlib
import socket
import threading
from http.server import ThreadingHTTPServer
from typing import Self


class ServedInThread:
    """start() builds the server and calls :meth:`_serve`; stop() and ``with`` are shared."""

    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    def start(self) -> Self:
        raise NotImplementedError

    def _serve(self, server: ThreadingHTTPServer) -> None:
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class SocketPeer:
    """A raw TCP peer on 127.0.0.1 for the truly hostile or odd server: each accepted connection
    is handed to :meth:`handle` (in its own daemon thread with ``threaded``), then closed.

    ``connections`` counts what was accepted, ``closed`` what was handled and closed;
    ``close()`` stops accepting and waits.
    """

    def __init__(self, *, threaded: bool = False) -> None:
        self.threaded = threaded
        self.connections = 0
        self.closed = 0
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            if self.threaded:
                threading.Thread(target=self._handle_and_close, args=(conn,), daemon=True).start()
            else:
                self._handle_and_close(conn)

    def _handle_and_close(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.settimeout(5)
            self.handle(conn)
        self.closed += 1

    def close(self) -> None:
        self.stopping.set()
        self.sock.close()
        self._thread.join(5)
