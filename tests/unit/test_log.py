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
    ],
)
def test_mask_hides_secrets(raw: str, secret: str) -> None:
    assert secret not in applog.mask(raw)


def test_mask_keeps_a_hint_of_the_address() -> None:
    assert applog.mask("mail a.b@example.com now") == "mail a***@example.com now"


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
