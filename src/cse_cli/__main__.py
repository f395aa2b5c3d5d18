"""`python -m cse_cli` runs the command line."""

from __future__ import annotations

import sys

from cse_cli.cli.main import main

sys.exit(main())
