"""Print the size of a bundle (and write it to the job summary): the issue asks the workflow to
report the Windows and macOS sizes, and the Linux one is checked against 380 MiB in the suite.

    python installer/ci/report_size.py PATH [PATH...]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def size(path: Path) -> tuple[int, int]:
    if path.is_file():
        return path.stat().st_size, 1
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: list[str]) -> int:
    lines = []
    for name in argv:
        total, count = size(Path(name))
        lines.append(f"| `{name}` | {total / 2**20:.1f} MiB | {count} files |")
    text = "\n".join(["| what | size | files |", "| --- | --- | --- |", *lines])
    print(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write(f"### Sizes on {sys.platform}\n\n{text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
