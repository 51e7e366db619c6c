"""Run the real app in an empty sandbox home, wipe, and check that nothing is left.

The run, in order (each app run is a separate process, offscreen unless ``--visible``):

1. refuse a home that is not empty (everything in it at the end counts as residue), create it;
   with ``--service-url``: refuse a URL the app's automation cannot use (not a loopback test
   service) and check that the service answers; refuse to run while the calling user's own
   NeWork is signed in (:func:`entries_in_use`: the keyring is not sandboxed);
2. snapshot the (empty) home;
3. preflight: ``status --json`` with the sandbox environment must succeed, report the requested
   layout and name folders *inside* the home -- otherwise the run stops before the GUI ever
   starts, so that ``uninstall-cleanup --yes`` can never reach a real user's data;
4. the NeWork service for the run: ``--service-url``, or else the reference service that ships
   with the tool (:mod:`nework_desktop.qa.refservice`), started here on 127.0.0.1 for the run;
   when neither is there, the steps that need a service are reported as skipped (the reason);
5. the app steps of :data:`APP_STEPS` -- ``consent`` (``--automate accept-consent,quit``),
   ``sign-in`` (``--automate sign-in-email:qa@example.com,quit``: consent is on record by then),
   ``workspace`` (``--automate open-workspace,quit``: the service's web client in QtWebEngine,
   i.e. a real Chromium profile in the web_profile/web_cache roots -- cookies, local storage,
   IndexedDB, caches -- and the transmission log of the egress rules), ``restart``
   (``--automate quit``: the session must be resumed, not asked for again) -- each followed by
   a check that the process and its children exited and a snapshot; what the step created,
   changed and removed is recorded (files relative to the home, and the keyring entries of ours
   it created or removed);
6. ``status --json``: the roots the app names are recorded (and count as ours in the residue);
7. unless ``--no-cleanup``: ``uninstall-cleanup --yes --json``; its report is kept;
8. a final snapshot -- probing every keyring entry any earlier snapshot saw, since the index is
   gone by then -- diffed against the first one: *everything* there is residue, keyring entries
   included.

The environment is the caller's minus ``XDG_*`` (except ``XDG_RUNTIME_DIR``: a runtime folder
holds sockets, not data, and without it Qt falls back to ``/tmp/runtime-$USER`` with a warning),
``NEWORK_*`` and ``WIN_PD_OVERRIDE_*``, plus ``HOME`` (and ``USERPROFILE`` on Windows) = the
sandbox, ``NEWORK_SIMULATE_OS`` = the layout, ``NEWORK_SERVICE_URL`` = the service (when there is
one) and, for the windows layout, ``APPDATA`` / ``LOCALAPPDATA`` under the sandbox (and the
``WIN_PD_OVERRIDE_*`` pair, which platformdirs honours on a real Windows).  ``nework-desktop
status`` run with the same environment names the same roots.

``QTWEBENGINE_CHROMIUM_FLAGS`` always gets :data:`HOST_RESOLVER_RULES` (any rule of the caller's
is replaced): every host name the web view looks up resolves to 127.0.0.1, so the GA and KARTE
tags of the test service's page -- real Google and PLAID URLs, allowed by the default consent --
can never leave the machine, whatever the egress rules decide.

Verdicts: ``clean`` (exit 0); ``residue`` -- something is left (exit 1); ``failed`` -- nothing is
left but a step did not do what it must (status wrote files, consent wrote nothing, sign-in stored
no session, the restart did not resume it, cleanup reported a failure, processes outlived the app)
(exit 1) -- and for the workspace: the page did not load, no web profile was written in the
roots, the egress rules kept no transmission log, the session did not reach the web client;
``no-cleanup`` (exit 0, or 1 when a step failed); ``error`` -- the run could not go on
(the app crashed, timed out, or printed no report) (exit 3).  The sandbox is left as it is after
an error, for inspection.  A skipped step fails nothing; the report says why it was skipped.

Adding a step is one :class:`AppStep` in :data:`APP_STEPS`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import nework_desktop
from nework_desktop.core.egress import TRANSMISSIONS_NAME
from nework_desktop.core.paths import Layout
from nework_desktop.core.prefs import (
    ENV_SERVICE_URL,
    PrefsError,
    check_service_url,
)
from nework_desktop.core.urls import is_loopback_host
from nework_desktop.qa.common import (
    EXIT_ENVIRONMENT,
    EXIT_OK,
    EXIT_RESIDUE,
    EXIT_USAGE,
    Progress,
    QAError,
)
from nework_desktop.qa.diff import Change, compute_diff, fold_lines
from nework_desktop.qa.junit import Case
from nework_desktop.qa.ownership import (
    CLASSES,
    STRIPPED_PREFIXES,
    Class,
    classify_path,
    classify_registry,
    relative,
)
from nework_desktop.qa.refservice import RefService
from nework_desktop.qa.snapshot import Snapshot, now_utc, take_snapshot

KIND = "nework-qa-lifecycle"
SCHEMA = 1
DEFAULT_TIMEOUT = 120.0
EXIT_GRACE_S = 5.0


@dataclass(frozen=True)
class AppStep:
    """One run of the GUI app, driven by its hidden ``--automate`` option."""

    name: str
    automate: tuple[str, ...]
    #: The step must write something under the home (else the sandbox does not see the app).
    must_write: bool = False
    #: The step talks to the NeWork service: skipped (with the reason) when there is none.
    needs_service: bool = False
    #: The step signs in: it must store a session (keyring entries, when a keyring is usable).
    signs_in: bool = False
    #: The step must resume the session an earlier step stored, without signing in again.
    resumes_session: bool = False
    #: The step opens the workspace: the page must load, in a web profile inside the roots.
    opens_workspace: bool = False

    def argv(self) -> list[str]:
        return ["--automate", ",".join(self.automate)]


#: The address the sign-in step registers (the reference service accepts any).
SIGN_IN_ADDRESS = "qa@example.com"

#: The app steps, in order.  The sign-in step has no ``accept-consent``: consent is on record by
#: then, so the app goes straight to registration (app.py skips registration under automation
#: without a sign-in step, which is why ``consent``, ``workspace`` and ``restart`` need none).
#: ``workspace`` resumes the session and opens the service's web client (the page loads, then
#: the app quits); ``restart`` runs after it, so the app is also started once with a Chromium
#: profile in place (``--automate quit`` alone does not open the workspace).
APP_STEPS: tuple[AppStep, ...] = (
    AppStep("consent", ("accept-consent", "quit"), must_write=True),
    AppStep(
        "sign-in",
        (f"sign-in-email:{SIGN_IN_ADDRESS}", "quit"),
        must_write=True,
        needs_service=True,
        signs_in=True,
    ),
    AppStep(
        "workspace",
        ("open-workspace", "quit"),
        must_write=True,
        needs_service=True,
        opens_workspace=True,
    ),
    AppStep("restart", ("quit",), resumes_session=True),
)

#: Chromium's variable for extra switches; QtWebEngine reads it in every build.
ENV_CHROMIUM_FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS"
#: Always given to the app's web view: every host name resolves to 127.0.0.1 (nothing leaves
#: the machine: an allowed GA request goes to 127.0.0.1:443, where nothing answers).
HOST_RESOLVER_RULES = '--host-resolver-rules="MAP * 127.0.0.1"'
_RESOLVER_SWITCH = re.compile(r'(?<!\S)--host-resolver-rules(?:=(?:"[^"]*"|\S*))?(?!\S)')
#: What the app logs when ``--automate open-workspace`` is done (app.py).
_WORKSPACE_LINE = re.compile(r"\bautomation: workspace (loaded|not loaded)\b")

#: Where the reference service of a run listens (on a free port): this machine only.
REFERENCE_HOST = "127.0.0.1"
#: How a QA engineer starts a test service of their own (in messages).
START_ONE = "'nework-qa refservice --port 8765'"
#: How long the service given with ``--service-url`` gets to answer its health check.
SERVICE_CHECK_TIMEOUT = 10.0

#: What the app logs about its sign-in state at start (app.py, ``_ensure_signed_in``).
_ACCOUNT_LINE = re.compile(r"\baccount: (signed-in|signed-out|sign-in-again)( \(offline\))?")
_SIGN_IN_FAILED = re.compile(r"e-mail sign-in failed: (.*)$")


@dataclass
class StepResult:
    name: str
    command: list[str]
    exit_code: int | None = None
    duration_s: float = 0.0
    files_created: list[str] = field(default_factory=list)
    files_changed: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    #: Labels (``keyring:<service>/<name>``) of our keyring entries the step created / removed.
    keyring_created: list[str] = field(default_factory=list)
    keyring_removed: list[str] = field(default_factory=list)
    problem: str | None = None  # the step did not do what it must (the run went on)
    fatal: str | None = None  # the run stopped here
    skipped: str | None = None  # the step did not run, and why (fails nothing)
    stderr_tail: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def add_problem(self, text: str) -> None:
        self.problem = f"{self.problem}; {text}" if self.problem else text

    def workspace_summary(self) -> str:
        """One line about the web view (workspace steps only; else empty)."""
        if "workspace" not in self.extra:
            return ""
        parts = [f"page {self.extra['workspace'] or 'not reported'}"]
        page = self.extra.get("workspace_page")
        if isinstance(page, dict):
            parts[0] += ", signed in" if page.get("signed_in") else ", not signed in"
        profile = self.extra.get("web_profile_created") or []
        if profile:
            shown = [n for n in ("Cookies", "Local Storage", "IndexedDB") if n in profile]
            more = len(profile) - len(shown)
            parts.append(f"web profile: {', '.join(shown)}" + (f" + {more} more" if more else ""))
        modules: dict[str, list[int]] = {}
        for row in self.extra.get("transmissions") or []:
            if row.get("module"):
                counts = modules.setdefault(str(row["module"]), [0, 0])
                counts[0] += int(row.get("allowed", 0))
                counts[1] += int(row.get("blocked", 0))
        if modules:
            tags = ", ".join(f"{m} {a} allowed/{b} blocked" for m, (a, b) in modules.items())
            parts.append(f"egress log: {tags}")
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "command": self.command,
            "exit_code": self.exit_code,
            "files_created": self.files_created,
            "files_changed": self.files_changed,
            "files_removed": self.files_removed,
            "keyring_entries": self.keyring_created,
            "keyring_entries_removed": self.keyring_removed,
            "duration_s": round(self.duration_s, 3),
            "ok": self.problem is None and self.fatal is None,
        }
        if self.skipped is not None:
            data["skipped"] = self.skipped
        if self.problem or self.fatal:
            data["problem"] = self.fatal or self.problem
        if self.stderr_tail:
            data["stderr_tail"] = self.stderr_tail
        data.update(self.extra)
        return data


@dataclass
class Options:
    layout: Layout
    home: Path
    app: str | None = None
    cleanup: bool = True
    timeout: float = DEFAULT_TIMEOUT
    visible: bool = False
    steps: Sequence[AppStep] = APP_STEPS
    #: A NeWork (test) service on a loopback address; None: the reference service, started for
    #: the run, or -- when it cannot start -- the steps needing a service skipped.
    service_url: str | None = None


@dataclass
class LifecycleReport:
    layout: str
    home: str
    app: list[str]
    cleanup_enabled: bool
    started_at: str = ""
    preflight: dict[str, Any] = field(default_factory=dict)
    steps: list[StepResult] = field(default_factory=list)
    roots: dict[str, str] = field(default_factory=dict)
    cleanup: dict[str, Any] | None = None
    residue: list[Change] = field(default_factory=list)
    fatal: str | None = None
    environment: dict[str, str] = field(default_factory=dict)
    #: ``url`` (or None), ``source`` (``--service-url`` / ``reference`` / None), ``note``.
    service: dict[str, Any] = field(default_factory=dict)
    #: ``backend``, ``note``, ``entries`` (every entry of ours seen present during the run) and
    #: ``remaining`` (present at the end).
    keyring: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def failed_steps(self) -> list[StepResult]:
        return [s for s in self.steps if s.problem or s.fatal]

    @property
    def verdict(self) -> str:
        if self.fatal:
            return "error"
        if not self.cleanup_enabled:
            return "no-cleanup"
        if self.residue:
            return "residue"
        return "failed" if self.failed_steps else "clean"

    @property
    def exit_code(self) -> int:
        verdict = self.verdict
        if verdict == "error":
            return EXIT_ENVIRONMENT
        if verdict in ("residue", "failed"):
            return EXIT_RESIDUE
        return EXIT_RESIDUE if self.failed_steps else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": KIND,
            "schema": SCHEMA,
            "layout": self.layout,
            "home": self.home,
            "app": self.app,
            "started_at": self.started_at,
            "environment": self.environment,
            "preflight": self.preflight,
            "service": self.service,
            "steps": [s.to_json() for s in self.steps],
            "roots": self.roots,
            "cleanup": self.cleanup,
            "residue": [c.to_json() for c in self.residue],
            "keyring": self.keyring,
            "notes": self.notes,
            "verdict": self.verdict,
            "problem": self.fatal,
            "exit_code": self.exit_code,
        }

    def human(self) -> str:
        out = [f"nework-qa lifecycle: {self.layout} layout, home {self.home}"]
        out.append(f"  app: {shlex.join(self.app)}")
        if self.service.get("url"):
            out.append(f"  service: {self.service['url']} ({self.service.get('source')})")
        for step in self.steps:
            if step.skipped is not None:
                out.append(f"  {step.name:<18} skipped: {step.skipped}")
                continue
            code = "-" if step.exit_code is None else str(step.exit_code)
            counts = []
            for label, items in (
                ("created", step.files_created),
                ("changed", step.files_changed),
                ("removed", step.files_removed),
                ("keyring entries created", step.keyring_created),
                ("keyring entries removed", step.keyring_removed),
            ):
                if items:
                    counts.append(f"{len(items)} {label}")
            line = f"  {step.name:<18} exit {code:<4} {step.duration_s:6.2f} s  {', '.join(counts)}"
            out.append(line.rstrip())
            web = step.workspace_summary()
            if web:
                out.append(f"    {web}")
            if step.fatal or step.problem:
                out.append(f"    problem: {step.fatal or step.problem}")
        out.extend(f"note: {note}" for note in self.notes)
        verdict = self.verdict
        if verdict == "error":
            if not any(s.fatal for s in self.steps):
                out.append(f"stopped: {self.fatal}")
            out.append(f"the sandbox is left as it is for inspection: {self.home}")
            for label in self.keyring.get("entries", []):
                out.append(f"  left in the keyring: {label}")
        elif verdict == "no-cleanup":
            out.append("--no-cleanup: the app's data is left in place:")
            for role, path in self.roots.items():
                mark = "" if os.path.lexists(path) else "  (not created)"
                out.append(f"  {role:<12} {path}{mark}")
            out.extend(f"  {line}" for line in fold_lines(self.residue))
            env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.environment.items())
            wipe = shlex.join([*self.app, "uninstall-cleanup", "--yes"])
            out.append(f"to wipe it with the app, run with this environment: {env} {wipe}")
            out.append(f"or delete {self.home}")
        for cls in CLASSES:
            left = [c for c in self.residue if c.cls == cls]
            if left and verdict != "no-cleanup":
                out.append(f"residue, {cls}: {len(left)}")
                out.extend(f"  {line}" for line in fold_lines(left))
        summary = {
            "clean": f"clean: nothing left in {self.home}",
            "residue": f"residue: {len(self.residue)} entries left",
            "failed": "failed: nothing left, but a step did not do what it must",
            "no-cleanup": "no-cleanup: stopped before the wipe",
            "error": "error: the run could not be completed",
        }[verdict]
        out.append(f"verdict: {summary} (exit {self.exit_code})")
        return "\n".join(out)

    def junit_cases(self) -> list[Case]:
        classname = f"nework-qa.lifecycle.{self.layout}"
        cases: list[Case] = []
        for step in self.steps:
            case = Case(name=step.name, classname=classname, time=step.duration_s)
            detail = "\n".join(
                [f"command: {shlex.join(step.command)}", f"exit code: {step.exit_code}"]
                + ([step.workspace_summary()] if step.workspace_summary() else [])
                + [f"created: {p}" for p in step.files_created]
                + [f"created: {k}" for k in step.keyring_created]
                + [f"removed: {k}" for k in step.keyring_removed]
                + step.stderr_tail
            )
            if step.skipped is not None:
                case.skipped = step.skipped
            elif step.fatal:
                case.error = (step.fatal, detail)
            elif step.problem:
                case.failure = (step.problem, detail)
            else:
                case.system_out = detail
            cases.append(case)
        residue = Case(name="residue", classname=classname)
        if self.fatal:
            residue.skipped = "not reached: the run stopped"
        elif not self.cleanup_enabled:
            residue.skipped = "--no-cleanup: nothing was wiped"
        elif self.residue:
            listing = "\n".join(f"[{c.cls}] {c.line()}" for c in self.residue)
            residue.failure = (f"{len(self.residue)} entries left after the wipe", listing)
        cases.append(residue)
        return cases


# -- the app command and its environment ---------------------------------------------------


def default_app() -> list[str]:
    return [sys.executable, "-m", "nework_desktop"]


def resolve_app(value: str | None) -> list[str]:
    """The app's argv prefix; ``value`` is ``--app`` (a path, or a command line)."""
    if value is None:
        return default_app()
    value = value.strip()
    if not value:
        raise QAError("--app is empty", EXIT_USAGE)
    argv = [value] if os.path.exists(value) or shutil.which(value) else _split(value)
    program = _bundle_executable(argv[0])
    if os.path.isdir(program):
        raise QAError(f"app command not found: {program} is a folder", EXIT_ENVIRONMENT)
    found = program if os.path.isfile(program) else shutil.which(program)
    if not found:
        raise QAError(f"app command not found: {program}", EXIT_ENVIRONMENT)
    if os.name == "posix" and not os.access(found, os.X_OK):
        raise QAError(f"app command is not executable: {found}", EXIT_ENVIRONMENT)
    return [program, *argv[1:]]


