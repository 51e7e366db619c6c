"""Running the app: its command (``--app``), one run as a process group, and the exit checks.

Each run waits with a timeout (then the whole process tree is killed) and checks that no
process of the app's group outlived it (POSIX; such processes are killed too).  stdout and
stderr go to temporary files, never pipes, so that a chatty app cannot block on a full pipe.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from nework_desktop.qa.common import EXIT_ENVIRONMENT, EXIT_USAGE, Progress, QAError

#: How long the app's process group may outlive the app before it is killed (a problem).
EXIT_GRACE_S = 5.0


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

    def json_output(self) -> dict[str, Any] | None:
        """stdout as a JSON object (the app's ``--json`` report), or None."""
        try:
            data = json.loads(self.stdout)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def exit_problems(self, name: str, timeout: float) -> tuple[str | None, str | None]:
        """(why the run stops here, what the step did wrong) -- each None when all is well."""
        fatal = None
        if self.timed_out:
            fatal = f"{name}: the app did not finish within {timeout:.0f} s (it was killed)"
        elif self.returncode != 0:
            last = self.tail(1)
            why = f": {last[0].strip()[:200]}" if last else ""
            fatal = f"{name}: the app ended with {signal_name(self.returncode or 0)}{why}"
        problem = None
        if self.leftover:
            problem = f"{name}: processes of the app were still running after it exited"
        return fatal, problem


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
    """The app in a process group of its own (so that the whole tree can be found and killed)."""
    windows = sys.platform == "win32"
    try:
        return subprocess.Popen(
            list(argv),
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0) if windows else 0,
            start_new_session=not windows,
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


def signal_name(code: int) -> str:
    if code >= 0:
        return f"exit code {code}"
    try:
        return f"signal {signal.Signals(-code).name}"
    except ValueError:
        return f"signal {-code}"
