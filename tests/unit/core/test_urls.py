"""core/urls.py: which hosts and URLs count as this machine, and how URLs are split."""

from __future__ import annotations

import pytest

from nework_desktop.core.urls import is_loopback_host, is_loopback_url


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("[::1]", True),
        ("::1", True),
        ("128.0.0.1", False),
        ("localhost.example.com", False),
        ("nework.app", False),
        ("", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8080/feed", True),
        ("https://localhost/", True),
        ("http://[::1]:9/x", True),
        ("https://nework.app/", False),
        ("http://127.0.0.1.nip.io/", False),
        ("http://user@127.0.0.1@evil.example/", False),  # the host is what comes after the last @
        ("/relative/path", False),
        ("", False),
        ("http://[::1/", False),  # urlsplit refuses it: not loopback, no exception
    ],
)
def test_loopback_urls(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback
