"""``--automate STEPS``: QA scripts drive the real app, without a person (docs/qa.md).

The vocabulary is stable across releases (QA scripts rely on it); an unknown or malformed step
is a usage error (exit 2).  Steps are comma-separated and used **in order**, each once, when the
app reaches the point where it needs them:

======================================  =====================================================
step                                    what the app does
======================================  =====================================================
``accept-consent``                      agree in the real consent dialog (read to the end
                                        first) with the default module choices
``accept-consent:MODULE=on|off+…``      the same with these module choices, e.g.
                                        ``accept-consent:google_analytics=off+karte=off``
``decline-consent``                     decline: the app quits and writes nothing
``sign-in-email:ADDRESS``               register by e-mail through the real dialog; the code
                                        is read from a *loopback* test service only
``sign-in-oauth:PROVIDER``              sign in with a provider (``google``, ``apple`` …)
                                        through the real dialog, a stand-in browser
                                        (:mod:`.standin_browser`) filling the provider's
                                        pages; only with a *loopback* test provider
``open-workspace``                      open the web client and wait until it has loaded (at
                                        most :data:`WORKSPACE_TIMEOUT_MS`)
``withdraw-consent``                    withdraw consent (no question): back to first launch
``delete-local-data``                   "Delete all local data" (no question), then first
                                        launch again
``quit``                                quit
======================================  =====================================================

When the consent dialog or registration is needed and the next step is not one for it, the app
declines (consent) or skips registration; a consent or sign-in step that is not needed when its
turn comes (consent already on record, already signed in) is skipped, and the log says so.
Without a ``quit`` step the app goes on as a normal session once the steps are used up.

This module holds everything that exists only for QA: the parser, the driver of the consent
dialog and of the registration (e-mail, provider), and the reference service's test-only code
endpoint.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal, get_args

from nework_desktop.core.urls import is_loopback_url

if TYPE_CHECKING:
    from nework_desktop.core.account_store import AccountSummary
    from nework_desktop.core.policy import Policy
    from nework_desktop.net.service import ServiceClient
    from nework_desktop.services.account import AccountManager
    from nework_desktop.ui.consent_dialog import ConsentOutcome
    from nework_desktop.ui.registration import RegistrationDialog

__all__ = [
    "STEP_NAMES",
    "WORKSPACE_TIMEOUT_MS",
    "Automation",
    "AutomationError",
    "Step",
    "drive_consent",
    "fetch_test_code",
    "parse",
    "sign_in",
    "sign_in_email",
    "sign_in_oauth",
]

log = logging.getLogger("nework.automation")

StepName = Literal[
    "accept-consent",
    "decline-consent",
    "sign-in-email",
    "sign-in-oauth",
    "open-workspace",
    "withdraw-consent",
    "delete-local-data",
    "quit",
]
STEP_NAMES: Final[tuple[StepName, ...]] = get_args(StepName)
#: How long ``open-workspace`` waits for the page before going on.
WORKSPACE_TIMEOUT_MS: Final = 30_000
#: The reference service's test-only endpoint that tells the last code it sent.
TEST_CODE_PATH: Final = "/_test/email-code"
_SWITCH: Final = {"on": True, "off": False}
_PROVIDER_ID: Final = re.compile(r"[a-z][a-z0-9_]{0,31}")


class AutomationError(ValueError):
    """A step that is not in the vocabulary, or malformed (a usage error: exit 2)."""


@dataclass(frozen=True)
class Step:
    name: StepName
    #: ``accept-consent:…``: the module choices given (module id → on).
    modules: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))
    #: ``sign-in-email:ADDRESS``.
    address: str = ""
    #: ``sign-in-oauth:PROVIDER``.
    provider: str = ""

    def __str__(self) -> str:
        if self.name == "sign-in-email":
            return f"{self.name}:{self.address}"
        if self.name == "sign-in-oauth":
            return f"{self.name}:{self.provider}"
        if self.modules:
            pairs = "+".join(f"{k}={'on' if v else 'off'}" for k, v in self.modules.items())
            return f"{self.name}:{pairs}"
        return self.name


def _parse_step(text: str, module_ids: Collection[str] | None) -> Step:
    name, sep, argument = text.partition(":")
    if name not in STEP_NAMES:
        raise AutomationError(f"unknown --automate step {text!r}")
    step_name = STEP_NAMES[STEP_NAMES.index(name)]
    if step_name == "sign-in-email":
        if "@" not in argument.strip("@") or any(c.isspace() for c in argument):
            raise AutomationError(f"--automate step {text!r} needs an e-mail address")
        return Step(step_name, address=argument)
    if step_name == "sign-in-oauth":
        if not _PROVIDER_ID.fullmatch(argument):
            raise AutomationError(f"--automate step {text!r} needs a provider id, e.g. google")
        return Step(step_name, provider=argument)
    if step_name == "accept-consent" and sep:
        modules: dict[str, bool] = {}
        for pair in argument.split("+"):
            module, eq, value = pair.partition("=")
            if not eq or value not in _SWITCH or not module:
                raise AutomationError(f"--automate step {text!r}: expected MODULE=on|off")
            if module_ids is not None and module not in module_ids:
                known = ", ".join(sorted(module_ids)) or "none"
                raise AutomationError(f"--automate step {text!r}: no module {module!r} ({known})")
            modules[module] = _SWITCH[value]
        return Step(step_name, modules=MappingProxyType(modules))
    if sep:
        raise AutomationError(f"--automate step {name!r} takes no argument")
    return Step(step_name)


def parse(value: str | None, module_ids: Collection[str] | None = None) -> Automation:
    """The steps of ``--automate`` (empty when not given); :class:`AutomationError` if bad.

    ``module_ids`` are the modules a choice may name (the policy's switchable ones).
    """
    texts = [t.strip() for t in (value or "").split(",") if t.strip()]
    return Automation(tuple(_parse_step(t, module_ids) for t in texts))


class Automation:
    """The steps still to run, in order."""

    def __init__(self, steps: tuple[Step, ...] = ()) -> None:
        self.steps = steps
        self._next = 0

    @property
    def active(self) -> bool:
        """True when the app runs under ``--automate`` (no person is there to ask)."""
        return bool(self.steps)

    def peek(self) -> Step | None:
        return self.steps[self._next] if self._next < len(self.steps) else None

    def take(self, *names: StepName) -> Step | None:
        """The next step if it is one of ``names`` (it is used up), else None."""
        step = self.peek()
        if step is None or step.name not in names:
            return None
        self._next += 1
        return step

    def skip(self) -> Step | None:
        """Use up the next step without running it (not needed), logging why."""
        step = self.peek()
        if step is not None:
            self._next += 1
            log.info("automation: %s not needed here, skipped", step)
        return step

    def wants(self, name: StepName) -> bool:
        """True if a step ``name`` is still to come."""
        return any(step.name == name for step in self.steps[self._next :])


# -- the consent dialog ---------------------------------------------------------------------------


def drive_consent(
    policy: Policy,
    locale: str,
    step: Step,
    *,
    mode: Literal["first", "reconsent"],
    accepted_version: str | None,
) -> ConsentOutcome | None:
    """Drive the real consent dialog as a person would: read to the end, set the switches,
    then agree (``accept-consent``) or decline (``decline-consent``)."""
    from PySide6.QtCore import QTimer

    from nework_desktop.ui.consent_dialog import ConsentDialog

    dialog = ConsentDialog(policy, locale, mode=mode, accepted_version=accepted_version)
    accept = step.name == "accept-consent"

    def drive() -> None:
        dialog.show_full_text()
        bar = dialog.text.verticalScrollBar()
        bar.setValue(bar.maximum())
        for module_id, enabled in step.modules.items():
            switch = dialog.module_switches.get(module_id)
            if switch is not None:
                switch.setChecked(enabled)
        (dialog.agree_button if accept else dialog.decline_button).click()

    QTimer.singleShot(0, drive)
    try:
        accepted = dialog.exec() == ConsentDialog.DialogCode.Accepted
        log.info("automation: consent %s", "accepted" if accepted else "declined")
        return dialog.outcome if accepted else None
    finally:
        dialog.deleteLater()


# -- e-mail registration --------------------------------------------------------------------------


def fetch_test_code(client: ServiceClient, email: str) -> str:
    """The last code the reference service sent to ``email`` (its test-only endpoint).

    Refused unless the service is on a loopback address, so it can never be aimed at a real
    service.
    """
    from nework_desktop.net.errors import BlockedError

    if not is_loopback_url(client.base_url):
        raise BlockedError("the test code endpoint exists only on a loopback test service")
    reply = client.http.request("POST", client.url(TEST_CODE_PATH), json_body={"email": email})
    return reply.json().text("code", max_len=32)


def _drive(
    dialog: RegistrationDialog, step: Callable[[], None], signed_in: str
) -> AccountSummary | None:
    """Run the registration dialog with ``step()`` every 50 ms; its summary once accepted."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    timer = QTimer(dialog)
    timer.setInterval(50)
    timer.timeout.connect(step)
    timer.start()
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            log.info("%s", signed_in)
            return dialog.summary
        return None
    finally:
        timer.stop()
        dialog.deleteLater()


def sign_in(manager: AccountManager, locale: str, step: Step) -> AccountSummary | None:
    """Run a ``sign-in-email`` or ``sign-in-oauth`` step."""
    if step.name == "sign-in-oauth":
        return sign_in_oauth(manager, locale, step.provider)
    return sign_in_email(manager, locale, step.address)


def sign_in_email(
    manager: AccountManager, locale: str, address: str, *, timeout: float = 60.0
) -> AccountSummary | None:
    """``sign-in-email:ADDRESS``: drive the real registration dialog.

    Types the address, sends it, reads the code from the loopback test service
    (:func:`fetch_test_code`) and enters it, as a person would.  None if any step fails or
    ``timeout`` passes.
    """
    from PySide6.QtWidgets import QDialog

    from nework_desktop.net.errors import ServiceError
    from nework_desktop.ui.registration import PAGE_CHOOSE, PAGE_CODE, RegistrationDialog

    dialog = RegistrationDialog(manager, locale, opener=lambda url: False)
    done = {"sent": False, "verified": False}
    deadline = time.monotonic() + timeout

    def give_up(why: str) -> None:
        log.error("automation: e-mail sign-in failed: %s", why)
        QDialog.reject(dialog)

    def step() -> None:
        if time.monotonic() > deadline:
            give_up("timed out")
        elif dialog.busy or dialog.summary is not None:
            return
        elif dialog.error_label.isVisible():
            give_up(dialog.details_label.text() or dialog.error_label.text())
        elif dialog.page == PAGE_CHOOSE and not done["sent"]:
            done["sent"] = True
            dialog.choose.email_edit.setText(address)
            dialog.choose.send_code()
        elif dialog.page == PAGE_CODE and dialog.code.request and not done["verified"]:
            try:
                code = fetch_test_code(manager.client, dialog.code.request.email)
            except ServiceError as exc:
                give_up(f"{type(exc).__name__}: {exc}")
                return
            done["verified"] = True
            dialog.code.code_edit.setText(code)
            dialog.code.verify_code()
        elif done["verified"]:
            give_up("the code was not accepted")

    return _drive(dialog, step, "automation: signed in by e-mail")


# -- provider sign-in -----------------------------------------------------------------------------


def loopback_provider_problem(manager: AccountManager, provider_id: str) -> str:
    """Why ``sign-in-oauth:PROVIDER`` cannot run ("" when it can): the provider must be usable
    and point at a test provider on this machine (never a real one)."""
    from nework_desktop.net.errors import ServiceError

    try:
        provider = manager.provider(provider_id)
    except ServiceError as exc:
        return str(exc)
    if not provider.available:
        return f"{provider_id} is not configured ({provider.unavailable_reason})"
    issuer = provider.spec.issuer or ""
    if not provider.discover or not is_loopback_url(issuer):
        return (
            f"{provider_id} is not a test provider on this machine: set "
            "NEWORK_OAUTH_ISSUER_OVERRIDE to a loopback issuer (e.g. http://127.0.0.1:8765)"
        )
    return ""


def sign_in_oauth(
    manager: AccountManager, locale: str, provider_id: str, *, timeout: float = 60.0
) -> AccountSummary | None:
    """``sign-in-oauth:PROVIDER``: drive the real registration dialog's provider button.

    The dialog's opener is a :class:`~nework_desktop.app.standin_browser.StandInBrowser`, which
    signs in at the loopback test provider as a person would.  None if any step fails or
    ``timeout`` passes (the log says why: ``provider sign-in failed: …``).
    """
    problem = loopback_provider_problem(manager, provider_id)
    if problem:
        log.error("automation: provider sign-in failed: %s", problem)
        return None

    from PySide6.QtWidgets import QDialog

    from nework_desktop.app.standin_browser import StandInBrowser
    from nework_desktop.ui.registration import PAGE_BROWSER, RegistrationDialog

    browser = StandInBrowser()
    dialog = RegistrationDialog(manager, locale, opener=browser)
    deadline = time.monotonic() + timeout
    clicked = {"done": False}

    def give_up(why: str) -> None:
        log.error("automation: provider sign-in failed: %s", why)
        if dialog.browser.flow is not None:
            dialog.browser.cancel()
        QDialog.reject(dialog)

    def step() -> None:
        button = dialog.choose.provider_buttons.get(provider_id)
        if time.monotonic() > deadline:
            give_up("timed out")
        elif browser.errors:
            give_up(f"the stand-in browser stopped: {browser.errors[0]}")
        elif dialog.summary is not None or dialog.busy:
            return
        elif dialog.error_label.isVisible() and dialog.page != PAGE_BROWSER:
            give_up(dialog.details_label.text() or dialog.error_label.text())
        elif not clicked["done"]:
            if button is None or not button.isEnabled():
                give_up(f"no usable {provider_id} button in the registration dialog")
                return
            clicked["done"] = True
            button.click()

    return _drive(dialog, step, f"automation: signed in with {provider_id}")
