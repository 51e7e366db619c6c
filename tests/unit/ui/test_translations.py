"""The shipped translations are complete for the code as it is, and compiled from the sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nework_desktop.resources import resource_path

REPO = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} missing next to {sys.executable} (PySide6 ships it)")
    return path


@pytest.mark.parametrize("locale", ["ja", "en"])
def test_catalogue_covers_every_ui_string(tmp_path: Path, locale: str) -> None:
    ts = tmp_path / f"nework_{locale}.ts"
    shutil.copy(REPO / "translations" / ts.name, ts)
    sources = sorted(str(p) for p in (REPO / "nework_desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [str(_tool("pyside6-lupdate")), *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    root = ET.parse(ts).getroot()  # noqa: S314 - our own file
    untranslated = [
        f"{ctx.findtext('name')}: {m.findtext('source')}"
        for ctx in root.iter("context")
        for m in ctx.iter("message")
        if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
    ]
    assert untranslated == [], (
        "UI strings without a translation: run scripts/update_translations.sh and translate"
    )


@pytest.mark.parametrize("locale", ["ja", "en"])
def test_shipped_qm_is_compiled_from_the_ts(tmp_path: Path, locale: str) -> None:
    out = tmp_path / f"nework_{locale}.qm"
    subprocess.run(
        [
            str(_tool("pyside6-lrelease")),
            str(REPO / "translations" / f"nework_{locale}.ts"),
            "-qm",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert out.read_bytes() == resource_path("i18n", out.name).read_bytes(), (
        f"resources/i18n/{out.name} is stale: run scripts/update_translations.sh"
    )
