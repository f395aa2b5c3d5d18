"""Pydantic models of what users write: cse.yaml and element files, and the evidence read.

The models are strict where a typo must not pass silently (unknown keys are
errors, booleans must be true or false) and forgiving where people write the
same thing two ways (ratings as `partial` or `P`, an open development point as
a plain string). Cross-file rules (unknown ids, references, paths) live in
`cse_cli.io.repository`, which sees every file at once.
"""

# No `from __future__ import annotations` here, unlike everywhere else: Pydantic
# reads these annotations when each model is built, on every run.

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt
from pydantic_core import PydanticCustomError

from cse_cli.core.problems import Problem
from cse_cli.core.ratings import Rating, parse_rating
from cse_cli.core.stages import FIELDS, RECORDED, Stage
from cse_cli.core.text import as_written, describe, quoted

if TYPE_CHECKING:
    from cse_cli.core.reviews import Review


def parse_date(value: object) -> dt.date:
    """Read an ISO date (YYYY-MM-DD), unquoted (a YAML date) or quoted."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date", "expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "date", "{value} is not a date: write it as YYYY-MM-DD", {"value": quoted(value)}
            ) from None
    raise PydanticCustomError(
        "date",
        "expected a date (YYYY-MM-DD), but YAML read {shown} as {kind}",
        {"shown": as_written(value), "kind": describe(value)},
    )


def _none_as_empty(value: object) -> object:
    """`key_questions:` left empty means no key questions, not an error."""
    return [] if value is None else value


def _none_as_empty_map(value: object) -> object:
    """`reviews:` left empty means none yet, not an error."""
    return {} if value is None else value


def _point_from_text(value: object) -> object:
    """A development point written as a plain string is an open point."""
    return {"point": value} if isinstance(value, str) else value


RatingField = Annotated[Rating | None, BeforeValidator(parse_rating)]
Date = Annotated[dt.date, BeforeValidator(parse_date)]
Text = Annotated[str, Field(min_length=1)]
Inferred = Annotated[list[Text], BeforeValidator(_none_as_empty)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceItem(_Strict):
    """One piece of evidence, or a `ref:` citing an item defined in another element file."""

    id: str | None = Field(
        None,
        pattern=r"^\S+$",
        description="A name other elements cite with `ref:` (unique in the repository, no spaces).",
    )
    ref: str | None = Field(
        None, description="The `id` of an evidence item defined in another element file."
    )
    title: Text | None = Field(
        None, description="What the evidence is, as the assessor would list it."
    )
    service: Text | None = Field(
        None,
        description="The service it belongs to (one of cse.yaml's `services` when given).",
    )
    date: Date | None = Field(
        None, description="When the evidence was produced or last reviewed (YYYY-MM-DD)."
    )
    path: Text | None = Field(
        None, description="A file inside the repository, relative to its root."
    )
    url: str | None = Field(
        None,
        pattern=r"^https?://[^\s\x22<>`|{}^\x5c]+$",
        description="A web address (http:// or https://).",
    )
    owner: Text | None = Field(
        None, description="Who looks after this piece of evidence (a name or initials)."
    )
    notes: Text | None = Field(
        None, description="Free text about this piece of evidence, such as 'Strongest'."
    )
    inferred: Inferred = Field(
        [], description="Keys whose values are inferred, not given by the source (service…)."
    )


REVIEW_STAGE = r"^surveillance-[12]$"


class PointReview(_Strict):
    """A development point at one surveillance: the organisation's response, the assessor's."""

    response: str | None = Field(
        None, description="The organisation's response for this review (its own words)."
    )
    update: str | None = Field(None, description="The assessor's update at this review.")


class DevelopmentPoint(_Strict):
    """Something to improve, raised by the assessor or as the organisation's own action."""

    point: Text = Field(description="What is to be improved.")
    by: str | None = Field(
        None,
        pattern=r"^(assessor|organisation)$",
        description="Who wrote the point: assessor, or organisation (its own action).",
    )
    raised: Date | None = Field(None, description="When it was raised (YYYY-MM-DD).")
    raised_at: str | None = Field(
        None,
        pattern=r"^(self|desk-top|final|surveillance-1|surveillance-2)$",
        description="The stage that raised it: desk-top, final, surveillance-1…",
    )
    status: str = Field("open", pattern=r"^(open|addressed)$", description="open or addressed.")
    addressed: Date | None = Field(None, description="When it was addressed (YYYY-MM-DD).")
    addressed_at: str | None = Field(
        None, pattern=REVIEW_STAGE, description="The review that found it addressed."
    )
    progress: str | None = Field(None, description="What has been done about it.")
    reviews: Annotated[dict[str, PointReview], BeforeValidator(_none_as_empty_map)] = Field(
        {}, description="Per surveillance (surveillance-1, surveillance-2): response and update."
    )
    inferred: Inferred = Field(
        [], description="Keys whose values are inferred, not given by the source (point, raised…)."
    )


