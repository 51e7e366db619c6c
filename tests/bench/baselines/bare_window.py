"""P1's baseline: a bare PySide6 ``QDialog`` of the consent dialog's size, nothing in it.

``python -m tests.bench.baselines.bare_window --startup-timing FILE [--size WxH]`` shows the
dialog and reports ``first-frame`` the way the app does; it stays open until it is stopped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog


def main(argv: list[str] | None = None, fill: Callable[[QDialog], None] | None = None) -> int:
    """Show the dialog; ``fill`` puts something in it first (:mod:`.bare_text`)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--startup-timing", required=True, metavar="FILE")
    parser.add_argument("--size", default="960x720", metavar="WxH")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication, QDialog

    from tests.bench.baselines.timing import install, parse_size

    app = QApplication(sys.argv[:1])
    install(app, args.startup_timing)
    dialog = QDialog()
    dialog.resize(*parse_size(args.size))
    dialog.setWindowTitle("NeWork")
    if fill is not None:
        fill(dialog)
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
