"""The loopback redirect listener: one sign-in's ``http://127.0.0.1:<port>/callback``.

RFC 8252 §7.3: an IP literal, not ``localhost``; port 0 (the OS chooses); open only for the flow.
Connections are served concurrently (a thread each, at most :data:`MAX_CONNECTIONS` at once),
each with its own deadline (:data:`CONNECTION_DEADLINE_S`), so a slow or silent local client
cannot hold the real callback up.  The first callback ends the wait: with the right ``state``
it carries the code (or the provider's error); with a wrong ``state`` it is answered 400 and
ends the flow at once with :data:`STATE_MISMATCH` (the provider will not redirect again, so
waiting on would only run into the timeout).  A request for any other path gets 404 and changes
nothing.  The listener gives up after a timeout or when cancelled.
"""

from __future__ import annotations

import hmac
import html
import logging
import socket
import socketserver
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, urlsplit

from nework_desktop.core.validate import ascii_int
from nework_desktop.net.oauth.errors import OAuthCancelled, OAuthError, OAuthTimeout

log = logging.getLogger("nework.oauth")

CALLBACK_PATH = "/callback"
MAX_CALLBACK_REQUESTS = 50
#: Connections served at once; more are closed at once.
MAX_CONNECTIONS = 16
#: Seconds a connection may take to send its request (then it is closed).
CONNECTION_DEADLINE_S = 5.0
#: The ``error`` of a callback whose ``state`` is not this flow's.
STATE_MISMATCH = "state_mismatch"


_DONE_PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>NeWork</title></head>
<body style="font-family: sans-serif; margin: 3em">
<h1>{title}</h1><p>{ja}</p><p lang="en">{en}</p>
</body></html>
"""


@dataclass(frozen=True)
class Callback:
    """The parameters of the accepted redirect (``code`` or ``error``; RFC 9207's ``iss``)."""

    code: str = field(repr=False)
    error: str = ""
    error_description: str = ""
    iss: str = ""


def interpret(path: str, query: str, *, callback_path: str, state: str) -> Callback | None:
    """What one request to the listener means: the callback it carries (the code, the
    provider's error, or :data:`STATE_MISMATCH`), or None (another path, an unparsable query:
    it ends nothing)."""
    if path != callback_path:
        return None
    try:
        params = parse_qs(query, keep_blank_values=True, strict_parsing=False, max_num_fields=20)
    except ValueError:
        return None
    single = {k: v[0] for k, v in params.items() if len(v) == 1}
    given = single.get("state", "")
    if not hmac.compare_digest(given.encode("utf-8"), state.encode("utf-8")):
        return Callback("", STATE_MISMATCH)
    error = single.get("error", "")
    code = single.get("code", "")
    iss = single.get("iss", "")[:2048]
    if error or not code:
        description = single.get("error_description", "")[:300]
        return Callback("", error or "invalid_request", description, iss)
    return Callback(code[:4096], iss=iss)


class _Server(ThreadingMixIn, HTTPServer):
    # Never share the port: SO_REUSEADDR would let another local process bind it too (Windows).
    allow_reuse_address = False
    daemon_threads = True

    def __init__(self, address: tuple[str, int], state: str, path: str) -> None:
        super().__init__(address, _Handler, bind_and_activate=True)
        self.flow_state = state
        self.callback_path = path
        self.result: Callback | None = None
        self.requests_seen = 0
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def server_bind(self) -> None:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        # TCPServer's bind only: HTTPServer's would do a reverse DNS lookup (getfqdn).
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):  # too many at once: refuse this one
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def finish_with(self, result: Callback) -> bool:
        """Record the first callback (True), or nothing when one came already (False)."""
        with self.lock:
            if self.result is not None:
                return False
            self.result = result
        self.done.set()
        return True


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "NeWork"
    sys_version = ""
    timeout = CONNECTION_DEADLINE_S  # a connection that sends nothing is closed after this

    def log_message(self, format: str, *args: Any) -> None:
        """Silence: the default would print the request line (with the code) to stderr."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self._handle(parts.path, parts.query)

    def do_POST(self) -> None:  # response_mode=form_post
        parts = urlsplit(self.path)
        size = ascii_int(self.headers.get("Content-Length", "0")) or 0
        if size > 65_536:
            self._reply(413, "Request too large")
            return
        body = self.rfile.read(size).decode("utf-8", "replace")
        self._handle(parts.path, body)

    def _handle(self, path: str, query: str) -> None:
        server = self.server
        with server.lock:
            server.requests_seen += 1
        if server.result is not None:
            self._reply(404, "Not found")
            return
        callback = interpret(path, query, callback_path=server.callback_path,
                             state=server.flow_state)  # fmt: skip
        if callback is None:
            self._reply(404 if path != server.callback_path else 400, "Not found")
            return
        if not server.finish_with(callback):
            self._reply(404, "Not found")
        elif callback.error == STATE_MISMATCH:
            log.warning("sign-in redirect with a wrong state: the sign-in ends")
            self._reply(400, "This sign-in link does not belong to the running sign-in.")
        elif callback.error:
            self._page(
                "サインインできませんでした",
                "NeWork に戻ってください。",
                "Sign-in did not complete. Please return to NeWork.",
            )
        else:
            self._page(
                "サインインしました",
                "このページを閉じて NeWork に戻ってください。",
                "You are signed in. You can close this page and return to NeWork.",
            )

    def _headers(self, status: int, length: int, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Connection", "close")
        self.end_headers()

    def _reply(self, status: int, text: str) -> None:
        data = text.encode("utf-8")
        self._headers(status, len(data), "text/plain; charset=utf-8")
        self.wfile.write(data)

    def _page(self, title: str, ja: str, en: str) -> None:
        page = _DONE_PAGE.format(title=html.escape(title), ja=html.escape(ja), en=html.escape(en))
        data = page.encode("utf-8")
        self._headers(200, len(data), "text/html; charset=utf-8")
        self.wfile.write(data)


class LoopbackListener:
    """An HTTP listener on 127.0.0.1 (port chosen by the OS) for one sign-in redirect."""

    def __init__(self, state: str, path: str = CALLBACK_PATH, host: str = "127.0.0.1") -> None:
        self._server = _Server((host, 0), state, path)
        self._path = path
        self._closed = False
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{self._path}"

    @property
    def closed(self) -> bool:
        return self._closed

    def wait(self, timeout: float, cancelled: threading.Event) -> Callback:
        """Serve requests until the callback arrives; raise on timeout or cancel."""
        deadline = time.monotonic() + timeout
        server = self._server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        try:
            while not server.done.wait(0.05):
                if cancelled.is_set():
                    raise OAuthCancelled()
                if time.monotonic() >= deadline:
                    raise OAuthTimeout()
                if server.requests_seen > MAX_CALLBACK_REQUESTS:
                    raise OAuthError("too many unexpected requests reached the sign-in listener")
            assert server.result is not None
            return server.result
        finally:
            self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()
