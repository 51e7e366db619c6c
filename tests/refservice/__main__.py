"""``python -m tests.refservice [--port 8765]``: ``nework-qa refservice``, from a checkout."""

from __future__ import annotations

import sys

from nework_desktop.qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["refservice", *sys.argv[1:]]))
