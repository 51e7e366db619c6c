"""The trust anchor (core.policy.trust): the shipped list, its checks, the development keys."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.env import POLICY_DEV_KEYS
from nework_desktop.core.policy.trust import (
    KeyList,
    TrustError,
    bundled_key_list,
    dev_keys,
    parse_key_list,
)
from nework_desktop.qa.refservice.signing import generate_key
from nework_desktop.resources import resource_path


def test_the_shipped_list_parses_and_is_empty_until_release_engineering_fills_it() -> None:
    shipped = bundled_key_list(resource_path("policy"))
    assert shipped == KeyList(1)


def test_a_key_list_with_a_key() -> None:
    key = generate_key()
    keys = parse_key_list({"schema": 1, "list_version": 3, "keys": [key.key_list_entry()]})
    assert keys.list_version == 3
    trusted = keys.keys[key.key_id]
    assert trusted.public_key == key.public_bytes
    assert trusted.uses == {"policy-feed", "key-list", "consent-ack"}


@pytest.mark.parametrize(
    "change",
    [
        {"schema": 2},
        {"list_version": 0},
        {"keys": "none"},
        {"extra": 1},
        {"keys": [{"key_id": "a", "public_key": "AAAA", "uses": ["policy-feed"]}]},
        {"keys": [{"key_id": "a b", "public_key": "x", "uses": ["policy-feed"]}]},
        {"keys": [{"key_id": "a", "public_key": "x", "uses": []}]},
    ],
)
def test_bad_key_lists_are_refused(change: dict[str, Any]) -> None:
    doc = {"schema": 1, "list_version": 1, "keys": [], **change}
    with pytest.raises(TrustError):
        parse_key_list(doc)


def test_a_duplicate_key_id_and_an_unknown_use_are_refused() -> None:
    entry = generate_key().key_list_entry()
    with pytest.raises(TrustError, match="duplicate"):
        parse_key_list({"schema": 1, "list_version": 1, "keys": [entry, entry]})
    with pytest.raises(TrustError, match="expected one of"):
        parse_key_list(
            {"schema": 1, "list_version": 1, "keys": [{**entry, "uses": ["everything"]}]}
        )


def test_a_damaged_shipped_list_trusts_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "keys.json").write_text("{", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert bundled_key_list(tmp_path) == KeyList(0)
    assert "unusable" in caplog.text
    (tmp_path / "keys.json").unlink()
    assert bundled_key_list(tmp_path) == KeyList(0)
    (tmp_path / "keys.json").mkdir()  # not a file: the hardened reader refuses it
    assert bundled_key_list(tmp_path) == KeyList(0)


def test_development_keys_count_in_a_development_run_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = generate_key()
    environ = {POLICY_DEV_KEYS: key.dev_keys_value()}
    assert list(dev_keys(environ, release=False)) == [key.key_id]
    with caplog.at_level(logging.WARNING):
        assert dev_keys(environ, release=True) == {}
    assert "ignored: this is a release build" in caplog.text
    assert dev_keys({}, release=False) == {}


def test_a_release_build_is_a_frozen_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    key = generate_key()
    environ = {POLICY_DEV_KEYS: key.dev_keys_value()}
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert dev_keys(environ) == {}
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    assert list(dev_keys(environ)) == [key.key_id]


def test_malformed_development_keys_are_skipped(caplog: pytest.LogCaptureFixture) -> None:
    good = generate_key()
    value = f"nocolon,bad id:AAAA,{good.dev_keys_value()},x:short"
    with caplog.at_level(logging.WARNING):
        assert list(dev_keys({POLICY_DEV_KEYS: value}, release=False)) == [good.key_id]
    assert "ignored an entry" in caplog.text


def test_the_shipped_file_is_valid_json_with_the_documented_fields() -> None:
    doc = json.loads((resource_path("policy") / "keys.json").read_text(encoding="utf-8"))
    assert set(doc) == {"schema", "list_version", "keys"}
