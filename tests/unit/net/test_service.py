"""The service API (net/service.py) over real HTTP on loopback: the e-mail code flow, sessions,
receipts and deletion requests, against the reference service (tests/refservice).

The HTTP client's own rules (URLs, retries, replies, TLS) are in test_http.py.
"""

from __future__ import annotations

import pytest

from nework_desktop.app.automation import fetch_test_code
from nework_desktop.core.urls import workspace_url
from nework_desktop.net.errors import (
    AuthError,
    BlockedError,
    ExpiredCodeError,
    InvalidCodeError,
    InvalidEmailError,
    RequestRejected,
    TooManyAttemptsError,
)
from nework_desktop.net.http import HttpClient
from nework_desktop.net.service import ServiceClient
from tests.helpers import Sleeps, signed_in
from tests.refservice import Canned, RefService

# -- the e-mail code flow at the API level --------------------------------------------------------


def test_email_code_and_verify(svc: RefService, client: ServiceClient) -> None:
    request = client.request_email_code("Taro@Example.com", "ja")
    assert request.attempts_left == 5 and request.expires_in == 600
    assert "Taro" not in repr(request)
    code = svc.last_code("taro@example.com")
    assert code is not None and len(code) == 6
    session = client.verify_email_code(request.request_id, code)
    assert session.account.provider == "email"
    assert session.account.email == "taro@example.com"
    assert client.account(session.access_token).user_id == session.account.user_id


def test_invalid_email_is_rejected_by_the_service(client: ServiceClient) -> None:
    with pytest.raises(InvalidEmailError):
        client.request_email_code("not-an-address")


def test_wrong_codes_count_down_then_lock(svc: RefService, client: ServiceClient) -> None:
    request = client.request_email_code("taro@example.com")
    code = svc.last_code("taro@example.com")
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1):
        with pytest.raises(InvalidCodeError) as info:
            client.verify_email_code(request.request_id, wrong)
        assert info.value.attempts_left == left
    with pytest.raises(TooManyAttemptsError):
        client.verify_email_code(request.request_id, wrong)
    assert code is not None
    with pytest.raises(ExpiredCodeError):  # the request is gone: even the right code fails
        client.verify_email_code(request.request_id, code)


def test_expired_code(svc: RefService, client: ServiceClient) -> None:
    request = client.request_email_code("taro@example.com")
    code = svc.last_code("taro@example.com")
    assert code is not None
    svc.advance(601)
    with pytest.raises(ExpiredCodeError):
        client.verify_email_code(request.request_id, code)


def test_a_new_code_replaces_the_old_one(svc: RefService, client: ServiceClient) -> None:
    first = client.request_email_code("taro@example.com")
    old = svc.last_code("taro@example.com")
    second = client.request_email_code("taro@example.com")
    assert old is not None
    with pytest.raises(ExpiredCodeError):
        client.verify_email_code(first.request_id, old)
    new = svc.last_code("taro@example.com")
    assert new is not None
    assert client.verify_email_code(second.request_id, new).account.provider == "email"


# -- sessions, receipts, deletion -----------------------------------------------------------------


def test_refresh_rotates_and_the_old_token_dies(svc: RefService, client: ServiceClient) -> None:
    session = signed_in(svc, client)
    renewed = client.refresh(session.refresh_token)
    assert renewed.access_token != session.access_token
    with pytest.raises(AuthError):
        client.refresh(session.refresh_token)
    with pytest.raises(AuthError):
        client.account(session.access_token)
    assert client.account(renewed.access_token).provider == "email"


def test_sign_out_revokes(svc: RefService, client: ServiceClient) -> None:
    session = signed_in(svc, client)
    client.sign_out(session.access_token, session.refresh_token)
    assert svc.active_refresh_tokens == set()
    with pytest.raises(AuthError):
        client.refresh(session.refresh_token)


def test_deletion_request_counts_once_even_when_retried(
    svc: RefService, client: ServiceClient, sleeps: Sleeps
) -> None:
    session = signed_in(svc, client)
    svc.faults.fail("/api/v1/deletion-requests", Canned(503))
    receipt = client.request_deletion("del-7", session.access_token)
    again = client.request_deletion("del-7", session.access_token)
    assert receipt == again
    assert receipt.status == "accepted"
    assert list(svc.deletion_requests) == ["del-7"]
    assert svc.deletion_posts == {"del-7": 1}
    assert svc.deletion_requests["del-7"]["user_id"] == session.account.user_id


def test_workspace_page(svc: RefService, client: ServiceClient) -> None:
    url = workspace_url(client.base_url)
    assert url == f"{svc.url}/workspace"
    page = client.http.request("GET", url, accept="text/html")
    assert b"NeWork workspace" in page.body


def test_the_test_code_endpoint_only_on_loopback(svc: RefService, client: ServiceClient) -> None:
    client.request_email_code("qa@example.com")
    assert fetch_test_code(client, "qa@example.com") == svc.last_code("qa@example.com")
    with pytest.raises(RequestRejected):
        fetch_test_code(client, "nobody@example.com")
    remote = ServiceClient("https://nework.app", HttpClient(before_request=lambda url: False))
    with pytest.raises(BlockedError, match="loopback"):
        fetch_test_code(remote, "qa@example.com")
