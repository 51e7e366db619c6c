"""resources/ ships inside the wheel and is found there through resources.resources_root()."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_wheel_carries_resources_and_they_are_found(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("nework_desktop-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "nework_desktop/resources/policy/index.json" in names
        assert "nework_desktop/resources/i18n/nework_ja.qm" in names
        assert "nework_desktop/resources/policy/2024-02-08/policy.ja.md" in names
        entry = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = zf.read(entry).decode()
        assert "nework-desktop = nework_desktop.cli:main" in scripts
        zf.extractall(tmp_path / "site")
    probe = (
        "from nework_desktop.resources import resources_root; "
        "from nework_desktop.core.policy import load_policy; "
        "print(resources_root()); print(load_policy().version)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    root, version = result.stdout.split()
    assert Path(root) == tmp_path / "site" / "nework_desktop" / "resources"
    assert version == "2024-02-08"
