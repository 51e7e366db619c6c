"""Runtime guard for PySide6 6.12 reference-count defects on Python 3.11.

Two bindings of PySide6 6.12.0 hand a Python singleton back without taking a reference for it:

* every C++ method that returns ``void`` returns ``None`` so;
* every ``Signal.emit()`` from Python returns ``True`` so.

From Python 3.12 on these singletons are immortal (PEP 683) and the defect does no harm; on
Python 3.11 each call lowers the singleton's reference count by one, and after a few thousand
calls (one language switch of the consent dialog makes ~400 ``void`` calls; a session emits
signals all the time) the interpreter aborts with "Fatal Python error: none_dealloc" or
"bool_dealloc".  ``tests/unit/test_qtcompat.py`` reproduces both.

:func:`protect_singletons` gives ``None``, ``True`` and ``False`` reference counts so large that
no session can use them up, which is what Python 3.12 does by design.  It does nothing on 3.12+
and is idempotent; ``cli.main`` calls it before any command that uses Qt, and the tests'
conftest at start.  Remove this module once the minimum PySide6 is fixed or Python 3.12 becomes
the minimum.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 41
_SINGLETONS: tuple[object, ...] = (None, True, False)


def needs_protection() -> bool:
    return sys.version_info < (3, 12)


def protect_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal on Python < 3.12."""
    if not needs_protection():
        return
    for obj in _SINGLETONS:
        if sys.getrefcount(obj) > _HEADROOM // 2:
            continue
        # CPython < 3.12: ob_refcnt is the first field (Py_ssize_t) of every object header.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
