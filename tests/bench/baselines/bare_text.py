"""P1's fairer baseline: a bare ``QDialog`` with a ``QTextBrowser`` showing the same policy text.

``python -m tests.bench.baselines.bare_text --startup-timing FILE [--size WxH]`` reads the
shipped policy's English Markdown (the text the consent dialog shows first under ``LANG=C.UTF-8``)
with ``json``/``open`` only, shows it in a plain ``QTextBrowser`` (``setMarkdown``) filling a
dialog of the consent dialog's size, and reports ``first-frame`` like the app.  It is the least
any program must do to put that text on screen with this toolkit: what of P1 is the toolkit's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

POLICY = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "policy")


def policy_text(locale: str = "en") -> str:
    root = os.environ.get("NEWORK_POLICY_DIR") or os.path.normpath(POLICY)
    with open(os.path.join(root, "index.json"), "rb") as fh:
        version = json.load(fh)["current"]
    with open(os.path.join(root, version, f"policy.{locale}.md"), encoding="utf-8") as fh:
        return fh.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--startup-timing", required=True, metavar="FILE")
    parser.add_argument("--size", default="960x720", metavar="WxH")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser, QVBoxLayout

    from tests.bench.baselines.timing import install, parse_size

    app = QApplication(sys.argv[:1])
    install(app, args.startup_timing)
    dialog = QDialog()
    dialog.resize(*parse_size(args.size))
    dialog.setWindowTitle("NeWork")
    view = QTextBrowser(dialog)
    view.setMarkdown(policy_text())
    QVBoxLayout(dialog).addWidget(view)
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
