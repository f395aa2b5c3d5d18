"""A rule of the evidence: its name, the README's words for it, and its check.

Each module of cse_cli.rules ends with its rules, each a `Rule` constant named for
it (`EVIDENCE_IDS = Rule("evidence-ids", …)`); the registry (cse_cli.rules) lists
them, by what they apply to, in the order a reader applies them. The checks differ
by what they look at: cse.yaml, an element file (its evidence items among it), a
review file, or the repository as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from cse_cli.core.config import Config
    from cse_cli.core.evidence import ElementFile
    from cse_cli.core.reviews import Review
    from cse_cli.core.stages import Stage
    from cse_cli.rules.context import ElementContext, Located, ReviewContext

C_co = TypeVar("C_co", bound=Callable[..., object], covariant=True)

ConfigCheck = Callable[["Located", "Config"], None]
"""Adds the problems of a valid cse.yaml to its document."""
ElementCheck = Callable[["Located", "ElementFile", "ElementContext"], bool]
"""Adds the problems of a valid element file to its document; False: it cannot count as its
element, and the rules after it are not applied."""
ReviewCheck = Callable[["Located", "Stage", "Review", "ReviewContext"], None]
"""Adds the problems of a valid review file to its document."""


class Rule(Generic[C_co]):
    """One rule of the evidence: its `name`, its `summary` and its `check`.

    A plain class rather than a dataclass, as the contexts are: a dataclass's
    methods are generated when its module is imported, on every start of `cse check`.
    """

    __slots__ = ("check", "name", "summary")

    def __init__(self, name: str, summary: str, check: C_co) -> None:
        """The rule `name`, with its `summary` and `check`.

        `name` is short, as yamllint names its rules (`evidence-ids`); `summary` is
        the words the README uses for what the rule refuses (a test finds them there).
        """
        self.name = name
        self.summary = summary
        self.check = check

    def __repr__(self) -> str:
        """The rule as its name."""
        return f"Rule({self.name!r})"
