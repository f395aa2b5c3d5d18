"""The view of `cse check`: the verdict on the evidence and every problem met reading it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.problems import has_errors

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.problems import Problem
    from cse_cli.core.scoring import Verdict


@dataclass(frozen=True)
class CheckView:
    """What `cse check` shows: the organisation, the verdict and the problems."""

    organisation: str
    verdict: Verdict
    problems: tuple[Problem, ...]
    root: Path | None
    """The repository's folder, when it was read from disk."""

    @property
    def invalid(self) -> bool:
        """Whether any problem is an error: then there is no verdict."""
        return has_errors(self.problems)
