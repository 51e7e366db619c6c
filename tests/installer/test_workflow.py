"""The release workflow lints clean (actionlint, zizmor --offline), and the packaging helpers
that need no build (icons, notices, the bundle trim rules) do what they promise."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.installer.tooling import INSTALLER, REPO, unavailable

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        unavailable(f"{name} not found (pip install -e '.[test]')")
    return found


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_is_a_release_workflow() -> None:
    assert [p.name for p in WORKFLOWS] == ["release.yml"]


@pytest.mark.parametrize("command", [["actionlint"], ["zizmor", "--offline"]])
def test_the_workflow_lints_clean(command: list[str]) -> None:
    result = subprocess.run(
        [_tool(command[0]), *command[1:], *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_are_what_the_script_makes(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    icons = _load(INSTALLER / "icons" / "make_icons.py")
    icons.make_icons(icons.SOURCE, tmp_path)
    committed = REPO / "resources" / "icons"
    for made in sorted(tmp_path.iterdir()):
        assert (committed / made.name).read_bytes() == made.read_bytes(), made.name
    with Image.open(committed / "nework.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_notices_cover_every_runtime_distribution(tmp_path: Path) -> None:
    notices = _load(INSTALLER / "notices" / "make_notices.py")
    out = tmp_path / "N.txt"
    assert notices.write(out) == []
    text = out.read_text("utf-8")
    for dist in notices.runtime_closure():
        assert f"{dist.metadata['Name']} {dist.version}" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "The Chromium Authors" in text


def test_trim_drops_unused_plugins_their_libraries_and_dangling_links() -> None:
    trim = _load(INSTALLER / "pyinstaller" / "bundle_trim.py")
    links = {"libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"], "libgtk-3.so.0": ["libz.so"]}
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "libqxcb.so", "BINARY"),
        ("libgtk-3.so.0", "libgtk-3.so.0", "BINARY"),
        ("libz.so", "libz.so", "BINARY"),
        ("libQt6Gui.so.6", "libQt6Gui.so.6", "BINARY"),
        ("libsoftokn3.so", "libsoftokn3.so", "BINARY"),  # dlopen()ed: reached by nothing
    ]
    datas = [
        ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", "x", "DATA"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
        ("libQt6Gui.so.6.link", "libQt6Gui.so.6", "SYMLINK"),
    ]
    links["libqxcb.so"] = ["libQt6Gui.so.6", "libz.so"]
    kept_bin, kept_data, _ = trim.trim(
        binaries, datas, debug=False, imports=lambda src: links.get(src, [])
    )
    assert [e[0].rsplit("/", 1)[-1] for e in kept_bin] == [
        "libqxcb.so",
        "libz.so",  # libqxcb needs it too
        "libQt6Gui.so.6",
        "libsoftokn3.so",
    ]
    assert [e[0] for e in kept_data] == ["libQt6Gui.so.6.link"]
    _, debug_data, _ = trim.trim(binaries, datas, debug=True, imports=lambda src: [])
    assert any("devtools" in e[0] for e in debug_data)


def test_the_build_lock_pins_every_runtime_dependency() -> None:
    """A dependency added to pyproject.toml without re-running installer/lock.sh would be
    missing from the frozen app (found only when the bundle runs)."""
    import re
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    lock = (INSTALLER / "requirements.lock").read_text(encoding="utf-8")
    pinned = {m.group(1).lower() for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", lock, re.M)}
    assert sorted(wanted - pinned) == []
