"""What one file may cost: the limits stated in the README, checked before reading.

Real element files are a few kilobytes and a few hundred values; these limits
are far above any real one and far below what would hurt a CI runner.
"""

from __future__ import annotations

from cse_cli.core.problems import Problem, Severity, has_errors

MAX_FILE_BYTES = 5_000_000
MAX_VALUES = 100_000  # texts, numbers, lists and mappings, each use of an alias counted in full
MAX_DEPTH = 64  # lists and mappings nested in one another
MAX_LINK_BYTES = 4_096  # a symbolic link's target: Linux's longest path (PATH_MAX)
MAX_NUMBER_CHARS = 100  # a plain scalar YAML would read as a number (as 1:2:3…, base 60)

MAX_PACK_BYTES = 2_000_000_000  # the documents of one `cse pack`, in all
MAX_PROBLEMS_PER_FILE = 100  # past this, one line says how many more: nobody reads 100,000 lines


def too_large(size: int, limit: int = MAX_FILE_BYTES) -> str:
    """The message for a file over the limit for one file."""
    return (
        f"file is {size:,} bytes, over the limit of {limit:,} for one YAML file: "
        "keep large documents as files of their own and point at them with path:"
    )


def _order(problem: Problem) -> tuple[str, int, int]:
    return (problem.file, problem.line, problem.column)


def at_most_per_file(problems: list[Problem]) -> list[Problem]:
    """The problems in order of place: each file's first MAX_PROBLEMS_PER_FILE, then one line."""
    problems = sorted(problems, key=_order)
    kept: list[Problem] = []
    hidden: dict[str, list[Problem]] = {}
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.file] = seen.get(problem.file, 0) + 1
        if seen[problem.file] <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
        else:
            hidden.setdefault(problem.file, []).append(problem)
    if not hidden:
        return problems
    for file, rest in hidden.items():
        first = rest[0]
        severity: Severity = "error" if has_errors(rest) else "warning"
        message = (
            f"{len(rest):,} more problems in this file are not listed (the first at this "
            f"line): fix the {MAX_PROBLEMS_PER_FILE} above and run cse check again"
        )
        kept.append(Problem(file, first.line, first.column, severity, message))
    return sorted(kept, key=_order)
