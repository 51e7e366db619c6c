"""Fixtures the net/ tests share: a recorded sleep and a service client on the reference service."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nework_desktop.net.service import ServiceClient
from tests.helpers import Sleeps, make_client
from tests.refservice import RefService


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(svc: RefService, sleeps: Sleeps) -> Iterator[ServiceClient]:
    c = make_client(svc.url, sleeps)
    yield c
    c.close()
