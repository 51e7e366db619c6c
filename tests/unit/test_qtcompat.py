"""The PySide6 6.12 / Python 3.11 guard (nework_desktop/qtcompat.py) keeps the app alive."""

from __future__ import annotations

import subprocess
import sys

import pytest

VOID_CALLS = """
from PySide6.QtCore import QObject
o = QObject()
for _ in range({calls}):
    o.setObjectName("x")
"""

EMITS = """
from PySide6.QtCore import QObject, Signal
class Emitter(QObject):
    fired = Signal(int)
e = Emitter()
e.fired.connect(lambda n: None)
for _ in range({calls}):
    e.fired.emit(1)
"""

GUARD = "from nework_desktop.qtcompat import protect_singletons; protect_singletons()\n"


def run(body: str, *, guard: bool, calls: int) -> subprocess.CompletedProcess[str]:
    code = (GUARD if guard else "") + body.format(calls=calls) + "print('survived')\n"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="singletons are immortal from 3.12 on")
@pytest.mark.parametrize(
    ("body", "singleton", "message"),
    [(VOID_CALLS, None, "none_dealloc"), (EMITS, True, "bool_dealloc")],
)
def test_defect_is_real_without_the_guard(body: str, singleton: object, message: str) -> None:
    result = run(body, guard=False, calls=sys.getrefcount(singleton) * 4)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("body", [VOID_CALLS, EMITS])
def test_guard_survives_a_long_session(body: str) -> None:
    result = run(body, guard=True, calls=200_000)
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