def _split(value: str) -> list[str]:
    if os.name == "nt":
        return [
            t[1:-1] if len(t) > 1 and t[0] == t[-1] == '"' else t
            for t in shlex.split(value, posix=False)
        ]
    try:
        return shlex.split(value)
    except ValueError as exc:
        raise QAError(f"--app cannot be parsed: {exc}", EXIT_USAGE) from exc


def _bundle_executable(program: str) -> str:
    """``X.app`` (a macOS bundle folder) → its executable in ``Contents/MacOS``."""
    bundle = Path(program)
    if not (bundle.suffix == ".app" and bundle.is_dir()):
        return program
    macos = bundle / "Contents" / "MacOS"
    named = macos / bundle.stem
    if named.is_file():
        return str(named)
    files = sorted(p for p in macos.glob("*") if p.is_file()) if macos.is_dir() else []
    if len(files) == 1:
        return str(files[0])
    raise QAError(f"cannot find the executable inside {program}", EXIT_ENVIRONMENT)


def sandbox_variables(layout: Layout, home: str) -> dict[str, str]:
    """The variables the lifecycle sets (shown in reports: paste them to reproduce a run)."""
    out = {"HOME": home, "NEWORK_SIMULATE_OS": layout}
    if sys.platform == "win32":
        out["USERPROFILE"] = home
    if layout == "windows":
        local = os.path.join(home, "AppData", "Local")
        roaming = os.path.join(home, "AppData", "Roaming")
        out.update(
            {
                "APPDATA": roaming,
                "LOCALAPPDATA": local,
                "WIN_PD_OVERRIDE_APPDATA": roaming,
                "WIN_PD_OVERRIDE_LOCAL_APPDATA": local,
            }
        )
    return out


