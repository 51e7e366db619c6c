"""Delete all local data (Art. 6, 7-2) from inside the running app: the uninstall wipe itself."""

from __future__ import annotations

from nework_desktop.app import log as applog
from nework_desktop.core import secrets
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.wipe import Progress, WipePlan, WipeReport, plan, wipe


def wipe_local_data(
    paths: AppPaths, the_plan: WipePlan | None = None, progress: Progress | None = None
) -> WipeReport:
    """The GUI's "Delete all local data…": the same wipe as ``uninstall-cleanup``.

    Runs ``the_plan`` (the one the user confirmed; made now when not given).  Closes this
    process's log file first (it lives in a root being deleted); the caller has closed every
    window and the web profile, and writes nothing afterwards.
    """
    applog.disable_file_logging()
    if the_plan is None:
        the_plan = plan(paths)
    backend = secrets.system_backend() if the_plan.keyring else None
    return wipe(paths, backend=backend, progress=progress, the_plan=the_plan)
