"""A rule of the evidence: its name, the README's words for it, and its check.

Each module of cse_cli.rules holds one rule and ends with `RULE = Rule(…)`;
the registry (cse_cli.rules) lists them, by what they apply to, in the order a
reader applies them. The checks differ by what they look at: cse.yaml, an
element file, one evidence item, a review file, or the repository as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from cse_cli.core.config import Config
    from cse_cli.core.evidence import ElementFile, EvidenceItem
    from cse_cli.core.reviews import Review
    from cse_cli.core.stages import Stage
    from cse_cli.rules.context import ElementContext, Located, ReviewContext

C_co = TypeVar("C_co", bound=Callable[..., object], covariant=True)

ConfigCheck = Callable[["Located", "Config"], None]
"""Adds the problems of a valid cse.yaml to its document."""
ElementCheck = Callable[["Located", "ElementFile", "ElementContext"], bool]
"""Adds the problems of a valid element file to its document; False: it cannot count as its
element, and the rules after it are not applied."""
ItemCheck = Callable[["Located", int, "EvidenceItem", "ElementContext"], None]
"""Adds the problems of one evidence item (by its index) to its element file's document."""
ReviewCheck = Callable[["Located", "Stage", "Review", "ReviewContext"], None]
"""Adds the problems of a valid review file to its document."""


@dataclass(frozen=True)
class Rule(Generic[C_co]):
    """One rule of the evidence."""

    name: str
    """A short name, as yamllint names its rules: `evidence-ids`."""
    summary: str
    """The words the README uses for what the rule refuses (a test finds them there)."""
    check: C_co
