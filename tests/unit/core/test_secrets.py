"""SecretStore (core/secrets.py) against the real Secret Service keyring, and without one.

The real-keyring tests run inside ``scripts/with-test-keyring`` (a private D-Bus session and
gnome-keyring daemon in a throw-away folder); elsewhere they are skipped, and under ``CI=true``
they fail.  Each test uses its own service name and removes what it stored.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import keyring
import keyring.core
import pytest
from keyring.backends import fail

from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import (
    SecretRef,
    SecretStore,
    index_path,
    read_index,
    system_backend,
    wipe_entries,
)
from tests.helpers import tree
from tests.refservice.testing import (
    files_under,
    find_secrets,
    keyring_names,
    real_keyring,
)

SECRET = "nwrt_s3cr3t-value-that-must-never-hit-the-disk"


@pytest.fixture
def service(service_name: str) -> str:
    """This module's name for the root conftest's ``service_name``."""
    return service_name


# -- the real keyring -----------------------------------------------------------------------------


@pytest.mark.keyring
def test_round_trip_in_the_real_keyring(paths: AppPaths, backend: Any, service: str) -> None:
    store = SecretStore(paths, backend, service=service)
    assert store.persistent
    store.set("session:refresh_token", SECRET)
    store.set("session:access_token", "nwat_other")
    assert keyring_names(backend, service) == ["session:access_token", "session:refresh_token"]
    assert store.get("session:refresh_token") == SECRET
    assert SecretStore(paths, backend, service=service).get("session:refresh_token") == SECRET
    assert read_index(paths) == [
        SecretRef(service, "session:access_token"),
        SecretRef(service, "session:refresh_token"),
    ]
    store.delete("session:refresh_token")
    store.delete("session:access_token")
    store.delete("never-stored")
    assert store.get("session:refresh_token") is None
    assert keyring_names(backend, service) == []
    assert read_index(paths) == []


@pytest.mark.keyring
def test_the_index_holds_names_never_secrets(paths: AppPaths, backend: Any, service: str) -> None:
    store = SecretStore(paths, backend, service=service)
    store.set("session:refresh_token", SECRET)
    store.set("session:refresh_token", SECRET + "2")  # overwrite: still one entry
    index = json.loads(index_path(paths).read_text(encoding="utf-8"))
    assert index["entries"] == [{"service": service, "name": "session:refresh_token"}]
    assert find_secrets(files_under(paths.roots()), [SECRET, SECRET + "2"]) == []
    store.delete("session:refresh_token")


@pytest.mark.keyring
def test_wipe_indexed_removes_every_entry(paths: AppPaths, backend: Any, service: str) -> None:
    store = SecretStore(paths, backend, service=service)
    for name in ("session:access_token", "session:refresh_token", "other"):
        store.set(name, SECRET)
    removed, errors = wipe_entries(read_index(paths), backend)
    assert errors == []
    assert {r.name for r in removed} == {"session:access_token", "session:refresh_token", "other"}
    assert keyring_names(backend, service) == []


@pytest.mark.keyring
def test_system_backend_is_the_private_secret_service() -> None:
    real_keyring()
    backend = system_backend()
    assert backend is not None
    assert "SecretService" in type(backend).__module__


@pytest.mark.keyring
def test_a_keyring_configuration_is_obeyed(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Secret Service is there and usable, but keyringrc.cfg names another backend."""
    real_keyring()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "python_keyring").mkdir()
    (tmp_path / "python_keyring" / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=keyring.backends.fail.Keyring\n", encoding="utf-8"
    )
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # discovery runs again
    assert system_backend() is None  # fail.Keyring: "no keyring", as configured


@pytest.mark.keyring
def test_a_kde_session_leaves_the_choice_to_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    real_keyring()
    asked: list[str] = []
    no_backend: Any = fail.Keyring
    chosen = no_backend()

    def discovery() -> Any:
        asked.append("discovery")
        return chosen

    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    monkeypatch.setattr(keyring, "get_keyring", discovery)
    assert system_backend() is None and asked == ["discovery"]
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    assert "SecretService" in type(system_backend()).__module__ and asked == ["discovery"]


# -- no keyring: memory only, never a file --------------------------------------------------------


def test_no_keyring_means_memory_only(
    paths: AppPaths, no_keyring: None, caplog: pytest.LogCaptureFixture
) -> None:
    assert system_backend() is None
    store = SecretStore.open(paths)
    assert not store.persistent
    with caplog.at_level(logging.WARNING, logger="nework.secrets"):
        store.set("session:refresh_token", SECRET)
        store.set("session:access_token", "nwat_x")
    assert store.get("session:refresh_token") == SECRET
    warnings = [r for r in caplog.records if "memory only" in r.getMessage()]
    assert len(warnings) == 1  # said once
    assert paths.basedir is not None and tree(paths.basedir) == []  # nothing on disk at all
    store.delete("session:refresh_token")
    assert store.get("session:refresh_token") is None
    assert SecretStore.open(paths).get("session:access_token") is None  # gone with the process


class RefusingBackend:
    """A keyring that exists but refuses writes (a locked keychain, a denied prompt)."""

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, name: str, value: str) -> None:
        raise keyring.errors.PasswordSetError("denied")

    def get_password(self, service: str, name: str) -> str | None:
        return self.stored.get((service, name))

    def delete_password(self, service: str, name: str) -> None:
        raise keyring.errors.PasswordDeleteError("not found")


def test_a_refusing_keyring_falls_back_to_memory(paths: AppPaths) -> None:
    store = SecretStore(paths, RefusingBackend(), service="svc")
    store.set("session:refresh_token", SECRET)
    assert not store.persistent
    assert store.get("session:refresh_token") == SECRET
    store.set("session:access_token", "nwat_y")  # no second attempt at the keyring
    assert find_secrets(files_under(paths.roots()), [SECRET, "nwat_y"]) == []
    store.delete("session:refresh_token")
    assert store.get("session:refresh_token") is None


class BrokenReads(RefusingBackend):
    def get_password(self, service: str, name: str) -> str | None:
        raise RuntimeError("D-Bus went away")


def test_a_failing_read_is_none(paths: AppPaths) -> None:
    assert SecretStore(paths, BrokenReads(), service="svc").get("x") is None


def test_wipe_without_a_keyring_reports_what_it_could_not_delete(paths: AppPaths) -> None:
    store = SecretStore(paths, RefusingBackend(), service="svc")
    store.set("session:refresh_token", SECRET)  # indexed before the write was refused
    removed, errors = wipe_entries(read_index(paths), None)
    assert removed == [] and errors
