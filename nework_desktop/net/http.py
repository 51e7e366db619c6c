"""HTTP plumbing: :class:`HttpClient`, the rules every request follows, and reply checking.

Rules every request follows
---------------------------
* **https only**, except for loopback hosts (127.0.0.0/8, ::1, ``localhost``) used in
  development and tests; certificate verification is always on (a CA bundle from
  ``REQUESTS_CA_BUNDLE`` still verifies).  Redirects are not followed: a hop would bypass
  these checks, and the service API never redirects.
* **before_request(url) -> bool** is asked first; ``False`` (or an exception in the hook) refuses
  the request with :class:`BlockedError` before any socket is opened.  The egress rules plug in
  here.
* **timeouts** on connect and read, and a deadline for the whole exchange (:mod:`.transport`);
  replies larger than :data:`MAX_REPLY_BYTES` are refused.
* **retries** with exponential backoff and jitter, for idempotent calls only: GET, HEAD, PUT,
  DELETE, OPTIONS, and POSTs sent with an ``Idempotency-Key`` header (the service answers a
  repeated key with the first answer).  Offline errors, 5xx and short 429s are retried.
* **replies are validated field by field** (:class:`Fields`, on :mod:`core.validate`); anything
  unexpected becomes :class:`BadReplyError`, never a crash (deep nesting, huge numbers, NaN,
  wrong types, bad UTF-8 …).

The transport (:mod:`.transport`) is the standard library's ``http.client``: TLS against the
CA bundle ``REQUESTS_CA_BUNDLE`` names (else certifi's), https proxies from the environment and
the system through ``CONNECT`` (never for loopback), connections kept alive for idempotent
calls.  ``http.client`` and ``ssl`` are imported with the first request, not with this module
(issue 15: the workspace starts before anything is fetched, and ``requests`` with urllib3 and
charset detection cost ~10 MiB of memory the app does not need).
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from nework_desktop import __version__
from nework_desktop.core import validate
from nework_desktop.core.urls import is_loopback_host, split_url
from nework_desktop.net.errors import (
    AuthError,
    BadReplyError,
    BlockedError,
    OfflineError,
    RateLimitedError,
    RequestRejected,
    ServerError,
    ServiceError,
)
from nework_desktop.net.transport import Response, Transport

log = logging.getLogger("nework.net")

DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 20.0)
MAX_REPLY_BYTES = 1_000_000
MAX_TOKEN_LENGTH = 16_384
USER_AGENT = f"NeWork-Desktop/{__version__}"
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({500, 502, 503, 504})

BeforeRequest = Callable[[str], bool]
Sleep = Callable[[float], None]


# -- reply validation -----------------------------------------------------------------------


def _bad_reply(location: str, detail: str) -> BadReplyError:
    return BadReplyError(f"the {location} is not as expected: {detail}")


class Fields:
    """A JSON object from a server, read field by field with the checks of
    :mod:`nework_desktop.core.validate`; every miss is a :class:`BadReplyError`."""

    def __init__(self, data: object, what: str = "reply") -> None:
        self.at = validate.At(what, _bad_reply)
        self.data: dict[str, Any] = self.at.obj(data, extra=True)
        self.what = what

    def text(
        self, name: str, *, max_len: int = 1024, required: bool = True, allow_empty: bool = False
    ) -> str:
        value = self.data.get(name)
        if value is None and not required:
            return ""
        return self.at.key(name).text(value, max_len=max_len, empty=allow_empty)

    def integer(
        self,
        name: str,
        *,
        minimum: int = 0,
        maximum: int = 10**9,
        default: int | None = None,
    ) -> int:
        value = self.data.get(name)
        if value is None and default is not None:
            return default
        return self.at.key(name).integer(
            value, minimum=minimum, maximum=maximum, integral_floats=True
        )

    def number(self, name: str, *, default: float | None = None) -> float:
        value = self.data.get(name)
        if value is None and default is not None:
            return default
        return self.at.key(name).number(value)

    def obj(self, name: str) -> Fields:
        return Fields(self.data.get(name), f"{self.what}.{name}")

    def text_list(self, name: str, *, max_items: int = 100, required: bool = True) -> list[str]:
        value = self.data.get(name)
        if value is None and not required:
            return []
        at = self.at.key(name)
        items = at.array(value, max_items=max_items)
        return [at.index(n).text(item, max_len=1024, empty=True) for n, item in enumerate(items)]


def parse_json(body: bytes, what: str = "reply") -> Any:
    """Parse a server's JSON strictly (:func:`validate.parse_json`); failures are BadReplyError."""
    try:
        return validate.parse_json(body)
    except validate.Invalid as exc:
        raise BadReplyError(f"the {what} is not valid JSON ({exc.detail})") from None


# -- transport -----------------------------------------------------------------------------------


def check_url(url: str) -> None:
    """Refuse anything but https (or http to a loopback host), and URLs with credentials."""
    parts = split_url(url)
    if parts is None or not parts.hostname or parts.username or parts.password:
        raise BlockedError("the address is not a valid URL")
    host = parts.hostname
    if parts.scheme == "https":
        return
    if parts.scheme == "http" and is_loopback_host(host):
        return
    raise BlockedError(f"only https addresses may be contacted (refused {parts.scheme}://{host})")


