"""The PySide6 6.12 / Python 3.11 guard (nework_desktop/qtcompat.py) keeps the app alive."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import sys
{guard}
from PySide6.QtCore import QObject
o = QObject()
for _ in range({calls}):
    o.setObjectName("x")
print("survived")
"""


def run(guard: bool, calls: int) -> subprocess.CompletedProcess[str]:
    code = SCRIPT.format(
        guard="from nework_desktop.qtcompat import protect_none; protect_none()" if guard else "",
        calls=calls,
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_defect_is_real_without_the_guard() -> None:
    result = run(guard=False, calls=sys.getrefcount(None) * 4)
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr


def test_guard_survives_a_long_session() -> None:
    result = run(guard=True, calls=200_000)
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
