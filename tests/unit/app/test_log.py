from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from nework_desktop.app import log as applog
from nework_desktop.core.paths import AppPaths


@pytest.mark.parametrize(
    ("raw", "secret"),
    [
        ("signed in as taro.yamada@example.co.jp", "taro.yamada@example.co.jp"),
        ("Authorization: Bearer abc.DEF-123_xyz", "abc.DEF-123_xyz"),
        ("refresh_token=r3fr3shT0ken&x=1", "r3fr3shT0ken"),
        ('{"access_token": "AcCeSs"}', "AcCeSs"),
        ("id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl ok", "eyJzdWIiOiIxIn0"),
        ("code=123456 verified", "123456"),
        ("password: hunter2", "hunter2"),
        # An internationalised domain is an address too (issue 10).
        ("signed in as taro@例え.jp", "taro@例え.jp"),
        ("signed in as 花子@メール.example.jp", "花子@メール.example.jp"),
        # A secret named in prose, and an opaque token with no key at all (issue 10).
        ("the refresh token r3fr3shT0ken99 was rotated", "r3fr3shT0ken99"),
        ("got ya29.a0AfH6SMBv1Qx8kZ3pL9mN2rT5yW7cE4gH6jK8lP0qS2uX4zB", "a0AfH6SMBv1Qx8kZ3pL9"),
    ],
)
def test_mask_hides_secrets(raw: str, secret: str) -> None:
    assert secret not in applog.mask(raw)


def test_mask_keeps_a_hint_of_the_address() -> None:
    assert applog.mask("mail a.b@example.com now") == "mail a***@example.com now"


@pytest.mark.parametrize(
    "text",
    [
        "deletion request 0b9a7c2e-1d3f-4a5b-9c8d-7e6f5a4b3c2d recorded",
        "text 004678b865286c987d2ab0d7ea1f62e7d375704f131bf343af7186c96b939c34",
        "storage /tmp/nework/base/data/WebEngine/profile/Local Storage/leveldb",
        "the server answered 503 (error code 500)",
    ],
)
def test_mask_keeps_what_support_needs(text: str) -> None:
    assert applog.mask(text) == text


@pytest.fixture
def clean_logging() -> Iterator[None]:
    yield
    applog.disable_file_logging()
    logger = logging.getLogger("nework")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)


def test_file_logging_only_when_enabled_and_masked(
    tmp_path: Path, clean_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    applog.setup()
    logger = logging.getLogger("nework.test")
    logger.info("before consent %s", "hanako@example.jp")
    assert not (tmp_path / "base").exists(), "nothing may be written before consent"
    assert "hanako@example.jp" not in capsys.readouterr().err
    target = applog.enable_file_logging(paths)
    assert target.parent == paths.log
    logger.info("token=SeCrEt and mail %s", "jiro@example.jp")
    try:
        raise ValueError("access_token=LEAKED")
    except ValueError:
        logger.exception("failure")
    applog.disable_file_logging()
    text = target.read_text(encoding="utf-8")
    assert "SeCrEt" not in text and "jiro@example.jp" not in text and "LEAKED" not in text
    assert "j***@example.jp" in text
    logger.info("after disabling")
    assert "after disabling" not in target.read_text(encoding="utf-8")
