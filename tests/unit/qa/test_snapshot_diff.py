"""nework-qa snapshot and diff on built trees (no app, no Qt)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.paths import LAYOUTS, AppPaths, Layout
from nework_desktop.core.secrets import SERVICE, SecretStore
from nework_desktop.qa import ownership
from nework_desktop.qa.cli import main
from nework_desktop.qa.diff import compute_diff
from nework_desktop.qa.snapshot import (
    HASH_LIMIT,
    KIND,
    RegistryKey,
    Snapshot,
    load_snapshot,
    registry_keys,
    take_snapshot,
)

REPO = Path(__file__).resolve().parents[3]

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def qa(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``nework-qa`` in this process; return (exit code, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def snap(qa: Run, home: Path, out: Path, *extra: str | Path) -> dict[str, Any]:
    code, _, err = qa("snapshot", "--home", home, "--out", out, *extra)
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def diff_json(qa: Run, before: Path, after: Path, *extra: str | Path) -> tuple[int, dict[str, Any]]:
    code, out, err = qa("diff", before, after, "--json", *extra)
    assert err == ""
    data = json.loads(out)
    assert isinstance(data, dict)
    return code, data


def classes(report: dict[str, Any]) -> dict[str, str]:
    return {e["path"]: e["class"] for e in report["entries"]}


# -- snapshot --------------------------------------------------------------------------------


def test_snapshot_records_every_entry_and_never_follows_links(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    write(home / "docs" / "a.txt", "hello")
    outside = tmp_path / "outside"
    write(outside / "secret.txt", "not to be read")
    (home / "to-outside").symlink_to(outside, target_is_directory=True)
    (home / "dangling").symlink_to(tmp_path / "nowhere")
    big = home / "big.bin"
    with big.open("wb") as fh:
        fh.truncate(HASH_LIMIT + 1)
    os.mkfifo(home / "pipe")

    data = snap(qa, home, tmp_path / "s.json")

    assert data["kind"] == KIND and data["schema"] == 1
    assert data["home"] == str(home)
    assert data["host"]["os"] == "linux" and data["taken_at"].endswith("Z")
    assert data["registry"]["supported"] is False and "Windows" in data["registry"]["note"]
    files = {f["path"]: f for f in data["files"]}
    assert sorted(files) == ["big.bin", "dangling", "docs", "docs/a.txt", "pipe", "to-outside"]
    assert files["docs"]["type"] == "dir" and "size" not in files["docs"]
    text = files["docs/a.txt"]
    assert text["type"] == "file" and text["size"] == 5 and text["mode"] == "0644"
    assert text["sha256"] == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    assert files["to-outside"] == {
        "path": "to-outside",
        "type": "symlink",
        "size": len(str(outside)),
        "mode": files["to-outside"]["mode"],
        "target": str(outside),
    }
    assert files["dangling"]["target"] == str(tmp_path / "nowhere")
    assert files["big.bin"]["size"] == HASH_LIMIT + 1 and "sha256" not in files["big.bin"]
    assert files["pipe"]["type"] == "other"
    assert "secret.txt" not in (tmp_path / "s.json").read_text(encoding="utf-8")


def test_snapshot_of_a_missing_home_is_a_usage_error(tmp_path: Path, qa: Run) -> None:
    code, out, err = qa("snapshot", "--home", tmp_path / "absent")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no such folder" in err


def test_snapshot_to_stdout_and_its_own_output_file_is_excluded(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    write(home / "a")
    code, out, _ = qa("snapshot", "--home", home)
    assert code == 0 and json.loads(out)["files"][0]["path"] == "a"
    snap(qa, home, home / "before.json")
    after = snap(qa, home, home / "after.json")
    # Each snapshot excludes its own output; the diff ignores what either one excluded.
    assert [f["path"] for f in after["files"]] == ["a", "before.json"]
    assert after["exclude"] == ["after.json"]
    code, report = diff_json(qa, home / "before.json", home / "after.json")
    assert code == 0 and report["verdict"] == "clean" and report["entries"] == []


def test_undecodable_file_names_round_trip(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    home.mkdir()
    snap(qa, home, tmp_path / "before.json")
    bad = os.fsdecode(b"caf\xe9")
    (home / bad).write_text("x", encoding="utf-8")
    snap(qa, home, tmp_path / "after.json")
    code, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json")
    assert code == 0
    assert [e["path"] for e in report["entries"]] == [bad]
    assert "caf\\udce9" in (tmp_path / "after.json").read_text(encoding="utf-8")


def test_exclude_skips_a_subtree(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    write(home / "Library" / "Mail" / "inbox")
    write(home / "keep")
    data = snap(qa, home, tmp_path / "s.json", "--exclude", "Library/Mail")
    assert [f["path"] for f in data["files"]] == ["Library", "keep"]
    assert data["exclude"] == ["Library/Mail"]


# -- diff: classification --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("layout", "planted"),
    [
        ("windows", "AppData/Local/NTTCom/NeWork/Cache/blob.bin"),
        ("macos", "Library/Caches/NeWork/WebEngine/index"),
        ("linux", ".local/state/NeWork/log/nework.log"),
    ],
)
def test_diff_catches_residue_of_each_layout(
    tmp_path: Path, qa: Run, layout: str, planted: str
) -> None:
    home = tmp_path / "home"
    write(home / "Documents" / "mine.txt")
    snap(qa, home, tmp_path / "before.json")
    write(home / planted, "left behind")
    snap(qa, home, tmp_path / "after.json")

    code, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json")

    assert code == 1 and report["verdict"] == "residue" and report["exit_code"] == 1
    found = classes(report)
    assert found[planted] == "ours"
    root = "/".join(planted.split("/")[:3])
    assert found[root] == "ours"
    assert layout in next(e["why"] for e in report["entries"] if e["path"] == planted)
    top = planted.split("/", maxsplit=1)[0]
    assert found[top] == "unknown"  # AppData/, Library/, .local/ are no folders of ours
    assert "Documents/mine.txt" not in found


def test_vendor_folder_is_ours_but_generic_parents_are_unknown(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    home.mkdir()
    snap(qa, home, tmp_path / "before.json")
    (home / "AppData" / "Local" / "NTTCom").mkdir(parents=True)
    (home / ".local" / "share").mkdir(parents=True)
    write(home / "AppData" / "Local" / "NTTCom" / "OtherApp" / "x")
    snap(qa, home, tmp_path / "after.json")
    code, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json")
    found = classes(report)
    assert found["AppData/Local/NTTCom"] == "ours"
    assert found["AppData/Local/NTTCom/OtherApp"] == "unknown"
    assert found[".local/share"] == "unknown"
    assert code == 1


def test_shared_store_is_reported_as_a_warning(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    snap(qa, home, tmp_path / "before.json")
    write(home / ".config" / "QtProject.conf", "[FileDialog]\nhistory=file:///x/NeWork\n")
    write(home / ".cache" / "qtshadercache-x86_64-little_endian-lp64" / "abc")
    snap(qa, home, tmp_path / "after.json")

    code, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json")
    assert code == 0 and report["verdict"] == "warning"
    found = classes(report)
    assert found[".config/QtProject.conf"] == "shared"
    assert found[".cache/qtshadercache-x86_64-little_endian-lp64/abc"] == "shared"
    assert found[".cache"] == "unknown"
    assert report["counts"] == {"ours": 0, "shared": 3, "unknown": 1}

    code, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json", "--strict")
    assert code == 1 and report["verdict"] == "residue"


def test_changed_and_removed_files(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    ledger = write(home / ".local/share/NeWork/consent-ledger.json", "{}")
    write(home / ".local/share/NeWork/old.txt")
    write(home / "notes.txt")
    snap(qa, home, tmp_path / "before.json")
    ledger.write_text('{"records": []}', encoding="utf-8")
    (home / ".local/share/NeWork/old.txt").unlink()
    (home / "notes.txt").unlink()
    snap(qa, home, tmp_path / "after.json")

    code, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json")
    assert code == 1
    [entry] = report["entries"]
    assert entry["path"] == ".local/share/NeWork/consent-ledger.json"
    assert entry["change"] == "changed" and entry["class"] == "ours"
    assert entry["details"] == ["size", "content"]
    removed = {e["path"]: e["class"] for e in report["removed"]}
    assert removed == {".local/share/NeWork/old.txt": "ours", "notes.txt": "unknown"}


def test_symlink_retarget_is_a_change(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    (home / ".config/NeWork").mkdir(parents=True)
    link = home / ".config/NeWork/current"
    link.symlink_to("a")
    snap(qa, home, tmp_path / "before.json")
    link.unlink()
    link.symlink_to("b")
    snap(qa, home, tmp_path / "after.json")
    _, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json")
    [entry] = report["entries"]
    assert entry["kind"] == "symlink" and entry["details"] == ["target"]


def test_identical_snapshots_are_clean(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    write(home / ".local/share/NeWork/x")
    snap(qa, home, tmp_path / "a.json")
    snap(qa, home, tmp_path / "b.json")
    code, out, err = qa("diff", tmp_path / "a.json", tmp_path / "b.json")
    assert code == 0 and err == ""
    assert "verdict: clean" in out


def test_human_output_folds_new_folders(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    home.mkdir()
    snap(qa, home, tmp_path / "a.json")
    for n in range(3):
        write(home / f"Library/Caches/NeWork/f{n}")
    snap(qa, home, tmp_path / "b.json")
    code, out, _ = qa("diff", tmp_path / "a.json", tmp_path / "b.json")
    assert code == 1
    assert "+ dir      Library/Caches/NeWork/  (+3 inside)" in out
    assert "f1" not in out
    assert "verdict: residue" in out


def test_windows_and_macos_snapshots_match_case_insensitively(tmp_path: Path) -> None:
    def fake(host_os: str, paths: list[str]) -> Snapshot:
        from nework_desktop.qa.snapshot import FileEntry

        files = [FileEntry(p, "dir") for p in paths]
        return Snapshot("C:\\Users\\qa", "t", {"os": host_os}, files)

    after = ["appdata", "appdata/local", "appdata/local/nttcom", "appdata/local/nttcom/nework"]
    result = compute_diff(fake("windows", []), fake("windows", after))
    assert {c.path: c.cls for c in result.changes}["appdata/local/nttcom/nework"] == "ours"
    result = compute_diff(fake("linux", []), fake("linux", after))
    assert {c.path: c.cls for c in result.changes}["appdata/local/nttcom/nework"] == "unknown"


# -- diff: JUnit ------------------------------------------------------------------------------


def test_junit_xml_has_one_case_per_class_and_lists_failures(tmp_path: Path, qa: Run) -> None:
    home = tmp_path / "home"
    home.mkdir()
    snap(qa, home, tmp_path / "before.json")
    write(home / "AppData/Local/NTTCom/NeWork/Logs/nework.log")
    write(home / ".config/QtProject.conf")
    snap(qa, home, tmp_path / "after.json")
    junit = tmp_path / "junit.xml"

    code, out, _ = qa("diff", tmp_path / "before.json", tmp_path / "after.json", "--junit", junit)

    assert code == 1 and "verdict: residue" in out
    root = ET.parse(junit).getroot()  # noqa: S314 - our own file
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    cases = {c.get("name", ""): c for c in suite.iter("testcase")}
    assert sorted(cases) == ["ours", "shared", "unknown"]
    failure = cases["ours"].find("failure")
    assert failure is not None and failure.text is not None
    assert "AppData/Local/NTTCom/NeWork/Logs/nework.log" in failure.text
    assert "entries remain" in (failure.get("message") or "")
    assert cases["shared"].find("failure") is None
    shared_out = cases["shared"].find("system-out")
    assert shared_out is not None and ".config/QtProject.conf" in (shared_out.text or "")

    code, _, _ = qa(
        "diff", tmp_path / "before.json", tmp_path / "after.json", "--strict", "--junit", junit
    )
    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314
    assert code == 1 and suite is not None and suite.get("failures") == "3"


# -- diff: bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"kind": "nework-qa-snapshot", "schema": 1, "files": [', "invalid JSON at line 1"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"files": []}', "was it made by 'nework-qa snapshot'"),
        (b"[]", "was it made by"),
        (
            b'{"kind": "nework-qa-snapshot", "schema": 99, "home": "/h", "taken_at": "t", '
            b'"host": {}, "files": []}',
            "newer than this nework-qa",
        ),
        (
            b'{"kind": "nework-qa-snapshot", "schema": 1, "home": "/h", "taken_at": "t", '
            b'"host": {}, "files": [{"path": "a", "type": "teapot"}]}',
            'files[0] has no valid "path"',
        ),
        (
            b'{"kind": "nework-qa-snapshot", "schema": 1, "home": "/h", "taken_at": "t", '
            b'"host": {}, "files": [{"path": "a", "type": "file", "size": "big"}]}',
            '"size" has the wrong type',
        ),
    ],
)
def test_corrupt_snapshot_is_one_clear_line(
    tmp_path: Path, qa: Run, content: bytes, message: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    good = tmp_path / "good.json"
    snap(qa, home, good)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    for args in ((bad, good), (good, bad)):
        code, out, err = qa("diff", *args)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and message in err and str(bad) in err
        assert "Traceback" not in err


def test_missing_or_unreadable_snapshot(tmp_path: Path, qa: Run) -> None:
    code, _, err = qa("diff", tmp_path / "nope.json", tmp_path / "nope2.json")
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    code, _, err = qa("diff", tmp_path, tmp_path)
    assert code == 2 and "it is a folder" in err


def test_usage_errors(qa: Run) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["diff", "only-one.json"])
    assert exc.value.code == 2
    code, _, err = qa()
    assert code == 2 and "a command is needed" in err


def test_a_subprocess_run_prints_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "nework_desktop.qa.cli", "diff", str(bad), str(bad)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("nework-qa: ") and done.stderr.count("\n") == 1


# -- keyring -----------------------------------------------------------------------------------


class FakeKeyring:
    """A keyring backend that keeps entries in a dict."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}
        self.reads: list[tuple[str, str]] = []

    def set_password(self, service: str, name: str, secret: str) -> None:
        self.entries[(service, name)] = secret

    def get_password(self, service: str, name: str) -> str | None:
        self.reads.append((service, name))
        return self.entries.get((service, name))

    def delete_password(self, service: str, name: str) -> None:
        self.entries.pop((service, name), None)


