"""The HTTP client (net/http.py, net/errors.py) over real HTTP on loopback.

The reference service (tests/refservice) answers normally or with canned failures; a raw socket
server plays the truly hostile peer (garbage, truncation, silence). The service API's flows
(e-mail code, sessions, deletion) are in test_service.py.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from nework_desktop.net import http as http_module
from nework_desktop.net.errors import (
    AuthError,
    BadReplyError,
    BlockedError,
    ExpiredCodeError,
    InvalidCodeError,
    InvalidEmailError,
    OfflineError,
    RateLimitedError,
    RequestRejected,
    ServerError,
    ServiceError,
    TLSError,
    TooManyAttemptsError,
)
from nework_desktop.net.http import MAX_REPLY_BYTES, HttpClient, check_url
from nework_desktop.net.service import ServiceClient
from tests.helpers import Sleeps, make_client, signed_in
from tests.loopback import SocketPeer
from tests.refservice import Canned, RefService

HEALTH = "/api/v1/health"
VERIFY = "/api/v1/auth/email/verify"
REFRESH = "/api/v1/auth/refresh"
CODE = "/api/v1/auth/email/code"


def json_reply(data: object, status: int = 200) -> Canned:
    return Canned(status, json.dumps(data).encode(), {"Content-Type": "application/json"})


# -- a raw TCP peer -------------------------------------------------------------------------------


class RawServer(SocketPeer):
    """Answers each connection's first request with ``reply`` (or holds it silent)."""

    def __init__(self, reply: bytes | None, *, hold: float = 0.0) -> None:
        self.reply = reply
        self.hold = hold
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        conn.recv(65536)
        if self.reply is not None:
            conn.sendall(self.reply)
        else:
            self.stopping.wait(self.hold)


@pytest.fixture
def raw() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(reply: bytes | None, **kwargs: Any) -> RawServer:
        server = RawServer(reply, **kwargs)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://nework.app/api",
        "http://10.0.0.1/",
        "ftp://127.0.0.1/",
        "file:///etc/passwd",
        "https://user:pw@nework.app/",
        "http://localhost.evil.example/",
        "https:///nohost",
    ],
)
def test_insecure_or_odd_urls_are_refused_before_any_socket(
    url: str, sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_socket(*args: object, **kwargs: object) -> None:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket.socket, "connect", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)
    http = HttpClient(sleep=sleeps)
    with pytest.raises(BlockedError):
        http.request("GET", url)
    assert sleeps == []


def test_a_client_for_an_http_service_is_refused() -> None:
    with pytest.raises(BlockedError):
        ServiceClient("http://nework.app")
    check_url("https://nework.app/api")
    check_url("http://127.0.0.1:1/")
    check_url("http://[::1]:1/")


def test_before_request_false_means_no_request_at_all(svc: RefService, sleeps: Sleeps) -> None:
    asked: list[str] = []

    def hook(url: str) -> bool:
        asked.append(url)
        return False

    client = make_client(svc.url, sleeps, before_request=hook)
    with pytest.raises(BlockedError):
        client.health()
    with pytest.raises(BlockedError):
        client.request_deletion("del-1")
    assert asked == [f"{svc.url}{HEALTH}", f"{svc.url}/api/v1/deletion-requests"]
    assert svc.requests == []
    assert sleeps == []  # a refusal is not retried


def test_a_failing_hook_fails_closed(svc: RefService, sleeps: Sleeps) -> None:
    def hook(url: str) -> bool:
        raise RuntimeError("rules broken")

    client = make_client(svc.url, sleeps, before_request=hook)
    with pytest.raises(BlockedError):
        client.health()
    assert svc.requests == []


def test_before_request_true_lets_it_through(svc: RefService, sleeps: Sleeps) -> None:
    client = make_client(svc.url, sleeps, before_request=lambda url: True)
    info = client.health()
    assert info.name == "NeWork reference service"
    assert svc.count(HEALTH) == 1


