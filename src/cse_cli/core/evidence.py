"""Pydantic models of element files, and the evidence read from a repository.

An open development point may be written as a plain string. The rules that
span files (unknown ids, references, paths) are in `cse_cli.rules`; cse.yaml's
models are in `cse_cli.core.config`.
"""

# No `from __future__ import annotations` here, unlike everywhere else: Pydantic
# reads these annotations when each model is built, on every run.

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field, StrictBool

from cse_cli.core.config import Categories, Config, Cycle, RequestedDocument, Rules
from cse_cli.core.fields import (
    Date,
    Inferred,
    RatingField,
    Strict,
    Text,
    none_as_empty,
    none_as_empty_map,
    point_from_text,
)
from cse_cli.core.problems import Problem
from cse_cli.core.ratings import Rating
from cse_cli.core.stages import FIELDS, RECORDED, Stage

if TYPE_CHECKING:
    from cse_cli.core.reviews import Review


class EvidenceItem(Strict):
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
        default_factory=list,
        description="Keys whose values are inferred, not given by the source: service, date…; "
        "title when the item's wording or grouping is the transcriber's.",
    )


class OnSiteItem(Strict):
    """What the assessor will hear or see at the visit ("Tell Me / See On Site"), or a `ref:`.

    Its id shares one space with the evidence items' ids; a `ref:` here cites an
    on-site item defined (with that id) in another element file.
    """

    id: str | None = Field(
        None,
        pattern=r"^\S+$",
        description="A name other elements cite with `ref:` under on_site: (unique in the "
        "repository, evidence ids included; no spaces).",
    )
    ref: str | None = Field(
        None, description="The `id` of an on-site item defined in another element file."
    )
    title: Text | None = Field(None, description="What the assessor will hear or see on site.")
    person: Text | None = Field(
        None, description="A person or a role to talk to, such as 'Customer services adviser'."
    )
    place: Text | None = Field(None, description="Where to see it, such as 'Town hall reception'.")
    service: Text | None = Field(
        None,
        description="The service it belongs to (one of cse.yaml's `services` when given).",
    )
    notes: Text | None = Field(None, description="Free text, such as 'Any weekday morning'.")
    inferred: Inferred = Field(
        default_factory=list,
        description="Keys whose values are inferred, not given by the source: person, place…; "
        "title when the item's wording or grouping is the transcriber's.",
    )


REVIEW_STAGE = r"^surveillance-[12]$"


class PointReview(Strict):
    """A development point at one surveillance: the organisation's response, the assessor's."""

    response: str | None = Field(
        None, description="The organisation's response for this review (its own words)."
    )
    update: str | None = Field(None, description="The assessor's update at this review.")


class DevelopmentPoint(Strict):
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
    reviews: Annotated[dict[str, PointReview], BeforeValidator(none_as_empty_map)] = Field(
        default_factory=dict,
        description="Per surveillance (surveillance-1, surveillance-2): response and update.",
    )
    inferred: Inferred = Field(
        default_factory=list,
        description="Keys whose values are inferred, not given by the source (point, raised…).",
    )


class ElementFile(Strict):
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
    key_questions: Annotated[list[Text], BeforeValidator(none_as_empty)] = Field(
        default_factory=list, description="The assessor's key questions, and whom they asked."
    )
    visit_evidence: str | None = Field(
        None, description="What the assessor saw or heard on the visit."
    )
    evidence: Annotated[list[EvidenceItem], BeforeValidator(none_as_empty)] = Field(
        default_factory=list, description="The desk-top evidence, one item per piece."
    )
    on_site: Annotated[list[OnSiteItem], BeforeValidator(none_as_empty)] = Field(
        default_factory=list,
        description="The on-site evidence (Tell Me / See On Site): what the assessor will "
        "hear or see at the visit, one item per person, place or activity.",
    )
    development_points: Annotated[
        list[Annotated[DevelopmentPoint, BeforeValidator(point_from_text)]],
        BeforeValidator(none_as_empty),
    ] = Field(
        default_factory=list, description="Points to improve: a plain string is an open point."
    )
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


NESTED: dict[type[BaseModel], dict[str, type[BaseModel]]] = {
    ElementFile: {
        "evidence": EvidenceItem,
        "on_site": OnSiteItem,
        "development_points": DevelopmentPoint,
    },
    DevelopmentPoint: {"reviews": PointReview},
    Config: {"cycle": Cycle, "rules": Rules, "surveillance_documents": RequestedDocument},
    Cycle: {"category": Categories},
}


def inferable(model: type[BaseModel]) -> list[str]:
    """The keys an `inferred:` list may name: every other key of its model."""
    return [key for key in model.model_fields if key != "inferred"]


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the last key of a Pydantic error location."""
    model = root
    for part in loc[:-1]:
        if isinstance(part, str):
            model = NESTED.get(model, {}).get(part, model)
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

    @cached_property
    def defined_on_site(self) -> dict[str, OnSiteItem]:
        """Every on-site item that has an `id:`, by that id (what an on-site `ref:` cites)."""
        return {
            item.id: item
            for element in self.elements.values()
            for item in element.on_site
            if item.id is not None
        }

    def resolved_items(self, element: ElementFile) -> list[EvidenceItem]:
        """An element's items, each `ref:` replaced by the item it cites (when it is known)."""
        defined = self.defined
        return [defined.get(i.ref, i) if i.ref is not None else i for i in element.evidence]

    def resolved_on_site(self, element: ElementFile) -> list[OnSiteItem]:
        """An element's on-site items, each `ref:` replaced by the item it cites (when known)."""
        defined = self.defined_on_site
        return [defined.get(i.ref, i) if i.ref is not None else i for i in element.on_site]
