"""Measuring one process: start it, wait for the event it reports, read its peak RSS, stop it.

Clocks
------
The harness takes ``time.monotonic_ns()`` (and ``time.time_ns()``) immediately before
``Popen``.  The app and the baselines report ``time.monotonic_ns()`` at their event
(``--startup-timing FILE``, JSON lines).  On Linux ``time.monotonic`` is CLOCK_MONOTONIC, one
clock for the whole machine since boot (macOS: mach_absolute_time, Windows:
QueryPerformanceCounter -- also machine-wide), so "event - start" is a duration between two
processes.  qutebrowser cannot report our events; its JSON log carries ``created`` =
``time.time()`` of the log record, compared with the wall clock taken before ``Popen``.

Peak RSS
--------
``VmHWM`` ("high water mark" of the resident set) from ``/proc/<pid>/status`` of the started
process and of every descendant (QtWebEngineProcess: zygote, renderer, GPU/utility), summed,
read as soon as the harness sees the event (it polls every :data:`POLL_S`).  The sum counts
pages shared between the processes (the Chromium library) once per process; both sides of a
comparison are measured the same way, so the ratio stays fair, but the absolute workspace
figures are upper bounds.  ``resource.getrusage(RUSAGE_CHILDREN)`` was not used: it only covers
children that have been waited for, and reports the maximum of one process, not the tree.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

#: How often the harness looks for the event (seconds).
POLL_S = 0.005
#: How long stopped processes get to disappear before the next run starts (seconds).
REAP_S = 10.0


class EventSource(Protocol):
    """Reads the events a process reported so far: name → nanoseconds after the start."""

    def poll(self) -> dict[str, int]: ...


class TimingFile:
    """``--startup-timing FILE`` lines: ``{"event": name, "t_ns": time.monotonic_ns(), ...}``."""

    def __init__(self, path: Path, start_mono_ns: int) -> None:
        self.path = path
        self.start = start_mono_ns
        self._size = -1
        self._events: dict[str, int] = {}
        self.records: list[dict[str, object]] = []

    def poll(self) -> dict[str, int]:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return self._events
        if size != self._size:
            self._size = size
            self.records = []
            for line in self.path.read_text(encoding="utf-8").splitlines():
                if not line.endswith("}"):
                    continue  # a line still being written
                record = json.loads(line)
                self.records.append(record)
                name, stamp = record.get("event"), record.get("t_ns")
                if isinstance(name, str) and isinstance(stamp, int):
                    self._events.setdefault(name, stamp - self.start)
        return self._events


class LogMatcher:
    """Events from a JSON log (one object per line, ``created`` = ``time.time()``)."""

    def __init__(
        self,
        path: Path,
        start_wall_ns: int,
        match: Callable[[dict[str, object]], str | None],
    ) -> None:
        self.path = path
        self.start = start_wall_ns
        self._match = match
        self._offset = 0
        self._events: dict[str, int] = {}

    def poll(self) -> dict[str, int]:
        try:
            with self.path.open("rb") as fh:
                fh.seek(self._offset)
                data = fh.read()
        except FileNotFoundError:
            return self._events
        end = data.rfind(b"\n")
        if end < 0:
            return self._events
        self._offset += end + 1
        for raw in data[: end + 1].splitlines():
            if not raw.startswith(b"{"):
                continue  # Chromium's own lines
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            name = self._match(record)
            created = record.get("created")
            if name is not None and isinstance(created, int | float):
                self._events.setdefault(name, int(created * 1e9) - self.start)
        return self._events


@dataclass
class Sample:
    """One run: when the wanted event came (ms after start) and the peak RSS at that moment."""

    ms: float | None
    rss_kib: int | None = None
    rss_main_kib: int | None = None
    processes: int = 0
    #: Command names (``/proc/<pid>/comm``) of the descendants seen while it ran.
    children: list[str] = field(default_factory=list)
    events: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    records: list[dict[str, object]] = field(default_factory=list)


def _children_map() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        # The command name (field 2) may contain spaces and parentheses: split after the last ")".
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1:
            out.setdefault(int(fields[1]), []).append(int(entry))
    return out


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (by parent pid, from ``/proc``)."""
    children = _children_map()
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def command_name(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as fh:
            return fh.read().strip()
    except OSError:
        return None


def vm_hwm_kib(pid: int) -> int | None:
    """Peak resident set size of ``pid`` in KiB (``VmHWM``), None if it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def tree_hwm_kib(pid: int) -> tuple[int, int, int]:
    """(sum of VmHWM over the tree, VmHWM of ``pid`` itself, number of processes)."""
    total, count = 0, 0
    for member in process_tree(pid):
        value = vm_hwm_kib(member)
        if value is not None:
            total += value
            count += 1
    return total, vm_hwm_kib(pid) or 0, count


def _stat_fields(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            stat = fh.read()
    except OSError:
        return None
    return stat[stat.rfind(")") + 2 :].split()


def identity(pid: int) -> tuple[int, int] | None:
    """(pid, start time in clock ticks): tells a process from a later one with the same id."""
    fields = _stat_fields(pid)
    return (pid, int(fields[19])) if fields is not None and len(fields) > 19 else None


def _alive(ident: tuple[int, int]) -> bool:
    fields = _stat_fields(ident[0])
    return fields is not None and fields[0] != "Z" and identity(ident[0]) == ident


def identities(pids: Sequence[int]) -> set[tuple[int, int]]:
    return {i for i in map(identity, pids) if i is not None}


def stop_tree(proc: subprocess.Popen[bytes], known: set[tuple[int, int]]) -> None:
    """Stop a process started in its own session, and every descendant of it, by their ids.

    ``known`` holds (pid, start time) of the descendants seen while it ran; a pid is only
    signalled while it still names that same process.
    """
    members = set(known)
    if proc.poll() is None:
        members |= identities(process_tree(proc.pid))
    others = {m for m in members if m[0] != proc.pid}
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)  # the group this harness created (start_new_session)
        for ident in others:
            if _alive(ident):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(ident[0], sig)
        try:
            proc.wait(timeout=3.0)
        except subprocess.TimeoutExpired:
            continue
        deadline = time.monotonic() + REAP_S
        while any(_alive(m) for m in others):
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        else:
            return


def run_until(
    command: Sequence[str],
    *,
    want: str,
    env: Mapping[str, str],
    cwd: Path,
    log: Path,
    source: Callable[[int, int], EventSource],
    timeout: float,
    fail_events: Sequence[str] = ("page-load-failed", "first-frame-missed"),
) -> Sample:
    """Start ``command``, wait until it reports ``want``, read the tree's peak RSS, stop it.

    ``source(start_mono_ns, start_wall_ns)`` builds the event reader.  The sample carries every
    event seen (ms after the start).  The process is always stopped before this returns.
    """
    with log.open("wb") as err:
        start_wall = time.time_ns()
        start = time.monotonic_ns()
        proc = subprocess.Popen(
            list(command),
            env=dict(env),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=err,
            stderr=err,
            start_new_session=True,
        )
    reader = source(start, start_wall)
    deadline = time.monotonic() + timeout
    seen: set[tuple[int, int]] = identities([proc.pid])
    names: dict[tuple[int, int], str] = {}

    def look() -> None:
        for ident in identities(process_tree(proc.pid)):
            if ident not in seen and ident[0] != proc.pid:
                names[ident] = command_name(ident[0]) or "?"
            seen.add(ident)

    sample = Sample(ms=None)
    polls = 0
    try:
        while True:
            events = reader.poll()
            if want in events:
                total, main, count = tree_hwm_kib(proc.pid)
                sample = Sample(
                    ms=events[want] / 1e6, rss_kib=total, rss_main_kib=main, processes=count
                )
                break
            failed = [name for name in fail_events if name in events]
            if failed:
                sample.error = f"reported {failed[0]}"
                break
            if proc.poll() is not None:
                sample.error = f"exited with code {proc.returncode} before {want!r}"
                break
            if time.monotonic() > deadline:
                sample.error = f"no {want!r} within {timeout:.0f} s"
                break
            polls += 1
            if polls % 20 == 0:
                look()
            time.sleep(POLL_S)
        look()
        sample.events = {name: value / 1e6 for name, value in reader.poll().items()}
        if isinstance(reader, TimingFile):
            sample.records = list(reader.records)
        sample.processes = max(sample.processes, len(seen))
        sample.children = sorted(names.values())
    finally:
        stop_tree(proc, seen)
    return sample


def run_to_exit(
    command: Sequence[str], *, env: Mapping[str, str], cwd: Path, log: Path, timeout: float
) -> tuple[float, int]:
    """Wall time (ms, monotonic, just before ``Popen`` → ``wait`` returned) and exit code.

    ``Popen.wait(timeout=...)`` polls with sleeps of up to 50 ms (which would round every
    figure up to those steps), so the wait here blocks in ``waitpid`` and a watchdog thread
    kills the process on timeout instead.
    """
    with log.open("wb") as out:
        start = time.monotonic_ns()
        proc = subprocess.Popen(
            list(command), env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out
        )
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            code = proc.wait()
        finally:
            watchdog.cancel()
        end = time.monotonic_ns()
    if code == -signal.SIGKILL and (end - start) / 1e9 >= timeout:
        raise subprocess.TimeoutExpired(list(command), timeout)
    return (end - start) / 1e6, code
