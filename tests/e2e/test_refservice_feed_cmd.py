"""``python -m tests.refservice --policy-feed DIR [--signing-key FILE]``, as QA runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nework_desktop.qa.refservice.signing import load_or_create
from tests.helpers import shipped_copy

REPO = Path(__file__).resolve().parents[2]


def first_lines(*args: str, until: str = "(Ctrl+C stops it)") -> list[str]:
    """Start the command, read its output up to ``until``, then stop it (by its own pid)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.refservice", "--port", "0", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("NEWORK_")},
    )
    lines: list[str] = []
    deadline = time.monotonic() + 30
    try:
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
            if until in line:
                break
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    return lines


def test_it_publishes_dir_and_prints_how_a_development_run_trusts_its_key(tmp_path: Path) -> None:
    folder = shipped_copy(tmp_path / "feed")
    lines = first_lines("--policy-feed", str(folder))
    text = "\n".join(lines)
    assert f"policy feed: {folder} (policy 2024-02-08, feed version 1)" in text
    assert "(made for this start)" in text
    exports = [line.strip() for line in lines if "NEWORK_POLICY_DEV_KEYS=" in line]
    assert len(exports) == 1 and exports[0].startswith("export NEWORK_POLICY_DEV_KEYS=refservice-")
    assert "a release build ignores this" in text


def test_a_signing_key_file_is_made_once_and_then_used(tmp_path: Path) -> None:
    folder = shipped_copy(tmp_path / "feed")
    key_file = tmp_path / "feed.pem"
    first = "\n".join(first_lines("--policy-feed", str(folder), "--signing-key", str(key_file)))
    assert f"new, saved to {key_file}" in first
    assert key_file.stat().st_mode & 0o777 == 0o600
    key, created = load_or_create(key_file)
    assert not created
    second = "\n".join(first_lines("--policy-feed", str(folder), "--signing-key", str(key_file)))
    assert f"from {key_file}" in second and key.dev_keys_value() in second


@pytest.mark.parametrize("what", ["key", "folder"])
def test_a_bad_key_or_folder_is_one_line_and_exit_3(tmp_path: Path, what: str) -> None:
    folder = shipped_copy(tmp_path / "feed")
    bad = tmp_path / "not-a-key.pem"
    bad.write_text("hello", encoding="utf-8")
    args = ["--signing-key", str(bad)] if what == "key" else []
    target = folder if what == "key" else tmp_path / "missing"
    command = [sys.executable, "-m", "tests.refservice", "--port", "0"]
    result = subprocess.run(
        [*command, "--policy-feed", str(target), *args],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 3
    assert result.stderr.startswith("nework-qa: --") and len(result.stderr.splitlines()) == 1