def test_keyring_entries_are_probed_never_recorded(
    sandbox_home: Path, tmp_path: Path, qa: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = FakeKeyring()
    monkeypatch.setattr("nework_desktop.core.secrets.system_backend", lambda: backend)
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "linux")
    paths = AppPaths.from_environment()
    snap(qa, sandbox_home, tmp_path / "before.json")
    assert backend.reads == []  # no index: nothing probed

    SecretStore(paths, backend).set("refresh-token", "s3cr3t-value")
    used = snap(qa, sandbox_home, tmp_path / "used.json")
    assert "s3cr3t-value" not in (tmp_path / "used.json").read_text(encoding="utf-8")
    [entry] = used["keyring"]["entries"]
    assert entry == {
        "service": SERVICE,
        "name": "refresh-token",
        "present": True,
        "sources": [".local/share/NeWork/secrets-index.json"],
    }
    code, report = diff_json(qa, tmp_path / "before.json", tmp_path / "used.json")
    assert classes(report)[f"keyring:{SERVICE}/refresh-token"] == "ours" and code == 1

    # "uninstall" that forgets the keyring: the index goes with the folder, the entry stays.
    for root in paths.existing_roots():
        for p in sorted(root.rglob("*"), reverse=True):
            p.unlink() if not p.is_dir() else p.rmdir()
        root.rmdir()
    snap(qa, sandbox_home, tmp_path / "after.json", "--keyring-from", tmp_path / "used.json")
    _, report = diff_json(qa, tmp_path / "before.json", tmp_path / "after.json")
    assert classes(report)[f"keyring:{SERVICE}/refresh-token"] == "ours"

    backend.entries.clear()  # a wipe that does its job
    snap(qa, sandbox_home, tmp_path / "after.json", "--keyring-from", tmp_path / "used.json")
    _, report = diff_json(qa, tmp_path / "used.json", tmp_path / "after.json")
    assert f"keyring:{SERVICE}/refresh-token" in {e["path"] for e in report["removed"]}


