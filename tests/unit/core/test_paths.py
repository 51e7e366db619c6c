from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import platformdirs
import pytest

from nework_desktop.core import paths as paths_mod
from nework_desktop.core.paths import MARKER_NAME, ROLES, AppPaths, PathsError, read_marker
from tests.helpers import tree


def test_linux_layout_follows_xdg(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "linux")
    p = AppPaths.from_environment()
    assert p.layout == "linux"
    assert p.data == sandbox_home / ".local/share/NeWork"
    assert p.config == sandbox_home / ".config/NeWork"
    assert p.cache == sandbox_home / ".cache/NeWork"
    assert p.state == sandbox_home / ".local/state/NeWork"
    assert p.log == sandbox_home / ".local/state/NeWork/log"
    assert p.roots() == [
        sandbox_home / ".cache/NeWork",
        sandbox_home / ".config/NeWork",
        sandbox_home / ".local/share/NeWork",
        sandbox_home / ".local/state/NeWork",
    ]


def test_macos_layout(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "macos")
    p = AppPaths.from_environment()
    support = sandbox_home / "Library/Application Support/NeWork"
    assert p.layout == "macos"
    assert p.data == support and p.config == support and p.state == support
    assert p.cache == sandbox_home / "Library/Caches/NeWork"
    assert p.log == sandbox_home / "Library/Logs/NeWork"
    assert set(p.roots()) == {
        support,
        sandbox_home / "Library/Caches/NeWork",
        sandbox_home / "Library/Logs/NeWork",
    }


def test_windows_layout_under_localappdata(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "windows")
    p = AppPaths.from_environment()
    local = str(sandbox_home / "AppData" / "Local")
    assert p.layout == "windows"
    assert p.roots() == [Path(local, "NTTCom", "NeWork")]
    assert p.cache == Path(local, "NTTCom", "NeWork", "Cache")
    assert p.log == Path(local, "NTTCom", "NeWork", "Logs")
    for role in ROLES:
        assert str(p.path(role)).startswith(local)


def test_windows_mapping_matches_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our Windows mapping is what platformdirs' own Windows class computes."""
    from platformdirs import windows

    folders = {"CSIDL_LOCAL_APPDATA": "/home/ユーザー/AppData/Local"}
    monkeypatch.setattr(windows, "get_win_folder", lambda name: folders[name])
    reference = windows.Windows("NeWork", "NTTCom")
    ours = paths_mod._windows_roles(folders["CSIDL_LOCAL_APPDATA"])
    assert ours == {
        "data": reference.user_data_dir,
        "config": reference.user_config_dir,
        "state": reference.user_state_dir,
        "cache": reference.user_cache_dir,
        "log": reference.user_log_dir,
    }


def test_windows_layout_needs_localappdata(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "windows")
    monkeypatch.delenv("LOCALAPPDATA")
    with pytest.raises(PathsError, match="LOCALAPPDATA"):
        AppPaths.from_environment()


def test_unknown_layout_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "beos")
    with pytest.raises(PathsError, match="beos"):
        AppPaths.from_environment()


def test_host_layout_uses_platformdirs(sandbox_home: Path) -> None:
    p = AppPaths.from_environment()
    assert p.data == Path(platformdirs.user_data_dir("NeWork", "NTTCom"))
    assert p.cache == Path(platformdirs.user_cache_dir("NeWork", "NTTCom"))


@pytest.mark.parametrize("via_env", [False, True])
def test_basedir_moves_every_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, via_env: bool
) -> None:
    base = tmp_path / "base"
    if via_env:
        monkeypatch.setenv("NEWORK_BASEDIR", str(base))
        p = AppPaths.from_environment()
    else:
        p = AppPaths.from_environment(basedir=base)
    for role in ROLES:
        assert base in p.path(role).parents
    assert p.basedir == base


def test_relative_basedir_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    p = AppPaths.from_environment(basedir="rel")
    assert p.data == tmp_path / "rel" / "data"


@pytest.mark.parametrize("layout", ["linux", "macos", "windows"])
def test_reading_creates_nothing(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", layout)
    p = AppPaths.from_environment()
    for role in ROLES:
        p.path(role)
    p.roots()
    p.as_dict()
    p.existing_roots()
    assert tree(sandbox_home) == []


@pytest.mark.parametrize("layout", ["linux", "macos", "windows"])
def test_ensure_creates_private_root_with_marker(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", layout)
    p = AppPaths.from_environment()
    for role in ROLES:
        target = p.ensure(role)
        assert target.is_dir()
        root = p.root_of(role)
        marker = read_marker(root)
        assert marker is not None and marker.app == "NeWork"
        if os.name == "posix":
            assert stat.S_IMODE(root.stat().st_mode) == 0o700
            assert stat.S_IMODE((root / MARKER_NAME).stat().st_mode) == 0o600
    assert sorted(p.existing_roots()) == sorted(p.roots())


def test_marker_records_parents_we_created(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "windows")
    p = AppPaths.from_environment()
    (sandbox_home / "AppData").mkdir()  # exists before us: not ours
    p.ensure("data")
    marker = read_marker(p.root_of("data"))
    assert marker is not None
    local = sandbox_home / "AppData" / "Local"
    assert marker.created_parents == (str(local), str(local / "NTTCom"))


def test_basedir_itself_is_never_recorded_as_ours(tmp_path: Path) -> None:
    p = AppPaths.from_environment(basedir=tmp_path / "new" / "base")
    p.ensure("log")
    marker = read_marker(p.root_of("log"))
    assert marker is not None and marker.created_parents == ()


def test_marker_must_be_ours_and_not_a_link(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    assert read_marker(root) is None
    (root / MARKER_NAME).write_text(json.dumps({"app": "Other"}))
    assert read_marker(root) is None
    (root / MARKER_NAME).write_text("not json")
    assert read_marker(root) is None
    real = tmp_path / "real-marker"
    real.write_text(json.dumps({"app": "NeWork"}))
    (root / MARKER_NAME).unlink()
    (root / MARKER_NAME).symlink_to(real)
    assert read_marker(root) is None


def test_unknown_role(tmp_path: Path) -> None:
    p = AppPaths.from_environment(basedir=tmp_path)
    with pytest.raises(PathsError, match="nope"):
        p.path("nope")
