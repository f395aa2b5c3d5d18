"""A development point as every output shows it: whose words, where it was raised, its progress.

Said once here, so that no output presents the organisation's words as the
assessor's: the point is labelled with who wrote it (or that this is not
recorded), the organisation's response and the assessor's update are labelled
apart, and a value marked `inferred:` says so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cse_cli.core.stages import RECORDED, Stage

if TYPE_CHECKING:
    from cse_cli.core.evidence import DevelopmentPoint
    from cse_cli.core.standard import Standard

BY = {
    "assessor": "the assessor's point",
    "organisation": "the organisation's own action",
    None: "who wrote it is not recorded",
}
INFERRED = "wording inferred by the transcriber, not the source's"


@dataclass(frozen=True)
class ReviewNote:
    """A point at one surveillance: the organisation's response and the assessor's update."""

    stage: str
    review: str
    """The review as a report names it: 'First surveillance'."""
    response: str | None
    update: str | None


@dataclass(frozen=True)
class PointView:
    """A development point with its status, source and progress, as text."""

    element: str
    point: str
    by: str | None
    """assessor, organisation, or None when it is not recorded."""
    source: str
    """Who wrote it, in words, with any inferred values: 'the assessor's point'."""
    raised: str | None
    """When and where it was raised: 'at the final result, 2015-03-12'."""
    raised_at: str | None
    status: str
    addressed: str | None
    """When and where it was addressed: 'at the first surveillance, 2027-03-10'."""
    addressed_at: str | None
    progress: str | None
    reviews: tuple[ReviewNote, ...]

    def as_at(self, stage: Stage) -> PointView | None:
        """The point as it stood at `stage`'s review; None if it was raised later."""
        if self.raised_at is not None and _ORDER.index(Stage(self.raised_at)) > _ORDER.index(stage):
            return None
        if self.addressed_at is not None and _ORDER.index(Stage(self.addressed_at)) > (
            _ORDER.index(stage)
        ):
            return replace(self, status="open", addressed=None, addressed_at=None)
        return self

    def open_at(self, stage: Stage) -> bool:
        """Whether the point is open when `stage`'s review takes place."""
        if self.status == "open":
            return True
        if self.addressed_at is None:
            return False
        return _ORDER.index(Stage(self.addressed_at)) >= _ORDER.index(stage)


_ORDER = RECORDED


def point_view(standard: Standard, element: str, point: DevelopmentPoint) -> PointView:
    """A development point of an element, as every output words it."""
    inferred = set(point.inferred)
    source = BY[point.by]
    if inferred:
        shown = ", ".join(sorted(inferred))
        source += f"; {INFERRED}" if inferred == {"point"} else f"; inferred: {shown}"
    return PointView(
        element=element,
        point=point.point,
        by=point.by,
        source=source,
        raised=_when(standard, point.raised_at, point.raised),
        raised_at=point.raised_at,
        status=point.status,
        addressed=_when(standard, point.addressed_at, point.addressed),
        addressed_at=point.addressed_at,
        progress=point.progress,
        reviews=tuple(
            ReviewNote(
                key,
                standard.called(key).removeprefix("the ").capitalize(),
                note.response,
                note.update,
            )
            for key, note in sorted(point.reviews.items())
        ),
    )


def _when(standard: Standard, stage: str | None, day: object) -> str | None:
    parts = []
    if stage is not None:
        parts.append(f"at {standard.called(stage)}")
    if day is not None:
        parts.append(str(day))
    return ", ".join(parts) or None
