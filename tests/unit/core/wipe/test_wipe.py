"""The uninstall wipe against an adversarial corpus of real files.

Every test builds its roots with ``AppPaths.ensure`` (so they carry real ownership markers) in a
sandboxed home, plants the hostile bits (links to victims outside, read-only and unreadable
folders, 200-byte and non-ASCII names, a path deeper than ``PATH_MAX``, FIFOs and sockets, roots
without a marker, the home folder as a root …) and checks what the wipe removed, refused and left.
Victims outside the roots are compared by a hash of their whole tree (names, types, modes, link
targets and contents), before and after.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import socket
import stat
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.errors import PasswordDeleteError

from nework_desktop.core.paths import MARKER_NAME, ROLES, AppPaths, Marker, read_marker
from nework_desktop.core.secrets import INDEX_NAME, SecretStore
from nework_desktop.core.wipe import (
    TRACES_NAME,
    QtIniStore,
    WindowsRegistryStore,
    WipeReport,
    note_file_dialog,
    note_file_dialog_done,
    note_shared_store_created,
    plan,
    safety,
    scrub_ini,
    stores,
    walk,
    wipe,
)
from nework_desktop.core.wipe.stores import StoreRun
from tests.helpers import tree

LAYOUTS = ("linux", "macos", "windows")


# -- helpers ------------------------------------------------------------------------------------


class InMemoryKeyringDouble:
    """Test double standing in for the OS keyring backend (Secret Service, Keychain, Credential
    Manager): the same four calls, entries kept in a dict.  The real Secret Service is exercised
    by ``test_real_secret_service`` when the test keyring is running."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}
        self.stuck: set[tuple[str, str]] = set()
        self.on_delete: Callable[[str, str], None] | None = None

    def set_password(self, service: str, name: str, secret: str) -> None:
        self.entries[(service, name)] = secret

    def get_password(self, service: str, name: str) -> str | None:
        return self.entries.get((service, name))

    def delete_password(self, service: str, name: str) -> None:
        if self.on_delete is not None:
            self.on_delete(service, name)
        if (service, name) in self.stuck or (service, name) not in self.entries:
            raise PasswordDeleteError("not deleted")
        del self.entries[(service, name)]


def layout_paths(monkeypatch: pytest.MonkeyPatch, layout: str) -> AppPaths:
    """Every role of ``layout`` created (with markers) in the sandboxed home."""
    monkeypatch.setenv("NEWORK_SIMULATE_OS", layout)
    paths = AppPaths.from_environment()
    for role in ROLES:
        paths.ensure(role)
    return paths


def tree_hash(root: Path) -> str:
    """Names, types, modes, link targets and contents of everything under ``root``."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted([*dirs, *files]):
            path = os.path.join(folder, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, root)
            digest.update(f"{rel}\0{st.st_mode:o}\0".encode("utf-8", "surrogateescape"))
            if stat.S_ISLNK(st.st_mode):
                digest.update(os.readlink(path).encode("utf-8", "surrogateescape"))
            elif stat.S_ISREG(st.st_mode):
                digest.update(Path(path).read_bytes())
    top = os.lstat(root)
    digest.update(f"{top.st_mode:o}".encode())
    return digest.hexdigest()


def make_victims(base: Path) -> Path:
    """A folder outside every root that the wipe must leave byte for byte intact."""
    victim = base / "victim"
    (victim / "sub").mkdir(parents=True)
    (victim / "keep.txt").write_text("the user's own file\n", encoding="utf-8")
    (victim / "sub" / "日本語.txt").write_text("大事なデータ\n", encoding="utf-8")
    ro_dir = victim / "ro-dir"
    ro_dir.mkdir()
    (ro_dir / "inside.txt").write_text("read-only folder content\n", encoding="utf-8")
    ro_file = victim / "ro-file.txt"
    ro_file.write_text("read-only file\n", encoding="utf-8")
    ro_file.chmod(0o400)
    ro_dir.chmod(0o500)
    return victim


def plant_links(inside: Path, victim: Path, home: Path) -> int:
    """Links inside a root pointing out of it; returns how many symbolic links were made."""
    links = {
        "to-victim-dir": victim,
        "to-victim-file": victim / "keep.txt",
        "to-victim-ro-dir": victim / "ro-dir",
        "to-victim-ro-file": victim / "ro-file.txt",
        "to-home": home,
        "to-root": Path("/"),
        "dangling": victim / "does-not-exist",
        "to-parent": inside.parent,
    }
    for name, target in links.items():
        (inside / name).symlink_to(target)
    os.link(victim / "keep.txt", inside / "hardlink-to-victim")  # a second name, same inode
    return len(links)


def make_deep(base: Path, depth: int, name: str) -> None:
    """``depth`` nested folders named ``name`` (built relative to descriptors: the full path
    may be longer than PATH_MAX)."""
    flags = os.O_RDONLY | os.O_DIRECTORY
    fd = os.open(base, flags)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            child = os.open(name, flags, dir_fd=fd)
            os.close(fd)
            fd = child
        leaf = os.open("leaf.txt", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd)
        os.write(leaf, "深い".encode())
        os.close(leaf)
    finally:
        os.close(fd)


def plant_marker(root: Path, parents: tuple[str, ...] = ()) -> None:
    marker = Marker("NeWork", "data", "2024-01-01T00:00:00+00:00", "0.1.0", parents)
    (root / MARKER_NAME).write_text(marker.to_json(), encoding="utf-8")


@pytest.fixture
def fd_walk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with the POSIX descriptor walk and with the path walk Windows uses."""
    mode = getattr(request, "param", "fd")
    if mode == "paths":
        monkeypatch.setattr(walk, "use_fd_walk", lambda: False)
    yield mode