class ElementFile(_Strict):
    """The evidence for one element of the standard (evidence/<id>.yaml)."""

    element: str = Field(description='The element\'s id, such as "1.1.3" (quote it).')
    owner: str | None = Field(None, description="Who looks after this element's evidence.")
    self_assessment: RatingField = Field(
        None,
        description="The organisation's own rating: compliance-plus, full, partial…",
    )
    desk_top: RatingField = Field(
        None, description="The assessor's rating after the desk-top review."
    )
    final: RatingField = Field(
        None, description="The assessor's rating after the on-site visit (the result)."
    )
    surveillance_1: RatingField = Field(
        None,
        description="The rating the first surveillance gave, when it changed one (else carried).",
    )
    surveillance_2: RatingField = Field(
        None,
        description="The rating the second surveillance gave, when it changed one (else carried).",
    )
    verified_on_site: StrictBool = Field(
        False, description="The assessor verified the evidence on site (VO)."
    )
    key_questions: Annotated[list[Text], BeforeValidator(_none_as_empty)] = Field(
        [], description="The assessor's key questions, and whom they asked."
    )
    visit_evidence: str | None = Field(
        None, description="What the assessor saw or heard on the visit."
    )
    evidence: Annotated[list[EvidenceItem], BeforeValidator(_none_as_empty)] = Field(
        [], description="The desk-top evidence, one item per piece."
    )
    development_points: Annotated[
        list[Annotated[DevelopmentPoint, BeforeValidator(_point_from_text)]],
        BeforeValidator(_none_as_empty),
    ] = Field([], description="Points to improve: a plain string is an open point.")
    compliance_plus: str | None = Field(
        None, description="Why the element deserves compliance plus."
    )
    notes: str | None = Field(None, description="Free text.")

    def rating(self, stage: Stage) -> Rating | None:
        """The rating that counts at a stage.

        At a surveillance, the one it recorded, else the one carried from the
        review before; at `latest`, that of the last recorded stage that has one.
        """
        stages = tuple(reversed(RECORDED)) if stage is Stage.LATEST else stage.carries
        for recorded in stages:
            rating = self.recorded(recorded)
            if rating is not None:
                return rating
        return None

    def recorded(self, stage: Stage) -> Rating | None:
        """The rating written for a recorded stage itself, nothing carried."""
        found: Rating | None = getattr(self, FIELDS[stage])
        return found


Category = Annotated[str, Field(pattern=r"^(High|Low)$")]


