"""The run, in order (each app run is a separate process, offscreen unless ``--visible``):

1. refuse a home that is not empty (everything in it at the end counts as residue), create it;
   with ``--service-url``: refuse a URL the app's automation cannot use (not a loopback test
   service) and check that the service answers; refuse to run while the calling user's own
   NeWork is signed in (the keyring is not sandboxed);
2. snapshot the (empty) home;
3. preflight: ``status --json`` with the sandbox environment must succeed, report the requested
   layout and name folders *inside* the home -- otherwise the run stops before the GUI ever
   starts, so that ``uninstall-cleanup --yes`` can never reach a real user's data;
4. the NeWork service for the run (:mod:`.service`): ``--service-url``, or else the reference
   service that ships with the tool, started here on 127.0.0.1 for the run; when neither is
   there, the steps that need a service are reported as skipped (with the reason);
5. the app steps of :data:`~.steps.APP_STEPS` (consent, sign-in -- by e-mail, or with
   ``--sign-in oauth:PROVIDER`` with a provider, the service's OpenID provider standing in for
   it through ``NEWORK_OAUTH_ISSUER_OVERRIDE`` --, workspace, restart), each
   followed by a check that the process and its children exited and a snapshot; what the step
   created, changed and removed is recorded (files relative to the home, and the keyring
   entries of ours it created or removed), then checked (:class:`~.steps.StepChecks`);
6. ``status --json``: the roots the app names are recorded (and count as ours in the residue);
7. unless ``--no-cleanup``: ``uninstall-cleanup --yes --json``; its report is kept;
8. a final snapshot -- probing every keyring entry any earlier snapshot saw, since the index is
   gone by then -- diffed against the first one: *everything* there is residue, keyring entries
   included.

The sandbox is left as it is after an error, for inspection.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nework_desktop.core import env as app_env
from nework_desktop.core.paths import Layout
from nework_desktop.core.prefs import ENV_SERVICE_URL
from nework_desktop.qa.common import Progress, QAError
from nework_desktop.qa.diff import compute_diff
from nework_desktop.qa.lifecycle.process import ProcessResult, resolve_app, run_process
from nework_desktop.qa.lifecycle.report import LifecycleReport, StepResult, wipe_residue
from nework_desktop.qa.lifecycle.sandbox import (
    ENV_CHROMIUM_FLAGS,
    build_environment,
    check_preflight,
    prepare_home,
    refuse_signed_in_user,
    sandbox_variables,
)
from nework_desktop.qa.lifecycle.service import ServiceForRun, check_service_option, probe_service
from nework_desktop.qa.lifecycle.steps import (
    APP_STEPS,
    SIGN_IN_EMAIL,
    AppStep,
    StepChecks,
    account_state,
    check_sign_in_option,
    oauth_provider,
    transmission_counts,
    with_sign_in,
)
from nework_desktop.qa.ownership import relative
from nework_desktop.qa.snapshot import Snapshot, now_utc, take_snapshot
from nework_desktop.qa.snapshot.keyring import usable_backend

DEFAULT_TIMEOUT = 120.0


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
    #: ``email``, or ``oauth:PROVIDER``: the sign-in step signs in with that provider (the
    #: service's OpenID provider stands in for it; the reference service has one).
    sign_in: str = SIGN_IN_EMAIL


class _Run:
    def __init__(self, options: Options, progress: Progress) -> None:
        self.options = options
        self.progress = progress
        self.app = resolve_app(options.app)
        self.service_url = (
            check_service_option(options.service_url) if options.service_url is not None else None
        )
        self.sign_in = check_sign_in_option(options.sign_in)
        self.steps = with_sign_in(tuple(options.steps), self.sign_in)
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
        self.total = 1 + len(self.steps) + 1 + (1 if options.cleanup else 0)
        self.count = 0
        self.service = ServiceForRun(None, None, "not opened yet")
        #: Role → folder, as the app's ``status --json`` named them in the preflight.
        self.paths: dict[str, str] = {}
        self.checks = StepChecks(self.home, {}, self.report.notes, False, None, False)

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
        step.fatal, problem = result.exit_problems(name, self.options.timeout)
        if problem:
            step.add_problem(problem)
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

    # the steps

    def preflight(self) -> None:
        step, result = self.execute("preflight", ["status", "--json"])
        paths = check_preflight(result.json_output(), step.fatal, self.options.layout, self.home)
        self.record_changes(step)
        self.paths = paths
        self.report.preflight = {
            "command": step.command,
            "exit_code": step.exit_code,
            "paths": dict(paths),
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
            if oauth_provider(self.sign_in) is not None:  # its OpenID provider, for the sign-in
                self.env[app_env.ISSUER_OVERRIDE] = self.service.url
                self.report.environment[app_env.ISSUER_OVERRIDE] = self.service.url
        backend, why = usable_backend()
        self.report.keyring = {"backend": backend, "note": why, "entries": [], "remaining": None}
        self.checks = StepChecks(
            self.home,
            self.paths,
            self.report.notes,
            keyring_usable=backend is not None,
            keyring_note=why,
            reference=self.service.reference is not None,
        )

    def app_step(self, spec: AppStep) -> StepResult:
        if spec.needs_service and self.service.url is None:
            return StepResult(spec.name, [*self.app, *spec.argv()], skipped=self.service.note)
        mark = self.service.mark()
        sent = transmission_counts(self.checks.transmissions_path())
        step, result = self.execute(spec.name, spec.argv())
        self.record_changes(step)
        if self.service.reference is not None:
            step.extra["service_requests"] = self.service.requests_since(mark)
        account = account_state(result.stderr)
        if account is not None:
            step.extra["account"] = account
        if step.fatal:
            return step
        self.checks.check(spec, step, result, sent, self.service.workspace_visits_since(mark))
        if step.problem and not step.stderr_tail:
            step.stderr_tail = result.tail()
        return step

    def status_step(self) -> StepResult:
        step, result = self.execute("status", ["status", "--json"])
        self.record_changes(step)
        if step.fatal:
            return step
        status = result.json_output()
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
        report = result.json_output()
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
        residue.extend(wipe_residue(self.report.cleanup, self.home, residue, final, extra))
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
            refuse_signed_in_user()
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
        runs: list[Callable[[], StepResult]] = [
            functools.partial(self.app_step, spec) for spec in self.steps
        ]
        runs.append(self.status_step)
        if self.options.cleanup:
            runs.append(self.cleanup_step)
        for run_step in runs:
            step = run_step()
            if step.fatal:
                return self.stop(step, step.fatal)
            self.report.steps.append(step)
        self.finish()
        self.progress.clear()
        return self.report


def run_lifecycle(options: Options, progress: Progress | None = None) -> LifecycleReport:
    """Run the lifecycle; :class:`QAError` when it cannot start (the report is not made)."""
    return _Run(options, progress or Progress(enabled=False)).run()
