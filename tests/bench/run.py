"""The benchmark runner: ``python -m tests.bench [--rounds N] [--json] [--only P1,P4] [--quick]``.

Five figures, each against its baseline, measured side by side in one run, alternating the order
of the variants round by round after a warm-up, reported as medians and ratios (ours / baseline):

P1  process start → consent dialog's first frame, vs a bare PySide6 ``QDialog`` of the same size
    and (issue 15) vs a bare ``QDialog`` + ``QTextBrowser`` showing the same policy text, and vs
    the same dialog written with PySide6 alone (``baselines/same_dialog.py``: the toolkit's own)
P2  process start (consented, signed in) → workspace page loaded, vs a bare ``QWebEngineView``
    loading the same URL, and vs qutebrowser loading it
P3  peak RSS at the consent dialog and at the workspace (P1's and P2's runs), vs the same
P4  ``uninstall-cleanup --yes --json`` of a generated profile, vs ``rm -rf`` of an identical tree
P5  ``status --json`` vs ``python -c pass``, and vs a minimal program that reads the same files
    and prints the same JSON (``baselines/status_minimal.py``)

For P1 and P2 the app's own ``--startup-timing`` marks (:mod:`nework_desktop.app.marks`) are
printed as a breakdown (:mod:`tests.bench.breakdown`): where the time before the event goes.
Where a target is missed, the ratio to the minimal program doing the same work is judged against
:data:`MINIMAL_TARGET` (1.1×).

Every process runs with ``QT_QPA_PLATFORM=offscreen``, ``QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox``,
a fresh ``HOME`` and ``XDG_RUNTIME_DIR`` of its own and (the app) a ``--basedir`` in the run's
temporary folder.  Python bytecode is cached in that folder (``PYTHONPYCACHEPREFIX``; the warm-up
fills it), as an installed app has its ``.pyc`` files, whatever ``PYTHONDONTWRITEBYTECODE`` says.
How times and memory are read: :mod:`tests.bench.measure`.  The reference service
(``tests.refservice``) runs on 127.0.0.1; nothing else is contacted.

The signed-in state of P2 needs a keyring that persists between processes: on Linux the runner
restarts itself inside ``scripts/with-test-keyring`` (a private D-Bus session and gnome-keyring
daemon, the real Secret Service), elsewhere -- or with ``--keyring file`` -- it uses
:mod:`tests.bench.filekeyring`.  The Secret Service is Linux's: every call opens a D-Bus
connection and an encrypted session, which the shipping platforms' keyrings (Windows Credential
Manager, macOS Keychain: calls inside the process) do not; ``--keyring file`` shows P2 and P3
without that cost (keyring's own import stays).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tests.bench import qutebrowser
from tests.bench.breakdown import Breakdown
from tests.bench.measure import EventSource, Sample, TimingFile, run_to_exit, run_until
from tests.bench.tree import plan_tree, write_tree

REPO = Path(__file__).resolve().parents[2]
FIGURES = ("P1", "P2", "P3", "P4", "P5")
TARGETS = {"P1": 1.2, "P2": 1.15, "P3": 1.15, "P4": 1.2, "P5": 2.0}
#: Issue 15: the peak RSS at the workspace within 10 % of the bare view's (P3 at the dialog: 15 %).
P3_WORKSPACE_TARGET = 1.10
#: Where a target is missed: the app against a minimal program doing the same work (issue 15).
MINIMAL_TARGET = 1.1
#: Issue 15: P2 within half of qutebrowser's time (issue 6 asked only to beat it, < 1×).
P2_QUTEBROWSER_TARGET = 0.5
QUTE_VENV = REPO / "build" / "bench-venv"
ENV_REEXEC = "NEWORK_BENCH_REEXEC"
SIGN_IN_ADDRESS = "bench@example.com"
DEFAULT_TREE_FILES = 50_000
DEFAULT_TREE_BYTES = 1 << 30

Json = dict[str, Any]


@dataclass
class Options:
    rounds: int = 9
    warmup: int = 1
    tree_rounds: int = 5
    tree_files: int = DEFAULT_TREE_FILES
    tree_bytes: int = DEFAULT_TREE_BYTES
    only: tuple[str, ...] = FIGURES
    as_json: bool = False
    keep: bool = False
    use_qutebrowser: bool = True
    quick: bool = False
    #: Run the app from this folder's ``nework_desktop`` (a what-if copy) instead of the repo's.
    app_root: Path | None = None
    #: "secret-service" (Linux: the real one, in a private keyring daemon; the default where it
    #: can run) or "file": :mod:`tests.bench.filekeyring`, a local backend like the shipping
    #: platforms' (Windows Credential Manager, macOS Keychain: calls in the process, no D-Bus).
    keyring: str = "secret-service"


@dataclass
class Series:
    """The samples of one variant of one figure."""

    what: str
    values: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    def to_json(self, digits: int = 1) -> Json:
        med = self.median
        return {
            "what": self.what,
            "median": None if med is None else round(med, digits),
            "samples": [round(v, digits) for v in self.values],
            "errors": self.errors,
        }


def ratio(ours: float | None, base: float | None) -> float | None:
    if ours is None or base is None or base <= 0:
        return None
    return round(ours / base, 3)


def versus(keys: tuple[str, str, str], ours: Series, other: Series) -> Json:
    """A second baseline's JSON under ``keys`` (its series, the ratio, the verdict at 1.1×)."""
    value = ratio(ours.median, other.median)
    return dict(zip(keys, (other.to_json(), value, verdict(value, MINIMAL_TARGET)), strict=True))


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "n/a"
    return "meets" if value <= target else "MISSES"