class RequestedDocument(_Strict):
    """A document the certification body requests before a surveillance."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Its key in a review file.")
    title: Text = Field(description="The document as the certification body asks for it.")


class Categories(_Strict):
    """The surveillance category (High or Low) the assessor set after each review."""

    final: Category | None = Field(None, description="After the assessment: High or Low.")
    surveillance_1: Category | None = Field(
        None, description="After the first surveillance: High (second on site) or Low (off site)."
    )
    surveillance_2: Category | None = Field(
        None, description="After the second surveillance: High or Low."
    )


class Cycle(_Strict):
    """The dates and kind of the assessment cycle."""

    assessment_type: str = Field(
        "initial",
        pattern=r"^(initial|reassessment)$",
        description="initial, or reassessment (the report's 'Initial / 3 Year Assessment').",
    )
    desk_top_review: Date | None = Field(None, description="The desk-top review.")
    visit: Date | None = Field(None, description="The (first day of the) on-site visit.")
    surveillance_1: Date | None = Field(
        None, description="The first surveillance, about 12 months after the visit."
    )
    surveillance_2: Date | None = Field(
        None, description="The second surveillance, about 24 months after the visit."
    )
    reassessment: Date | None = Field(
        None, description="The reassessment in year three, which starts a new cycle."
    )
    next_review: Date | None = Field(None, description="The next annual review.")
    category: Categories = Field(
        Categories(), description="The surveillance category after each review: High or Low."
    )

    def date(self, stage: Stage) -> dt.date | None:
        """The date of a stage's review: the visit for `final`, each surveillance's own."""
        dates = {
            Stage.DESK_TOP: self.desk_top_review,
            Stage.FINAL: self.visit,
            Stage.SURVEILLANCE_1: self.surveillance_1,
            Stage.SURVEILLANCE_2: self.surveillance_2,
        }
        return dates.get(stage)


class Rules(_Strict):
    """Overrides of the standard's scoring rules."""

    min_compliant_share: float | None = Field(
        None,
        gt=0,
        le=1,
        description="A share of elements at full or better that each criterion must reach.",
    )
    strict_share: StrictBool = Field(
        False,
        description="Make the standard's 80% share a rule too, not only the partials table.",
    )


class Config(_Strict):
    """cse.yaml: the organisation and the settings of the evidence repository."""

    organisation: Text = Field(description="The organisation (or part of it) being assessed.")
    reference: str | None = Field(None, description="The assessment reference number (quote it).")
    assessor: str | None = Field(None, description="The assessor's name.")
    services: Annotated[list[Text], BeforeValidator(_none_as_empty)] = Field(
        [], description="When given, every evidence item's service must be one of these."
    )
    evidence_dir: Text = Field(
        "evidence", description="The folder of element files, relative to the repository root."
    )
    stale_after_months: StrictInt = Field(
        12, ge=1, le=120, description="Evidence older than this many months is reported as stale."
    )
    cycle: Cycle = Field(Cycle(), description="The dates of the assessment cycle.")
    surveillance_documents: list[RequestedDocument] | None = Field(
        None,
        description="Replaces the standard's list of documents requested before a surveillance.",
    )
    rules: Rules = Field(Rules(), description="Overrides of the standard's scoring rules.")


_NESTED: dict[type[BaseModel], dict[str, type[BaseModel]]] = {
    ElementFile: {"evidence": EvidenceItem, "development_points": DevelopmentPoint},
    DevelopmentPoint: {"reviews": PointReview},
    Config: {"cycle": Cycle, "rules": Rules, "surveillance_documents": RequestedDocument},
    Cycle: {"category": Categories},
}


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the last key of a Pydantic error location."""
    model = root
    for part in loc[:-1]:
        if isinstance(part, str):
            model = _NESTED.get(model, {}).get(part, model)
    return model


@dataclass
class Evidence:
    """Everything read from an evidence repository: valid files, and every problem met."""

    config: Config
    elements: dict[str, ElementFile] = field(default_factory=dict)
    """Valid element files by element id."""
    files: dict[str, str] = field(default_factory=dict)
    """The file of each element id, relative to the root."""
    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None
    """The repository's folder, when it was read from disk."""
    reviews: "dict[Stage, Review]" = field(default_factory=dict)
    """Valid surveillance review files (reviews/surveillance-1.yaml…) by stage."""
    review_files: dict[Stage, str] = field(default_factory=dict)
    """The file of each review, relative to the root."""
    requested: list[RequestedDocument] = field(default_factory=list)
    """The documents requested before a surveillance: cse.yaml's list, else the standard's."""

    @cached_property
    def defined(self) -> dict[str, EvidenceItem]:
        """Every evidence item that has an `id:`, by that id (what a `ref:` cites)."""
        return {
            item.id: item
            for element in self.elements.values()
            for item in element.evidence
            if item.id is not None
        }

    def resolved_items(self, element: ElementFile) -> list[EvidenceItem]:
        """An element's items, each `ref:` replaced by the item it cites (when it is known)."""
        defined = self.defined
        return [defined.get(i.ref, i) if i.ref is not None else i for i in element.evidence]
