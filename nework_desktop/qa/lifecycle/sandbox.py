"""The sandbox of a run: the home, the app's environment, and the checks before the GUI starts.

The environment is the caller's minus ``XDG_*`` (except ``XDG_RUNTIME_DIR``: a runtime folder
holds sockets, not data, and without it Qt falls back to ``/tmp/runtime-$USER`` with a warning),
``NEWORK_*`` and ``WIN_PD_OVERRIDE_*``, plus ``HOME`` (and ``USERPROFILE`` on Windows) = the
sandbox, ``NEWORK_SIMULATE_OS`` = the layout and, for the windows layout, ``APPDATA`` /
``LOCALAPPDATA`` under the sandbox (and the ``WIN_PD_OVERRIDE_*`` pair, which platformdirs
honours on a real Windows).  ``nework-desktop status`` run with the same environment names the
same roots.  (``NEWORK_SERVICE_URL`` is added once the service of the run is known.)

``QTWEBENGINE_CHROMIUM_FLAGS`` always gets :data:`HOST_RESOLVER_RULES` (any rule of the caller's
is replaced): every host name the web view looks up resolves to 127.0.0.1, so the GA and KARTE
tags of the test service's page -- real Google and PLAID URLs, allowed by the default consent --
can never leave the machine, whatever the egress rules decide.

Before the GUI: the home must be empty (:func:`prepare_home`), the calling user's own NeWork
must not be signed in (:func:`entries_in_use`: the keyring is not sandboxed), and the app's
``status --json`` must report the requested layout and name folders inside the home only
(:func:`check_preflight`), so that ``uninstall-cleanup --yes`` can never reach real data.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import nework_desktop
from nework_desktop.core.paths import Layout
from nework_desktop.qa.common import EXIT_ENVIRONMENT, EXIT_USAGE, QAError
from nework_desktop.qa.ownership import STRIPPED_PREFIXES, relative

#: Chromium's variable for extra switches; QtWebEngine reads it in every build.
ENV_CHROMIUM_FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS"
#: Always given to the app's web view: every host name resolves to 127.0.0.1 (nothing leaves
#: the machine: an allowed GA request goes to 127.0.0.1:443, where nothing answers).
HOST_RESOLVER_RULES = '--host-resolver-rules="MAP * 127.0.0.1"'
_RESOLVER_SWITCH = re.compile(r'(?<!\S)--host-resolver-rules(?:=(?:"[^"]*"|\S*))?(?!\S)')


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


def refuse_signed_in_user() -> None:
    """:class:`QAError` (environment) while the calling user's NeWork is signed in."""
    in_use = entries_in_use()
    if in_use:
        raise QAError(
            f"NeWork is signed in for this user account ({len(in_use)} keyring entries, "
            f"e.g. {in_use[0]}): the keyring is not sandboxed, so the run's sign-in would "
            "replace that session and its wipe delete it; sign out of NeWork first, or "
            "run the lifecycle as a test user",
            EXIT_ENVIRONMENT,
        )


def inside(path: str, home: str) -> bool:
    return relative(os.path.realpath(path), os.path.realpath(home)) is not None


def check_preflight(
    status: dict[str, Any] | None, fatal: str | None, layout: Layout, home: str
) -> dict[str, str]:
    """The roots (role → folder) of the preflight's ``status --json``; :class:`QAError` unless
    it ran, printed them, reports ``layout`` and names no folder outside ``home``."""
    if fatal:
        raise QAError(
            f"the app's 'status --json' failed before anything ran ({fatal}); "
            "is --app a NeWork Desktop executable?",
            EXIT_ENVIRONMENT,
        )
    paths = status.get("paths") if status else None
    if status is None or not isinstance(paths, dict) or not paths:
        raise QAError(
            "the app's 'status --json' printed no report with \"paths\": is --app a NeWork "
            "Desktop executable?",
            EXIT_ENVIRONMENT,
        )
    reported = status.get("layout")
    if reported != layout:
        raise QAError(
            f"the app reports the {reported} layout, not {layout}: this build "
            "does not honour NEWORK_SIMULATE_OS; stopping before it runs",
            EXIT_ENVIRONMENT,
        )
    outside = {r: p for r, p in paths.items() if not inside(str(p), home)}
    if outside:
        role, path = next(iter(outside.items()))
        raise QAError(
            f"the app would write outside the sandbox ({role}: {path}; {len(outside)} "
            f"folders outside {home}); stopping before it runs so that the wipe "
            "cannot reach real data",
            EXIT_ENVIRONMENT,
        )
    return {str(k): str(v) for k, v in paths.items()}
