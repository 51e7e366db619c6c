"""The ownership marker: written atomically, and repaired when a crash damaged it (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nework_desktop.core.paths import MARKER_NAME, AppPaths, read_marker
from nework_desktop.core.wipe import plan, wipe


def test_the_marker_is_written_whole(paths: AppPaths) -> None:
    paths.ensure("data")
    marker = read_marker(paths.data)
    assert marker is not None and marker.role.split(",")[0] == "data"
    assert [p.name for p in paths.data.iterdir()] == [MARKER_NAME]  # no temporary file left


@pytest.mark.parametrize("content", [b"", b'{"app": "NeWo', b"\x00" * 10, b"[]"])
def test_a_damaged_marker_is_repaired_and_the_wipe_proves_ownership_again(
    paths: AppPaths, content: bytes
) -> None:
    # What a kill or a full disk during the first (non-atomic) marker write left behind, with
    # the app going on to use the root.
    paths.data.mkdir(parents=True)
    (paths.data / MARKER_NAME).write_bytes(content)
    (paths.data / "consent-ledger.json").write_text("{}", encoding="utf-8")
    assert plan(paths).roots[0].action == "unproven"

    paths.ensure("data")

    assert read_marker(paths.data) is not None
    assert wipe(paths, backend=None).ok
    assert not paths.data.exists()


def test_a_root_left_with_only_a_marker_temp_file_is_claimed(paths: AppPaths) -> None:
    paths.data.mkdir(parents=True)
    (paths.data / f".{MARKER_NAME}.0123456789abcdef.tmp").write_bytes(b'{"app"')
    paths.ensure("data")
    assert read_marker(paths.data) is not None
    assert sorted(p.name for p in paths.data.iterdir()) == [MARKER_NAME]


def test_a_folder_of_someone_elses_is_never_claimed(paths: AppPaths) -> None:
    paths.data.mkdir(parents=True)
    (paths.data / "notes.txt").write_text("mine", encoding="utf-8")
    paths.ensure("data")
    assert read_marker(paths.data) is None
    assert plan(paths).roots[0].action == "unproven"


def test_a_marker_that_is_a_link_is_never_claimed(paths: AppPaths, tmp_path: Path) -> None:
    paths.data.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps({"app": "x"}), encoding="utf-8")
    (paths.data / MARKER_NAME).symlink_to(elsewhere)
    paths.ensure("data")
    assert read_marker(paths.data) is None
    assert elsewhere.read_text(encoding="utf-8") == json.dumps({"app": "x"})