def chromium_flags(current: str, *, no_sandbox: bool) -> str:
    """``current`` with :data:`HOST_RESOLVER_RULES` instead of any resolver rule it had.

    ``no_sandbox`` adds ``--no-sandbox`` (Chromium refuses to run its sandbox as root).
    """
    flags = " ".join(_RESOLVER_SWITCH.sub(" ", current).split())
    if no_sandbox and "--no-sandbox" not in flags.split():
        flags = f"{flags} --no-sandbox"
    return f"{flags} {HOST_RESOLVER_RULES}".strip()


def build_environment(
    layout: Layout, home: str, *, default: bool, visible: bool = False
) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k.upper() == "XDG_RUNTIME_DIR" or not k.upper().startswith(STRIPPED_PREFIXES)
    }
    env.update(sandbox_variables(layout, home))
    if not visible:
        env["QT_QPA_PLATFORM"] = "offscreen"
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    env[ENV_CHROMIUM_FLAGS] = chromium_flags(env.get(ENV_CHROMIUM_FLAGS, ""), no_sandbox=root)
    if default:
        # ``python -m nework_desktop`` from the home folder: make this checkout importable.
        package_parent = str(Path(nework_desktop.__file__).resolve().parent.parent)
        current = env.get("PYTHONPATH")
        env["PYTHONPATH"] = package_parent + (os.pathsep + current if current else "")
    return env


