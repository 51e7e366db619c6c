"""The frozen app: ``installer/build.sh`` (PyInstaller, one folder), then smoke runs.

Slow (a build takes ~40 s here, ~25 s with PyInstaller's cache, and writes ~440 MB under
``build/``), so it runs only with ``NEWORK_BUILD_BUNDLE=1`` or under ``CI=true``. An existing
build is reused while it is newer than every file it is made from.

The smoke runs use a fresh, empty HOME and prove that the bundle finds its resources, answers
the window-less commands, starts its GUI (Qt plugins present) and writes nothing before consent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nework_desktop import __version__
from tests.helpers import tree
from tests.installer.tooling import REPO, in_ci, require_tool

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

DIST = REPO / "build" / "pyinstaller" / "dist" / "NeWork"
EXE = DIST / ("NeWork.exe" if sys.platform.startswith("win") else "NeWork")
INTERNAL = DIST / "_internal"

SOURCES = (
    "nework_desktop",
    "resources",
    "installer/pyinstaller",
    "installer/notices",
    "installer/build.sh",
    "installer/requirements.lock",
    "pyproject.toml",
)


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        root = REPO / name
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            if "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle() -> Path:
    if os.environ.get("NEWORK_BUILD_BUNDLE") != "1" and not in_ci():
        pytest.skip("builds the PyInstaller bundle (~40 s, ~440 MB): set NEWORK_BUILD_BUNDLE=1")
    bash = require_tool("bash", package="bash")
    if not EXE.is_file() or EXE.stat().st_mtime <= _newest_source():
        build = subprocess.run(
            [str(bash), str(REPO / "installer" / "build.sh")],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=840,
            check=False,
        )
        assert build.returncode == 0, build.stdout[-5000:] + build.stderr[-5000:]
    assert EXE.is_file()
    return DIST


def _run(args: list[str], home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_CHROMIUM_FLAGS": os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""),
    }
    return subprocess.run(
        [str(EXE), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def test_version(bundle: Path, sandbox_home: Path) -> None:
    result = _run(["--version"], sandbox_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"NeWork Desktop {__version__}\n"
    assert tree(sandbox_home) == []


def test_status_json_reads_the_bundled_policy_and_writes_nothing(
    bundle: Path, sandbox_home: Path
) -> None:
    result = _run(["status", "--json"], sandbox_home)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["version"] == __version__
    shipped = json.loads(
        (INTERNAL / "nework_desktop" / "resources" / "policy" / "index.json").read_text("utf-8")
    )
    assert report["consent"]["current_policy_version"] == shipped["current"]
    assert report["consent"]["policy_version"] is None
    assert isinstance(report["consent"]["state"], str)
    for role, path in report["paths"].items():
        assert Path(path).is_relative_to(sandbox_home), (role, path)
    assert tree(sandbox_home) == []


def test_gui_starts_and_a_declined_consent_writes_nothing(bundle: Path, sandbox_home: Path) -> None:
    result = _run(["--automate", "decline-consent"], sandbox_home, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert tree(sandbox_home) == []


def test_contents(bundle: Path) -> None:
    qt = INTERNAL / "PySide6" / "Qt"
    assert (INTERNAL / "nework_desktop" / "resources" / "policy" / "index.json").is_file()
    # QtWebEngine: the helper process and Chromium's resources
    assert (qt / "libexec" / "QtWebEngineProcess").is_file()
    assert (qt / "resources" / "qtwebengine_resources.pak").is_file()
    assert sorted(p.name for p in (qt / "translations" / "qtwebengine_locales").iterdir()) == [
        "en-US.pak",
        "ja.pak",
    ]
    # Qt modules the app does not use are left out
    modules = {p.name.split(".")[0] for p in (INTERNAL / "PySide6").glob("Qt*.so")}
    assert "QtWebEngineWidgets" in modules
    assert not modules & {"Qt3DCore", "QtQuick", "QtMultimedia", "QtCharts", "QtPdf"}
    libs = [p.name for p in (qt / "lib").iterdir()]
    assert not [name for name in libs if "Pdf" in name or "VirtualKeyboard" in name]
    for translation in (qt / "translations").glob("*.qm"):
        assert translation.stem.rsplit("_", 1)[-1] in ("ja", "en"), translation.name


#: The issue's budget for the Linux bundle (MiB).
MAX_BUNDLE_MIB = 380


def _bundle_size(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def test_is_small_and_has_no_dangling_links(bundle: Path) -> None:
    dangling = [str(p) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    size_mib = _bundle_size(bundle) / 2**20
    assert size_mib <= MAX_BUNDLE_MIB, f"the bundle is {size_mib:.0f} MiB"


def test_carries_no_devtools_nor_unused_plugins(bundle: Path) -> None:
    qt = INTERNAL / "PySide6" / "Qt"
    assert not (qt / "resources" / "qtwebengine_devtools_resources.pak").exists()
    plugins = {p.relative_to(qt / "plugins").as_posix() for p in (qt / "plugins").rglob("*.so")}
    assert any(name.startswith("platforms/libqxcb") for name in plugins)
    assert "platforms/libqoffscreen.so" in plugins
    for unused in ("platformthemes/", "printsupport/", "egldeviceintegrations/", "generic/"):
        assert not [p for p in plugins if p.startswith(unused)], unused
    for unused in ("libqeglfs", "libqlinuxfb", "libqvnc", "libqtiff", "libqwebp", "libqpdf"):
        assert not [p for p in plugins if unused in p], unused
    assert not list(INTERNAL.glob("libgtk-3*")), "GTK came in with a dropped plugin"


def test_ships_the_notices_and_the_icons(bundle: Path) -> None:
    resources = INTERNAL / "nework_desktop" / "resources"
    notices = (resources / "notices" / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
    for needle in (
        "GNU LESSER GENERAL PUBLIC LICENSE",
        "The Chromium Authors",
        "PySide6",
        "keyring",
        "certifi",
        "cryptography",
        "platformdirs",
        "Python Software Foundation",
        "PyInstaller",
    ):
        assert needle in notices, needle
    assert (resources / "icons" / "nework-256.png").is_file()
    assert (resources / "icons" / "nework.ico").is_file()


def test_startup_timing_works_frozen(bundle: Path, sandbox_home: Path, tmp_path: Path) -> None:
    """``--startup-timing`` works without the QtQuick binding, which the bundle leaves out."""
    assert not list((INTERNAL / "PySide6").glob("QtQuick.*"))
    timing = tmp_path / "timing.jsonl"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(sandbox_home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    app = subprocess.Popen(
        [str(EXE), "--startup-timing", str(timing)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (timing.exists() and "first-frame" in timing.read_text("utf-8")):
            assert app.poll() is None, f"the app exited with {app.returncode}"
            assert time.monotonic() < deadline, "no first frame within 60 s"
            time.sleep(0.2)
        assert app.poll() is None  # still running (the consent dialog is up), not hung or gone
    finally:
        app.terminate()
        app.wait(timeout=30)
    events = [json.loads(line)["event"] for line in timing.read_text("utf-8").splitlines()]
    # The start-up marks (``mark:…``, app/marks.py) come first; the first painted frame next.
    frames = [event for event in events if not event.startswith("mark:")]
    assert frames[0] == "first-frame"
    assert "mark:bootstrap" in events[: events.index("first-frame")]