def test_unprobeable_keyring_is_a_note(
    sandbox_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("nework_desktop.core.secrets.system_backend", lambda: None)
    monkeypatch.setenv("NEWORK_SIMULATE_OS", "macos")
    SecretStore(AppPaths.from_environment(), FakeKeyring()).set("token", "x")
    result = take_snapshot(sandbox_home)
    [entry] = result.keyring_entries
    assert entry.present is None and entry.error and "no usable keyring" in entry.error
    diff = compute_diff(take_snapshot(sandbox_home), result)
    assert any("could not be probed" in n for n in diff.notes)


# -- registry (with a fake winreg: runs on any OS) -------------------------------------------


class FakeWinreg:
    """Just enough of :mod:`winreg` for the snapshot's registry walk."""

    HKEY_CURRENT_USER = 1
    HKEY_LOCAL_MACHINE = 2
    KEY_READ = 0x20019
    KEY_WOW64_64KEY = 0x100

    def __init__(self, keys: dict[str, dict[str, tuple[object, int]]]) -> None:
        # (hive, lower-case path) -> (path as written, values); every ancestor key exists too.
        self.keys: dict[tuple[int, str], tuple[str, dict[str, tuple[object, int]]]] = {}
        for full, values in keys.items():
            hive_name, _, path = full.partition("\\")
            hive = self.HKEY_CURRENT_USER if hive_name == "HKCU" else self.HKEY_LOCAL_MACHINE
            parts = path.split("\\")
            for n in range(1, len(parts)):
                sub = "\\".join(parts[:n])
                self.keys.setdefault((hive, sub.lower()), (sub, {}))
            self.keys[(hive, path.lower())] = (path, values)

    def OpenKey(self, hive: int, path: str, reserved: int, access: int) -> tuple[int, str]:
        if (hive, path.lower()) not in self.keys:
            raise FileNotFoundError(path)
        return hive, path.lower()

    def CloseKey(self, key: tuple[int, str]) -> None:
        pass

    def EnumKey(self, key: tuple[int, str], i: int) -> str:
        hive, path = key
        children = sorted(
            written.rsplit("\\", 1)[-1]
            for (h, low), (written, _) in self.keys.items()
            if h == hive and low.rpartition("\\")[0] == path
        )
        if i >= len(children):
            raise OSError("no more items")
        return children[i]

    def EnumValue(self, key: tuple[int, str], i: int) -> tuple[str, object, int]:
        items = sorted(self.keys[key][1].items())
        if i >= len(items):
            raise OSError("no more items")
        name, (data, kind) = items[i]
        return name, data, kind

    def QueryValueEx(self, key: tuple[int, str], name: str) -> tuple[object, int]:
        values = self.keys[key][1]
        if name not in values:
            raise FileNotFoundError(name)
        return values[name]


def test_registry_keys_and_their_classes() -> None:
    uninstall = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
    reg = FakeWinreg(
        {
            r"HKCU\Software\NTTCom\NeWork": {"geometry": (b"\x01\x02", 3)},
            r"HKCU\Software\NTTCom\NeWork\Sub": {"n": (1, 4)},
            r"HKCU\Software\QtProject\OrganizationDefaults\FileDialog": {"history": ("a", 1)},
            rf"HKCU\{uninstall}\NeWork": {"DisplayName": ("NeWork", 1)},
            rf"HKLM\{uninstall}\{{1234}}": {"DisplayName": ("NeWork Desktop 0.1", 1)},
            rf"HKLM\{uninstall}\Other": {"DisplayName": ("Other app", 1)},
            r"HKCU\Software\Unrelated": {"x": ("y", 1)},
        }
    )
    keys = registry_keys(reg)
    names = [k.key for k in keys]
    assert rf"HKLM\{uninstall}\Other" not in names
    assert r"HKCU\Software\Unrelated" not in names
    assert r"HKCU\Software\NTTCom\NeWork\Sub" in names
    assert rf"HKLM\{uninstall}\{{1234}}" in names
    nework = next(k for k in keys if k.key == r"HKCU\Software\NTTCom\NeWork")
    [value] = nework.values
    assert value["type"] == "REG_BINARY" and "preview" not in value and len(value["sha256"]) == 64

    before = Snapshot("h", "t", {"os": "windows"}, [])
    after = Snapshot("h", "t", {"os": "windows"}, [], registry_keys=keys)
    result = compute_diff(before, after)
    found = {c.path: c.cls for c in result.changes}
    assert found[r"registry:HKCU\Software\NTTCom\NeWork"] == "ours"
    assert found[rf"registry:HKCU\{uninstall}\NeWork"] == "ours"
    assert found[r"registry:HKCU\Software\QtProject\OrganizationDefaults\FileDialog"] == "shared"
    assert result.exit_code == 1

    changed = [RegistryKey(k.key, [dict(v, sha256="0" * 64) for v in k.values]) for k in keys]
    result = compute_diff(after, Snapshot("h", "t", {"os": "windows"}, [], registry_keys=changed))
    nework_change = next(c for c in result.changes if c.path.endswith(r"NTTCom\NeWork"))
    assert nework_change.change == "changed" and nework_change.details == ["value geometry changed"]


# -- the roots come from paths.py ------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_owned_roots_are_what_paths_computes(
    sandbox_home: Path, monkeypatch: pytest.MonkeyPatch, layout: Layout
) -> None:
    monkeypatch.setenv("NEWORK_SIMULATE_OS", layout)
    expected = sorted(
        str(r.relative_to(sandbox_home).as_posix()) for r in AppPaths.from_environment().roots()
    )
    assert sorted(ownership.owned_roots(layout)) == expected


def test_loaded_snapshot_equals_taken_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    write(home / "a" / "b")
    taken = take_snapshot(home)
    path = tmp_path / "s.json"
    path.write_text(taken.dumps(), encoding="utf-8")
    assert load_snapshot(path).to_json() == taken.to_json()


def test_the_qa_package_imports_no_qt() -> None:
    code = (
        "import sys, nework_desktop.qa.cli, nework_desktop.qa.lifecycle, nework_desktop.qa.diff; "
        "sys.exit(1 if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else 0)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