def _reasons(problems: list[Any]) -> str:
    return " | ".join(f"{p.path}: {p.reason}" for p in problems)


# -- the whole layout ---------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wipe_removes_every_root_and_the_parents_we_created(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    paths = layout_paths(monkeypatch, layout)
    (paths.data / "ledger.json").write_text("{}", encoding="utf-8")
    (paths.log / "nework.log").write_text("a line\n" * 10, encoding="utf-8")
    assert tree(sandbox_home) != []

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    assert sorted(report.removed.roots) == sorted(str(r) for r in paths.roots())
    assert report.removed.files >= 2 + len(paths.roots())  # our files and every marker
    assert report.removed.bytes > 70
    assert tree(sandbox_home) == []  # even AppData / .local / Library: we created them
    assert report.removed.parents  # e.g. %LOCALAPPDATA%\NTTCom
    assert not report.failed and not report.refused and not report.residue


def test_report_json_shape(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = layout_paths(monkeypatch, "linux")
    data = wipe(paths, backend=None).to_json()
    json.dumps(data)  # serialisable as it is
    assert set(data) >= {
        "ok", "dry_run", "layout", "removed", "failed", "refused", "residue", "instance"
    }  # fmt: skip
    assert set(data["removed"]) == {
        "roots", "files", "dirs", "links", "special", "bytes", "keyring_entries",
        "shared_store_traces", "parents",
    }  # fmt: skip
    assert data["instance"] == {"was_running": False, "pid": None}
    assert data["layout"] == "linux" and data["dry_run"] is False and data["ok"] is True


# -- links --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fd_walk", ["fd", "paths"], indirect=True)
def test_links_are_removed_never_followed(
    sandbox_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fd_walk: str
) -> None:
    victim = make_victims(tmp_path)
    paths = layout_paths(monkeypatch, "linux")
    links = plant_links(paths.data, victim, sandbox_home)
    nested = paths.cache / "nested" / "deeper"
    nested.mkdir(parents=True)
    links += plant_links(nested, victim, sandbox_home)
    before = tree_hash(victim)

    report = wipe(paths, backend=None)

    assert report.ok, _reasons(report.failed)
    assert report.removed.links == links
    assert tree_hash(victim) == before
    assert (victim / "keep.txt").read_text(encoding="utf-8") == "the user's own file\n"
    assert tree(sandbox_home) == []


def test_symlinked_root_is_refused_and_not_followed(
    sandbox_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = make_victims(tmp_path)
    plant_marker(victim)  # following the link would even "prove" ownership
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "linux")
    paths = AppPaths.from_environment()
    paths.ensure("data")
    paths.cache.parent.mkdir(parents=True)
    paths.cache.symlink_to(victim, target_is_directory=True)
    before = tree_hash(victim)

    report = wipe(paths, backend=None)

    assert not report.ok
    assert [p.path for p in report.refused] == [str(paths.cache)]
    assert "symbolic link" in report.refused[0].reason
    assert paths.cache.is_symlink()  # reported, not touched
    assert tree_hash(victim) == before
    assert not paths.data.exists()  # the other roots still went


# -- awkward files --------------------------------------------------------------------------------


@pytest.mark.parametrize("fd_walk", ["fd", "paths"], indirect=True)
def test_read_only_and_unreadable_files_and_folders(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, fd_walk: str
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    ro_dir = paths.data / "ro-dir"
    (ro_dir / "inner").mkdir(parents=True)
    for folder in (ro_dir, ro_dir / "inner"):
        f = folder / "ro.txt"
        f.write_text("read-only", encoding="utf-8")
        f.chmod(0o400)
    (ro_dir / "inner").chmod(0o500)
    ro_dir.chmod(0o500)
    closed = paths.cache / "closed"
    closed.mkdir()
    (closed / "hidden.txt").write_text("no access", encoding="utf-8")
    closed.chmod(0o000)
    write_only = paths.state / "write-only"
    write_only.mkdir()
    (write_only / "x").write_text("x", encoding="utf-8")
    write_only.chmod(0o300)
    paths.config.chmod(0o500)  # a read-only root

    report = wipe(paths, backend=None)

    assert report.ok, _reasons(report.failed)
    assert tree(sandbox_home) == []


@pytest.mark.parametrize("fd_walk", ["fd", "paths"], indirect=True)
def test_long_and_non_ascii_names(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, fd_walk: str
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    names = [
        "a" * 250,
        "データ" * 26,  # 234 bytes of UTF-8
        "😀emoji-ÄÖÜ-ñ-中文",
        " leading and trailing space ",
        "-dash-first",
        "new\nline",
        "back\\slash",
        "bad-utf8-\udcff",  # a byte that is not UTF-8 (surrogateescape)
    ]
    for name in names:
        (paths.data / name).write_bytes(b"x")
        (paths.cache / name).mkdir()
        (paths.cache / name / name).write_bytes(b"y")

    report = wipe(paths, backend=None)

    assert report.ok, _reasons(report.failed)
    assert report.removed.files == 2 * len(names) + len(paths.roots())
    assert tree(sandbox_home) == []


def test_a_path_deeper_than_path_max(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = layout_paths(monkeypatch, "linux")
    make_deep(paths.data, 120, "ß" * 100)  # 200 bytes a level: ~24,000 bytes of path

    report = wipe(paths, backend=None)

    assert report.ok, _reasons(report.failed)
    assert report.removed.dirs >= 120
    assert tree(sandbox_home) == []


@pytest.mark.parametrize("fd_walk", ["paths"], indirect=True)
def test_deep_tree_with_the_path_walk(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, fd_walk: str
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    make_deep(paths.data, 150, "d")  # no recursion: deeper than any sensible recursion

    report = wipe(paths, backend=None)

    assert report.ok, _reasons(report.failed)
    assert tree(sandbox_home) == []


@pytest.mark.parametrize("fd_walk", ["fd", "paths"], indirect=True)
def test_fifo_and_socket_are_unlinked_never_opened(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, fd_walk: str
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    os.mkfifo(paths.data / "pipe")  # opening it for reading would block forever
    monkeypatch.chdir(paths.state)  # AF_UNIX paths are short: bind by a relative name
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind("s.sock")
        report = wipe(paths, backend=None)
    finally:
        sock.close()

    assert report.ok, _reasons(report.failed)
    assert report.removed.special == 2
    assert tree(sandbox_home) == []


# -- what is not ours -----------------------------------------------------------------------------


def test_root_without_marker_is_reported_not_deleted(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "linux")
    paths = AppPaths.from_environment()
    paths.ensure("data")
    paths.config.mkdir(parents=True)
    (paths.config / "someone-elses.txt").write_text("keep me", encoding="utf-8")

    report = wipe(paths, backend=None)

    assert not report.ok
    assert [p.path for p in report.refused] == [str(paths.config)]
    assert "cannot prove ownership" in report.refused[0].reason
    assert str(paths.config) in report.residue
    assert (paths.config / "someone-elses.txt").read_text(encoding="utf-8") == "keep me"
    assert not paths.data.exists()


def test_a_marker_that_is_not_ours_proves_nothing(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    (paths.cache / MARKER_NAME).write_text(json.dumps({"app": "Other"}), encoding="utf-8")
    (paths.cache / "x").write_text("x", encoding="utf-8")

    report = wipe(paths, backend=None)

    assert str(paths.cache) in report.residue
    assert (paths.cache / "x").exists()


def test_the_home_folder_as_a_root_is_refused(sandbox_home: Path) -> None:
    (sandbox_home / "Documents").mkdir()
    (sandbox_home / "Documents" / "thesis.txt").write_text("years of work", encoding="utf-8")
    paths = AppPaths({role: sandbox_home for role in ROLES}, "linux")
    plant_marker(sandbox_home)
    before = tree_hash(sandbox_home)

    report = wipe(paths, backend=None)

    assert not report.ok
    assert [p.path for p in report.refused] == [str(sandbox_home)]
    assert "home folder" in report.refused[0].reason
    assert tree_hash(sandbox_home) == before
    assert report.removed.files == 0


@pytest.mark.parametrize(
    "relative", ["Documents", "Desktop", "Library", "AppData/Local", ".config", "."]
)
def test_user_and_system_folders_are_refused_even_with_a_marker(
    sandbox_home: Path, relative: str
) -> None:
    root = (sandbox_home / relative).resolve()
    root.mkdir(parents=True, exist_ok=True)
    plant_marker(root)
    (root / "file.txt").write_text("user data", encoding="utf-8")
    paths = AppPaths({role: root for role in ROLES}, "linux")

    report = wipe(paths, backend=None)

    assert [p.path for p in report.refused] == [str(root)], report.to_json()
    assert (root / "file.txt").exists() and (root / MARKER_NAME).exists()


@pytest.mark.parametrize("folder", ["/", "/usr", "/etc", "/bin", "/System", "/Library"])
def test_filesystem_root_and_system_folders_are_refused(folder: str) -> None:
    reason = safety.protected_reason(Path(folder), roots_only=True)
    assert reason is not None and reason.startswith("refused")


def test_a_root_reached_through_a_linked_parent_resolving_to_home_is_refused(
    sandbox_home: Path, tmp_path: Path
) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(tmp_path, target_is_directory=True)
    root = alias / sandbox_home.name  # not a link itself, but it resolves to the home folder
    assert not root.is_symlink() and os.path.realpath(root) == str(sandbox_home)
    plant_marker(sandbox_home)
    paths = AppPaths({role: root for role in ROLES}, "linux")

    report = wipe(paths, backend=None)

    assert [p.path for p in report.refused] == [str(root)] and not report.ok
    assert "home folder" in report.refused[0].reason
    assert (sandbox_home / MARKER_NAME).exists()


# -- created parents ------------------------------------------------------------------------------


def test_created_parents_go_only_when_empty(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "windows")
    local = sandbox_home / "AppData" / "Local"
    marker = read_marker(paths.root_of("data"))
    assert marker is not None
    assert str(local / "NTTCom") in marker.created_parents
    (local / "OtherVendor").mkdir()  # another program moved in after us

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    assert report.removed.parents == [str(local / "NTTCom")]
    assert not (local / "NTTCom").exists()
    assert (local / "OtherVendor").is_dir()


def test_a_tampered_marker_cannot_name_other_parents(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (sandbox_home / "Documents").mkdir()  # empty: rmdir would succeed
    outside = sandbox_home / "elsewhere"
    outside.mkdir()
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "linux")
    paths = AppPaths.from_environment()
    paths.ensure("data")
    root = paths.root_of("data")
    plant_marker(root, (str(sandbox_home / "Documents"), str(sandbox_home), str(outside), "rel"))

    report = wipe(paths, backend=None)

    assert report.ok
    assert report.removed.parents == []
    assert (sandbox_home / "Documents").is_dir() and outside.is_dir()


# -- keyring --------------------------------------------------------------------------------------


def test_keyring_entries_are_removed_before_the_data_root(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    keyring = InMemoryKeyringDouble()
    store = SecretStore(paths, keyring)
    store.set("refresh_token", "r-123")
    store.set("device_key", "d-456")
    keyring.set_password("someone else", "token", "theirs")
    seen: list[bool] = []
    keyring.on_delete = lambda service, name: seen.append((paths.data / INDEX_NAME).exists())

    report = wipe(paths, backend=keyring)

    assert report.ok, report.to_json()
    assert report.removed.keyring_entries == 2
    assert seen == [True, True]  # the index (in the data root) was still there
    assert keyring.entries == {("someone else", "token"): "theirs"}
    assert not paths.data.exists()


def test_a_keyring_entry_that_will_not_go_keeps_the_index_for_the_next_run(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    keyring = InMemoryKeyringDouble()
    store = SecretStore(paths, keyring)
    store.set("a", "1")
    store.set("b", "2")
    keyring.stuck.add(("NeWork Desktop", "b"))

    first = wipe(paths, backend=keyring)

    assert not first.ok
    assert first.removed.keyring_entries == 1
    assert "keyring:NeWork Desktop/b" in first.residue
    assert str(paths.root_of("data")) in first.residue
    assert (paths.data / INDEX_NAME).exists()
    assert read_marker(paths.root_of("data")) is not None  # still provably ours
    assert sorted(os.listdir(paths.root_of("data"))) == [MARKER_NAME, INDEX_NAME]
    assert not paths.cache.exists()  # the rest went

    keyring.stuck.clear()
    second = wipe(paths, backend=keyring)

    assert second.ok, second.to_json()
    assert second.removed.keyring_entries == 2  # "a" was already gone: still counts as gone
    assert keyring.entries == {}
    assert tree(sandbox_home) == []


def test_no_keyring_backend_with_stored_entries_is_a_failure(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    SecretStore(paths, InMemoryKeyringDouble()).set("token", "t")

    report = wipe(paths, backend=None)

    assert not report.ok
    assert any("no keyring" in p.reason for p in report.failed)
    assert (paths.data / INDEX_NAME).exists()


@pytest.mark.keyring
def test_real_secret_service(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.environ.get("NEWORK_TEST_KEYRING") != "secret-service":
        pytest.skip("needs the test Secret Service (scripts/with-test-keyring)")
    import keyring

    backend = keyring.get_keyring()
    service = f"NeWork Desktop test {uuid.uuid4()}"
    paths = layout_paths(monkeypatch, "linux")
    store = SecretStore(paths, backend, service=service)
    try:
        store.set("refresh_token", "secret-value")
        assert backend.get_password(service, "refresh_token") == "secret-value"

        report = wipe(paths, backend=backend)

        assert report.ok, report.to_json()
        assert report.removed.keyring_entries == 1
        assert backend.get_password(service, "refresh_token") is None
    finally:
        with contextlib.suppress(Exception):
            backend.delete_password(service, "refresh_token")


# -- idempotence, partial failure, dry run --------------------------------------------------------


def test_a_second_run_finds_nothing_and_succeeds(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "macos")
    (paths.data / "x").write_text("x", encoding="utf-8")
    assert wipe(paths, backend=None).ok

    again = wipe(paths, backend=None)

    assert again.ok
    removed = again.to_json()["removed"]
    assert removed["roots"] == [] and removed["parents"] == []
    assert all(removed[k] == 0 for k in ("files", "dirs", "links", "special", "bytes"))


def test_partial_failure_is_reported_and_a_later_run_finishes(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    stuck_dir = paths.data / "sub"
    stuck_dir.mkdir()
    (stuck_dir / "stuck.bin").write_bytes(b"locked")
    (stuck_dir / "free.bin").write_bytes(b"free")
    (paths.cache / "other.bin").write_bytes(b"other")
    real_unlink = os.unlink

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        if os.fspath(path).endswith("stuck.bin"):
            raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(path))
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    first = wipe(paths, backend=None)
    monkeypatch.setattr(os, "unlink", real_unlink)

    assert not first.ok
    assert [p.path for p in first.failed] == [str(stuck_dir / "stuck.bin")]
    assert "permission denied" in first.failed[0].reason
    assert first.residue == [str(paths.root_of("data"))]
    assert (stuck_dir / "stuck.bin").exists() and not (stuck_dir / "free.bin").exists()
    assert read_marker(paths.root_of("data")) is not None  # the marker goes last
    assert not paths.cache.exists()

    second = wipe(paths, backend=None)

    assert second.ok, second.to_json()
    assert second.removed.roots == [str(paths.root_of("data"))]
    assert second.removed.files == 2  # stuck.bin and the marker
    assert tree(sandbox_home) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_dry_run_touches_nothing_and_predicts_the_real_run(
    sandbox_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    victim = make_victims(tmp_path)
    paths = layout_paths(monkeypatch, layout)
    plant_links(paths.data, victim, sandbox_home)
    os.mkfifo(paths.cache / "pipe")
    (paths.log / "ro.log").write_text("log", encoding="utf-8")
    (paths.log / "ro.log").chmod(0o400)
    keyring = InMemoryKeyringDouble()
    SecretStore(paths, keyring).set("token", "t")
    before = tree_hash(tmp_path)

    dry = wipe(paths, backend=keyring, dry_run=True)

    assert tree_hash(tmp_path) == before
    assert keyring.entries  # not touched either
    assert dry.dry_run and dry.ok, dry.to_json()

    real = wipe(paths, backend=keyring)

    assert real.ok
    dry_removed, real_removed = dry.to_json()["removed"], real.to_json()["removed"]
    assert dry_removed == real_removed


def test_plan_reads_only(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = layout_paths(monkeypatch, "linux")
    before = tree_hash(sandbox_home)
    the_plan = plan(paths)
    assert tree_hash(sandbox_home) == before
    to_delete = [str(r.path) for r in the_plan.roots if r.action == "delete"]
    assert to_delete == [str(r) for r in paths.roots()]
    assert json.dumps(the_plan.to_json())


def test_progress_is_reported(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = layout_paths(monkeypatch, "linux")
    for i in range(600):
        (paths.cache / f"f{i}").write_bytes(b"")
    calls: list[tuple[int, int | None, str]] = []

    report = wipe(paths, backend=None, progress=lambda d, t, c: calls.append((d, t, c)))

    assert report.ok
    done = [c[0] for c in calls]
    assert done == sorted(done) and len(calls) >= 3
    assert calls[-1][0] == calls[-1][1] == report.removed.files


def test_a_mounted_file_system_inside_a_root_is_not_crossed(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs")
    paths = layout_paths(monkeypatch, "linux")
    mnt = paths.cache / "mnt"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr!r}")
    try:
        (mnt / "on-another-fs.txt").write_text("not ours to cross", encoding="utf-8")
        report = wipe(paths, backend=None)
        assert not report.ok
        assert [p.path for p in report.failed] == [str(mnt)]
        assert "another file system" in report.failed[0].reason
        assert (mnt / "on-another-fs.txt").exists()
    finally:
        subprocess.run(["umount", str(mnt)], check=True)
    assert wipe(paths, backend=None).ok


def test_chmod_of_an_unreadable_folder_never_follows_a_swapped_link(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir(mode=0o000)
    victim = tmp_path / "victim"
    victim.mkdir(mode=0o500)
    fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        st = os.lstat(folder)
        walk._chmod_dir_at(fd, "folder", (st.st_dev, st.st_ino), 0o700)
        assert stat.S_IMODE(os.lstat(folder).st_mode) == 0o700
        (tmp_path / "swapped").symlink_to(victim)
        with pytest.raises(OSError, match="changed"):
            walk._chmod_dir_at(fd, "swapped", (st.st_dev, st.st_ino), 0o777)
    finally:
        os.close(fd)
    assert stat.S_IMODE(os.lstat(victim).st_mode) == 0o500


# -- shared stores --------------------------------------------------------------------------------


def _qt_conf(home: Path) -> Path:
    return home / ".config" / "QtProject.conf"


def _write_qt_settings(conf: Path, values: dict[str, object]) -> None:
    """Write QtProject.conf the way Qt does (QSettings' INI writer)."""
    from PySide6.QtCore import QSettings

    conf.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(conf), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(key, value)
    settings.sync()
    del settings


def _read_qt_settings(conf: Path, key: str) -> object:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(conf), QSettings.Format.IniFormat)
    value = settings.value(key)
    del settings
    return value


def _url(path: Path) -> str:
    from PySide6.QtCore import QUrl

    return QUrl.fromLocalFile(str(path)).toString()


def test_qtproject_conf_keeps_everything_but_our_traces(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    theirs = sandbox_home / "Documents"
    _write_qt_settings(
        conf,
        {
            "FileDialog/history": [
                _url(paths.data / "exports dir"),
                _url(theirs),
                _url(paths.cache / "日本, comma"),
                _url(sandbox_home / "Pictures, mine"),
            ],
            "FileDialog/lastVisited": _url(paths.data / "exports dir"),
            "FileDialog/qtVersion": "6.12.0",
            "FileDialog/viewMode": "Detail",
            "Other App/recent": str(paths.log / "nework.log"),
            "Other App/setting": "value, with comma",
        },
    )
    original = conf.read_text(encoding="utf-8")

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    assert report.removed.shared_store_traces == 4
    assert _read_qt_settings(conf, "FileDialog/history") == [
        _url(theirs),
        _url(sandbox_home / "Pictures, mine"),
    ]
    assert _read_qt_settings(conf, "FileDialog/lastVisited") is None
    assert _read_qt_settings(conf, "Other App/recent") is None
    assert _read_qt_settings(conf, "Other App/setting") == "value, with comma"
    assert _read_qt_settings(conf, "FileDialog/viewMode") == "Detail"
    kept = [line for line in original.splitlines() if "NeWork" not in line]
    assert [line for line in conf.read_text(encoding="utf-8").splitlines() if line in kept] == [
        line for line in kept if not line.startswith("history=")
    ]
    assert (sandbox_home / ".config").is_dir()  # not empty: not ours alone


def test_qtproject_conf_we_created_goes_when_only_our_traces_remain(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    assert note_shared_store_created(paths, "qt-project-conf")
    assert note_shared_store_created(paths, "qt-project-conf")  # still absent: same entry
    entries = json.loads((paths.data / TRACES_NAME).read_text(encoding="utf-8"))["created"]
    assert entries == [{"store": "qt-project-conf", "path": str(_qt_conf(sandbox_home))}]
    _write_qt_settings(
        _qt_conf(sandbox_home),
        {
            "FileDialog/history": [_url(paths.data / "a")],
            "FileDialog/lastVisited": _url(paths.data),
            "FileDialog/qtVersion": "6.12.0",
            "FileDialog/treeViewHeader": b"\x00\x01",
        },
    )

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    assert not _qt_conf(sandbox_home).exists()
    assert tree(sandbox_home) == []  # and ~/.config, which we created, went with it


def test_qtproject_conf_we_created_stays_when_another_program_wrote_to_it(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    note_shared_store_created(paths, "qt-project-conf")
    _write_qt_settings(
        _qt_conf(sandbox_home),
        {
            "FileDialog/history": [_url(paths.data / "a"), _url(sandbox_home / "theirs")],
            "FileDialog/qtVersion": "6.12.0",
        },
    )

    report = wipe(paths, backend=None)

    assert report.ok
    assert _read_qt_settings(_qt_conf(sandbox_home), "FileDialog/history") == _url(
        sandbox_home / "theirs"
    )


def test_qtproject_conf_not_ours_is_never_deleted(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    _write_qt_settings(
        _qt_conf(sandbox_home),
        {"FileDialog/history": [_url(paths.data / "a")], "FileDialog/qtVersion": "6.12.0"},
    )

    report = wipe(paths, backend=None)

    assert report.ok and report.removed.shared_store_traces == 1
    assert _qt_conf(sandbox_home).exists()
    assert "NeWork" not in _qt_conf(sandbox_home).read_text(encoding="utf-8")


def test_qtproject_conf_without_traces_is_left_byte_for_byte(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    conf.write_bytes(b"; comment\r\n[FileDialog]\r\nhistory=file:///elsewhere\r\n\r\n")
    conf.chmod(0o640)
    before = os.stat(conf)

    report = wipe(paths, backend=None)

    assert report.ok and report.shared_stores[0].status == "clean"
    assert conf.read_bytes() == b"; comment\r\n[FileDialog]\r\nhistory=file:///elsewhere\r\n\r\n"
    assert os.stat(conf).st_mtime_ns == before.st_mtime_ns


def test_qtproject_conf_in_xdg_config_home_and_dry_run(
    sandbox_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))
    paths = layout_paths(monkeypatch, "linux")
    conf = xdg / "QtProject.conf"
    _write_qt_settings(conf, {"FileDialog/lastVisited": _url(paths.cache)})
    before = conf.read_bytes()

    dry = wipe(paths, backend=None, dry_run=True)

    assert conf.read_bytes() == before
    assert dry.removed.shared_store_traces == 1
    assert dry.shared_stores[0].status == "would clean"
    assert wipe(paths, backend=None).removed.shared_store_traces == 1
    assert "NeWork" not in conf.read_text(encoding="utf-8")


def test_qtproject_conf_crlf_quotes_and_qt5_escapes() -> None:
    ours = "/home/u/.local/share/NeWork"
    text = (
        "[FileDialog]\r\n"
        'history="file:///home/u/.local/share/NeWork/a, b", file:///home/u/Docs, '
        "/home/u/.local/share/NeWork/\\x65e5\r\n"
        "lastVisited=file:///home/u/.local/share/NeWork%20x\r\n"
        "sidebar=file:///home/u/.local/share/NeWorkOther\r\n"
        "blob=@ByteArray(/home/u/.local/share/NeWork)\r\n"
    )
    new, traces, remaining = scrub_ini(text, [ours])
    assert traces == 2  # the quoted item and the escaped one; %20x is outside our root
    assert new == (
        "[FileDialog]\r\n"
        "history=file:///home/u/Docs\r\n"
        "lastVisited=file:///home/u/.local/share/NeWork%20x\r\n"
        "sidebar=file:///home/u/.local/share/NeWorkOther\r\n"
        "blob=@ByteArray(/home/u/.local/share/NeWork)\r\n"
    )
    assert ("FileDialog", "history") in remaining
    new, traces, _ = scrub_ini("lastVisited=file:///home/u/.local/share/NeWork/x%20y\n", [ours])
    assert traces == 1 and new == ""


def test_qtproject_conf_unreadable_is_a_failure(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    _qt_conf(sandbox_home).write_bytes(b"\xff\xfe not utf-8")
    report = wipe(paths, backend=None)
    assert not report.ok
    assert str(_qt_conf(sandbox_home)) in report.residue
    assert (paths.data / TRACES_NAME).exists() is False  # nothing recorded: nothing pinned
    store = QtIniStore()
    assert store.location(paths) == str(_qt_conf(sandbox_home))


def test_macos_qt_plist_is_listed_as_not_handled(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "macos")
    stores = plan(paths).shared_stores
    assert [s.store for s in stores] == ["qt-project-plist"]
    assert stores[0].status.startswith("not handled on this OS")
    assert stores[0].location.endswith("Library/Preferences/com.trolltech.plist")


class RegistryDouble:
    """Test double for HKEY_CURRENT_USER (keys only, with a value count)."""

    def __init__(self, keys: dict[str, int]) -> None:
        self.keys = dict(keys)  # "Software\\NTTCom\\NeWork" -> number of values

    def exists(self, key: str) -> bool:
        return key in self.keys

    def subkeys(self, key: str) -> list[str]:
        if key not in self.keys:
            raise FileNotFoundError(key)
        prefix = key + "\\"
        return sorted({k[len(prefix) :].split("\\")[0] for k in self.keys if k.startswith(prefix)})

    def value_count(self, key: str) -> int:
        return self.keys[key]

    def delete_key(self, key: str) -> None:
        if self.subkeys(key):
            raise PermissionError(errno.EACCES, "key has subkeys", key)
        del self.keys[key]


def test_windows_registry_keys_and_the_empty_vendor_key_go(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "windows")
    registry = RegistryDouble(
        {
            "Software": 0,
            "Software\\NTTCom": 0,
            "Software\\NTTCom\\NeWork": 2,
            "Software\\NTTCom\\NeWork\\Window": 3,
            "Software\\NTTCom\\NeWork\\Window\\Geometry": 1,
            "Software\\NeWork": 1,
            "Software\\QtProject": 1,
        }
    )
    store = WindowsRegistryStore(registry)
    assert store.run(StoreRun(paths, dry_run=True)).traces == 2
    assert len(registry.keys) == 7

    outcome = store.run(StoreRun(paths))

    assert outcome.status == "cleaned" and outcome.traces == 2
    assert registry.keys == {"Software": 0, "Software\\QtProject": 1}
    assert store.run(StoreRun(paths)).status == "clean"


def test_windows_vendor_key_with_other_apps_stays(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "windows")
    registry = RegistryDouble(
        {"Software\\NTTCom": 1, "Software\\NTTCom\\NeWork": 1, "Software\\NTTCom\\Other": 1}
    )
    outcome = WindowsRegistryStore(registry).run(StoreRun(paths))
    assert outcome.status == "cleaned"
    assert set(registry.keys) == {"Software\\NTTCom", "Software\\NTTCom\\Other"}


def test_windows_registry_is_not_touched_off_windows(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "windows")
    report = wipe(paths, backend=None)
    assert report.ok
    assert [s.status for s in report.shared_stores] == [
        "not handled on this OS: needs real Windows"
    ]


def test_a_failing_shared_store_keeps_the_traces_index(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    note_shared_store_created(paths, "qt-project-conf")
    _write_qt_settings(_qt_conf(sandbox_home), {"FileDialog/lastVisited": _url(paths.data)})

    def broken(target: str, text: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", target)

    real_replace, real_unlink = stores.replace_text, os.unlink
    monkeypatch.setattr(stores, "replace_text", broken)
    monkeypatch.setattr(os, "unlink", _failing_for("QtProject.conf", real_unlink))
    first = wipe(paths, backend=None)
    monkeypatch.setattr(stores, "replace_text", real_replace)
    monkeypatch.setattr(os, "unlink", real_unlink)

    assert not first.ok
    assert str(_qt_conf(sandbox_home)) in first.residue
    assert (paths.data / TRACES_NAME).exists()  # pinned: the next run still knows
    assert read_marker(paths.root_of("data")) is not None
    second = wipe(paths, backend=None)
    assert second.ok, second.to_json()
    assert not _qt_conf(sandbox_home).exists()


def _failing_for(suffix: str, real: Callable[..., None]) -> Callable[..., None]:
    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        if os.fspath(path).endswith(suffix):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        real(path, *args, **kwargs)

    return unlink


def _dialog_ini(*, last: Path, history: list[str], shortcuts: str = "file:") -> str:
    """The ``[FileDialog]`` group Qt's own file dialog writes when it closes (QSettings' INI)."""
    return (
        "[FileDialog]\n"
        f"history={', '.join(history)}\n"
        f"lastVisited={_url(last)}\n"
        "qtVersion=6.12.0\n"
        f"shortcuts={shortcuts}\n"
        "sidebarWidth=98\n"
        "treeViewHeader=@ByteArray(\\0\\0\\0\\xff\\0\\0\\0\\0)\n"
        "viewMode=Detail\n"
    )


def _our_dialog(paths: AppPaths, conf: Path, text: str) -> None:
    """One of our file dialogs, the way the call sites run it: note, Qt writes, note done."""
    note_file_dialog(paths)
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(text, encoding="utf-8")  # what Qt's dialog writes on closing
    note_file_dialog_done(paths)


def _index(paths: AppPaths) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(
        (paths.data / TRACES_NAME).read_text(encoding="utf-8")
    )["created"]
    return entries


def test_qtproject_conf_we_created_and_nobody_touched_since_goes_whole(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    docs = sandbox_home / "Documents"
    _our_dialog(paths, conf, _dialog_ini(last=docs, history=[_url(docs)]))
    # a second dialog of ours: the file is still as the first left it, so its state is recorded
    later = _dialog_ini(last=docs, history=[_url(docs), _url(paths.cache)])
    _our_dialog(paths, conf, later)
    data = conf.read_bytes()
    assert _index(paths) == [
        {
            "store": "qt-project-conf",
            "path": str(conf),
            "left": {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)},
        }
    ]

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    assert not conf.exists()  # lastVisited=~/Documents was ours too: no residue
    [outcome] = report.shared_stores
    assert (outcome.status, outcome.removed_file, outcome.traces) == ("cleaned", True, 1)
    assert report.removed.shared_store_traces == 1
    assert tree(sandbox_home) == []

    again = wipe(paths, backend=None)  # idempotent
    assert again.ok, again.to_json()
    assert [s.status for s in again.shared_stores] == ["absent"]
    assert again.removed.shared_store_traces == 0


def test_qtproject_conf_we_created_but_another_program_wrote_later_is_only_scrubbed(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    docs, pics = sandbox_home / "Documents", sandbox_home / "Pictures"
    _our_dialog(paths, conf, _dialog_ini(last=docs, history=[_url(docs), _url(paths.cache)]))
    # another Qt program's dialog, after ours
    conf.write_text(
        _dialog_ini(last=pics, history=[_url(docs), _url(paths.cache), _url(pics)]),
        encoding="utf-8",
    )

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    [outcome] = report.shared_stores
    assert (outcome.status, outcome.removed_file, outcome.traces) == ("cleaned", False, 1)
    assert _read_qt_settings(conf, "FileDialog/history") == [_url(docs), _url(pics)]
    assert _read_qt_settings(conf, "FileDialog/lastVisited") == _url(pics)
    assert _read_qt_settings(conf, "FileDialog/viewMode") == "Detail"
    assert "NeWork" not in conf.read_text(encoding="utf-8")


def test_qtproject_conf_changed_by_another_program_between_our_dialogs_stays(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    docs, pics = sandbox_home / "Documents", sandbox_home / "Pictures"
    _our_dialog(paths, conf, _dialog_ini(last=docs, history=[_url(docs)]))
    conf.write_text(_dialog_ini(last=pics, history=[_url(pics)]), encoding="utf-8")  # theirs
    # our next dialog keeps their history: the file is shared now, whatever it looks like later
    _our_dialog(paths, conf, _dialog_ini(last=docs, history=[_url(pics), _url(docs)]))
    assert _index(paths) == [{"store": "qt-project-conf", "path": str(conf), "foreign": True}]
    assert not note_file_dialog_done(paths)

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    assert conf.read_text(encoding="utf-8") == _dialog_ini(
        last=docs, history=[_url(pics), _url(docs)]
    )
    assert report.shared_stores[0].status == "clean"


def test_qtproject_conf_we_did_not_create_is_never_deleted_whole(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text("[FileDialog]\nviewMode=List\n", encoding="utf-8")  # there before us
    ours = _dialog_ini(last=paths.data, history=[_url(paths.data / "x")])
    _our_dialog(paths, conf, ours)
    assert not (paths.data / TRACES_NAME).exists()

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    [outcome] = report.shared_stores
    assert (outcome.status, outcome.removed_file, outcome.traces) == ("cleaned", False, 2)
    assert conf.exists()  # only view state is left, but not of a file of ours
    assert "NeWork" not in conf.read_text(encoding="utf-8")
    assert _read_qt_settings(conf, "FileDialog/viewMode") == "Detail"


def test_a_recorded_state_in_a_data_root_we_cannot_prove_ours_is_not_trusted(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    _our_dialog(paths, conf, _dialog_ini(last=sandbox_home / "Documents", history=[]))
    before = conf.read_bytes()
    (paths.root_of("data") / MARKER_NAME).unlink()

    report = wipe(paths, backend=None)

    assert not report.ok  # the unproven data root is residue
    assert conf.read_bytes() == before
    assert report.shared_stores[0].status == "clean"


def test_qtproject_conf_swapped_for_a_link_is_never_deleted_whole(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    _our_dialog(paths, conf, _dialog_ini(last=sandbox_home / "Documents", history=[]))
    elsewhere = sandbox_home / "dotfiles" / "QtProject.conf"
    elsewhere.parent.mkdir()
    shutil.move(conf, elsewhere)  # same bytes as we left them, but now behind a link
    conf.symlink_to(elsewhere)
    assert not note_file_dialog_done(paths)  # a link is not read; the old state stays recorded

    report = wipe(paths, backend=None)

    assert report.ok, report.to_json()
    assert conf.is_symlink() and elsewhere.is_file()
    assert report.shared_stores[0].status == "clean"


def test_note_file_dialog_done_without_note_file_dialog_records_nothing(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    assert not note_file_dialog_done(paths)  # no file, no index
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(_dialog_ini(last=sandbox_home, history=[]), encoding="utf-8")
    assert not note_file_dialog(paths)  # it pre-existed
    conf.write_text(_dialog_ini(last=sandbox_home / "Documents", history=[]), encoding="utf-8")
    assert not note_file_dialog_done(paths)
    assert not (paths.data / TRACES_NAME).exists()


def test_qtproject_conf_left_unchanged_dry_run_reports_without_deleting(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = layout_paths(monkeypatch, "linux")
    conf = _qt_conf(sandbox_home)
    _our_dialog(paths, conf, _dialog_ini(last=sandbox_home / "Documents", history=[]))
    before, index_before = conf.read_bytes(), (paths.data / TRACES_NAME).read_bytes()

    dry = wipe(paths, backend=None, dry_run=True)

    assert dry.ok, dry.to_json()
    [outcome] = dry.shared_stores
    assert (outcome.status, outcome.removed_file, outcome.traces) == ("would clean", True, 1)
    assert dry.removed.shared_store_traces == 1
    assert conf.read_bytes() == before
    assert (paths.data / TRACES_NAME).read_bytes() == index_before
    assert list(plan(paths).shared_stores) == dry.shared_stores

    real = wipe(paths, backend=None)
    assert real.ok and not conf.exists()
    assert [(s.status, s.removed_file) for s in real.shared_stores] == [("cleaned", True)]


def test_unknown_shared_store_name(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = layout_paths(monkeypatch, "linux")
    with pytest.raises(ValueError, match="nope"):
        note_shared_store_created(paths, "nope")


def test_report_ok_needs_nothing_left() -> None:
    report = WipeReport(layout="linux", dry_run=False)
    assert report.ok
    report.residue.append("/x")
    assert not report.ok
