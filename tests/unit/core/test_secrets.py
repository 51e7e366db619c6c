"""SecretStore (core/secrets.py) against the real Secret Service keyring, without one, and
against ``tests.helpers.CredentialManagerStandIn`` (a test double of Windows Credential Manager,
which cannot exist here) for secrets longer than one credential holds.

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
    MAX_PARTS,
    PART_UNITS,
    PARTS_TAG,
    SecretRef,
    SecretStore,
    index_path,
    read_index,
    split_secret,
    system_backend,
    wipe_entries,
)
from nework_desktop.net.http import MAX_TOKEN_LENGTH
from tests.helpers import CREDENTIAL_BLOB_BYTES, CredentialManagerStandIn, tree
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


# -- secrets longer than one entry holds ----------------------------------------------------------

#: A session token the size of a large JWT (longer than Credential Manager's 1,280 UTF-16 units).
LONG_TOKEN = "eyJhbGciOiJFUzI1NiJ9." + "".join(f"{i:04x}" for i in range(1200)) + ".sig"


def test_the_stand_in_refuses_what_credential_manager_refuses() -> None:
    vault = CredentialManagerStandIn()
    with pytest.raises(OSError, match="1783"):
        vault.set_password("svc", "session:access_token", LONG_TOKEN)
    vault.set_password("svc", "session:access_token", "x" * 1280)  # the largest that fits


def test_a_token_longer_than_credential_manager_holds_is_kept_in_parts(paths: AppPaths) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    store.set("session:access_token", LONG_TOKEN)
    assert store.persistent  # before: the write was refused and the session lived in memory only
    parts = [f"session:access_token#{i}" for i in range(1, 6)]
    assert vault.names() == sorted(["session:access_token", *parts])
    assert all(len(v.encode("utf-16-le")) <= CREDENTIAL_BLOB_BYTES for v in vault.stored.values())
    assert SecretStore(paths, vault, service="svc").get("session:access_token") == LONG_TOKEN
    assert [r.name for r in read_index(paths)] == sorted(["session:access_token", *parts])
    assert find_secrets(files_under(paths.roots()), [LONG_TOKEN, LONG_TOKEN[1024:2048]]) == []
    store.delete("session:access_token")
    assert vault.stored == {}
    assert read_index(paths) == []


def test_a_secret_that_shrinks_or_grows_leaves_no_old_part(paths: AppPaths) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    store.set("t", "é" * 3000)  # three parts
    assert vault.names() == ["t", "t#1", "t#2", "t#3"]
    store.set("t", "a" * 1500)  # two
    assert vault.names() == ["t", "t#1", "t#2"]
    assert [r.name for r in read_index(paths)] == ["t", "t#1", "t#2"]
    store.set("t", "short")  # one entry again
    assert vault.names() == ["t"] and store.get("t") == "short"
    assert [r.name for r in read_index(paths)] == ["t"]
    store.set("t", LONG_TOKEN)
    assert store.get("t") == LONG_TOKEN


def test_an_index_that_lost_track_of_parts_ends_naming_every_entry(paths: AppPaths) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    store.set("t", "a" * 5000)  # five parts
    index = json.loads(index_path(paths).read_text(encoding="utf-8"))
    index["entries"] = [e for e in index["entries"] if e["name"] == "t#5"]  # damaged by hand
    index_path(paths).write_text(json.dumps(index), encoding="utf-8")
    store.set("t", "b" * 1500)  # two parts now
    assert vault.names() == ["t", "t#1", "t#2", "t#3", "t#4"]  # #3, #4 were not indexed
    assert [r.name for r in read_index(paths)] == ["t", "t#1", "t#2"]  # never an orphan made


class StaleStays(CredentialManagerStandIn):
    def delete_password(self, service: str, name: str) -> None:
        raise RuntimeError("D-Bus went away")


def test_old_parts_that_cannot_be_deleted_stay_indexed(
    paths: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    vault = StaleStays()
    store = SecretStore(paths, vault, service="svc")
    store.set("t", "a" * 3000)
    with caplog.at_level(logging.WARNING, logger="nework.secrets"):
        store.set("t", "short")
    assert store.persistent and store.get("t") == "short"
    assert "old parts" in caplog.text
    assert [r.name for r in read_index(paths)] == ["t", "t#1", "t#2", "t#3"]  # for the wipe


def test_characters_outside_the_bmp_count_twice(paths: AppPaths) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    secret = "🔑" * 1000 + "x"  # 2,001 UTF-16 units in 1,001 characters
    store.set("t", secret)
    assert vault.names() == ["t", "t#1", "t#2"]
    assert store.get("t") == secret


def test_a_secret_that_looks_like_the_parts_line_is_stored_faithfully(paths: AppPaths) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    lookalike = f"{PARTS_TAG} 1 " + "0" * 64
    store.set("t", lookalike)
    assert store.get("t") == lookalike
    assert vault.names() == ["t", "t#1"]


def test_parts_that_do_not_add_up_read_as_missing(
    paths: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    store.set("t", LONG_TOKEN)
    vault.stored[("svc", "t#2")] = vault.stored[("svc", "t#2")][::-1]  # a part from elsewhere
    with caplog.at_level(logging.WARNING, logger="nework.secrets"):
        assert store.get("t") is None
    assert "incomplete" in caplog.text and LONG_TOKEN[:40] not in caplog.text
    del vault.stored[("svc", "t#3")]  # a part gone (deleted by hand, a write cut short)
    assert store.get("t") is None
    too_many = f"{PARTS_TAG} {MAX_PARTS + 1} ab"
    for line in (f"{PARTS_TAG}", f"{PARTS_TAG} 0 ab", too_many, f"{PARTS_TAG} ² ab"):
        vault.stored[("svc", "t")] = line
        assert store.get("t") is None
    store.delete("t")  # the index still names every part: all of them go
    assert vault.stored == {}


def test_the_longest_token_the_service_may_send_fits(paths: AppPaths) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    worst = "a" + "🔑" * (MAX_TOKEN_LENGTH - 1)  # two units a character, parts not all full
    store.set("t", worst)
    assert store.persistent and store.get("t") == worst
    assert len(vault.stored) - 1 == len(split_secret(worst)) <= MAX_PARTS


def test_a_secret_longer_than_any_token_is_refused(paths: AppPaths) -> None:
    store = SecretStore(paths, CredentialManagerStandIn(), service="svc")
    with pytest.raises(ValueError, match="not a session token"):
        store.set("t", "x" * (MAX_PARTS * PART_UNITS + 1))
    assert read_index(paths) == []


@pytest.mark.keyring
def test_a_long_secret_in_the_real_keyring(paths: AppPaths, backend: Any, service: str) -> None:
    store = SecretStore(paths, backend, service=service)
    store.set("session:access_token", LONG_TOKEN)
    assert keyring_names(backend, service) == [
        "session:access_token",
        *(f"session:access_token#{i}" for i in range(1, 6)),
    ]
    assert SecretStore(paths, backend, service=service).get("session:access_token") == LONG_TOKEN
    removed, errors = wipe_entries(read_index(paths), backend)  # the uninstall wipe: every part
    assert errors == [] and len(removed) == 6
    assert keyring_names(backend, service) == []
