"""``python -m nework_desktop.qa``: the ``nework-qa`` command line."""

import sys

from nework_desktop.qa.cli import main

sys.exit(main())