def test_redirects_are_not_followed(svc: RefService, client: ServiceClient) -> None:
    svc.faults.fail(HEALTH, Canned(302, b"", {"Location": "http://evil.example/"}))
    with pytest.raises(BadReplyError, match="redirect"):
        client.health()


def test_loopback_never_goes_through_an_environment_proxy(
    svc: RefService, client: ServiceClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("HTTP_PROXY", dead)
    monkeypatch.setenv("http_proxy", dead)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert client.health().version == "1"


def test_user_agent_and_json(svc: RefService, client: ServiceClient) -> None:
    client.health()
    assert svc.requests[0].method == "GET"


# -- offline and retries --------------------------------------------------------------------------


def test_offline_get_is_retried_with_exponential_backoff(sleeps: Sleeps) -> None:
    client = make_client(f"http://127.0.0.1:{free_port()}", sleeps)
    with pytest.raises(OfflineError) as info:
        client.health()
    assert "reach" in str(info.value)
    assert len(sleeps) == 2  # 3 attempts
    assert 0.25 <= sleeps[0] <= 0.5
    assert 0.5 <= sleeps[1] <= 1.0


def test_offline_post_without_idempotency_key_is_not_retried(sleeps: Sleeps) -> None:
    client = make_client(f"http://127.0.0.1:{free_port()}", sleeps)
    with pytest.raises(OfflineError):
        client.request_email_code("taro@example.com")
    assert sleeps == []


def test_get_retries_through_server_errors(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    svc.faults.fail(HEALTH, Canned(503), Canned(502))
    assert client.health().version == "1"
    assert svc.count(HEALTH) == 3
    assert len(sleeps) == 2


def test_server_error_after_all_attempts(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    svc.faults.fail(HEALTH, Canned(500), Canned(500), Canned(500), Canned(500))
    with pytest.raises(ServerError) as info:
        client.health()
    assert info.value.status == 500
    assert svc.count(HEALTH) == 3


def test_501_is_not_retried(svc: RefService, client: ServiceClient, sleeps: Sleeps) -> None:
    svc.faults.fail(HEALTH, Canned(501))
    with pytest.raises(ServerError):
        client.health()
    assert svc.count(HEALTH) == 1


def test_non_idempotent_post_is_not_retried_on_503(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    svc.faults.fail(CODE, Canned(503))
    with pytest.raises(ServerError):
        client.request_email_code("taro@example.com")
    assert svc.count(CODE) == 1
    assert sleeps == []


def test_post_with_idempotency_key_is_retried_with_the_same_key(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    session = signed_in(svc, client)
    svc.faults.fail(REFRESH, Canned(503), Canned(drop=True))
    renewed = client.refresh(session.refresh_token)
    assert renewed.refresh_token != session.refresh_token
    keys = [r.idempotency_key for r in svc.requests if r.path == REFRESH]
    assert len(keys) == 3 and keys[0] is not None and len(set(keys)) == 1


def test_a_repeated_idempotency_key_gets_the_first_answer(svc: RefService) -> None:
    body = {"request_id": "del-42"}
    headers = {"Idempotency-Key": "key-1"}
    url = f"{svc.url}/api/v1/deletion-requests"
    first = requests.post(url, json=body, headers=headers, timeout=5).json()
    second = requests.post(url, json=body, headers=headers, timeout=5).json()
    assert first == second
    assert svc.deletion_posts == {"del-42": 1}


def test_rate_limited_short_wait_is_retried(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    svc.faults.fail(HEALTH, Canned(429, b"", {"Retry-After": "2"}))
    client.health()
    assert sleeps == [2.0]


def test_rate_limited_long_wait_is_reported(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    svc.faults.fail(HEALTH, Canned(429, b"", {"Retry-After": "120"}))
    with pytest.raises(RateLimitedError) as info:
        client.health()
    assert info.value.retry_after == 120.0
    assert sleeps == []


def test_rate_limited_with_an_http_date(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=300), usegmt=True)
    svc.faults.fail(HEALTH, Canned(429, b"", {"Retry-After": when}))
    with pytest.raises(RateLimitedError) as info:
        client.health()
    assert info.value.retry_after is not None and 200 < info.value.retry_after <= 300


def test_resending_a_code_too_early_is_rate_limited(sleeps: Sleeps) -> None:
    with RefService(resend_after=30) as svc:
        client = make_client(svc.url, sleeps)
        client.request_email_code("taro@example.com")
        with pytest.raises(RateLimitedError) as info:
            client.request_email_code("taro@example.com")
        assert info.value.retry_after is not None and 0 < info.value.retry_after <= 31
        assert sleeps == []


def test_read_timeout_is_offline(raw: Callable[..., RawServer], sleeps: Sleeps) -> None:
    server = raw(None, hold=3)
    http = HttpClient(sleep=sleeps, timeout=(1.0, 0.3), attempts=1)
    with pytest.raises(OfflineError, match="in time"):
        http.request("GET", server.url + HEALTH)


@pytest.mark.parametrize(
    "reply",
    [
        b"garbage\r\n\r\n",
        b'HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"name": ',
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"",
    ],
)
def test_hostile_transport_never_crashes(
    raw: Callable[..., RawServer], sleeps: Sleeps, reply: bytes
) -> None:
    server = raw(reply)
    client = make_client(server.url, sleeps)
    with pytest.raises(ServiceError):
        client.health()


# -- replies validated field by field -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"<html>hello</html>", {"Content-Type": "text/html"}),
        (b"", {}),
        (b"[1, 2]", {}),
        (b'"a string"', {}),
        (b'{"name": 1, "version": "1"}', {}),
        (b'{"name": "x"}', {}),
        (b'{"name": "x", "version": NaN}', {}),
        (b'{"name": "' + b"x" * 2000 + b'", "version": "1"}', {}),
        (b"\xff\xfe{}", {}),
        (b"[" * 100_000 + b"]" * 100_000, {}),
        (b'{"name": "x", "version": ' + b"9" * 5000 + b"}", {}),
    ],
)
def test_malformed_replies_become_bad_reply(
    svc: RefService, client: ServiceClient, body: bytes, headers: dict[str, str]
) -> None:
    svc.faults.fail(HEALTH, Canned(200, body, headers))
    with pytest.raises(BadReplyError):
        client.health()


def test_a_huge_reply_is_refused(svc: RefService, client: ServiceClient) -> None:
    svc.faults.fail(HEALTH, Canned(200, b" " * (MAX_REPLY_BYTES + 10)))
    with pytest.raises(BadReplyError, match="too large"):
        client.health()


@pytest.mark.parametrize("value", ["²", "٣", "1²", "１０", "9" * 400])
def test_unicode_digits_in_numeric_headers_are_not_numbers(
    raw: Callable[..., RawServer], sleeps: Sleeps, value: str
) -> None:
    """``str.isdigit`` says yes to "²"; ``int`` then raises ValueError (issue 10)."""
    header = value.encode("utf-8")
    limited = raw(
        b"HTTP/1.1 429 Too Many\r\nRetry-After: " + header + b"\r\nContent-Length: 0\r\n\r\n"
    )
    with pytest.raises(ServiceError):  # RateLimitedError (or offline, should it reset)
        make_client(limited.url, sleeps).health()
    assert http_module._retry_after(value) is None
    body = b'{"name": "n", "version": "1"}'
    lengthy = raw(b"HTTP/1.1 200 OK\r\nContent-Length: " + header + b"\r\n\r\n" + body)
    with contextlib.suppress(ServiceError):  # a refusal is fine; a ValueError is not
        make_client(lengthy.url, sleeps).health()


def test_a_huge_reply_without_length_is_refused(
    raw: Callable[..., RawServer], sleeps: Sleeps
) -> None:
    chunk = b" " * 65536
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(20))
    reply = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"
    server = raw(reply)
    with pytest.raises(BadReplyError, match="too large"):
        make_client(server.url, sleeps).health()


GOOD_SESSION: dict[str, Any] = {
    "access_token": "a" * 20,
    "refresh_token": "r" * 20,
    "token_type": "Bearer",
    "expires_in": 3600,
    "account": {"user_id": "u-1", "provider": "email", "email": "taro@example.com"},
}


@pytest.mark.parametrize(
    "change",
    [
        {"access_token": None},
        {"access_token": ""},
        {"access_token": 12},
        {"refresh_token": ["x"]},
        {"refresh_token": "r" * 20_000},
        {"token_type": "mac"},
        {"expires_in": -1},
        {"expires_in": "3600"},
        {"expires_in": True},
        {"expires_in": 1e30},
        {"account": "u-1"},
        {"account": {"provider": "email"}},
        {"account": {"user_id": "u", "provider": 7}},
    ],
)
def test_session_replies_are_checked_field_by_field(
    svc: RefService, client: ServiceClient, change: dict[str, Any]
) -> None:
    svc.faults.fail(VERIFY, json_reply({**GOOD_SESSION, **change}))
    with pytest.raises(BadReplyError):
        client.verify_email_code("req", "123456")


def test_a_good_session_reply_and_its_repr_hides_tokens(
    svc: RefService, client: ServiceClient
) -> None:
    svc.faults.fail(VERIFY, json_reply(GOOD_SESSION))
    session = client.verify_email_code("req", "123456")
    assert session.access_token == "a" * 20
    assert session.account.user_id == "u-1"
    text = repr(session)
    assert "aaaa" not in text and "rrrr" not in text and "taro@" not in text


@pytest.mark.parametrize("status", [401, 403])
def test_unauthorized_is_auth_error(svc: RefService, client: ServiceClient, status: int) -> None:
    svc.faults.fail("/api/v1/account", json_reply({"error": "invalid_token"}, status))
    with pytest.raises(AuthError):
        client.account("whatever")


def test_account_with_a_bad_token(client: ServiceClient) -> None:
    with pytest.raises(AuthError):
        client.account("not-a-token")


def test_error_bodies_are_read_carefully(svc: RefService, client: ServiceClient) -> None:
    svc.faults.fail(CODE, Canned(400, b"<html>\x00\xff</html>"))
    with pytest.raises(RequestRejected) as info:
        client.request_email_code("taro@example.com")
    assert info.value.code == ""
    svc.faults.fail(CODE, json_reply({"error": "x" * 500, "message": ["no"]}, 400))
    with pytest.raises(RequestRejected) as info:
        client.request_email_code("taro@example.com")
    assert info.value.code == ""


def test_every_error_has_a_plain_english_message() -> None:
    for cls in (
        ServiceError,
        OfflineError,
        ServerError,
        BadReplyError,
        AuthError,
        RateLimitedError,
        BlockedError,
        TLSError,
        RequestRejected,
        InvalidCodeError,
        ExpiredCodeError,
        TooManyAttemptsError,
        InvalidEmailError,
    ):
        exc = cls()
        assert isinstance(exc, ServiceError)
        assert str(exc).endswith(".") and str(exc)[0].isupper(), cls


# -- TLS: verification is on everywhere, loopback included ----------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[str]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = TlsPeer(context)
    yield f"https://127.0.0.1:{server.port}"
    server.close()


class TlsPeer(SocketPeer):
    """Answers ``{}`` over TLS with the given (self-signed) server context."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self.context = context
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        with self.context.wrap_socket(conn, server_side=True) as tls:  # fails: not trusted
            tls.recv(4096)
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")


def test_a_self_signed_certificate_is_refused(tls_server: str, sleeps: Sleeps) -> None:
    client = make_client(tls_server, sleeps)
    with pytest.raises(TLSError):
        client.health()
    assert sleeps == []
