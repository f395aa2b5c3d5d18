"""What changed in the evidence between two versions: a pure comparison, no I/O.

Both versions are read and validated as `cse check` reads them; `compare` turns
the two results into a `Diff` that the renderers in cse_cli.render format.
Elements are matched by their id, not their file, so renaming a file changes
nothing. Evidence items and development points are matched as
cse_cli.views.diff_items says.

An element whose file could not be read on one side (a file named after the
element, with errors) is left out of the comparison rather than reported as
added or removed: the invalid side is reported with its problems instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem, errors_of, has_errors
from cse_cli.core.scoring import score_evidence
from cse_cli.core.stages import RECORDED, Stage
from cse_cli.views.diff_items import Item, PointChange, evidence_changes, point_changes

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile, Evidence
    from cse_cli.core.ratings import Rating
    from cse_cli.core.standard import Standard


@dataclass(frozen=True)
class Side:
    """One version that was compared: its label and the errors that make it invalid."""

    label: str
    errors: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        """Whether the evidence at this version is valid (no error-level problem)."""
        return not self.errors


@dataclass(frozen=True)
class CriterionChange:
    """Whether a criterion is met before and after (None where the evidence is invalid)."""

    number: int
    title: str
    met_before: bool | None
    met_after: bool | None
    reasons_after: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """Whether the verdict on the criterion changed."""
        return self.met_before != self.met_after


@dataclass(frozen=True)
class RatingChange:
    """A rating that changed at one stage of one element (None: unrated)."""

    element: str
    stage: Stage
    before: Rating | None
    after: Rating | None


@dataclass(frozen=True)
class FieldChange:
    """Another field of an element that changed: owner, notes, visit evidence and so on.

    `before` and `after` are the values as text ("" for none, "yes"/"no", a list
    joined with "; "), for the assessor's table and the evidence's own words.
    """

    element: str
    field: str
    before: str
    after: str


# The fields of an element file, other than its ratings, evidence and points,
# that are columns of the assessor's table or part of the evidence.
FIELDS = (
    "owner",
    "verified_on_site",
    "key_questions",
    "visit_evidence",
    "compliance_plus",
    "notes",
)


@dataclass(frozen=True)
class Diff:
    """Everything that changed between two versions of the evidence, at one stage."""

    base: Side
    head: Side
    stage: Stage
    met_before: bool | None
    met_after: bool | None
    criteria: tuple[CriterionChange, ...]
    ratings: tuple[RatingChange, ...]
    elements_added: tuple[str, ...]
    elements_removed: tuple[str, ...]
    evidence_added: tuple[Item, ...]
    evidence_removed: tuple[Item, ...]
    evidence_changed: tuple[Item, ...]
    on_site_added: tuple[Item, ...]
    on_site_removed: tuple[Item, ...]
    on_site_changed: tuple[Item, ...]
    points_opened: tuple[PointChange, ...]
    points_addressed: tuple[PointChange, ...]
    fields_changed: tuple[FieldChange, ...]
    not_compared: tuple[str, ...]
    """Elements whose file could not be read on one side or both."""


def _rating_changes(
    old: dict[str, ElementFile], new: dict[str, ElementFile], order: dict[str, int], stage: Stage
) -> tuple[RatingChange, ...]:
    """The ratings that changed, in the standard's order, at the stages `stage` shows.

    A change is listed where the stage's own rating changed; at a surveillance it is
    shown with the ratings carried forward, so "partial → full", never "unrated → full".
    """
    stages = RECORDED if stage is Stage.LATEST else tuple(reversed(stage.carries))
    return tuple(
        RatingChange(element_id, at, _carried(old, element_id, at), _carried(new, element_id, at))
        for element_id in sorted(old.keys() | new.keys(), key=order.__getitem__)
        for at in stages
        if _rating(old, element_id, at) != _rating(new, element_id, at)
    )


def compare(
    standard: Standard,
    before: Evidence,
    after: Evidence,
    labels: tuple[str, str],
    stage: Stage = Stage.LATEST,
) -> Diff:
    """Compare two versions of the evidence; `stage` is the one whose ratings count.

    At the `latest` stage every recorded stage's rating changes are listed;
    at a surveillance, its own and those of the reviews it carries forward; at
    another stage, only that stage's.
    """
    order = {element_id: index for index, element_id in enumerate(standard.element_ids())}
    unreadable = _unreadable(before, order) | _unreadable(after, order)
    old = {k: v for k, v in before.elements.items() if k not in unreadable}
    new = {k: v for k, v in after.elements.items() if k not in unreadable}
    both = sorted(old.keys() & new.keys(), key=order.__getitem__)
    met_before, criteria_before = _verdict(standard, before, stage)
    met_after, criteria_after = _verdict(standard, after, stage)
    added, removed, changed = evidence_changes(old, new, order, _titles(before), _titles(after))
    on_site = evidence_changes(
        old, new, order, _titles(before, "on_site"), _titles(after, "on_site"), "on_site"
    )
    opened, addressed = point_changes(old, new, both, order)
    return Diff(
        base=Side(labels[0], errors_of(before.problems)),
        head=Side(labels[1], errors_of(after.problems)),
        stage=stage,
        met_before=met_before,
        met_after=met_after,
        criteria=tuple(
            CriterionChange(
                c.number, c.title, criteria_before[c.number][0], *criteria_after[c.number]
            )
            for c in standard.criteria
        ),
        ratings=_rating_changes(old, new, order, stage),
        elements_added=tuple(sorted(new.keys() - old.keys(), key=order.__getitem__)),
        elements_removed=tuple(sorted(old.keys() - new.keys(), key=order.__getitem__)),
        evidence_added=added,
        evidence_removed=removed,
        evidence_changed=changed,
        on_site_added=on_site[0],
        on_site_removed=on_site[1],
        on_site_changed=on_site[2],
        points_opened=opened,
        points_addressed=addressed,
        fields_changed=tuple(
            FieldChange(element_id, name, _as_text(was), _as_text(now))
            for element_id in both
            for name in FIELDS
            if (was := getattr(old[element_id], name)) != (now := getattr(new[element_id], name))
        ),
        not_compared=tuple(sorted(unreadable, key=order.__getitem__)),
    )


def _unreadable(evidence: Evidence, order: dict[str, int]) -> set[str]:
    """Elements whose own file (named after them) has errors and was not read."""
    stems = {
        PurePosixPath(p.file).name.rsplit(".", 1)[0]
        for p in evidence.problems
        if p.severity == "error"
    }
    return {stem for stem in stems if stem in order and stem not in evidence.elements}


_Verdict = tuple[bool | None, dict[int, tuple[bool | None, tuple[str, ...]]]]


def _verdict(standard: Standard, evidence: Evidence, stage: Stage) -> _Verdict:
    """Overall and per-criterion `met` (None when the evidence is invalid), with reasons."""
    result = score_evidence(standard, evidence, stage)
    invalid = has_errors(evidence.problems)
    per_criterion = {c.number: (None if invalid else c.met, c.reasons) for c in result.criteria}
    return (None if invalid else result.met), per_criterion


def _rating(elements: dict[str, ElementFile], element_id: str, stage: Stage) -> Rating | None:
    element = elements.get(element_id)
    return None if element is None else element.recorded(stage)


def _carried(elements: dict[str, ElementFile], element_id: str, stage: Stage) -> Rating | None:
    element = elements.get(element_id)
    return None if element is None else element.rating(stage)


def _titles(evidence: Evidence, listed: str = "evidence") -> dict[str, str | None]:
    """The title of every evidence (or on-site) item id, to name what a `ref:` cites."""
    defined = evidence.defined if listed == "evidence" else evidence.defined_on_site
    return {item_id: item.title for item_id, item in defined.items()}


def _as_text(value: object) -> str:
    """A field's value as the diff shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(part) for part in value)
    return str(value)
