"""``python -m nework_desktop``."""

import sys

from nework_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
