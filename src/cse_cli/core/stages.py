"""The stages of an assessment whose ratings can be scored.

Each recorded stage has its own key in an element file; `latest` is, per
element, the last recorded stage that has a rating.
"""

from __future__ import annotations

import enum


class Stage(str, enum.Enum):
    """The assessment stage whose ratings count."""

    SELF = "self"
    DESK_TOP = "desk-top"
    FINAL = "final"
    LATEST = "latest"

    def __str__(self) -> str:
        """The stage as users write it: `desk-top`."""
        return self.value

    @property
    def words(self) -> str:
        """The stage as a report names it: 'the desk-top review'."""
        return _WORDS[self]


RECORDED = (Stage.SELF, Stage.DESK_TOP, Stage.FINAL)
"""The stages an element file records, in the order they happen."""

FIELDS = {Stage.SELF: "self_assessment", Stage.DESK_TOP: "desk_top", Stage.FINAL: "final"}
"""The key of each recorded stage in an element file."""

_WORDS = {
    Stage.SELF: "the self-assessment",
    Stage.DESK_TOP: "the desk-top review",
    Stage.FINAL: "the final result, after the visit",
    Stage.LATEST: "the latest stage rated for each element",
}
