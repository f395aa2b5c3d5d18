"""The live verdict: what a form's values would do to the element's criterion and the standard.

As the user changes a rating, the page asks `POST /element/ID/check` (with
JavaScript; without it, the verdict is shown each time the form comes back)
for the form as it stands: it is checked as a save would be, nothing written,
and scored at the latest ratings, as the overview scores it by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.problems import has_errors
from cse_cli.core.scoring import score_evidence, verdict_sentence
from cse_cli.core.stages import Stage

if TYPE_CHECKING:
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.standard import Standard
    from cse_cli.serve.forms import Judged


@dataclass(frozen=True)
class Side:
    """The verdict on one side: the criterion met or not, and the standard's sentence."""

    met: bool
    sentence: str
    valid: bool


@dataclass(frozen=True)
class VerdictChange:
    """The criterion's and the standard's verdict now, and with the form's values."""

    element: str
    number: int
    title: str
    stage_words: str
    now: Side
    then: Side | None
    """None when the form's values are not judged, or cannot be scored."""
    unread: bool
    """Whether the form's values would leave the file unread (so they cannot be scored)."""
    problems: int
    """The errors `cse check` would find in the file with the form's values."""

    @property
    def changed(self) -> bool:
        """Whether saving would change the criterion's result or the standard's."""
        return self.then is not None and (self.then.met, self.then.sentence) != (
            self.now.met,
            self.now.sentence,
        )


def _side(standard: Standard, evidence: Evidence, number: int) -> Side:
    verdict = score_evidence(standard, evidence, Stage.LATEST)
    criterion = next(c for c in verdict.criteria if c.number == number)
    return Side(criterion.met, verdict_sentence(verdict), not has_errors(evidence.problems))


def verdict_change(
    standard: Standard, now: Evidence, element_id: str, judged: Judged | None
) -> VerdictChange:
    """The element's criterion and the standard, now and as `judged` would leave them."""
    criterion, _, _ = standard.element(element_id)
    then = None
    errors = 0
    unread = False
    if judged is not None and judged.check is not None:
        errors = sum(1 for p in judged.check.problems if p.severity == "error")
        unread = judged.unread
        if not unread:
            then = _side(standard, judged.check.state.evidence, criterion.number)
    return VerdictChange(
        element_id,
        criterion.number,
        criterion.title,
        standard.words(Stage.LATEST.value),
        _side(standard, now, criterion.number),
        then,
        unread,
        errors,
    )
