"""The app steps of a run (:data:`APP_STEPS`) and what each must have done (:class:`StepChecks`).

Each step is one run of the GUI app, driven by its ``--automate`` option (the vocabulary is in
:mod:`nework_desktop.app.automation` and docs/qa.md).  After it, the run records what changed
(files and keyring entries) and the checks below read that, the app's log on stderr, the egress
log (``transmissions.json``) and -- with the reference service -- what the service saw.

Adding a step is one :class:`AppStep` in :data:`APP_STEPS`.  ``--sign-in oauth:PROVIDER``
makes the sign-in step a provider sign-in (:func:`with_sign_in`): ``--automate
sign-in-oauth:PROVIDER`` against the run's loopback OpenID provider, so that an OAuth session's
keyring entries are stored, resumed and wiped like an e-mail one's.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from nework_desktop.core.egress import TRANSMISSIONS_NAME
from nework_desktop.qa.common import EXIT_USAGE, QAError
from nework_desktop.qa.lifecycle.process import ProcessResult
from nework_desktop.qa.lifecycle.report import StepResult
from nework_desktop.qa.ownership import relative


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
#: then, so the app goes straight to registration (the app skips registration under automation
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

#: What the app logs about its sign-in state at start.
_ACCOUNT_LINE = re.compile(r"\baccount: (signed-in|signed-out|sign-in-again)( \(offline\))?")
_SIGN_IN_FAILED = re.compile(r"(?:e-mail|provider) sign-in failed: (.*)$")
#: ``--sign-in``: the default, or a provider sign-in.
SIGN_IN_EMAIL = "email"
_SIGN_IN_OAUTH = re.compile(r"oauth:([a-z][a-z0-9_]{0,31})")


def check_sign_in_option(value: str) -> str:
    """``--sign-in``: ``email`` or ``oauth:PROVIDER`` (a provider of the app's table)."""
    from nework_desktop.net.oauth.providers import PROVIDERS

    match = _SIGN_IN_OAUTH.fullmatch(value)
    known = [p.id for p in PROVIDERS]
    if value == SIGN_IN_EMAIL or (match and match.group(1) in known):
        return value
    choices = ", ".join(["email", *(f"oauth:{p}" for p in known)])
    raise QAError(f"--sign-in {value}: expected one of {choices}", EXIT_USAGE)


def oauth_provider(sign_in: str) -> str | None:
    """The provider of ``--sign-in oauth:PROVIDER`` (None for the e-mail sign-in)."""
    match = _SIGN_IN_OAUTH.fullmatch(sign_in)
    return match.group(1) if match else None


def with_sign_in(steps: tuple[AppStep, ...], sign_in: str) -> tuple[AppStep, ...]:
    """``steps`` with the e-mail sign-in replaced by ``sign-in-oauth:PROVIDER`` if asked."""
    provider = oauth_provider(sign_in)
    if provider is None:
        return steps
    return tuple(
        replace(
            spec,
            automate=tuple(
                f"sign-in-oauth:{provider}" if a.startswith("sign-in-email:") else a
                for a in spec.automate
            ),
        )
        for spec in steps
    )


#: What the app logs when ``--automate open-workspace`` is done.
_WORKSPACE_LINE = re.compile(r"\bautomation: workspace (loaded|not loaded)\b")


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


def sign_in_failure(stderr: str) -> str | None:
    for line in reversed(stderr.splitlines()):
        match = _SIGN_IN_FAILED.search(line)
        if match:
            return match.group(1).strip()[:200]
    return None


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


@dataclass
class StepChecks:
    """The checks of the app steps, with what they need to know of the run."""

    home: str
    #: Role → folder, as the app's ``status --json`` named them in the preflight.
    paths: dict[str, str]
    #: The report's notes (a check adds to them what it could not test).
    notes: list[str]
    #: A keyring the snapshots can probe (else: why not, in ``keyring_note``).
    keyring_usable: bool
    keyring_note: str | None
    #: The reference service runs in this process (its records can be checked).
    reference: bool
    #: A step signed in and stored its session in the keyring: later steps must resume it.
    session_stored: bool = field(default=False, init=False)

    def transmissions_path(self) -> Path:
        return Path(self.paths.get("state", self.home), TRANSMISSIONS_NAME)

    def check(
        self,
        spec: AppStep,
        step: StepResult,
        result: ProcessResult,
        sent_before: Counts | None,
        visits: list[dict[str, Any]],
    ) -> None:
        """Everything ``spec`` asks of the run that just ended (problems go to ``step``)."""
        if spec.must_write and not (step.files_created or step.files_changed):
            step.add_problem(
                f"{spec.name}: the app wrote nothing under {self.home}: it keeps its files "
                "elsewhere or did not record anything"
            )
        if spec.signs_in:
            self.check_sign_in(step, result)
        if spec.resumes_session:
            self.check_session_resumed(step, step.extra.get("account"))
        if spec.opens_workspace:
            self.check_workspace(step, result, sent_before, visits)

    def check_sign_in(self, step: StepResult, result: ProcessResult) -> None:
        failed = sign_in_failure(result.stderr)
        said = f" (the app says: {failed})" if failed else ""
        asked = step.extra.get("service_requests")
        if (
            self.reference
            and isinstance(asked, dict)
            and "sign-in-oauth:" in " ".join(step.command)
        ):
            for path in ("POST /oauth/token", "POST /api/v1/auth/oauth"):
                if not asked.get(path):
                    step.add_problem(
                        f"{step.name}: the provider sign-in never reached {path}{said}"
                    )
        if not self.keyring_usable:
            if failed:
                step.add_problem(f"{step.name}: the sign-in failed{said}")
            self.notes.append(
                f"{step.name}: no usable keyring here ({self.keyring_note}): the "
                "app kept its session in memory only, so keyring entries and their removal were "
                "not checked and the restart cannot resume the session"
            )
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
        if self.reference:
            self.check_reference_page(step, visits, modules)
        elif outcome == "loaded" and not modules:
            self.notes.append(
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
            self.notes.append(
                f"{name}: the page could not store {', '.join(lacking)} in the web profile, so "
                "the wipe was not tested against it"
            )
