"""``python -m tests.bench [--rounds N] [--json] [--only P1,P4] [--quick]``."""

import sys

from tests.bench.run import main

if __name__ == "__main__":
    sys.exit(main())
