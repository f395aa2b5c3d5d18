"""`python -m cse_cli` runs the command line."""

from __future__ import annotations

from cse_cli.main import main

main()
