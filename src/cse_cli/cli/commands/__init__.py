"""One module per command, each a plain `run(...)` returning the exit code."""