# -- the environment of every measured process ------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def machine() -> Json:
    cpu = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with contextlib.suppress(OSError), open("/proc/meminfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
                break
    from importlib.metadata import PackageNotFoundError, version

    try:
        pyside = version("PySide6")
    except PackageNotFoundError:
        pyside = "?"
    return {
        "cpu": cpu or platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gib": round(mem_kib / (1 << 20), 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": pyside,
    }


class Bench:
    """One benchmark run: a temporary folder, the reference service, the figures."""

    def __init__(self, options: Options, work: Path, err: TextIO) -> None:
        self.o = options
        self.work = work
        self.err = err
        self.python = sys.executable
        self.pycache = work / "pycache"
        self.keyring = (
            "secret-service"
            if options.keyring == "secret-service"
            and os.environ.get("NEWORK_TEST_KEYRING") == "secret-service"
            else "file (tests/bench/filekeyring.py)"
        )
        self.keyring_file = work / "bench-keyring.json"
        self.service_url: str | None = None
        self.service_log = work / "refservice.log"
        self._service: subprocess.Popen[bytes] | None = None
        self._runs = 0
        self._short: dict[Path, Path] = {}
        self.notes: list[str] = []
        self.dialog_size = "960x720"
        self.window_size = "960x640"
        (work / "logs").mkdir(parents=True, exist_ok=True)

    # -- helpers ---------------------------------------------------------------------------

    def say(self, text: str) -> None:
        print(text, file=self.err, flush=True)

    def run_dir(self, label: str) -> Path:
        self._runs += 1
        folder = self.work / "runs" / f"{self._runs:04d}-{label}"
        (folder / "home").mkdir(parents=True, mode=0o700)
        # TMPDIR and XDG_RUNTIME_DIR on short paths: sockets live there, and a Unix socket's
        # path must stay under 108 bytes (qutebrowser's IPC socket is
        # $TMPDIR/qutebrowser-basedir-XXXXXXXX/runtime/ipc-<md5> with --temp-basedir).
        short = self.work / "t" / str(self._runs)
        (short / "r").mkdir(parents=True, mode=0o700)
        self._short[folder] = short
        return folder

    def drop_run(self, folder: Path) -> None:
        """Remove a run's folders (unless --keep)."""
        if not self.o.keep:
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(self._short.pop(folder), ignore_errors=True)

    def env(self, folder: Path, **extra: str) -> dict[str, str]:
        drop = ("NEWORK_", "XDG_", "QT_", "QTWEBENGINE_", "PYTHONDONTWRITEBYTECODE", "PYTHONHOME")
        env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
        env.pop(ENV_REEXEC, None)
        env.update(
            HOME=str(folder / "home"),
            XDG_RUNTIME_DIR=str(self._short[folder] / "r"),
            TMPDIR=str(self._short[folder]),
            QT_QPA_PLATFORM="offscreen",
            QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",
            PYTHONPATH=os.pathsep.join(
                [str(self.o.app_root)] * (self.o.app_root is not None) + [str(REPO)]
            ),
            PYTHONPYCACHEPREFIX=str(self.pycache),
            LANG="C.UTF-8",
        )
        env.pop("LC_ALL", None)
        if self.keyring != "secret-service":
            env["PYTHON_KEYRING_BACKEND"] = "tests.bench.filekeyring.FileKeyring"
            env["NEWORK_BENCH_KEYRING_FILE"] = str(self.keyring_file)
        if self.service_url:
            env["NEWORK_SERVICE_URL"] = self.service_url
        env.update(extra)
        return env

    def app(self, *args: str) -> list[str]:
        return [self.python, "-m", "nework_desktop", *args]

    def baseline(self, name: str, *args: str) -> list[str]:
        return [self.python, "-m", f"tests.bench.baselines.{name}", *args]

    def measure(
        self,
        label: str,
        command: Callable[[Path], list[str]],
        *,
        want: str,
        timeout: float,
        source: Callable[[Path], Callable[[int, int], EventSource]] | None = None,
        prepare: Callable[[Path], None] | None = None,
        env_extra: dict[str, str] | None = None,
    ) -> Sample:
        """One GUI run in a fresh folder; the folder goes afterwards, the log stays."""
        folder = self.run_dir(label)
        if prepare is not None:
            prepare(folder)
        timing = folder / "timing.jsonl"
        log = self.work / "logs" / f"{folder.name}.log"
        log.parent.mkdir(exist_ok=True)

        def timing_source(start_mono: int, _wall: int) -> EventSource:
            return TimingFile(timing, start_mono)

        sample = run_until(
            command(folder),
            want=want,
            env=self.env(folder, **(env_extra or {})),
            cwd=folder,
            log=log,
            source=source(log) if source is not None else timing_source,
            timeout=timeout,
        )
        self.drop_run(folder)
        return sample

    # -- the reference service -------------------------------------------------------------

    def start_service(self) -> str:
        if self.service_url is not None:
            return self.service_url
        port = free_port()
        folder = self.run_dir("refservice")
        out = self.service_log.open("wb")
        self._service = subprocess.Popen(
            [self.python, "-m", "tests.refservice", "--port", str(port), "--resend-after", "0"],
            env=self.env(folder),
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            health = f"{url}/api/v1/health"
            with contextlib.suppress(OSError), urllib.request.urlopen(health, timeout=1) as reply:  # noqa: S310
                if reply.status == 200:
                    self.service_url = url
                    return url
            if self._service.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"the reference service did not start (see {self.service_log})")

    def service_requests(self) -> list[str]:
        """Requests the reference service logged so far ("METHOD /path" lines)."""
        try:
            lines = self.service_log.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        verbs = ("GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "PATCH ")
        return [line for line in lines if line.startswith(verbs)]

    def stop_service(self) -> None:
        proc, self._service = self._service, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    # -- rounds ----------------------------------------------------------------------------

    def rounds(self, variants: Sequence[str], count: int) -> Iterator[tuple[int, list[str]]]:
        """Round numbers with the order of the variants rotated each round."""
        for number in range(count):
            shift = number % len(variants)
            yield number, [*variants[shift:], *variants[:shift]]

    # -- P1 (and P3 at the dialog) -------------------------------------------------------------

    def p1(self) -> tuple[Series, Series, Series, Series, Json]:
        ours = Series("nework-desktop: start → consent dialog first frame")
        base = Series("bare PySide6 QDialog of the same size: start → first frame")
        alone = Series("what-if: the consent dialog alone, no bootstrap: start → first frame")
        text = Series(
            "bare QDialog + QTextBrowser showing the same policy text (setMarkdown): "
            "start → first frame"
        )
        text_rss = Series("bare QDialog + QTextBrowser: peak RSS (MiB)")
        same = Series(
            "the consent dialog's first frame written with PySide6 alone (same widgets, same "
            "texts, json only): start → first frame"
        )
        same_rss = Series("the same dialog with PySide6 alone: peak RSS (MiB)")
        where = Breakdown()
        ours_rss = Series("nework-desktop at the consent dialog: peak RSS (MiB)")
        base_rss = Series("bare QDialog: peak RSS (MiB)")
        alone_rss = Series("the consent dialog alone: peak RSS (MiB)")
        url = self.start_service()
        before = len(self.service_requests())

        #: The baselines' module and whether it takes the dialog's size.
        baselines = {
            "bare": ("bare_window", True),
            "text": ("bare_text", True),
            "same": ("same_dialog", True),
            "alone": ("consent_only", False),
        }

        def command(variant: str, folder: Path) -> list[str]:
            timing = ("--startup-timing", str(folder / "timing.jsonl"))
            if variant == "ours":
                return self.app("--basedir", str(folder / "base"), *timing)
            module, sized = baselines[variant]
            return self.baseline(module, *timing, *(("--size", self.dialog_size) if sized else ()))

        def run(variant: str) -> Sample:
            return self.measure(
                f"p1-{variant}",
                lambda f: command(variant, f),
                want="first-frame",
                timeout=60,
            )

        for _ in range(self.o.warmup):
            probe = run("ours")
            frame = [r for r in probe.records if r.get("event") == "first-frame"]
            if frame:
                self.dialog_size = f"{frame[0].get('w')}x{frame[0].get('h')}"
                if frame[0].get("window") != "ConsentDialog":
                    self.notes.append(f"P1: first window was {frame[0].get('window')}")
            for name in baselines:
                run(name)
        slots = {
            "ours": (ours, ours_rss),
            "bare": (base, base_rss),
            "text": (text, text_rss),
            "same": (same, same_rss),
            "alone": (alone, alone_rss),
        }
        for number, order in self.rounds(("ours", *baselines), self.o.rounds):
            line = []
            for variant in order:
                sample = run(variant)
                series, rss = slots[variant]
                if sample.ms is None:
                    series.errors.append(sample.error or "?")
                    line.append(f"{variant} failed ({sample.error})")
                    continue
                series.values.append(sample.ms)
                rss.values.append((sample.rss_kib or 0) / 1024)
                if variant == "ours":
                    where.add(sample.events)
                line.append(f"{variant} {sample.ms:.0f} ms")
            self.say(f"  P1 round {number + 1}/{self.o.rounds}: " + ", ".join(line))
        self.say(f"  P1 where the time goes (medians, ms): {where.text()}")
        extra = {
            "dialog_size": self.dialog_size,
            "service_requests_before_consent": self.service_requests()[before:],
            "service_url": url,
            "what_if_dialog_alone": alone.to_json(),
            "what_if_dialog_alone_ratio": ratio(alone.median, base.median),
            "what_if_dialog_alone_rss": alone_rss.to_json(),
            **versus(_VS_TEXT, ours, text),
            **versus(_VS_TEXT_RSS, ours_rss, text_rss),
            **versus(_VS_SAME, ours, same),
            **versus(_VS_SAME_RSS, ours_rss, same_rss),
            "breakdown": where.to_json(),
        }
        return ours, base, ours_rss, base_rss, extra

    # -- P2 (and P3 at the workspace) ----------------------------------------------------------

    def prepare_signed_in(self) -> Path:
        """A basedir with consent on record and an e-mail account signed in (keyring entries)."""
        state = self.work / "p2-state"
        folder = self.run_dir("p2-prepare")
        log = self.work / "logs" / "p2-prepare.log"
        log.parent.mkdir(exist_ok=True)
        steps = f"accept-consent,sign-in-email:{SIGN_IN_ADDRESS},quit"
        ms, code = run_to_exit(
            self.app("--basedir", str(state), "--automate", steps),
            env=self.env(folder),
            cwd=folder,
            log=log,
            timeout=120,
        )
        text = log.read_text(encoding="utf-8", errors="replace")
        if code != 0 or "signed in by e-mail" not in text:
            raise RuntimeError(f"preparing the signed-in state failed (exit {code}; see {log})")
        self.say(f"  P2: consented and signed-in state prepared in {ms / 1000:.1f} s ({state})")
        return state

    def p2(self) -> tuple[dict[str, Series], dict[str, Series], Json]:
        url = self.start_service()
        page = f"{url}/workspace"
        state = self.prepare_signed_in()
        series = {
            "ours": Series("nework-desktop (consented, signed in): start → workspace loaded"),
            "bare": Series("bare QWebEngineView: start → same URL loaded"),
            "qutebrowser": Series("qutebrowser --temp-basedir: start → same URL loaded"),
        }
        rss = {
            "ours": Series("nework-desktop at the workspace: peak RSS of the process tree (MiB)"),
            "bare": Series("bare QWebEngineView: peak RSS of the process tree (MiB)"),
            "qutebrowser": Series("qutebrowser: peak RSS of the process tree (MiB)"),
        }
        extra: Json = {"url": page, "keyring": self.keyring}
        qute_python: Path | None = None
        if self.o.use_qutebrowser:
            self.say("  P2: qutebrowser venv (build/bench-venv; created on first use) ...")
            qute_python, why = qutebrowser.ensure(QUTE_VENV, self.work / "logs" / "qute-pip.log")
            if qute_python is None:
                series["qutebrowser"].errors.append(f"not available: {why}")
                extra["qutebrowser_status"] = f"not available: {why}"
            else:
                extra["qutebrowser_versions"] = qutebrowser.versions(qute_python)
        else:
            extra["qutebrowser_status"] = "skipped (--no-qutebrowser)"

        def copy_state(folder: Path) -> None:
            shutil.copytree(state, folder / "base", symlinks=True)

        def ours_cmd(folder: Path) -> list[str]:
            return self.app(
                "--basedir", str(folder / "base"), "--startup-timing", str(folder / "timing.jsonl")
            )

        # Probe (and warm-up): does the app open the workspace at all?
        before = len(self.service_requests())
        probe = self.measure(
            "p2-probe", ours_cmd, want="page-loaded", timeout=30, prepare=copy_state
        )
        extra["service_requests_probe"] = self.service_requests()[before:]
        available = probe.ms is not None
        frame = [r for r in probe.records if r.get("event") == "first-frame"]
        if frame:
            self.window_size = f"{frame[0].get('w')}x{frame[0].get('h')}"
        if not available:
            shown = frame[0].get("window") if frame else None
            web = [c for c in probe.children if c.lower().startswith("qtwebengine")]
            why = (
                f"the app showed {shown} after {probe.events.get('first-frame', 0):.0f} ms "
                f"but reported no page-loaded and started no QtWebEngineProcess ({probe.error})"
                if frame and not web
                else f"no page-loaded: {probe.error}"
            )
            extra["workspace"] = f"not available yet: {why}"
            series["ours"] = Series(
                "nework-desktop (consented, signed in): start → main window first frame "
                "(the workspace is not wired into the app yet)"
            )
            self.say(f"  P2: workspace not available yet ({why})")

        def run(variant: str) -> Sample:
            if variant == "ours":
                return self.measure(
                    "p2-ours",
                    ours_cmd,
                    want="page-loaded" if available else "first-frame",
                    timeout=60,
                    prepare=copy_state,
                )
            if variant == "bare":
                return self.measure(
                    "p2-bare",
                    lambda f: self.baseline(
                        "bare_webview",
                        "--startup-timing",
                        str(f / "timing.jsonl"),
                        "--url",
                        page,
                        "--size",
                        self.window_size,
                    ),
                    want="page-loaded",
                    timeout=60,
                )
            assert qute_python is not None
            python = qute_python

            def qute_source(log: Path) -> Callable[[int, int], EventSource]:
                return lambda _mono, wall: qutebrowser.load_matcher(log, wall, page)

            return self.measure(
                "p2-qutebrowser",
                lambda f: qutebrowser.command(python, page),
                want="page-loaded",
                timeout=90,
                source=qute_source,
            )

        variants = ["ours", "bare"] + (["qutebrowser"] if qute_python is not None else [])
        frames = {
            "ours": Series("nework-desktop: start → main window first frame (same runs)"),
            "bare": Series("bare QWebEngineView: start → first frame (same runs)"),
            "qutebrowser": Series("(not reported)"),
        }
        where = Breakdown()
        for _ in range(self.o.warmup):
            for variant in variants[1:]:
                run(variant)
        for number, order in self.rounds(variants, self.o.rounds):
            line = []
            for variant in order:
                sample = run(variant)
                if sample.ms is None:
                    series[variant].errors.append(sample.error or "?")
                    line.append(f"{variant} failed ({sample.error})")
                    continue
                series[variant].values.append(sample.ms)
                if variant != "ours" or available:
                    rss[variant].values.append((sample.rss_kib or 0) / 1024)
                if "first-frame" in sample.events:
                    frames[variant].values.append(sample.events["first-frame"])
                if variant == "ours":
                    where.add(sample.events)
                line.append(f"{variant} {sample.ms:.0f} ms")
            self.say(f"  P2 round {number + 1}/{self.o.rounds}: " + ", ".join(line))
        self.say(f"  P2 where the time goes (medians, ms): {where.text()}")
        extra["breakdown"] = where.to_json()
        extra["workspace_available"] = available
        extra["window_size"] = self.window_size
        extra["first_frame"] = {v: frames[v].to_json() for v in ("ours", "bare")}
        return series, rss, extra

    # -- P4 -----------------------------------------------------------------------------------

    def p4(self) -> tuple[Series, Series, Json]:
        from nework_desktop.core.paths import AppPaths

        ours = Series("nework-desktop uninstall-cleanup --yes --json (wall time, s)")
        base = Series("rm -rf of an identical tree (wall time, s)")
        self.say(
            f"  P4: planning a profile of {self.o.tree_files:,} files / "
            f"{self.o.tree_bytes / (1 << 20):,.0f} MiB ..."
        )
        plan = plan_tree(self.o.tree_files, self.o.tree_bytes)
        small = plan_tree(min(500, self.o.tree_files), min(8 << 20, self.o.tree_bytes), seed=1)
        area = self.work / "p4"
        area.mkdir()

        def build(name: str, which: Any) -> Path:
            base_dir = area / name
            paths = AppPaths.from_environment(base_dir)
            paths.ensure("web_profile")  # the data root, with its ownership marker
            paths.ensure("web_cache")  # the cache root, with its ownership marker
            write_tree(base_dir, which)
            return base_dir

        def run(variant: str, base_dir: Path, label: str) -> tuple[float, str | None]:
            folder = self.run_dir(label)
            log = self.work / "logs" / f"{folder.name}.log"
            roots = [base_dir / "data", base_dir / "cache"]
            if variant == "ours":
                command = self.app(
                    "uninstall-cleanup", "--yes", "--json", "--basedir", str(base_dir)
                )
            else:
                command = ["rm", "-rf", *map(str, roots)]
            ms, code = run_to_exit(command, env=self.env(folder), cwd=folder, log=log, timeout=900)
            self.drop_run(folder)
            left = [str(r) for r in roots if r.exists()]
            if code != 0 or left:
                return ms, f"exit {code}, left {left} (see {log})"
            return ms, None

        for _ in range(self.o.warmup):
            a, b = build("warm-ours", small), build("warm-rm", small)
            os.sync()
            run("ours", a, "p4-warm-ours")
            run("rm", b, "p4-warm-rm")
        gen_s: list[float] = []
        for number, order in self.rounds(("ours", "rm"), self.o.tree_rounds):
            started = time.monotonic()
            trees = {"ours": build(f"r{number}-ours", plan), "rm": build(f"r{number}-rm", plan)}
            os.sync()  # both trees on disk before either is deleted; the page cache stays warm
            gen_s.append(time.monotonic() - started)
            line = []
            for variant in order:
                ms, problem = run(variant, trees[variant], f"p4-{variant}")
                series = ours if variant == "ours" else base
                if problem:
                    series.errors.append(problem)
                    line.append(f"{variant} failed ({problem})")
                else:
                    series.values.append(ms / 1000)
                    line.append(f"{variant} {ms / 1000:.2f} s")
                shutil.rmtree(trees[variant], ignore_errors=True)
            self.say(
                f"  P4 round {number + 1}/{self.o.tree_rounds} (trees written in "
                f"{gen_s[-1]:.0f} s): " + ", ".join(line)
            )
        extra = {
            "files": len(plan.files),
            "bytes": plan.total_bytes,
            "folders": len(plan.folders),
            "deepest": max(f.count("/") + 1 for f in plan.folders),
            "generation_s": [round(g, 1) for g in gen_s],
        }
        return ours, base, extra

    # -- P5 -----------------------------------------------------------------------------------

    def p5(self) -> tuple[Series, Series, Json]:
        ours = Series("nework-desktop status --json (wall time, ms)")
        base = Series("python -c pass (wall time, ms)")
        minimal = Series(
            "tests/bench/baselines/status_minimal.py: reads the same files, prints the same "
            "JSON, os + json only (wall time, ms)"
        )
        count = self.o.rounds * 3
        outputs: dict[str, bytes] = {}

        def run(variant: str) -> tuple[float, int]:
            folder = self.run_dir(f"p5-{variant}")
            log = self.work / "logs" / f"{folder.name}.log"
            log.parent.mkdir(exist_ok=True)
            if variant == "ours":
                command = self.app("status", "--json", "--basedir", str(folder / "base"))
            elif variant == "minimal":
                command = self.baseline("status_minimal", "--basedir", str(folder / "base"))
            else:
                command = [self.python, "-c", "pass"]
            result = run_to_exit(command, env=self.env(folder), cwd=folder, log=log, timeout=60)
            # The same output, but for the folder's name: compare the runs' JSON without it.
            outputs[variant] = log.read_bytes().replace(str(folder).encode(), b"<run>")
            self.drop_run(folder)
            return result

        for _ in range(self.o.warmup):
            run("ours")
            run("base")
            run("minimal")
        same = "ours" in outputs and outputs.get("ours") == outputs.get("minimal")
        if not same:
            minimal.errors.append("its output differs from status --json's")
        slots = {"ours": ours, "base": base, "minimal": minimal}
        for _number, order in self.rounds(("ours", "base", "minimal"), count):
            for variant in order:
                ms, code = run(variant)
                series = slots[variant]
                if code != 0:
                    series.errors.append(f"exit {code}")
                else:
                    series.values.append(ms)
        self.say(
            f"  P5 ({count} rounds): status {ours.median or 0:.0f} ms, "
            f"python -c pass {base.median or 0:.0f} ms, "
            f"the minimal program {minimal.median or 0:.0f} ms"
            + ("" if same else " (its output differs!)")
        )
        extra: Json = {
            **versus(_VS_MINIMAL, ours, minimal),
            "minimal_output_identical": same,
        }
        return ours, base, extra


# -- the report -------------------------------------------------------------------------------


def _figure(ours: Series, base: Series, target: float, digits: int = 1) -> Json:
    r = ratio(ours.median, base.median)
    return {
        "ours": ours.to_json(digits),
        "baseline": base.to_json(digits),
        "ratio": r,
        "target": target,
        "verdict": verdict(r, target),
    }


def collect(bench: Bench) -> Json:
    o = bench.o
    out: Json = {}
    if "P5" in o.only:
        bench.say("P5: status --json vs python -c pass")
        ours5, base5, extra5 = bench.p5()
        out["P5"] = {"unit": "ms", **_figure(ours5, base5, TARGETS["P5"]), **extra5}
    p1 = None
    if "P1" in o.only or "P3" in o.only:
        bench.say("P1: start → consent dialog first frame, vs a bare QDialog")
        p1 = bench.p1()
        if "P1" in o.only:
            out["P1"] = {"unit": "ms", **_figure(p1[0], p1[1], TARGETS["P1"]), **p1[4]}
    p2 = None
    if "P2" in o.only or "P3" in o.only:
        bench.say("P2: start → workspace loaded, vs a bare QWebEngineView and qutebrowser")
        p2 = bench.p2()
        if "P2" in o.only:
            series, _, extra = p2
            fig = {"unit": "ms", **_figure(series["ours"], series["bare"], TARGETS["P2"])}
            fig["qutebrowser"] = series["qutebrowser"].to_json()
            fig["ratio_vs_qutebrowser"] = ratio(series["ours"].median, series["qutebrowser"].median)
            available = bool(extra.get("workspace_available"))
            if not available:
                fig["ratio"] = None
                fig["ratio_vs_qutebrowser"] = None
                fig["verdict"] = "n/a"
            else:
                vs_qute = fig["ratio_vs_qutebrowser"]
                beats = vs_qute is not None and vs_qute <= P2_QUTEBROWSER_TARGET
                fig["target_vs_qutebrowser"] = P2_QUTEBROWSER_TARGET
                fig["verdict_vs_qutebrowser"] = "meets" if beats else "MISSES"
                if fig["ratio_vs_qutebrowser"] is None:
                    fig["verdict_vs_qutebrowser"] = "n/a"
            out["P2"] = {**fig, **extra}
    if "P3" in o.only:
        fig3: Json = {"unit": "MiB", "target": TARGETS["P3"]}
        if p1 is not None:
            fig3["dialog"] = _figure(p1[2], p1[3], TARGETS["P3"])
            fig3["ratio_dialog"] = fig3["dialog"]["ratio"]
        if p2 is not None:
            _, rss, extra = p2
            fig3["workspace"] = _figure(rss["ours"], rss["bare"], P3_WORKSPACE_TARGET)
            fig3["workspace"]["qutebrowser"] = rss["qutebrowser"].to_json()
            if not extra.get("workspace_available"):
                fig3["workspace"]["ours"]["errors"].append("workspace not available yet")
            fig3["ratio_workspace"] = fig3["workspace"]["ratio"]
        fig3["method"] = (
            "sum of VmHWM (/proc/<pid>/status) over the started process and its descendants, "
            "read when the harness sees the first-frame / page-loaded event"
        )
        out["P3"] = fig3
    if "P4" in o.only:
        bench.say("P4: uninstall-cleanup vs rm -rf of an identical tree")
        ours4, base4, extra4 = bench.p4()
        out["P4"] = {"unit": "s", **_figure(ours4, base4, TARGETS["P4"], digits=3), **extra4}
    return {k: out[k] for k in FIGURES if k in out}


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.0f} ms"


#: Where a figure keeps its second baseline: (the baseline's series, the ratio, the verdict).
_VS_TEXT = ("baseline_text", "ratio_vs_text", "verdict_vs_text")
_VS_TEXT_RSS = ("baseline_text_rss", "ratio_rss_vs_text", "verdict_rss_vs_text")
_VS_SAME = ("baseline_same", "ratio_vs_same", "verdict_vs_same")
_VS_SAME_RSS = ("baseline_same_rss", "ratio_rss_vs_same", "verdict_rss_vs_same")
_VS_MINIMAL = ("minimal", "ratio_vs_minimal", "verdict_vs_minimal")


def table(result: Json) -> str:
    rows: list[tuple[str, str, str, str, str, str]] = []

    def add(name: str, unit: str, ours: object, base: object, **how: object) -> None:
        """One row; ``how``: ``ratio``, ``target`` (text), ``verdict`` (all optional)."""
        ratio = how.get("ratio")
        rows.append(
            (
                name,
                _fmt(ours if isinstance(ours, int | float) else None, unit),
                _fmt(base if isinstance(base, int | float) else None, unit),
                f"{ratio:.2f}×" if isinstance(ratio, int | float) else "—",
                str(how.get("target", "(info)")),
                str(how.get("verdict", "")),
            )
        )

    def row(name: str, fig: Json, unit: str, target: float) -> None:
        ours, base = fig["ours"]["median"], fig["baseline"]["median"]
        verdict_text = fig.get("verdict", "n/a")
        add(
            name,
            unit,
            ours,
            base,
            ratio=fig.get("ratio"),
            target=f"≤ {target:g}×",
            verdict=verdict_text,
        )

    def second(name: str, fig: Json, unit: str, keys: tuple[str, str, str]) -> None:
        other, ratio, verdict_text = (fig.get(k) for k in keys)
        if isinstance(other, dict):
            target = f"≤ {MINIMAL_TARGET:g}×"
            ours = fig["ours"]["median"]
            add(
                name,
                unit,
                ours,
                other.get("median"),
                ratio=ratio,
                target=target,
                verdict=verdict_text,
            )

    if "P1" in result:
        p1 = result["P1"]
        row("P1 consent dialog first frame (vs bare QDialog)", p1, "ms", TARGETS["P1"])
        second("  vs bare QDialog + QTextBrowser, same text", p1, "ms", _VS_TEXT)
        second("  vs the same dialog with PySide6 alone", p1, "ms", _VS_SAME)
        alone = p1.get("what_if_dialog_alone")
        if isinstance(alone, dict):
            name = "  what-if: the consent dialog alone (vs bare QDialog)"
            ratio = p1.get("what_if_dialog_alone_ratio")
            add(name, "ms", alone.get("median"), p1["baseline"]["median"], ratio=ratio)
    if "P2" in result:
        fig = result["P2"]
        row("P2 workspace loaded (vs bare QWebEngineView)", fig, "ms", TARGETS["P2"])
        frames = fig.get("first_frame")
        if isinstance(frames, dict) and fig.get("workspace_available"):
            name = "  same runs: first frame (main window / bare view)"
            add(name, "ms", frames["ours"]["median"], frames["bare"]["median"])
        add(
            "P2 workspace loaded (vs qutebrowser)",
            "ms",
            fig["ours"]["median"],
            fig["qutebrowser"]["median"],
            ratio=fig.get("ratio_vs_qutebrowser"),
            target=f"≤ {P2_QUTEBROWSER_TARGET}×",
            verdict=fig.get("verdict_vs_qutebrowser", "n/a"),
        )
    if "P3" in result:
        for key, label in (("dialog", "consent dialog"), ("workspace", "workspace")):
            if key not in result["P3"]:
                continue
            part = result["P3"][key]
            row(f"P3 peak RSS at the {label}", part, "MiB", part.get("target", TARGETS["P3"]))
            p1 = result.get("P1")
            if key == "dialog" and isinstance(p1, dict):
                name = "  vs bare QDialog + QTextBrowser, same text"
                second(name, {**p1, "ours": part["ours"]}, "MiB", _VS_TEXT_RSS)
                name = "  vs the same dialog with PySide6 alone"
                second(name, {**p1, "ours": part["ours"]}, "MiB", _VS_SAME_RSS)
    if "P4" in result:
        row("P4 uninstall-cleanup (vs rm -rf)", result["P4"], "s", TARGETS["P4"])
    if "P5" in result:
        row("P5 status --json (vs python -c pass)", result["P5"], "ms", TARGETS["P5"])
        second("  vs a minimal program, same files, same JSON", result["P5"], "ms", _VS_MINIMAL)
    header = ("figure", "ours", "baseline", "ratio", "target", "verdict")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    notes = []
    p2 = result.get("P2")
    if p2 is not None and not p2.get("workspace_available"):
        notes.append(f"P2: workspace not available yet — {p2.get('workspace', '')}")
        notes.append(
            f"    (measured instead: start → main window first frame, "
            f"median {_fmt(p2['ours']['median'], 'ms')})"
        )
    if p2 is not None and p2.get("qutebrowser_status"):
        notes.append(f"P2: qutebrowser {p2['qutebrowser_status']}")
    for key in FIGURES:
        fig = result.get(key)
        if not isinstance(fig, dict):
            continue
        for part in (fig, fig.get("dialog"), fig.get("workspace")):
            if not isinstance(part, dict):
                continue
            for side in ("ours", "baseline", "qutebrowser"):
                errors = (
                    part.get(side, {}).get("errors") if isinstance(part.get(side), dict) else None
                )
                if errors:
                    notes.append(f"{key} {side}: {len(errors)} failed run(s): {errors[0]}")
    return "\n".join(lines + notes)


# -- entry point ------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="NeWork Desktop benchmark: P1-P5 against the bare stack and qutebrowser.",
    )
    parser.add_argument("--rounds", type=int, default=None, help="measured rounds (default 9)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--only", default=None, help="comma-separated figures, e.g. P1,P4")
    parser.add_argument(
        "--quick", action="store_true", help="smoke test: 2 rounds, a 2,000-file / 32 MiB tree"
    )
    parser.add_argument("--tree-rounds", type=int, default=None, help="P4 rounds (default 5)")
    parser.add_argument("--tree-files", type=int, default=None, help="P4 files (default 50,000)")
    parser.add_argument("--tree-mib", type=int, default=None, help="P4 MiB in all (default 1024)")
    parser.add_argument("--no-qutebrowser", action="store_true", help="skip the peer in P2")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--keyring",
        choices=("secret-service", "file"),
        default="secret-service",
        help="P2's keyring: the real Secret Service where it can run (default), or a local file"
        " backend, in-process like Windows' and macOS' keyrings",
    )
    parser.add_argument(
        "--app-root",
        type=Path,
        default=None,
        help="what-if runs: import nework_desktop from this folder (a modified copy)",
    )
    args = parser.parse_args(argv)
    o = Options(quick=args.quick, as_json=args.json, keep=args.keep, keyring=args.keyring)
    if args.quick:
        o.rounds, o.tree_rounds, o.tree_files, o.tree_bytes = 2, 1, 2_000, 32 << 20
    if args.rounds is not None:
        o.rounds = max(1, args.rounds)
    if args.tree_rounds is not None:
        o.tree_rounds = max(1, args.tree_rounds)
    if args.tree_files is not None:
        o.tree_files = max(1, args.tree_files)
    if args.tree_mib is not None:
        o.tree_bytes = max(1, args.tree_mib) << 20
    o.use_qutebrowser = not args.no_qutebrowser
    o.app_root = args.app_root.resolve() if args.app_root is not None else None
    if args.only:
        wanted = tuple(p.strip().upper() for p in args.only.split(",") if p.strip())
        unknown = [p for p in wanted if p not in FIGURES]
        if unknown:
            parser.error(f"unknown figure(s): {', '.join(unknown)} (choose from P1-P5)")
        o.only = tuple(p for p in FIGURES if p in wanted)
    return o


