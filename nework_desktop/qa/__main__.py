"""``python -m nework_desktop.qa``: the ``nework-qa`` command line (and the frozen tool)."""

import sys

from nework_desktop.qa.cli import main

if __name__ == "__main__":
    sys.exit(main())