def prepare_home(home: Path) -> tuple[str, bool]:
    """Refuse a home that is not an empty folder; create an absent one.

    Returns the absolute path and whether this call created the folder.
    """
    path = Path(os.path.abspath(home))
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            raise QAError(f"refusing {path}: it is not a folder", EXIT_USAGE)
        try:
            content = next(iter(path.iterdir()), None)
        except OSError as exc:
            raise QAError(f"cannot read {path}: {exc.strerror or exc}", EXIT_ENVIRONMENT) from exc
        if content is not None:
            raise QAError(
                f"refusing {path}: the folder is not empty (it holds {content.name!r}); the "
                "lifecycle needs an empty or absent folder, as everything left in it counts as "
                "residue",
                EXIT_USAGE,
            )
        return str(path), False
    try:
        path.mkdir(parents=True)
    except OSError as exc:
        raise QAError(f"cannot create {path}: {exc.strerror or exc}", EXIT_ENVIRONMENT) from exc
    return str(path), True


# -- running processes ---------------------------------------------------------------------


@dataclass
class ProcessResult:
    returncode: int | None
    stdout: str
    stderr: str
    duration: float
    timed_out: bool = False
    leftover: bool = False

    def tail(self, n: int = 15) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()][-n:]


def run_process(
    argv: Sequence[str],
    env: dict[str, str],
    cwd: str,
    timeout: float,
    *,
    progress: Progress,
    label: str,
) -> ProcessResult:
    """Run ``argv``, wait (with a timeout), then make sure no process of its group remains."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = _spawn(argv, env, cwd, out, err)
        timed_out = False
        while True:
            try:
                proc.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                elapsed = time.monotonic() - start
                if elapsed > timeout:
                    _kill_tree(proc)
                    proc.wait()
                    timed_out = True
                    break
                progress.update(f"{label}: running, {elapsed:.0f} s")
        duration = time.monotonic() - start
        leftover = _group_left_over(proc.pid)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return ProcessResult(proc.returncode, stdout, stderr, duration, timed_out, leftover)


def _spawn(
    argv: Sequence[str], env: dict[str, str], cwd: str, out: IO[bytes], err: IO[bytes]
) -> subprocess.Popen[bytes]:
    try:
        if sys.platform == "win32":
            return subprocess.Popen(
                list(argv),
                env=env,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                creationflags=subprocess.CREATE_NEW_PROCESS_GROUP,
            )
        return subprocess.Popen(
            list(argv),
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    except FileNotFoundError:
        raise QAError(f"app command not found: {argv[0]}", EXIT_ENVIRONMENT) from None
    except OSError as exc:
        raise QAError(f"cannot run {argv[0]}: {exc.strerror or exc}", EXIT_ENVIRONMENT) from exc


def _kill_tree(proc: subprocess.Popen[bytes]) -> None:
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/T", "/F", "/PID", str(proc.pid)],
            capture_output=True,
            check=False,
        )
        with contextlib.suppress(OSError):
            proc.kill()
    else:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)


def _group_left_over(pgid: int) -> bool:
    """True if processes of the app's group outlived it (they are killed then).  POSIX only."""
    if sys.platform == "win32":
        return False
    deadline = time.monotonic() + EXIT_GRACE_S
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass
        if time.monotonic() > deadline:
            with contextlib.suppress(OSError):
                os.killpg(pgid, signal.SIGKILL)
            return True
        time.sleep(0.1)


def _signal_name(code: int) -> str:
    if code >= 0:
        return f"exit code {code}"
    try:
        return f"signal {signal.Signals(-code).name}"
    except ValueError:
        return f"signal {-code}"


# -- the NeWork service and the keyring -----------------------------------------------------


def check_service_option(value: str) -> str:
    """``--service-url``, cleaned; :class:`QAError` (usage) for a URL the run cannot use.

    The app's automation reads the e-mail code from the test service's test-only endpoint, and
    the app asks that of a loopback service only: so the service must run on this machine.
    """
    try:
        url = check_service_url(value.strip())
    except PrefsError as exc:
        raise QAError(f"--service-url: {exc}", EXIT_USAGE) from None
    if not is_loopback_host(urlsplit(url).hostname or ""):
        raise QAError(
            f"--service-url {url}: the sign-in automation only works with a test service on "
            f"this machine (127.0.0.1, ::1 or localhost), e.g. {START_ONE}",
            EXIT_USAGE,
        )
    return url


