"""Runtime guard for a PySide6 6.12 defect on Python 3.11 (import before any PySide6 call).

PySide6 6.12.0's binding of every C++ method that returns ``void`` hands Python's ``None`` back
without taking a reference for it.  From Python 3.12 on ``None`` is immortal and this does no
harm; on Python 3.11 each call lowers ``None``'s reference count by one, and after a few thousand
calls (one language switch of the consent dialog makes ~400) the interpreter aborts with
"Fatal Python error: none_dealloc".  ``tests/unit/test_qtcompat.py`` reproduces it.

:func:`protect_none` gives ``None`` a reference count so large that no session can use it up,
which is what Python 3.12 does by design (immortal objects, PEP 683).  It does nothing on 3.12+
and is idempotent; ``cli.main`` calls it before any command that uses Qt, and the
tests' conftest at start.  Remove this module once the minimum PySide6 is fixed or
Python 3.12 becomes the minimum.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 41


def needs_protection() -> bool:
    return sys.version_info < (3, 12)


def protect_none() -> None:
    """Make ``None`` effectively immortal on Python < 3.12 (no-op elsewhere)."""
    if not needs_protection() or sys.getrefcount(None) > _HEADROOM // 2:
        return
    # CPython < 3.12: ob_refcnt is the first field (Py_ssize_t) of every object header.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
