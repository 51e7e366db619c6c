"""core/notices.py: the bundled licence notices, or the installed packages with their licences."""

from __future__ import annotations

from pathlib import Path

import pytest

from nework_desktop.core import notices


def test_a_source_checkout_lists_the_runtime_packages_with_their_licences(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(notices, "resource_path", tmp_path.joinpath)
    text = notices.third_party_notices()
    lines = text.splitlines()
    assert "open-source software" in lines[0]
    names = {line.split(" ", 1)[0].lower() for line in lines[2:] if line}
    assert {"pyside6", "keyring", "certifi", "platformdirs", "cryptography"} <= names
    pyside = next(line for line in lines if line.lower().startswith("pyside6 "))
    assert "LGPL" in pyside
    assert all(" — " in line for line in lines[2:] if line)
    not_shipped = ("pytest", "mypy", "ruff", "requests")  # requests: the tests' own client
    assert not any(n in names for n in not_shipped), "test tools are not shipped"


def test_the_bundled_file_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "THIRD-PARTY-NOTICES.txt").write_text("PySide6\r\nLGPL-3.0 text\r\n", "utf-8")
    monkeypatch.setattr(notices, "resource_path", tmp_path.joinpath)
    assert notices.third_party_notices() == "PySide6\nLGPL-3.0 text\n"


def test_a_bundled_file_that_is_not_a_file_falls_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "notices" / "THIRD-PARTY-NOTICES.txt").mkdir(parents=True)  # a folder
    monkeypatch.setattr(notices, "resource_path", tmp_path.joinpath)
    assert "open-source software" in notices.third_party_notices()


def test_an_unknown_distribution_says_so() -> None:
    assert "not installed" in notices.installed_notices("no-such-distribution-here")
