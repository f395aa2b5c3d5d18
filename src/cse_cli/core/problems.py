"""Problems found in the evidence, and the one exception that stops a command.

Bad input never raises past the reader: it becomes a `Problem` with its place,
and every problem in every file is reported at once. `CseError` is for what stops
a command before any evidence is read (no repository, a bad option value).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class Problem(NamedTuple):  # immutable and ordered by place
    """One thing wrong with the evidence, at a place in a file.

    `file` is relative to the repository root; `line` and `column` count from 1
    (0 when the problem concerns the whole file). A problem in a spreadsheet
    names its `cell` (`Sheet!C12`), and its line and column are the cell's row
    and column.
    """

    file: str
    line: int
    column: int
    severity: Severity
    message: str
    cell: str = ""

    def __str__(self) -> str:
        """The line the user reads, `file:line:column: severity: message` (or `file:Sheet!C12`)."""
        if self.cell:
            return f"{self.file}:{self.cell}: {self.severity}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_json(self) -> dict[str, object]:
        """The problem as the JSON object of the `check` contract."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
        } | ({"cell": self.cell} if self.cell else {})


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    """Whether any problem is an error (warnings do not invalidate evidence)."""
    return any(p.severity == "error" for p in problems)


def errors_of(problems: list[Problem] | tuple[Problem, ...]) -> tuple[Problem, ...]:
    """The problems that are errors."""
    return tuple(p for p in problems if p.severity == "error")


class CseError(Exception):
    """A problem that stops a command; its text is what the user reads."""

    def __init__(self, *problems: Problem | str) -> None:
        """Hold one or more problems, or plain one-line messages."""
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
