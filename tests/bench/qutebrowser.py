"""The peer for P2: qutebrowser (PyQt6 + QtWebEngine) in its own venv under ``build/bench-venv``.

The venv is created on first use (``pip install qutebrowser PyQt6 PyQt6-WebEngine`` from the
package index); it never touches the project's ``.venv``.

How "page loaded" is read: qutebrowser cannot report our event, so it is started with
``--json-logging --loglevel debug --logfilter webview`` and the harness waits for its own log
record ``load status for <tab ... url='URL'>: LoadStatus.success``, which qutebrowser writes from
its handler of ``QWebEnginePage.loadFinished(True)`` (``_on_load_finished`` →
``_update_load_status``).  The record's ``created`` time is the moment of that handler, so the
delay of the pipe does not count.  It is logged a moment after the signal (qutebrowser's own
handlers run first), a few milliseconds in qutebrowser's disfavour at most.  qutebrowser keeps a
debug-level log in memory anyway (``--loglines``), so asking for it costs it next to nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.bench.measure import LogMatcher

PACKAGES = ("qutebrowser", "PyQt6", "PyQt6-WebEngine")

#: Settings that keep qutebrowser quiet: no ad-block lists, no session files, no prefetching.
QUIET_SETTINGS: tuple[tuple[str, str], ...] = (
    ("content.blocking.enabled", "false"),
    ("auto_save.session", "false"),
    ("content.dns_prefetch", "false"),
    ("changelog_after_upgrade", "never"),
    ("content.autoplay", "false"),
    ("content.notifications.enabled", "false"),
    ("content.geolocation", "false"),
)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def ensure(venv: Path, log: Path) -> tuple[Path | None, str]:
    """The venv's python with qutebrowser installed (installing it if needed), or None and why."""
    python = venv_python(venv)
    stamp = venv / ".nework-bench-ready"
    if stamp.is_file() and python.exists():
        return python, ""
    base = getattr(sys, "_base_executable", sys.executable)
    with log.open("ab") as out:
        steps = [
            [base, "-m", "venv", str(venv)],
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--quiet",
                *PACKAGES,
            ],
        ]
        for step in steps:
            if step[0] == base and python.exists():
                continue
            try:
                done = subprocess.run(step, stdout=out, stderr=out, timeout=900, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                return None, f"{' '.join(step[:4])}: {exc}"
            if done.returncode != 0:
                return None, f"'{' '.join(step[2:5])}' failed (exit {done.returncode}, see {log})"
    stamp.write_text("ok\n", encoding="utf-8")
    return python, ""


def versions(python: Path) -> dict[str, str]:
    """qutebrowser's, PyQt6's and its Qt's versions (from the venv's package metadata)."""
    script = (
        "import importlib.metadata as m, json;"
        "print(json.dumps({n: m.version(n) for n in "
        "('qutebrowser', 'PyQt6', 'PyQt6-Qt6', 'PyQt6-WebEngine', 'PyQt6-WebEngine-Qt6')}))"
    )
    try:
        done = subprocess.run(
            [str(python), "-c", script], capture_output=True, text=True, timeout=60, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    import json

    data = json.loads(done.stdout)
    return {str(k): str(v) for k, v in data.items()}


def command(python: Path, url: str) -> list[str]:
    settings: list[str] = []
    for name, value in QUIET_SETTINGS:
        settings += ["-s", name, value]
    return [
        str(python),
        "-m",
        "qutebrowser",
        "--temp-basedir",
        "--no-err-windows",  # headless: log a fatal error and exit, never wait on a dialog
        "--backend",
        "webengine",
        "--json-logging",
        "--loglevel",
        "debug",
        "--logfilter",
        "webview",
        *settings,
        url,
    ]


def load_matcher(log: Path, start_wall_ns: int, url: str) -> LogMatcher:
    """Reads qutebrowser's log for ``page-loaded`` / ``page-load-failed`` of ``url``."""
    marker = f"url='{url}'"

    def match(record: dict[str, object]) -> str | None:
        message = record.get("message")
        if not isinstance(message, str) or not message.startswith("load status for "):
            return None
        if marker not in message:
            return None
        if message.endswith(("LoadStatus.success", "LoadStatus.success_https")):
            return "page-loaded"
        if message.endswith("LoadStatus.error"):
            return "page-load-failed"
        return None

    return LogMatcher(log, start_wall_ns, match)
