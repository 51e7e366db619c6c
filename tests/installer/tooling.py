"""Shared by the installer tests: find an external tool, or skip (fail under ``CI=true``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> NoReturn:
    """Skip the test, except under ``CI=true`` where a missing tool is a failure."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: .ci/run must install it)", pytrace=False)
    pytest.skip(reason)


def require_tool(name: str, *candidates: str, package: str) -> Path:
    """The path of ``name`` (on PATH or at one of ``candidates``), else skip/fail."""
    found = shutil.which(name)
    if found:
        return Path(found)
    for candidate in candidates:
        if os.access(candidate, os.X_OK):
            return Path(candidate)
    unavailable(f"{name} not found (apt-get install {package})")
