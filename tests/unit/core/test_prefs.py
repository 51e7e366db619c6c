"""Preferences (core/prefs.py): defaults, validation, atomic writes, upgrades, environment."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core import prefs as prefs_mod
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.prefs import (
    DEFAULT_SERVICE_URL,
    OPTIONS,
    PREFS_NAME,
    SCHEMA_VERSION,
    Preferences,
    PrefsError,
    check_service_url,
    upgrade,
)
from nework_desktop.core.urls import is_loopback_host
from tests.helpers import tree


def write_raw(paths: AppPaths, data: object) -> Path:
    folder = paths.ensure("config")
    target = folder / PREFS_NAME
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def test_every_option_is_declared_once_with_a_valid_default() -> None:
    names = [o.name for o in OPTIONS]
    assert len(names) == len(set(names))
    assert {"service_url", "locale"} <= set(names)
    for option in OPTIONS:
        assert option.check(option.default) == option.default, option.name


def test_defaults_without_a_file_and_reading_creates_nothing(paths: AppPaths) -> None:
    p = Preferences.load(paths, environ={})
    assert p.service_url == DEFAULT_SERVICE_URL == "https://nework.app"
    assert p.locale is None
    assert p.client_id("google") is None
    assert not paths.basedir or tree(paths.basedir) == []


@pytest.mark.parametrize(
    "url",
    [
        "http://nework.app",
        "ftp://nework.app",
        "https://",
        "nework.app",
        "https://user:pw@nework.app",
        "https://nework.app/?x=1",
        "https://nework.app:99999",
        "",
        None,
        42,
    ],
)
def test_bad_service_urls_are_refused(url: Any) -> None:
    with pytest.raises(PrefsError):
        check_service_url(url)


@pytest.mark.parametrize(
    "url", ["https://nework.app", "http://127.0.0.1:8765", "http://localhost:1", "http://[::1]:9"]
)
def test_good_service_urls(url: str) -> None:
    assert check_service_url(url) == url


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("128.0.0.1", False),
        ("localhost.example.com", False),
        ("10.0.0.1", False),
        ("nework.app", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


def test_environment_overrides(paths: AppPaths) -> None:
    env = {
        "NEWORK_SERVICE_URL": "http://127.0.0.1:8765/",
        "NEWORK_OAUTH_GOOGLE_CLIENT_ID": "from-env",
    }
    write_raw(paths, {"schema": 1, "values": {"oauth_client_ids": {"google": "stored"}}})
    p = Preferences.load(paths, environ=env)
    assert p.service_url == "http://127.0.0.1:8765"
    assert p.client_id("google") == "from-env"
    assert Preferences.load(paths, environ={}).client_id("google") == "stored"


def test_a_bad_environment_url_is_a_clear_error(paths: AppPaths) -> None:
    p = Preferences.load(paths, environ={"NEWORK_SERVICE_URL": "http://evil.example"})
    with pytest.raises(PrefsError, match="NEWORK_SERVICE_URL"):
        _ = p.service_url


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"schema": "1", "values": {}}',
        '{"schema": true, "values": {}}',
        '{"schema": 1}',
        '{"schema": 1, "values": []}',
        "[" * 100_000,
    ],
)
def test_a_damaged_file_reads_as_defaults(
    paths: AppPaths, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    folder = paths.ensure("config")
    (folder / PREFS_NAME).write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="nework.prefs"):
        p = Preferences.load(paths, environ={})
    assert p.service_url == DEFAULT_SERVICE_URL
    assert caplog.records


def test_an_invalid_value_falls_back_to_its_default_only(paths: AppPaths) -> None:
    write_raw(paths, {"schema": 1, "values": {"service_url": "http://evil", "locale": "ja"}})
    p = Preferences.load(paths, environ={})
    assert p.service_url == DEFAULT_SERVICE_URL
    assert p.locale == "ja"


def test_a_newer_file_is_read_with_its_unknown_keys_ignored(paths: AppPaths) -> None:
    write_raw(paths, {"schema": SCHEMA_VERSION + 1, "values": {"future": [1, 2], "locale": "en"}})
    p = Preferences.load(paths, environ={})
    assert p.locale == "en"


def test_unknown_preferences_are_refused() -> None:
    p = Preferences(AppPaths.from_environment(basedir="/nonexistent-nework"), environ={})
    with pytest.raises(KeyError):
        p.get("nope")


def test_step_upgrades_run_in_order(paths: AppPaths) -> None:
    def one_to_two(values: dict[str, Any]) -> None:
        values["server"] = values.pop("server_url")

    def two_to_three(values: dict[str, Any]) -> None:
        values["service_url"] = values.pop("server")

    steps = {1: one_to_two, 2: two_to_three}
    original = {"server_url": "https://old.example"}
    assert upgrade(original, 1, 3, steps) == {"service_url": "https://old.example"}
    assert original == {"server_url": "https://old.example"}  # the input is not touched
    with pytest.raises(PrefsError, match="schema 3"):
        upgrade({}, 3, 4, steps)


def test_load_upgrades_an_older_file(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    def rename(values: dict[str, Any]) -> None:
        values["service_url"] = values.pop("server_url")

    monkeypatch.setattr(prefs_mod, "SCHEMA_VERSION", 2)
    write_raw(paths, {"schema": 1, "values": {"server_url": "https://old.example"}})
    p = Preferences.load(paths, environ={}, steps={1: rename})
    assert p.service_url == "https://old.example"


# -- the one preference the app writes (Settings → Language, issue 13) -------------------------


def test_save_locale_writes_atomically_and_keeps_the_other_values(paths: AppPaths) -> None:
    from nework_desktop.core.prefs import save_locale

    target = write_raw(
        paths,
        {"schema": SCHEMA_VERSION, "values": {"service_url": "https://a.example", "x": 1}},
    )
    assert save_locale(paths, "ja") == target
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data == {
        "schema": SCHEMA_VERSION,
        "values": {"service_url": "https://a.example", "x": 1, "locale": "ja"},
    }
    assert Preferences.load(paths, environ={}).locale == "ja"
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []
    save_locale(paths, None)
    assert Preferences.load(paths, environ={}).locale is None
    assert Preferences.load(paths, environ={}).service_url == "https://a.example"


def test_save_locale_creates_the_folder_and_replaces_a_damaged_file(paths: AppPaths) -> None:
    from nework_desktop.core.prefs import save_locale

    save_locale(paths, "en")
    assert Preferences.load(paths, environ={}).locale == "en"
    (paths.config / PREFS_NAME).write_text("{not json", encoding="utf-8")
    save_locale(paths, "ja")
    assert Preferences.load(paths, environ={}).locale == "ja"
    with pytest.raises(PrefsError):
        save_locale(paths, "fr")
