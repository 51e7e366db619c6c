"""``nework-qa lifecycle``: run the real app in an empty sandbox home, wipe, check nothing is left.

* :mod:`.run`      the run, in order (its docstring has the whole sequence);
* :mod:`.sandbox`  the home, the app's environment, the checks before the GUI starts;
* :mod:`.process`  running the app (a process group, a timeout, the exit checks);
* :mod:`.service`  the NeWork service of the run (``--service-url`` or the reference service);
* :mod:`.steps`    the app steps (:data:`APP_STEPS`) and what each must have done;
* :mod:`.report`   the report, the verdicts, JSON / human / JUnit output.
"""

from nework_desktop.qa.lifecycle.report import KIND, SCHEMA, LifecycleReport, StepResult
from nework_desktop.qa.lifecycle.run import DEFAULT_TIMEOUT, Options, run_lifecycle
from nework_desktop.qa.lifecycle.sandbox import (
    ENV_CHROMIUM_FLAGS,
    HOST_RESOLVER_RULES,
    build_environment,
    chromium_flags,
    sandbox_variables,
)
from nework_desktop.qa.lifecycle.steps import APP_STEPS, SIGN_IN_ADDRESS, AppStep

__all__ = [
    "APP_STEPS",
    "DEFAULT_TIMEOUT",
    "ENV_CHROMIUM_FLAGS",
    "HOST_RESOLVER_RULES",
    "KIND",
    "SCHEMA",
    "SIGN_IN_ADDRESS",
    "AppStep",
    "LifecycleReport",
    "Options",
    "StepResult",
    "build_environment",
    "chromium_flags",
    "run_lifecycle",
    "sandbox_variables",
]
