"""The Windows job's end-to-end run on a real Windows: install, use, uninstall, prove 0 residue.

    python installer/ci/windows_e2e.py --installer NeWork-Setup-X.exe --qa nework-qa.exe --out DIR

1. snapshot of the real home (files, the app's registry keys) with the standalone nework-qa;
2. ``NeWork-Setup.exe /S``: a per-user install, no elevation; the files and HKCU entry are there;
3. the installed NeWork.exe: ``--version``, ``status --json``, then ``nework-qa lifecycle --app``
   (consent, sign-in against the reference service, restart, wipe; the real %LOCALAPPDATA%
   layout and the real Credential Manager);
4. ``uninstall.exe /S _?=<folder>``: exit 0, then the folder, the Start-menu shortcut and the
   Uninstall key are gone;
5. a second snapshot and ``nework-qa diff``: nothing of NeWork's remains (files, registry keys,
   credentials). Every report goes to --out (uploaded as an artifact). Exit 0 only if all held.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\NeWorkDesktop"


def run(cmd: list[str], *, expect: int | None = 0, timeout: float = 600) -> int:
    print("+", subprocess.list2cmdline(cmd), flush=True)
    code = subprocess.run(cmd, timeout=timeout, check=False).returncode
    if expect is not None and code != expect:
        raise SystemExit(f"FAILED: exit code {code} (expected {expect}): {cmd[0]}")
    return code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--installer", required=True, type=Path)
    parser.add_argument("--qa", required=True, type=Path, help="the standalone nework-qa.exe")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    qa = str(args.qa.resolve())
    home = os.environ["USERPROFILE"]
    noise = ["--exclude", "NTUSER.DAT*", "--exclude", "ntuser.*", "--exclude", "AppData/Local/Temp"]

    run([qa, "snapshot", "--home", home, "--out", str(out / "before.json"), *noise])
    run([str(args.installer.resolve()), "/S"])
    instdir = Path(os.environ["LOCALAPPDATA"]) / "Programs" / "NeWork"
    app = instdir / "NeWork.exe"
    if not app.is_file() or run(["reg", "query", UNINSTALL_KEY], expect=None) != 0:
        raise SystemExit(f"FAILED: not installed per user in {instdir}")

    run([str(app), "--version"])
    run([str(app), "status", "--json"])
    sandbox = out / "lifecycle-home"
    run(
        [qa, "lifecycle", "--app", str(app), "--home", str(sandbox), "--junit",
         str(out / "lifecycle-junit.xml")],
    )  # fmt: skip
    shutil.rmtree(sandbox, ignore_errors=True)

    run([str(instdir / "uninstall.exe"), "/S", f"_?={instdir}"])
    shutil.rmtree(instdir, ignore_errors=True)  # _?= leaves uninstall.exe itself (documented)
    start_menu = Path(os.environ["APPDATA"]) / "Microsoft/Windows/Start Menu/Programs/NeWork.lnk"
    if start_menu.exists() or run(["reg", "query", UNINSTALL_KEY], expect=None) == 0:
        raise SystemExit("FAILED: the shortcut or the Uninstall key is still there")

    run([qa, "snapshot", "--home", home, "--out", str(out / "after.json"), *noise])
    run([qa, "diff", str(out / "before.json"), str(out / "after.json"), "--junit",
         str(out / "residue-junit.xml")])  # fmt: skip
    print("OK: installed, used and uninstalled; nothing of NeWork remains")
    return 0


if __name__ == "__main__":
    sys.exit(main())