def probe_service(url: str, timeout: float = SERVICE_CHECK_TIMEOUT) -> None:
    """``GET <url>/api/v1/health`` must answer with a JSON object; else :class:`QAError`."""
    # No proxy: the service is on this machine, and a proxy variable must not reroute it.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    health = f"{url}/api/v1/health"
    try:
        with opener.open(health, timeout=timeout) as reply:
            data = json.loads(reply.read(65536).decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        why = f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        why = str(getattr(exc, "reason", None) or exc)
    else:
        if isinstance(data, dict):
            return
        why = "its answer is not a JSON object"
    raise QAError(
        f"the service given with --service-url does not answer ({health}: {why}); start it "
        f"first, e.g. {START_ONE}",
        EXIT_ENVIRONMENT,
    )


@dataclass
class ServiceForRun:
    """The NeWork service the app talks to during the run (or why there is none)."""

    url: str | None
    source: str | None  # "--service-url" | "reference" | None
    note: str
    #: The reference service started in this process (requests can be counted), or None.
    reference: RefService | None = None

    @classmethod
    def open(cls, given: str | None) -> ServiceForRun:
        if given is not None:
            return cls(given, "--service-url", "the test service given with --service-url")
        # tags=True: its page tries to load the GA and KARTE tags (safe: HOST_RESOLVER_RULES).
        service = RefService(host=REFERENCE_HOST, port=0, tags=True)
        try:
            service.start()
        except OSError as exc:
            return cls(
                None,
                None,
                "no NeWork service for the run: --service-url was not given and the reference "
                f"service could not start on {REFERENCE_HOST}: {exc.strerror or exc}; pass "
                "--service-url of a test service",
            )
        note = "the reference service (nework-qa refservice), started for this run"
        return cls(service.url, "reference", note, service)

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "source": self.source, "note": self.note}

    def mark(self) -> int:
        return len(self.reference.requests) if self.reference is not None else 0

    def requests_since(self, mark: int) -> dict[str, int]:
        """``"METHOD path" → count`` of what the app asked the reference service since ``mark``."""
        counts: dict[str, int] = {}
        if self.reference is not None:
            for request in list(self.reference.requests)[mark:]:
                key = f"{request.method} {request.path}"
                counts[key] = counts.get(key, 0) + 1
        return counts

    def workspace_visits_since(self, mark: int) -> list[dict[str, Any]]:
        """The reference service's record of each ``/workspace`` load since ``mark``."""
        if self.reference is None:
            return []
        return [v.to_json() for v in list(self.reference.workspace_visits)[mark:]]

    def workspace_mark(self) -> int:
        return len(self.reference.workspace_visits) if self.reference is not None else 0

    def stop(self) -> None:
        if self.reference is not None:
            with contextlib.suppress(Exception):
                self.reference.stop()
            self.reference = None


def keyring_backend() -> tuple[str | None, str | None]:
    """(the name of the keyring backend the snapshots probe with, None) or (None, why not)."""
    try:
        from nework_desktop.core.secrets import SERVICE, system_backend

        backend = system_backend()
    except Exception as exc:  # a broken keyring installation: "none", never a crash
        return None, f"keyring unavailable: {type(exc).__name__}: {exc}"
    if backend is None:
        return None, "no usable keyring backend"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:  # a backend can be chosen and still not answer (no D-Bus session, a locked store)
        backend.get_password(SERVICE, "nework-qa-probe")
    except Exception as exc:
        return None, f"the keyring ({name}) does not answer: {type(exc).__name__}: {exc}"
    return name, None


def entries_in_use() -> list[str]:
    """Keyring entries the calling user's own NeWork installation stored and still has.

    The keyring is not sandboxed: the run's sign-in would replace these entries (same service,
    same names) and its wipe delete them, i.e. sign the real installation out.  Read from that
    installation's secrets index (names only) and probed; nothing is written.
    """
    try:
        from nework_desktop.core.paths import AppPaths
        from nework_desktop.core.secrets import read_index, system_backend

        refs = read_index(AppPaths.from_environment())
        backend = system_backend() if refs else None
        if backend is None:
            return []
        return [
            f"keyring:{r.service}/{r.name}"
            for r in refs
            if backend.get_password(r.service, r.name) is not None
        ]
    except Exception:  # no paths, no keyring: nothing of a real installation can be at risk
        return []


def account_state(stderr: str) -> str | None:
    """The sign-in state the app logged at start (``signed-in``, ``signed-in (offline)`` …)."""
    found = list(_ACCOUNT_LINE.finditer(stderr))
    if not found:
        return None
    last = found[-1]
    return last.group(1) + (" (offline)" if last.group(2) else "")


def workspace_outcome(stderr: str) -> str | None:
    """``loaded`` / ``not loaded``: what the app logged after ``--automate open-workspace``."""
    found = list(_WORKSPACE_LINE.finditer(stderr))
    return found[-1].group(1) if found else None


Counts = dict[tuple[str, str | None], tuple[int, int]]


