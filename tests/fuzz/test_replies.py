"""Every reply the app parses, fuzzed: the NeWork API, OAuth, HTTP headers (issue 10)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nework_desktop.net import http as http_module
from nework_desktop.net import service
from nework_desktop.net.errors import BadReplyError
from nework_desktop.net.http import Fields, parse_json
from nework_desktop.net.oauth.errors import IdTokenError
from nework_desktop.net.oauth.idtoken import validate_id_token
from nework_desktop.net.oauth.jose import decode_jwt
from nework_desktop.net.oauth.providers import PROVIDERS
from tests.fuzz.strategies import FUZZ, hostile_bytes, json_values, mutated

pytestmark = pytest.mark.fuzz

GOOD_SESSION: dict[str, Any] = {
    "access_token": "a" * 20,
    "refresh_token": "r" * 20,
    "token_type": "Bearer",
    "expires_in": 3600,
    "account": {"user_id": "u-1", "provider": "email", "email": "taro@example.com"},
}


@FUZZ
@given(body=hostile_bytes)
def test_reply_bodies(body: bytes) -> None:
    with contextlib.suppress(BadReplyError):
        data = parse_json(body)
        with contextlib.suppress(BadReplyError):
            service._session(Fields(data))


@FUZZ
@given(data=st.data())
def test_session_replies_with_wrong_fields(data: st.DataObject) -> None:
    doc = data.draw(mutated(GOOD_SESSION))
    with contextlib.suppress(BadReplyError):
        session = service._session(Fields(doc))
        assert isinstance(session.access_token, str) and session.expires_in >= 1


@FUZZ
@given(value=st.one_of(st.text(max_size=40), st.binary(max_size=40).map(
    lambda b: b.decode("latin-1"))))  # fmt: skip
def test_numeric_headers(value: str) -> None:
    delay = http_module._retry_after(value)
    assert delay is None or 0.0 <= delay <= 3600.0


@FUZZ
@given(header=json_values, claims=json_values, signature=st.binary(max_size=40))
def test_id_tokens(header: object, claims: object, signature: bytes) -> None:
    """Hostile input for the decoder: three base64url segments of anything (not a JWS)."""
    from joserfc.util import urlsafe_b64encode

    def part(value: bytes) -> str:
        return urlsafe_b64encode(value).decode("ascii")

    token = ".".join(
        [part(json.dumps(header).encode()), part(json.dumps(claims).encode()), part(signature)]
    )
    with contextlib.suppress(IdTokenError):
        decode_jwt(token)
    with contextlib.suppress(IdTokenError):
        validate_id_token(
            token, spec=PROVIDERS[0], client_id="c", nonce="n", jwks=lambda refresh: [], now=0
        )


@FUZZ
@given(token=st.text(max_size=300))
def test_id_token_text(token: str) -> None:
    with contextlib.suppress(IdTokenError):
        decode_jwt(token)


_query_parts = st.sampled_from(
    ["code=", "state=", "S", "error=", "access_denied", "&", "=", "%", "%ZZ", "²", "+", ";",
     "error_description=", "x" * 300, "\u3000", "code=a&code=b", "iss="]
)  # fmt: skip


@FUZZ
@given(
    path=st.sampled_from(["/callback", "/callbac", "/", "/callback/", "//callback"]),
    query=st.lists(_query_parts, max_size=8).map("".join) | st.text(max_size=80),
)
def test_what_a_redirect_means(path: str, query: str) -> None:
    from nework_desktop.net.oauth.listener import STATE_MISMATCH, interpret

    callback = interpret(path, query, callback_path="/callback", state="S")
    if callback is None:
        assert path != "/callback" or "%" in query or query  # nothing that ends the flow
        return
    assert path == "/callback"
    assert callback.error in ("", STATE_MISMATCH) or callback.code == ""
    assert len(callback.code) <= 4096 and len(callback.error_description) <= 300
