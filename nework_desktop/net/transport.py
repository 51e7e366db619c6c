"""One HTTP/1.1 exchange on the standard library's :mod:`http.client` (used by :mod:`.http`).

What it promises, and :mod:`.http` relies on:

* **TLS verified** against the CA bundle named by ``REQUESTS_CA_BUNDLE`` or ``CURL_CA_BUNDLE``
  (a file or a folder), else certifi's bundle, else the system's store; the host name is checked.
* **Proxies** from the environment and the system settings (``urllib.request.getproxies``:
  ``HTTPS_PROXY``/``NO_PROXY``, the Windows registry, macOS' network settings) for https, through
  ``CONNECT``; never for a loopback host.  Only ``http://`` proxies (with or without a user name)
  are supported; any other kind is refused as unreachable, never bypassed.
* **Timeouts**: one for the connection (TCP, proxy tunnel, TLS handshake), one for each read,
  and a deadline of three read timeouts for the whole exchange, so that a peer trickling a byte
  now and then cannot hold a request for ever.
* **Size cap**: a reply body over ``max_bytes`` is refused without reading the rest.
* **Keep-alive**: idle connections are kept per host for idempotent requests and checked before
  reuse (one the peer closed while idle is dropped); a request that is not idempotent always gets
  a fresh connection.  A connection that breaks under a request is an :class:`OfflineError`,
  retried by :mod:`.http` like any other for idempotent calls only — never resent here.

Every failure is one of :mod:`.errors` (``TLSError``, ``OfflineError``, ``BadReplyError``) —
never an exception of :mod:`http.client`, :mod:`ssl` or :mod:`socket`.  ``http.client`` and
``ssl`` are imported with the first request: building a client costs nothing at start.
"""

from __future__ import annotations

import base64
import contextlib
import os
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from nework_desktop.core import validate
from nework_desktop.core.urls import is_loopback_host
from nework_desktop.net.errors import BadReplyError, OfflineError, TLSError

if TYPE_CHECKING:
    import http.client
    import ssl

MAX_IDLE_PER_HOST = 4
CHUNK = 65_536
CA_BUNDLE_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


class Headers(Mapping[str, str]):
    """A reply's headers, looked up case-insensitively (repeated ones joined with ", ", or
    one by one with :meth:`get_all`: ``Set-Cookie`` values may hold commas themselves)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        #: lower-case name → (the name as first received, every value in order)
        self._items: dict[str, tuple[str, list[str]]] = {}
        for name, value in pairs:
            self._items.setdefault(name.lower(), (name, []))[1].append(value)

    def __getitem__(self, name: str) -> str:
        return ", ".join(self._items[name.lower()][1])

    def get_all(self, name: str) -> list[str]:
        """Every value of a header, in the order received ([] when absent)."""
        kept = self._items.get(name.lower())
        return list(kept[1]) if kept is not None else []

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Headers({dict(self.items())!r})"


@dataclass(frozen=True)
class _Request:
    method: str
    target: str
    body: bytes | None
    headers: dict[str, str]


@dataclass(frozen=True)
class Proxy:
    """Where an https request's tunnel is opened (and the credentials it sends there)."""

    host: str
    port: int
    headers: Mapping[str, str]


@dataclass(frozen=True)
class Response:
    status: int
    headers: Headers
    body: bytes


# -- TLS and proxies ------------------------------------------------------------------------------

_contexts: dict[str, ssl.SSLContext] = {}
_contexts_lock = threading.Lock()


def ca_bundle() -> str:
    """The CA bundle (file or folder) certificates are verified against; "" = the system's."""
    for name in CA_BUNDLE_VARIABLES:
        value = os.environ.get(name, "")
        if value:
            return value
    try:
        import certifi
    except ImportError:  # pragma: no cover - certifi comes with the app's dependencies
        return ""
    return str(certifi.where())


def tls_context() -> ssl.SSLContext:
    """A verifying client context for the current CA bundle (made once per bundle)."""
    import ssl

    bundle = ca_bundle()
    with _contexts_lock:
        context = _contexts.get(bundle)
        if context is None:
            if not bundle:
                context = ssl.create_default_context()
            elif os.path.isdir(bundle):
                context = ssl.create_default_context(capath=bundle)
            else:
                context = ssl.create_default_context(cafile=bundle)
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            _contexts[bundle] = context
        return context


def proxy_for(host: str) -> Proxy | None:
    """The proxy an https request to ``host`` goes through, or None (never for loopback)."""
    if is_loopback_host(host):
        return None
    import urllib.request

    proxies = urllib.request.getproxies()
    url = proxies.get("https") or proxies.get("all")
    if not url or urllib.request.proxy_bypass(host):
        return None
    if "://" not in url:
        url = f"http://{url}"
    parts = urlsplit(url)
    try:
        port = parts.port or 80
    except ValueError:
        port = 0
    if parts.scheme != "http" or not parts.hostname or not port:
        raise OfflineError(f"the proxy {parts.scheme}://{parts.hostname or ''} is not supported")
    headers: dict[str, str] = {}
    if parts.username is not None:
        secret = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(secret.encode()).decode()
    return Proxy(parts.hostname, port, headers)


