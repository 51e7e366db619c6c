"""The request and the reply as every endpoint module sees them, and the route tables' shape.

An endpoint is a function of the service's state and one :class:`Request`.  ``JSON`` endpoints
answer ``(status, JSON object)`` and are called under the state's lock; ``RAW`` endpoints answer a
whole :data:`Reply` (status, body, headers) and take the lock themselves (``/workspace/hold``
waits outside it).  :class:`BadRequest` from either is a 400 ``invalid_request``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from nework_desktop.qa.refservice.state import ServiceState

Json = dict[str, Any]
Reply = tuple[int, bytes, dict[str, str]]
JsonEndpoint = Callable[[ServiceState, "Request"], tuple[int, Json]]
RawEndpoint = Callable[[ServiceState, "Request"], Reply]
JsonRoutes = Mapping[tuple[str, str], JsonEndpoint]
RawRoutes = Mapping[tuple[str, str], RawEndpoint]

JSON_TYPE = {"Content-Type": "application/json"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


class BadRequest(Exception):
    """The request cannot be handled as sent (a 400 ``invalid_request``)."""


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: str
    body: bytes
    #: The token of an ``Authorization: Bearer`` header, if any.
    bearer: str | None = None
    #: The ``Cookie`` header ("" without one).
    cookie: str = ""

    def json(self) -> Json:
        """The body as a JSON object (an empty body is ``{}``); :class:`BadRequest` else."""
        try:
            data = json.loads(self.body or b"{}")
        except ValueError:
            raise BadRequest("the body is not JSON") from None
        if not isinstance(data, dict):
            raise BadRequest("the body is not a JSON object")
        return data

    def form(self) -> dict[str, str]:
        """The body as an ``application/x-www-form-urlencoded`` form (first values)."""
        return first_values(self.body.decode("utf-8", "replace"))

    def params(self) -> dict[str, str]:
        """The query string's parameters (first values)."""
        return first_values(self.query)


def first_values(text: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(text).items()}


def err(code: str, message: str = "") -> Json:
    return {"error": code, "message": message} if message else {"error": code}


def json_reply(status: int, body: Json) -> Reply:
    """A JSON reply; a 429 with ``retry_after`` also gets the ``Retry-After`` header."""
    headers = dict(JSON_TYPE)
    if status == 429 and "retry_after" in body:
        headers["Retry-After"] = str(body["retry_after"])
    return status, json.dumps(body).encode(), headers