def _loggable(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _retry_after(value: str | None, cap: float = 3600.0) -> float | None:
    if not value:
        return None
    value = value.strip()
    seconds = validate.ascii_int(value)
    if seconds is not None:
        return min(float(seconds), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - datetime.now(UTC)).total_seconds(), cap))


@dataclass
class Reply:
    """A successful reply: status, headers and (for JSON) the validated top-level object."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self, what: str = "reply") -> Fields:
        if not self.body.strip():
            raise BadReplyError(f"the {what} is empty")
        return Fields(parse_json(self.body, what), what)


class HttpClient:
    """HTTP with the project's rules (see the module docstring), on :mod:`.transport`."""

    def __init__(
        self,
        *,
        before_request: BeforeRequest | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        attempts: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        sleep: Sleep = time.sleep,
    ) -> None:
        self.before_request = before_request
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._sleep = sleep
        self._transport = Transport(timeout, MAX_REPLY_BYTES, USER_AGENT)

    def close(self) -> None:
        """Close the connections kept alive (the client stays usable)."""
        self._transport.close()

    def _delay(self, attempt: int, exc: ServiceError) -> float:
        if isinstance(exc, RateLimitedError) and exc.retry_after is not None:
            return exc.retry_after
        base: float = min(self.max_backoff, self.backoff * (2**attempt))
        return base * (0.5 + random.random() / 2)  # noqa: S311 - jitter, not a secret

    def request(
        self,
        method: str,
        url: str,
        *,
        json_body: Mapping[str, Any] | None = None,
        form: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        accept: str = "application/json",
    ) -> Reply:
        """Send one request (retried when idempotent); return the 2xx reply or raise."""
        method = method.upper()
        all_headers = {"Accept": accept, **(headers or {})}
        if idempotency_key is not None:
            all_headers["Idempotency-Key"] = idempotency_key
        body: bytes | None = None
        if json_body is not None:
            body = json.dumps(dict(json_body), allow_nan=False).encode()
            all_headers.setdefault("Content-Type", "application/json")
        elif form is not None:
            body = urlencode(dict(form)).encode()
            all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        idempotent = method in IDEMPOTENT_METHODS or idempotency_key is not None
        attempts = self.attempts if idempotent else 1
        for attempt in range(attempts):
            try:
                return self._once(method, url, body, all_headers, idempotent)
            except (OfflineError, ServerError, RateLimitedError) as exc:
                retryable = not isinstance(exc, ServerError) or exc.status in RETRY_STATUSES
                if isinstance(exc, RateLimitedError):
                    retryable = exc.retry_after is None or exc.retry_after <= self.max_backoff
                if not retryable or attempt + 1 >= attempts:
                    raise
                delay = self._delay(attempt, exc)
                log.info(
                    "%s %s failed (%s); retry %d/%d in %.1fs",
                    method,
                    _loggable(url),
                    type(exc).__name__,
                    attempt + 1,
                    attempts - 1,
                    delay,
                )
                self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: Mapping[str, str],
        idempotent: bool,
    ) -> Reply:
        check_url(url)
        hook = self.before_request
        if hook is not None:
            try:
                allowed = bool(hook(url))
            except Exception as exc:  # fail closed
                log.error("before_request hook failed (%s): request refused", type(exc).__name__)
                allowed = False
            if not allowed:
                log.warning("request to %s refused by the egress rules", _loggable(url))
                raise BlockedError(f"the app's rules do not allow contacting {_loggable(url)}")
        response = self._transport.send(method, url, body, headers, reusable=idempotent)
        log.debug("%s %s -> %d", method, _loggable(url), response.status)
        return _check(response)


def _check(response: Response) -> Reply:
    status, headers, body = response.status, response.headers, response.body
    if 200 <= status < 300:
        return Reply(status, headers, body)
    code, message, data = _error_body(body)
    if 300 <= status < 400:
        raise BadReplyError(f"unexpected redirect ({status})", status=status)
    if status == 429:
        raise RateLimitedError(
            message or None, retry_after=_retry_after(headers.get("Retry-After"))
        )
    if status in (401, 403):
        raise AuthError(message or None, status=status)
    if status >= 500:
        raise ServerError(f"the server answered {status}", status=status)
    raise RequestRejected(
        message or f"the server answered {status} ({code or 'no error code'})",
        status=status,
        code=code,
        body=data,
    )


def _error_body(body: bytes) -> tuple[str, str, dict[str, Any]]:
    """(error code, message, object) from an error reply; empty when it has none."""
    try:
        data = parse_json(body, "error reply") if body.strip() else None
    except BadReplyError:
        return "", "", {}
    if not isinstance(data, dict):
        return "", "", {}
    code = data.get("error")
    message = data.get("message", data.get("error_description"))
    code = code if isinstance(code, str) and len(code) <= 64 and code.isprintable() else ""
    message = message if isinstance(message, str) and len(message) <= 300 else ""
    return code, message.replace("\n", " "), data
