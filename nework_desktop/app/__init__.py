"""The GUI application: bootstrap, controller, automation (QA), single instance, log, timing.

``run`` is imported lazily so that ``import nework_desktop.app`` stays cheap.
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    """Start the GUI (:func:`nework_desktop.app.bootstrap.run`); returns the exit code."""
    from nework_desktop.app.bootstrap import run as bootstrap_run

    return bootstrap_run(args)
