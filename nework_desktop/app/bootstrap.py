"""GUI bootstrap, in a fixed and logged order.

1. arguments  2. logging (stderr only)  3. paths  4. policy (the bundled one, or a newer one
the service published and the app verified and kept) + consent ledger (+ ``--automate``)
5. QApplication (+ single instance, translator, icon)  6. consent decision  7. main window

Steps 6 and 7 are :class:`~nework_desktop.app.controller.AppController`'s.  Nothing is written
to disk before the user agrees: the ledger is only read (a corrupt one is moved aside inside the
owned roots, where it already was), logging goes to stderr, no Qt settings are used.  After
consent the log also goes to a rotating file in the log root.  A documented failure (bad
``--automate`` steps, an unreadable policy, folders that cannot be computed) ends as one line
and its exit code (:mod:`nework_desktop.cli.errors`) -- so does a Linux session without a
display (:func:`display_problem`), before Qt would abort with its own message.

The language: ``--locale``, else the one chosen in Settings (the ``locale`` preference, read
only), else the system's.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from nework_desktop import APP_NAME, __version__
from nework_desktop.app import automation, marks
from nework_desktop.app import log as applog
from nework_desktop.app.controller import AppController
from nework_desktop.app.instance import SingleInstance, send_command
from nework_desktop.cli.errors import (
    EXIT_NO_DISPLAY,
    EXIT_PATHS,
    EXIT_USAGE,
    CliError,
    open_paths,
    open_policy,
)
from nework_desktop.core.consent import ConsentLedger
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy.store import FeedStore, current_policy
from nework_desktop.core.prefs import Preferences, PrefsError
from nework_desktop.services.session import Services, connect_network_services
from nework_desktop.ui.i18n import install_translator, system_locale
from nework_desktop.ui.look import app_icon

__all__ = ["display_problem", "run"]

log = logging.getLogger("nework.app")

#: Qt platforms that draw nowhere (no display needed).
_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    x11_sockets: Path = Path("/tmp/.X11-unix"),  # noqa: S108 - where X servers listen
) -> str | None:
    """Why this Linux session cannot show a window (one sentence with what to do), or None."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if qpa in _HEADLESS:
        return None
    display = env.get("DISPLAY", "").strip()
    if env.get("WAYLAND_DISPLAY", "").strip() and qpa in ("", "wayland"):
        return None
    advice = (
        "start NeWork from a desktop session, or without one use a virtual display "
        "(xvfb-run -a scripts/run) or draw into memory (QT_QPA_PLATFORM=offscreen scripts/run)"
    )
    if not display:
        return f"NeWork needs a display to show its window, and there is none: {advice}"
    host, _, number = display.partition(":")
    number = number.split(".", 1)[0]
    local = host in ("", "unix") and number.isdigit() and x11_sockets.is_dir()
    if local and not (x11_sockets / f"X{number}").exists():
        return f"the display {display} is not running: {advice}"
    return None


def run(args: argparse.Namespace) -> int:
    """Start the GUI; returns the process exit code."""
    if getattr(args, "startup_timing", None):
        marks.enable(args.startup_timing)
    marks.mark("bootstrap")  # the imports are done
    applog.setup(logging.DEBUG if args.debug else logging.INFO)
    log.info("step 1 arguments: %s", {k: v for k, v in vars(args).items() if v is not None})
    log.info("step 2 logging: stderr only until consent")
    paths = open_paths(args.basedir)
    log.info("step 3 paths: %s layout, roots %s", paths.layout, [str(r) for r in paths.roots()])
    bundled = open_policy()
    current = current_policy(FeedStore(paths), bundled)  # reads only; nothing is fetched here
    policy = current.policy
    try:
        steps = automation.parse(args.automate, policy.default_module_choices())
    except automation.AutomationError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    ledger = ConsentLedger(paths)
    try:
        state = ledger.load()
    except OSError as exc:
        msg = f"cannot read the consent record {ledger.path}: {exc.strerror or exc}"
        raise CliError(msg, EXIT_PATHS) from exc
    log.info(
        "step 4 policy %s (%s); consent ledger: %s", policy.version, current.source, state.state
    )
    marks.mark("policy-and-ledger")
    problem = display_problem()
    if problem is not None:
        raise CliError(problem, EXIT_NO_DISPLAY)
    # QtWebEngine is imported later (workspace) and needs this before the QApplication exists.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # Qt's shader and pipeline disk caches go to Qt's own cache location, outside the owned
    # roots (and outside --basedir): uninstall residue.  They only save a little GPU time.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DisableShaderDiskCache)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)
    if getattr(args, "startup_timing", None):
        from nework_desktop.app.timing import StartupTiming

        StartupTiming(args.startup_timing, app).install(app)
    instance = SingleInstance(paths)
    if not instance.listen():
        send_command(paths, "activate")
        log.info("another NeWork is running: handed over to it")
        return 0
    log.info("step 5 QApplication %s", app.platformName())
    marks.mark("qapplication")
    locale = args.locale or Preferences.load(paths).locale or system_locale()
    install_translator(app, locale)
    app.setWindowIcon(app_icon())
    services = Services(
        paths,
        policy,
        ledger,
        debug=bool(args.debug),
        connect=connect_network_services,
        state=state,
        source=current,
        bundled=bundled,
    )
    controller = AppController(services, locale, steps)
    marks.mark("controller")
    instance.activate_requested.connect(controller.activate)
    instance.quit_requested.connect(controller.quit)
    try:
        started = controller.start()
    except PrefsError as exc:  # only NEWORK_SERVICE_URL can be refused (a file's value is not)
        instance.close()
        raise CliError(str(exc), EXIT_USAGE) from exc
    except OSError as exc:
        instance.close()
        _cannot_write(paths, exc, ask=not steps.active)
        raise CliError(
            f"cannot write the app's data ({exc.strerror or exc}; in {paths.data.parent}): "
            "nothing was recorded; free disk space or fix the folder's permissions and start "
            "again",
            EXIT_PATHS,
        ) from exc
    if not started:
        instance.close()
        return 0
    code = app.exec()
    instance.close()
    applog.disable_file_logging()
    return code


def _cannot_write(paths: AppPaths, exc: OSError, *, ask: bool) -> None:
    """Tell a person (not only stderr) that nothing could be recorded."""
    log.error("cannot write the app's data: %s", exc)
    if ask:
        from nework_desktop.ui.startup_errors import show_cannot_write

        show_cannot_write(str(paths.data.parent), str(exc))
