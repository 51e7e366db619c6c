"""The lifecycle's report: each step's result, the residue, the verdict; JSON, human, JUnit.

Verdicts: ``clean`` (exit 0); ``residue`` -- something is left (exit 1); ``failed`` -- nothing is
left but a step did not do what it must (status wrote files, consent wrote nothing, sign-in stored
no session, the restart did not resume it, cleanup reported a failure, processes outlived the app)
(exit 1) -- and for the workspace: the page did not load, no web profile was written in the
roots, the egress rules kept no transmission log, the session did not reach the web client;
``no-cleanup`` (exit 0, or 1 when a step failed); ``error`` -- the run could not go on
(the app crashed, timed out, or printed no report) (exit 3).  A skipped step fails nothing; the
report says why it was skipped.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from nework_desktop.qa.common import EXIT_ENVIRONMENT, EXIT_OK, EXIT_RESIDUE
from nework_desktop.qa.diff import Change, fold_lines
from nework_desktop.qa.junit import Case
from nework_desktop.qa.ownership import CLASSES, Class, classify_path, classify_registry, relative
from nework_desktop.qa.snapshot import Snapshot

KIND = "nework-qa-lifecycle"
SCHEMA = 1


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


_SUMMARY = {
    "clean": "clean: nothing left in {home}",
    "residue": "residue: {count} entries left",
    "failed": "failed: nothing left, but a step did not do what it must",
    "no-cleanup": "no-cleanup: stopped before the wipe",
    "error": "error: the run could not be completed",
}


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
            out.extend(_step_lines(step))
        out.extend(f"note: {note}" for note in self.notes)
        verdict = self.verdict
        if verdict == "error":
            if not any(s.fatal for s in self.steps):
                out.append(f"stopped: {self.fatal}")
            out.append(f"the sandbox is left as it is for inspection: {self.home}")
            for label in self.keyring.get("entries", []):
                out.append(f"  left in the keyring: {label}")
        elif verdict == "no-cleanup":
            out.extend(self._where_the_data_is())
        for cls in CLASSES:
            left = [c for c in self.residue if c.cls == cls]
            if left and verdict != "no-cleanup":
                out.append(f"residue, {cls}: {len(left)}")
                out.extend(f"  {line}" for line in fold_lines(left))
        summary = _SUMMARY[verdict].format(home=self.home, count=len(self.residue))
        out.append(f"verdict: {summary} (exit {self.exit_code})")
        return "\n".join(out)

    def _where_the_data_is(self) -> list[str]:
        out = ["--no-cleanup: the app's data is left in place:"]
        for role, path in self.roots.items():
            mark = "" if os.path.lexists(path) else "  (not created)"
            out.append(f"  {role:<12} {path}{mark}")
        out.extend(f"  {line}" for line in fold_lines(self.residue))
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.environment.items())
        wipe = shlex.join([*self.app, "uninstall-cleanup", "--yes"])
        out.append(f"to wipe it with the app, run with this environment: {env} {wipe}")
        out.append(f"or delete {self.home}")
        return out

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


def _step_lines(step: StepResult) -> list[str]:
    """The human output's lines for one step."""
    if step.skipped is not None:
        return [f"  {step.name:<18} skipped: {step.skipped}"]
    code = "-" if step.exit_code is None else str(step.exit_code)
    counts = [
        f"{len(items)} {label}"
        for label, items in (
            ("created", step.files_created),
            ("changed", step.files_changed),
            ("removed", step.files_removed),
            ("keyring entries created", step.keyring_created),
            ("keyring entries removed", step.keyring_removed),
        )
        if items
    ]
    line = f"  {step.name:<18} exit {code:<4} {step.duration_s:6.2f} s  {', '.join(counts)}"
    out = [line.rstrip()]
    web = step.workspace_summary()
    if web:
        out.append(f"    {web}")
    if step.fatal or step.problem:
        out.append(f"    problem: {step.fatal or step.problem}")
    return out


def wipe_residue(
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