def transmission_counts(path: Path) -> Counts | None:
    """(host, module) → (allowed, blocked), all days summed, of a ``transmissions.json``.

    None when the file does not exist or cannot be read; malformed entries are skipped.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    counts: Counts = {}
    days = data.get("days") if isinstance(data, dict) else None
    for entries in days.values() if isinstance(days, dict) else ():
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict) or not isinstance(entry.get("host"), str):
                continue
            module = entry.get("module")
            allowed, blocked = entry.get("allowed", 0), entry.get("blocked", 0)
            if not isinstance(allowed, int) or not isinstance(blocked, int):
                continue
            key = (entry["host"], module if isinstance(module, str) else None)
            old = counts.get(key, (0, 0))
            counts[key] = (old[0] + allowed, old[1] + blocked)
    return counts


def transmissions_between(before: Counts | None, after: Counts) -> list[dict[str, Any]]:
    """What was counted between two reads: ``{host, module, allowed, blocked}`` per host."""
    out: list[dict[str, Any]] = []
    for (host, module), (allowed, blocked) in sorted(after.items(), key=lambda kv: kv[0][0]):
        was = (before or {}).get((host, module), (0, 0))
        if (allowed, blocked) != was:
            out.append(
                {
                    "host": host,
                    "module": module,
                    "allowed": allowed - was[0],
                    "blocked": blocked - was[1],
                }
            )
    return out


def _sign_in_failure(stderr: str) -> str | None:
    for line in reversed(stderr.splitlines()):
        match = _SIGN_IN_FAILED.search(line)
        if match:
            return match.group(1).strip()[:200]
    return None


# -- the run -------------------------------------------------------------------------------


class _Run:
    def __init__(self, options: Options, progress: Progress) -> None:
        self.options = options
        self.progress = progress
        self.app = resolve_app(options.app)
        self.service_url = (
            check_service_option(options.service_url) if options.service_url is not None else None
        )
        self.home, self.created_home = prepare_home(options.home)
        self.env = build_environment(
            options.layout, self.home, default=options.app is None, visible=options.visible
        )
        self.report = LifecycleReport(
            layout=options.layout,
            home=self.home,
            app=self.app,
            cleanup_enabled=options.cleanup,
            started_at=now_utc(),
            environment={
                **sandbox_variables(options.layout, self.home),
                ENV_CHROMIUM_FLAGS: self.env[ENV_CHROMIUM_FLAGS],
            },
        )
        self.snapshots: list[Snapshot] = []
        self.keyring_names: set[tuple[str, str]] = set()
        self.total = 1 + len(options.steps) + 1 + (1 if options.cleanup else 0)
        self.count = 0
        self.service = ServiceForRun(None, None, "not opened yet")
        self.keyring_usable = False
        #: A step signed in and stored its session in the keyring: later steps must resume it.
        self.session_stored = False
        #: Role → folder, as the app's ``status --json`` named them in the preflight.
        self.paths: dict[str, str] = {}

    # helpers

    def snapshot(self) -> Snapshot:
        snap = take_snapshot(self.home, probe=sorted(self.keyring_names), progress=self.progress)
        self.keyring_names.update(snap.keyring_names())
        self.snapshots.append(snap)
        return snap

    def execute(self, name: str, args: Sequence[str]) -> tuple[StepResult, ProcessResult]:
        self.count += 1
        label = f"[{self.count}/{self.total}] {name}"
        self.progress.update(f"{label}: starting", force=True)
        command = [*self.app, *args]
        result = run_process(
            command, self.env, self.home, self.options.timeout, progress=self.progress, label=label
        )
        step = StepResult(name, command, result.returncode, result.duration)
        if result.timed_out:
            step.fatal = (
                f"{name}: the app did not finish within {self.options.timeout:.0f} s "
                "(it was killed)"
            )
        elif result.returncode != 0:
            last = result.tail(1)
            why = f": {last[0].strip()[:200]}" if last else ""
            step.fatal = f"{name}: the app ended with {_signal_name(result.returncode or 0)}{why}"
        if result.leftover:
            step.add_problem(f"{name}: processes of the app were still running after it exited")
        if step.fatal:
            step.stderr_tail = result.tail()
        self.progress.note(
            f"{label}: {'FAILED' if step.fatal else 'done'} ({result.duration:.1f} s)"
        )
        return step, result

    def record_changes(self, step: StepResult) -> None:
        before = self.snapshots[-1]
        after = self.snapshot()
        diff = compute_diff(before, after)
        keyring = [c for c in diff.changes if c.kind == "keyring"]
        other = [c for c in diff.changes if c.kind != "keyring"]
        step.files_created = sorted(c.path for c in other if c.change == "added")
        step.files_changed = sorted(c.path for c in other if c.change == "changed")
        step.files_removed = sorted(c.path for c in diff.removed if c.kind != "keyring")
        step.keyring_created = sorted(c.path for c in keyring if c.change == "added")
        step.keyring_removed = sorted(c.path for c in diff.removed if c.kind == "keyring")

    def keyring_seen(self) -> list[str]:
        """Every keyring entry of ours any snapshot of the run found present."""
        return sorted({e.label for s in self.snapshots for e in s.keyring_entries if e.present})

    def stop(self, step: StepResult | None, message: str) -> LifecycleReport:
        if step is not None:
            step.fatal = step.fatal or message
            self.report.steps.append(step)
        self.report.fatal = message
        self.report.keyring["entries"] = self.keyring_seen()
        self.progress.clear()
        return self.report

    @staticmethod
    def json_output(result: ProcessResult) -> dict[str, Any] | None:
        try:
            data = json.loads(result.stdout)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    # the steps

    def preflight(self) -> None:
        step, result = self.execute("preflight", ["status", "--json"])
        if step.fatal:
            raise QAError(
                f"the app's 'status --json' failed before anything ran ({step.fatal}); "
                "is --app a NeWork Desktop executable?",
                EXIT_ENVIRONMENT,
            )
        status = self.json_output(result)
        paths = status.get("paths") if status else None
        if not isinstance(paths, dict) or not paths:
            raise QAError(
                "the app's 'status --json' printed no report with \"paths\": is --app a NeWork "
                "Desktop executable?",
                EXIT_ENVIRONMENT,
            )
        assert status is not None
        layout = status.get("layout")
        if layout != self.options.layout:
            raise QAError(
                f"the app reports the {layout} layout, not {self.options.layout}: this build "
                "does not honour NEWORK_SIMULATE_OS; stopping before it runs",
                EXIT_ENVIRONMENT,
            )
        outside = {r: p for r, p in paths.items() if not _inside(str(p), self.home)}
        if outside:
            role, path = next(iter(outside.items()))
            raise QAError(
                f"the app would write outside the sandbox ({role}: {path}; {len(outside)} "
                f"folders outside {self.home}); stopping before it runs so that the wipe "
                "cannot reach real data",
                EXIT_ENVIRONMENT,
            )
        self.record_changes(step)
        self.paths = {str(k): str(v) for k, v in paths.items()}
        self.report.preflight = {
            "command": step.command,
            "exit_code": step.exit_code,
            "paths": {str(k): str(v) for k, v in paths.items()},
            "files_created": step.files_created,
        }
        if step.files_created:
            self.report.preflight["problem"] = "status wrote to disk before consent"

    def open_service(self) -> None:
        """The service for the run, the app's ``NEWORK_SERVICE_URL``, and the keyring facts."""
        self.service = ServiceForRun.open(self.service_url)
        self.report.service = self.service.to_json()
        if self.service.url is not None:
            self.env[ENV_SERVICE_URL] = self.service.url
            self.report.environment[ENV_SERVICE_URL] = self.service.url
        backend, why = keyring_backend()
        self.keyring_usable = backend is not None
        self.report.keyring = {"backend": backend, "note": why, "entries": [], "remaining": None}

    def app_step(self, spec: AppStep) -> StepResult:
        if spec.needs_service and self.service.url is None:
            return StepResult(spec.name, [*self.app, *spec.argv()], skipped=self.service.note)
        mark = self.service.mark()
        visits = self.service.workspace_mark()
        sent = transmission_counts(self.transmissions_path())
        step, result = self.execute(spec.name, spec.argv())
        self.record_changes(step)
        if self.service.reference is not None:
            step.extra["service_requests"] = self.service.requests_since(mark)
        account = account_state(result.stderr)
        if account is not None:
            step.extra["account"] = account
        if step.fatal:
            return step
        if spec.must_write and not (step.files_created or step.files_changed):
            step.add_problem(
                f"{spec.name}: the app wrote nothing under {self.home}: it keeps its files "
                "elsewhere or did not record anything"
            )
        if spec.signs_in:
            self.check_sign_in(step, result)
        if spec.resumes_session:
            self.check_session_resumed(step, account)
        if spec.opens_workspace:
            self.check_workspace(step, result, sent, self.service.workspace_visits_since(visits))
        if step.problem and not step.stderr_tail:
            step.stderr_tail = result.tail()
        return step

    def check_sign_in(self, step: StepResult, result: ProcessResult) -> None:
        failed = _sign_in_failure(result.stderr)
        said = f" (the app says: {failed})" if failed else ""
        if not self.keyring_usable:
            if failed:
                step.add_problem(f"{step.name}: the sign-in failed{said}")
            note = (
                f"{step.name}: no usable keyring here ({self.report.keyring.get('note')}): the "
                "app kept its session in memory only, so keyring entries and their removal were "
                "not checked and the restart cannot resume the session"
            )
            self.report.notes.append(note)
            return
        if not step.keyring_created:
            step.add_problem(
                f"{step.name}: no keyring entry of ours was created{said}: the sign-in failed, "
                "or the app keeps its session where the check cannot see it (it must be in the "
                "OS keyring, named in its secrets index)"
            )
            return
        self.session_stored = True

    def check_session_resumed(self, step: StepResult, account: str | None) -> None:
        if not self.session_stored:
            return  # no session to resume: the sign-in was skipped or stored nothing
        asked = sum(n for k, n in step.extra.get("service_requests", {}).items() if "/email/" in k)
        resumed = account is not None and account.startswith("signed-in") and not asked
        step.extra["session_resumed"] = resumed
        if account is None:
            step.add_problem(
                f"{step.name}: the app did not report its sign-in state (no 'account: …' line "
                "in its log on stderr), so the resumed session cannot be checked"
            )
        elif not account.startswith("signed-in"):
            step.add_problem(
                f"{step.name}: the session was not resumed (the app reports 'account: "
                f"{account}'): the user would have to sign in again after every start"
            )
        if asked:
            step.add_problem(f"{step.name}: the app asked the service for an e-mail code again")

    def transmissions_path(self) -> Path:
        return Path(self.paths.get("state", self.home), TRANSMISSIONS_NAME)

    def role_created(self, step: StepResult, role: str) -> list[str]:
        """Top-level names the step created in ``role``'s folder (e.g. ``Cookies``)."""
        if role not in self.paths:
            return []
        folder = relative(os.path.realpath(self.paths[role]), os.path.realpath(self.home))
        if not folder:
            return []
        prefix = folder.rstrip("/") + "/"
        return sorted(
            {p[len(prefix) :].split("/")[0] for p in step.files_created if p.startswith(prefix)}
        )

    def check_workspace(
        self,
        step: StepResult,
        result: ProcessResult,
        sent_before: Counts | None,
        visits: list[dict[str, Any]],
    ) -> None:
        """The page loaded, in a web profile inside the roots, counted by the egress rules."""
        name = step.name
        outcome = workspace_outcome(result.stderr)
        step.extra["workspace"] = outcome
        if outcome != "loaded":
            said = (
                "the page did not load in time ('automation: workspace not loaded')"
                if outcome
                else "the app did not log 'automation: workspace loaded'"
            )
            step.add_problem(f"{name}: {said}")
        profile = self.role_created(step, "web_profile")
        step.extra["web_profile_created"] = profile
        step.extra["web_cache_created"] = self.role_created(step, "web_cache")
        if outcome == "loaded" and not profile:
            step.add_problem(
                f"{name}: the workspace wrote no web profile in its folder "
                f"({self.paths.get('web_profile', 'web_profile')}): QtWebEngine keeps it "
                "elsewhere, or the profile is off the record, and the wipe is not tested on it"
            )
        sent = transmission_counts(self.transmissions_path())
        if sent is None:
            step.add_problem(
                f"{name}: no {TRANSMISSIONS_NAME} in the state folder after the workspace ran: "
                "the egress rules kept no record of what the web view sent"
            )
            return
        counted = transmissions_between(sent_before, sent)
        step.extra["transmissions"] = counted
        modules = sorted({str(row["module"]) for row in counted if row["module"]})
        if self.service.reference is not None:
            self.check_reference_page(step, visits, modules)
        elif outcome == "loaded" and not modules:
            self.report.notes.append(
                f"{name}: the service's page loaded no GA or KARTE tag, so the web view's "
                "third-party requests were not exercised (start the reference service with "
                "--tags: nework-qa refservice --port 8765 --tags)"
            )

    def check_reference_page(
        self, step: StepResult, visits: list[dict[str, Any]], modules: list[str]
    ) -> None:
        """With the reference service: the session reached the page, its tags were counted."""
        name = step.name
        if not visits:
            step.add_problem(f"{name}: the app never asked the service for its /workspace page")
            return
        page = visits[-1]
        step.extra["workspace_page"] = page
        if self.session_stored and not page.get("signed_in"):
            why = "a token it did not accept" if page.get("authorization") else "no token"
            step.add_problem(
                f"{name}: the session did not reach the web client (the page got {why}): the "
                "user would have to sign in again inside the workspace"
            )
        wanted = ("google_analytics", "karte")
        missing = [m for m in wanted if m not in modules]
        if page.get("tags") and missing:
            step.add_problem(
                f"{name}: the egress rules counted no request to the {', '.join(missing)} tag "
                "of the page: the web view's requests are not all seen by the interceptor"
            )
        stored = page.get("stored")
        lacking = (
            ["cookie", "local_storage", "indexed_db"]
            if not isinstance(stored, dict)
            else [k for k, v in stored.items() if not v]
        )
        if lacking:
            self.report.notes.append(
                f"{name}: the page could not store {', '.join(lacking)} in the web profile, so "
                "the wipe was not tested against it"
            )

    def status_step(self) -> StepResult:
        step, result = self.execute("status", ["status", "--json"])
        self.record_changes(step)
        if step.fatal:
            return step
        status = self.json_output(result)
        paths = status.get("paths") if status else None
        if not isinstance(paths, dict):
            step.fatal = 'status: the app printed no JSON report with "paths"'
            return step
        self.report.roots = {str(k): str(v) for k, v in paths.items()}
        step.extra["roots"] = self.report.roots
        if status is not None and isinstance(status.get("consent"), dict):
            step.extra["consent_state"] = status["consent"].get("state")
        if step.files_created or step.files_changed:
            step.add_problem("status: a reading command wrote to disk")
        return step

    def cleanup_step(self) -> StepResult:
        step, result = self.execute("uninstall-cleanup", ["uninstall-cleanup", "--yes", "--json"])
        report = self.json_output(result)
        if report is None:
            last = result.tail(1)
            why = f" ({last[0].strip()[:200]})" if last else ""
            step.fatal = (
                "uninstall-cleanup: the app printed no JSON report, exit "
                f"{result.returncode}{why}: does this build have 'uninstall-cleanup'?"
            )
            step.stderr_tail = result.tail()
            return step
        step.fatal = None if not result.timed_out else step.fatal
        self.report.cleanup = report
        self.record_changes(step)
        if result.returncode != 0 or report.get("ok") is False:
            step.add_problem(
                f"uninstall-cleanup reported a failure (exit {result.returncode}, "
                f"ok={report.get('ok')!r})"
            )
        return step

    def finish(self) -> None:
        extra = [r for r in (relative(p, self.home) for p in self.report.roots.values()) if r]
        final = self.snapshot()
        diff = compute_diff(self.snapshots[0], final, extra_ours=extra, strict=True)
        residue = list(diff.changes)
        residue.extend(_wipe_residue(self.report.cleanup, self.home, residue, final, extra))
        self.report.residue = residue
        self.report.keyring["entries"] = self.keyring_seen()
        self.report.keyring["remaining"] = sorted(
            e.label for e in final.keyring_entries if e.present
        )
        unknown = sorted(e.label for e in final.keyring_entries if e.present is None)
        if unknown:
            self.report.keyring["unknown"] = unknown
            self.report.notes.append(
                f"{len(unknown)} keyring entries of ours could not be probed at the end: "
                + ", ".join(unknown)
            )

    def run(self) -> LifecycleReport:
        self.snapshot()
        try:
            if self.service_url is not None:
                probe_service(self.service_url)
            in_use = entries_in_use()
            if in_use:
                raise QAError(
                    f"NeWork is signed in for this user account ({len(in_use)} keyring entries, "
                    f"e.g. {in_use[0]}): the keyring is not sandboxed, so the run's sign-in would "
                    "replace that session and its wipe delete it; sign out of NeWork first, or "
                    "run the lifecycle as a test user",
                    EXIT_ENVIRONMENT,
                )
            self.preflight()
        except QAError:
            self.progress.clear()
            if self.created_home:  # nothing ran: leave no trace of this attempt
                with contextlib.suppress(OSError):
                    os.rmdir(self.home)
            raise
        self.open_service()
        try:
            return self.run_steps()
        finally:
            self.service.stop()

    def run_steps(self) -> LifecycleReport:
        for spec in self.options.steps:
            step = self.app_step(spec)
            if step.fatal:
                return self.stop(step, step.fatal)
            self.report.steps.append(step)
        step = self.status_step()
        if step.fatal:
            return self.stop(step, step.fatal)
        self.report.steps.append(step)
        if self.options.cleanup:
            step = self.cleanup_step()
            if step.fatal:
                return self.stop(step, step.fatal)
            self.report.steps.append(step)
        self.finish()
        self.progress.clear()
        return self.report


