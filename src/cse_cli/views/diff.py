"""What changed in the evidence between two versions: a pure comparison, no I/O.

Both versions are read and validated as `cse check` reads them; `compare` turns
the two results into a `Diff` that the renderers in `diff_output.py` format.
Elements are matched by their id, not their file, so renaming a file changes
nothing. Evidence items are matched within an element by `id`, else by the id
they cite (`ref:`), else by title; development points by their wording.

An element whose file could not be read on one side (a file named after the
element, with errors) is left out of the comparison rather than reported as
added or removed: the invalid side is reported with its problems instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem, errors_of, has_errors
from cse_cli.core.scoring import score_evidence
from cse_cli.core.stages import RECORDED, Stage

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
class Item:
    """An evidence item, named by its id (or the id it cites) and its title."""

    element: str
    id: str | None
    title: str | None


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
class PointChange:
    """A development point that was opened, or addressed (or removed while open)."""

    element: str
    point: str
    status: str


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
    points_opened: tuple[PointChange, ...]
    points_addressed: tuple[PointChange, ...]
    fields_changed: tuple[FieldChange, ...]
    not_compared: tuple[str, ...]
    """Elements whose file could not be read on one side or both."""


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
    stages = RECORDED if stage is Stage.LATEST else tuple(reversed(stage.carries))
    # a change is listed where the stage's own rating changed; at a surveillance it is
    # shown with the ratings carried forward, so "partial → full", never "unrated → full"
    ratings = [
        RatingChange(element_id, at, _carried(old, element_id, at), _carried(new, element_id, at))
        for element_id in sorted(old.keys() | new.keys(), key=order.__getitem__)
        for at in stages
        if _rating(old, element_id, at) != _rating(new, element_id, at)
    ]
    added, removed, changed = _evidence(old, new, order, _titles(before), _titles(after))
    opened, addressed = _points(old, new, both, order)
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
        ratings=tuple(ratings),
        elements_added=tuple(sorted(new.keys() - old.keys(), key=order.__getitem__)),
        elements_removed=tuple(sorted(old.keys() - new.keys(), key=order.__getitem__)),
        evidence_added=added,
        evidence_removed=removed,
        evidence_changed=changed,
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


def _titles(evidence: Evidence) -> dict[str, str | None]:
    """The title of every evidence item id, to name what a `ref:` cites."""
    return {item_id: item.title for item_id, item in evidence.defined.items()}


def _items(
    element_id: str, element: ElementFile, titles: dict[str, str | None]
) -> dict[tuple[str, str, int], tuple[Item, object]]:
    """Each item of an element by its key, with what it holds (to see changes)."""
    seen: Counter[tuple[str, str]] = Counter()
    items: dict[tuple[str, str, int], tuple[Item, object]] = {}
    for item in element.evidence:
        if item.ref is not None:
            kind, name, named = "ref", item.ref, Item(element_id, item.ref, titles.get(item.ref))
        elif item.id is not None:
            kind, name, named = "id", item.id, Item(element_id, item.id, item.title)
        else:
            kind, name, named = "title", item.title or "", Item(element_id, None, item.title)
        seen[kind, name] += 1
        items[kind, name, seen[kind, name]] = (named, item)  # models compare field by field
    return items


def _evidence(
    old: dict[str, ElementFile],
    new: dict[str, ElementFile],
    order: dict[str, int],
    old_titles: dict[str, str | None],
    new_titles: dict[str, str | None],
) -> tuple[tuple[Item, ...], tuple[Item, ...], tuple[Item, ...]]:
    added: list[Item] = []
    removed: list[Item] = []
    changed: list[Item] = []
    for element_id in sorted(old.keys() | new.keys(), key=order.__getitem__):
        before = _items(element_id, old[element_id], old_titles) if element_id in old else {}
        after = _items(element_id, new[element_id], new_titles) if element_id in new else {}
        added += [after[key][0] for key in after if key not in before]
        removed += [before[key][0] for key in before if key not in after]
        changed += [
            after[key][0] for key in after if key in before and after[key][1] != before[key][1]
        ]
    return tuple(added), tuple(removed), tuple(changed)


def _points(
    old: dict[str, ElementFile],
    new: dict[str, ElementFile],
    both: list[str],
    order: dict[str, int],
) -> tuple[tuple[PointChange, ...], tuple[PointChange, ...]]:
    """Points open now and not before; points open before and addressed or removed now."""
    opened: list[PointChange] = []
    addressed: list[PointChange] = []
    for element_id in sorted(old.keys() | new.keys(), key=order.__getitem__):
        was = _statuses(old.get(element_id))
        now = _statuses(new.get(element_id))
        opened += [
            PointChange(element_id, point, "open")
            for point, status in now.items()
            if status == "open" and was.get(point) != "open"
        ]
        if element_id in both:
            addressed += [
                PointChange(element_id, point, now.get(point, "removed"))
                for point, status in was.items()
                if status == "open" and now.get(point) != "open"
            ]
    return tuple(opened), tuple(addressed)


def _as_text(value: object) -> str:
    """A field's value as the diff shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(part) for part in value)
    return str(value)


def _statuses(element: ElementFile | None) -> dict[str, str]:
    if element is None:
        return {}
    statuses: dict[str, str] = {}
    for point in element.development_points:
        statuses.setdefault(point.point, point.status)
    return statuses
