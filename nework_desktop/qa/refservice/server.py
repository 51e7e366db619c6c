"""The reference service's HTTP server: one loopback :class:`ThreadingHTTPServer`, one dispatch.

Every request is recorded (:attr:`~.state.ServiceState.requests`: method, path, whether it had
an ``Idempotency-Key`` and a Bearer token -- never a body), then, in order:

1. a canned fault for its path (:class:`~.state.Faults`), if one is queued: that reply (after
   its ``delay``), or a dropped connection;
2. a POST with an ``Idempotency-Key`` that was answered before (below 500): the first answer
   again, so that the client may retry it;
3. the route: the pages (:data:`.oidc.PAGES`, :data:`.workspace.PAGES`), else the JSON routes
   (:data:`.api.ROUTES`, :data:`.oidc.ROUTES`) under the state's lock; an unknown path is a 404,
   a known path with another method a 405.

A client that hangs up during an exchange (the app quitting mid-request, the web engine
dropping a load it no longer needs) is routine: one debug line, not a traceback on the QA
engineer's console.  Any other error in a handler still prints its traceback.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final, Self
from urllib.parse import urlsplit

from nework_desktop.core.urls import is_loopback_host
from nework_desktop.qa.refservice import api, oidc, workspace
from nework_desktop.qa.refservice.protocol import (
    JSON_TYPE,
    BadRequest,
    JsonRoutes,
    RawRoutes,
    Reply,
    Request,
    err,
    json_reply,
)
from nework_desktop.qa.refservice.state import Recorded, ServiceState

log = logging.getLogger("nework.refservice")

JSON_ROUTES: Final[JsonRoutes] = {**api.ROUTES, **oidc.ROUTES}
PAGES: Final[RawRoutes] = {**oidc.PAGES, **workspace.PAGES, **api.RAW_ROUTES}


class RefService(ServiceState):
    """The reference service.  ``with RefService() as svc: svc.url`` runs it in-process."""

    _thread: threading.Thread | None = None

    def start(self) -> Self:
        """Listen on ``host:port`` (port 0: any free one) and serve from a daemon thread.

        :class:`OSError` when the address cannot be used (a busy port, a host that is not a
        loopback address: the service answers this machine only).
        """
        if not is_loopback_host(self.host):
            raise OSError(
                errno.EADDRNOTAVAIL,
                "not a loopback address (the reference service answers this machine only)",
            )
        server = _Server((self.host, self.port), _Handler)
        server.service = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

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


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):  # the client hung up
            log.debug("client %s went away: %s", client_address, type(error).__name__)
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def running(**kwargs: Any) -> Iterator[RefService]:
    """``with running() as svc:`` -- the reference service on 127.0.0.1:<free port>."""
    service = RefService(**kwargs)
    service.start()
    try:
        yield service
    finally:
        service.stop()


def route(svc: ServiceState, req: Request) -> Reply:
    """The answer of the route for ``req`` (step 3 of the dispatch)."""
    key = (req.method, req.path)
    try:
        page = PAGES.get(key)
        if page is not None:
            return page(svc, req)
        endpoint = JSON_ROUTES.get(key)
        if endpoint is None:
            known = any(p == req.path for _, p in JSON_ROUTES)
            if known:
                return json_reply(405, {"error": "method_not_allowed"})
            return json_reply(404, err("not_found"))
        with svc.lock:
            status, body = endpoint(svc, req)
    except BadRequest as exc:
        return json_reply(400, err("invalid_request", str(exc)))
    return json_reply(status, body)


class _Handler(BaseHTTPRequestHandler):
    server_version = "NeWorkRef/1"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    @property
    def svc(self) -> RefService:
        service: RefService = self.server.service  # type: ignore[attr-defined]
        return service

    def log_message(self, format: str, *args: Any) -> None:
        if self.svc.echo is not None:
            self.svc.echo(f"{self.command} {urlsplit(self.path).path}")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _request(self, method: str) -> Request:
        parts = urlsplit(self.path)
        length = self.headers.get("Content-Length", "0")
        raw = self.rfile.read(int(length)) if length.isdigit() and int(length) > 0 else b""
        auth = self.headers.get("Authorization", "")
        bearer = auth[7:] if auth.startswith("Bearer ") else None
        return Request(method, parts.path, parts.query, raw, bearer, self.headers.get("Cookie", ""))

    def _dispatch(self, method: str) -> None:
        svc = self.svc
        req = self._request(method)
        key = self.headers.get("Idempotency-Key")
        with svc.lock:
            svc.requests.append(Recorded(method, req.path, key, req.bearer is not None))
            canned = svc.faults.take(req.path)
        if canned is not None:
            if canned.delay:
                time.sleep(canned.delay)
            if canned.drop:
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(2)
                return
            self._send(canned.status, canned.body, canned.headers)
            return
        if method == "POST" and key:
            with svc.lock:
                cached = svc.idempotent.get((req.path, key))
            if cached is not None:
                self._send(cached[0], cached[1], dict(JSON_TYPE))
                return
        status, body, headers = route(svc, req)
        if method == "POST" and key and status < 500:
            with svc.lock:
                svc.idempotent[(req.path, key)] = (status, body)
        self._send(status, body, headers)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