# -- connections ----------------------------------------------------------------------------------


def _is_dropped(connection: http.client.HTTPConnection) -> bool:
    """True when an idle connection was closed by the peer (readable means EOF or garbage)."""
    import select

    sock = connection.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


class _Watchdog:
    """Shuts ``connection``'s socket down after ``seconds`` unless cancelled first."""

    def __init__(self, connection: http.client.HTTPConnection, seconds: float) -> None:
        self.fired = False
        self._connection = connection
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True
        self._timer.start()

    def _cut(self) -> None:
        import socket  # already loaded by http.client

        self.fired = True
        sock = self._connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


class Transport:
    """Sends one request and reads its reply (see the module docstring); thread-safe."""

    def __init__(self, timeout: tuple[float, float], max_bytes: int, user_agent: str) -> None:
        self.timeout = timeout
        #: The longest one exchange (request sent, reply read) may take: three read timeouts
        #: (60 s by default: a capped reply of 1 MB still arrives at ~150 kbit/s).
        self.exchange_deadline = 3 * timeout[1]
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._idle: dict[tuple[str, str, int], list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()

    def __del__(self) -> None:
        # A client dropped without close() (tests, one-shot commands) closes its kept sockets.
        self.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, {}
        for connections in idle.values():
            for connection in connections:
                connection.close()

    def send(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: Mapping[str, str],
        *,
        reusable: bool,
    ) -> Response:
        """One exchange; ``reusable`` (idempotent) requests may use a kept-alive connection."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        key = (parts.scheme, host, parts.port or (443 if parts.scheme == "https" else 80))
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = _Request(method, target, body, {"User-Agent": self.user_agent, **headers})
        connection = self._take(key) if reusable else None
        if connection is None:
            connection = self._open(key)
        return self._exchange(key, connection, request)

    def _take(self, key: tuple[str, str, int]) -> http.client.HTTPConnection | None:
        with self._lock:
            connections = self._idle.get(key, [])
            while connections:
                connection = connections.pop()
                if not _is_dropped(connection):
                    return connection
                connection.close()
        return None

    def _give_back(self, key: tuple[str, str, int], connection: http.client.HTTPConnection) -> None:
        with self._lock:
            connections = self._idle.setdefault(key, [])
            if len(connections) < MAX_IDLE_PER_HOST:
                connections.append(connection)
                return
        connection.close()

    def _open(self, key: tuple[str, str, int]) -> http.client.HTTPConnection:
        import http.client
        import ssl

        scheme, host, port = key
        connect_timeout, read_timeout = self.timeout
        connection: http.client.HTTPConnection
        try:
            if scheme == "https":
                proxy = proxy_for(host)
                if proxy is None:
                    connection = http.client.HTTPSConnection(
                        host, port, timeout=connect_timeout, context=tls_context()
                    )
                else:
                    connection = http.client.HTTPSConnection(
                        proxy.host, proxy.port, timeout=connect_timeout, context=tls_context()
                    )
                    connection.set_tunnel(host, port, headers=dict(proxy.headers))
            else:  # plain http: loopback only (check_url), never through a proxy
                connection = http.client.HTTPConnection(host, port, timeout=connect_timeout)
            connection.connect()
        except ssl.SSLError:
            raise TLSError(f"secure connection to {host} failed") from None
        except TimeoutError:
            raise OfflineError(f"{host} did not answer in time") from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise OfflineError(f"{host} cannot be reached ({type(exc).__name__})") from None
        if connection.sock is not None:
            connection.sock.settimeout(read_timeout)
        return connection

    def _exchange(
        self,
        key: tuple[str, str, int],
        connection: http.client.HTTPConnection,
        request: _Request,
    ) -> Response:
        import http.client

        host = key[1]
        keep = False
        # Each read has its timeout; a peer that trickles a byte now and then would pass every
        # one of them, so the whole exchange has a deadline too: the watchdog cuts the socket.
        cut = _Watchdog(connection, self.exchange_deadline)
        try:
            connection.request(
                request.method, request.target, body=request.body, headers=request.headers
            )
            reply = connection.getresponse()
            declared = validate.ascii_int(reply.getheader("Content-Length", "") or "")
            if declared is not None and declared > self.max_bytes:
                raise BadReplyError("the reply is too large")
            chunks: list[bytes] = []
            size = 0
            while chunk := reply.read(CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    raise BadReplyError("the reply is too large")
                chunks.append(chunk)
            if cut.fired:  # the body ended because the socket was cut: not a whole reply
                raise TimeoutError
            keep = not reply.will_close
            return Response(reply.status, Headers(reply.getheaders()), b"".join(chunks))
        except TimeoutError:
            raise OfflineError(f"{host} did not answer in time") from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if cut.fired:
                raise OfflineError(f"{host} did not answer in time") from None
            raise OfflineError(f"the connection broke off ({type(exc).__name__})") from None
        finally:
            cut.cancel()
            if keep:
                self._give_back(key, connection)
            else:
                connection.close()