def _maybe_reexec(options: Options, argv: Sequence[str]) -> None:
    """Restart inside a private Secret Service keyring (Linux) when the GUI figures run."""
    needs = {"P1", "P2", "P3"} & set(options.only)
    script = REPO / "scripts" / "with-test-keyring"
    if (
        not needs
        or options.keyring != "secret-service"
        or os.environ.get(ENV_REEXEC)
        or os.environ.get("NEWORK_TEST_KEYRING") == "secret-service"
        or not sys.platform.startswith("linux")
        or not script.is_file()
        or not shutil.which("dbus-run-session")
        or not shutil.which("gnome-keyring-daemon")
    ):
        return
    env = dict(os.environ, **{ENV_REEXEC: "1"})
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvpe(  # noqa: S606
        "bash", ["bash", str(script), sys.executable, "-m", "tests.bench", *argv], env
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    options = parse_args(args)
    _maybe_reexec(options, args)
    work = Path(tempfile.mkdtemp(prefix="nb-"))  # short: see Bench.run_dir
    err = sys.stderr
    bench = Bench(options, work, err)
    started = time.monotonic()
    meta: Json = {
        "machine": machine(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "rounds": options.rounds,
        "warmup": options.warmup,
        "tree_rounds": options.tree_rounds,
        "keyring": bench.keyring,
        "command": "python -m tests.bench " + " ".join(args),
    }
    bench.say(f"NeWork Desktop benchmark: {', '.join(options.only)} (work folder {work})")
    try:
        result = collect(bench)
    finally:
        bench.stop_service()
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    meta["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    meta["duration_s"] = round(time.monotonic() - started, 1)
    meta["notes"] = bench.notes
    result["meta"] = meta
    report = table(result)
    if options.quick:
        report += "\n--quick: a smoke test, not figures (P4's small tree is mostly start-up)"
    m = meta["machine"]
    footer = (
        f"machine: {m['cpu']}, {m['cpus']} CPUs, {m['memory_gib']} GiB, {m['os']}, "
        f"Python {m['python']}, PySide6 {m['pyside6']}; keyring: {bench.keyring}; "
        f"load average {meta['load_average_start'][0]} → {meta['load_average_end'][0]}; "
        f"{meta['duration_s']:.0f} s"
    )
    if options.as_json:
        print(report + "\n" + footer, file=err)
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(report)
        print(footer)
    return 0
