"""P1's baseline: a bare PySide6 ``QDialog`` of the consent dialog's size, nothing in it.

``python -m tests.bench.baselines.bare_window --startup-timing FILE [--size WxH]`` shows the
dialog and reports ``first-frame`` the way the app does; it stays open until it is stopped.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
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
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
