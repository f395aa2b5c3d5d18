"""The stages of an assessment cycle whose ratings can be scored.

Each recorded stage has its own key in an element file. At a surveillance
stage an element carries the rating of the review before (final, then the
first surveillance) unless that surveillance recorded a new one: the assessor
lists only the changes. `latest` is, per element, the last recorded stage that
has a rating.
"""

from __future__ import annotations

import enum


class Stage(str, enum.Enum):
    """The assessment stage whose ratings count."""

    SELF = "self"
    DESK_TOP = "desk-top"
    FINAL = "final"
    SURVEILLANCE_1 = "surveillance-1"
    SURVEILLANCE_2 = "surveillance-2"
    LATEST = "latest"

    def __str__(self) -> str:
        """The stage as users write it: `desk-top`."""
        return self.value

    @property
    def field(self) -> str:
        """The key of a recorded stage in an element file: `surveillance_1`."""
        return FIELDS[self]

    @property
    def carries(self) -> tuple[Stage, ...]:
        """The recorded stages whose rating counts at this one, the nearest first.

        At a surveillance, its own rating, else the one carried from the reviews
        before it (back to the final result); at any other recorded stage, its own.
        """
        if self in REVIEWS:
            return tuple(reversed(CERTIFIED[: CERTIFIED.index(self) + 1]))
        return (self,)


RECORDED = (Stage.SELF, Stage.DESK_TOP, Stage.FINAL, Stage.SURVEILLANCE_1, Stage.SURVEILLANCE_2)
"""The stages an element file records, in the order they happen."""

CERTIFIED = (Stage.FINAL, Stage.SURVEILLANCE_1, Stage.SURVEILLANCE_2)
"""The stages whose ratings are the certification's: the result, then each surveillance."""

REVIEWS = (Stage.SURVEILLANCE_1, Stage.SURVEILLANCE_2)
"""The surveillance reviews of a cycle, in order (`reviews/surveillance-1.yaml`…)."""

FIELDS = {
    Stage.SELF: "self_assessment",
    Stage.DESK_TOP: "desk_top",
    Stage.FINAL: "final",
    Stage.SURVEILLANCE_1: "surveillance_1",
    Stage.SURVEILLANCE_2: "surveillance_2",
}
"""The key of each recorded stage in an element file."""
