"""The loopback redirect listener: one sign-in's ``http://127.0.0.1:<port>/callback``.

RFC 8252 §7.3: an IP literal, not ``localhost``; port 0 (the OS chooses); open only for the flow.
It accepts exactly one callback with the right ``state`` (a request with a wrong ``state`` gets
400 and is otherwise ignored, so a stray page cannot end the flow), then closes; it gives up
after a timeout or when cancelled.
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
from typing import Any
from urllib.parse import parse_qs, urlsplit

from nework_desktop.net.oauth.errors import OAuthCancelled, OAuthError, OAuthTimeout

log = logging.getLogger("nework.oauth")

CALLBACK_PATH = "/callback"
MAX_CALLBACK_REQUESTS = 50


_DONE_PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>NeWork</title></head>
<body style="font-family: sans-serif; margin: 3em">
<h1>{title}</h1><p>{ja}</p><p lang="en">{en}</p>
</body></html>
"""


@dataclass(frozen=True)
class Callback:
    """The parameters of the accepted redirect (``code`` or ``error``)."""

    code: str = field(repr=False)
    error: str = ""
    error_description: str = ""


class _Server(HTTPServer):
    # Never share the port: SO_REUSEADDR would let another local process bind it too (Windows).
    allow_reuse_address = False

    flow_state: str
    callback_path: str
    result: Callback | None
    requests_seen: int

    def server_bind(self) -> None:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        # TCPServer's bind only: HTTPServer's would do a reverse DNS lookup (getfqdn).
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "NeWork"
    sys_version = ""
    timeout = 5  # a connection that sends nothing cannot hold the listener (and Cancel) up

    def log_message(self, format: str, *args: Any) -> None:
        """Silence: the default would print the request line (with the code) to stderr."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self._handle(parts.path, parts.query)

    def do_POST(self) -> None:  # response_mode=form_post
        parts = urlsplit(self.path)
        length = self.headers.get("Content-Length", "0")
        size = int(length) if length.isdigit() else 0
        if size > 65_536:
            self._reply(413, "Request too large")
            return
        body = self.rfile.read(size).decode("utf-8", "replace")
        self._handle(parts.path, body)

    def _handle(self, path: str, query: str) -> None:
        server = self.server
        server.requests_seen += 1
        if path != server.callback_path or server.result is not None:
            self._reply(404, "Not found")
            return
        try:
            params = parse_qs(
                query, keep_blank_values=True, strict_parsing=False, max_num_fields=20
            )
        except ValueError:
            self._reply(400, "Bad request")
            return
        single = {k: v[0] for k, v in params.items() if len(v) == 1}
        state = single.get("state", "")
        if not hmac.compare_digest(state.encode("utf-8"), server.flow_state.encode("utf-8")):
            log.warning("sign-in redirect with a wrong state ignored")
            self._reply(400, "This sign-in link does not belong to the running sign-in.")
            return
        error = single.get("error", "")
        code = single.get("code", "")
        if error or not code:
            server.result = Callback(
                "", error or "invalid_request", single.get("error_description", "")[:300]
            )
            self._page(
                "サインインできませんでした",
                "NeWork に戻ってください。",
                "Sign-in did not complete. Please return to NeWork.",
            )
            return
        server.result = Callback(code[:4096])
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
        self._server = _Server((host, 0), _Handler, bind_and_activate=True)
        self._server.flow_state = state
        self._server.callback_path = path
        self._server.result = None
        self._server.requests_seen = 0
        self._server.timeout = 0.1
        self._path = path
        self._closed = False

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
        try:
            while self._server.result is None:
                if cancelled.is_set():
                    raise OAuthCancelled()
                if time.monotonic() >= deadline:
                    raise OAuthTimeout()
                if self._server.requests_seen > MAX_CALLBACK_REQUESTS:
                    raise OAuthError("too many unexpected requests reached the sign-in listener")
                self._server.handle_request()
            return self._server.result
        finally:
            self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._server.server_close()