def _inside(path: str, home: str) -> bool:
    return relative(os.path.realpath(path), os.path.realpath(home)) is not None


def _wipe_residue(
    report: dict[str, Any] | None,
    home: str,
    seen: Sequence[Change],
    final: Snapshot,
    extra: Sequence[str],
) -> list[Change]:
    """What the wipe's own report says remains and the final snapshot did not show.

    Its ``residue`` holds strings: paths, ``keyring:<service>/<name>`` labels, shared-store
    locations (files or registry keys); objects with a ``path`` are accepted too.  Something the
    final snapshot saw is not repeated; a path that no longer exists, or a keyring entry the
    final snapshot probed and found absent, is gone since the wipe reported.
    """
    items = report.get("residue") if report else None
    if not isinstance(items, list):
        return []
    known = {c.path for c in seen}
    probed = {e.label: e.present for e in final.keyring_entries}
    why = "uninstall-cleanup reports it remains"
    out: list[Change] = []
    for item in items:
        text = item.get("path") if isinstance(item, dict) else item
        if not isinstance(text, str) or not text:
            continue
        if text.startswith("keyring:"):
            if text in known or probed.get(text) is False:
                continue
            out.append(Change(text, "keyring", "added", "ours", why))
        elif os.path.isabs(text):
            rel = relative(text, home)
            label = rel or text
            if label in known or not os.path.lexists(text):
                continue
            cls: Class = "ours"
            if rel:
                cls = classify_path(rel, fold=final.case_insensitive, extra=extra)[0]
            out.append(Change(label, "other", "added", cls, why))
        else:
            label = f"registry:{text}" if text[:4].upper() in ("HKCU", "HKLM") else text
            if label in known:
                continue
            out.append(Change(label, "registry", "added", classify_registry(text)[0], why))
        known.add(out[-1].path)
    return out


def run_lifecycle(options: Options, progress: Progress | None = None) -> LifecycleReport:
    """Run the lifecycle; :class:`QAError` when it cannot start (the report is not made)."""
    return _Run(options, progress or Progress(enabled=False)).run()
