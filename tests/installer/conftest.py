"""Fixtures of the installer tests under wine: the tools, the staged files, the installers and
one wine prefix per session (copied for each test). See winebox.py."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from nework_desktop import __version__
from tests.installer.tooling import require_tool
from tests.installer.winebox import (
    NOTICES,
    Installers,
    Tools,
    Wine,
    _run,
    _wine_env,
    build_installer,
    build_recorder,
)


@pytest.fixture(scope="session")
def tools() -> Tools:
    wine = require_tool("wine64", "/usr/lib/wine/wine64", package="wine64")
    return Tools(
        makensis=require_tool("makensis", package="nsis"),
        wine=wine,
        wineserver=require_tool(
            "wineserver",
            str(wine.parent / "wineserver"),
            "/usr/lib/wine/wineserver",
            package="wine64",
        ),
        xvfb_run=require_tool("xvfb-run", package="xvfb xauth"),
        mingw_gcc=require_tool("x86_64-w64-mingw32-gcc", package="gcc-mingw-w64-x86-64-win32"),
    )


@pytest.fixture(scope="session")
def stage(tools: Tools, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fake PyInstaller output: the recorder as NeWork.exe, plus data files."""
    stage = tmp_path_factory.mktemp("stage") / "NeWork"
    (stage / "_internal").mkdir(parents=True)
    build_recorder(tools, stage / "NeWork.exe")
    (stage / "_internal" / "dummy.txt").write_text("dummy\n", encoding="utf-8")
    (stage / "_internal" / "ダミー.txt").write_text("non-ASCII file name\n", encoding="utf-8")
    notices = stage / NOTICES
    notices.parent.mkdir(parents=True)
    notices.write_text("third-party notices\n", encoding="utf-8")
    return stage


@pytest.fixture(scope="session")
def installers(tools: Tools, stage: Path, tmp_path_factory: pytest.TempPathFactory) -> Installers:
    out = tmp_path_factory.mktemp("installers")

    def build(name: str, *defines: str, version: str = __version__) -> Path:
        return build_installer(tools, stage, out / name, *defines, version=version)

    return Installers(
        default=build("NeWork-Setup.exe"),
        quick=build("NeWork-Setup-quick.exe", "-DAPP_EXIT_TIMEOUT_MS=1000"),
        standard_user=build("NeWork-Setup-std.exe", "-DNEWORK_TEST_ASSUME_STANDARD_USER"),
        older=build("NeWork-Setup-old.exe", "-DVIVERSION=0.0.1.0", version="0.0.1"),
    )


@pytest.fixture(scope="session")
def prefix_template(tools: Tools, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wine prefix initialised once per session; tests work on copies."""
    base = tmp_path_factory.mktemp("wine")
    home = base / "home"
    home.mkdir()
    prefix = base / "prefix"
    env = _wine_env(prefix, home)
    boot = _run([tools.xvfb_run, "-a", tools.wine, "wineboot", "-i"], env=env, timeout=180)
    assert boot.returncode == 0, boot.stdout + boot.stderr
    # The registry reaches the disk when the server ends: wait for it before copying.
    _run([tools.wineserver, "-w"], env=env, timeout=60)
    assert (prefix / "system.reg").is_file()
    return prefix


@pytest.fixture
def wine(tools: Tools, prefix_template: Path, tmp_path: Path) -> Iterator[Wine]:
    prefix = tmp_path / "prefix"
    shutil.copytree(prefix_template, prefix, symlinks=True)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    session = Wine(tools, prefix, prefix_template.parent / "home", scratch)
    try:
        yield session
    finally:
        _run([tools.wineserver, "-k"], env=session.env, timeout=30)
