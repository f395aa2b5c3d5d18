"""Pydantic models of a surveillance review: reviews/surveillance-1.yaml and -2.yaml.

What Sections 2 and 3 of the assessor's record ask for at each surveillance:
the date, assessor and days; the category before and after; on site or off
site; the documents the certification body requests, each pointing at evidence
with the date its receipt was confirmed; the on-site plan; and per criterion
what has changed since the first assessment. Rules that span files (a `ref:`
to an evidence id, a `path:` that must exist, dates against cse.yaml's cycle)
are in `cse_cli.rules` (the `review_…` modules).
"""

# No `from __future__ import annotations`: Pydantic reads these annotations.

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from cse_cli.core.config import Category, RequestedDocument
from cse_cli.core.evidence import NESTED
from cse_cli.core.fields import Date, Strict, Text, none_as_empty, none_as_empty_map

# The models of a review file are built when a review file is first validated, not when
# this module is imported: `cse check` of a repository with no review file never needs them.


class DocumentSent(Strict):
    """A requested document: the evidence it is, and when the assessor confirmed receipt."""

    model_config = ConfigDict(defer_build=True)

    path: Text | None = Field(None, description="A file inside the repository.")
    url: str | None = Field(
        None,
        pattern=r"^https?://[^\s\x22<>`|{}^\x5c]+$",
        description="A web address (http:// or https://).",
    )
    ref: Text | None = Field(None, description="The `id` of an evidence item in an element file.")
    date: Date | None = Field(None, description="The date of the document itself (YYYY-MM-DD).")
    received: Date | None = Field(
        None, description="When the assessor confirmed receipt (YYYY-MM-DD)."
    )
    notes: str | None = Field(None, description="Free text.")


class PlanVisit(Strict):
    """One session of the on-site plan: when, whom the assessor sees, what they explore."""

    model_config = ConfigDict(defer_build=True)

    date: Date = Field(description="The day (YYYY-MM-DD).")
    time: str | None = Field(
        None,
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](-([01][0-9]|2[0-3]):[0-5][0-9])?$",
        description="The time, as 09:30 or 09:30-11:00.",
    )
    people: Annotated[list[Text], BeforeValidator(none_as_empty)] = Field(
        default_factory=list, description="The key people to be seen."
    )
    issues: Annotated[list[Text], BeforeValidator(none_as_empty)] = Field(
        default_factory=list, description="The key issues to be explored."
    )


class Review(Strict):
    """A surveillance review (reviews/surveillance-1.yaml or reviews/surveillance-2.yaml)."""

    model_config = ConfigDict(defer_build=True)

    date: Date = Field(description="The day of the surveillance (YYYY-MM-DD).")
    assessor: Text | None = Field(None, description="The assessor's name.")
    days: float | None = Field(
        None, gt=0, le=30, description="The number of days of the surveillance (0.5, 1, 2…)."
    )
    category_before: Category | None = Field(
        None, description="The surveillance category before this review: High or Low."
    )
    category_after: Category | None = Field(
        None, description="The category the assessor set at this review: High or Low."
    )
    on_site: StrictBool | None = Field(
        None, description="true: on site; false: off site (a Low category's second surveillance)."
    )
    documents: Annotated[dict[str, DocumentSent], BeforeValidator(none_as_empty_map)] = Field(
        default_factory=dict,
        description="The requested documents, by key (performance_data, complaints…).",
    )
    plan: Annotated[list[PlanVisit], BeforeValidator(none_as_empty)] = Field(
        default_factory=list, description="The on-site plan: date and time, key people, key issues."
    )
    changes: Annotated[dict[str, Text], BeforeValidator(none_as_empty_map)] = Field(
        {},
        description="Per criterion (criterion_1 to criterion_5), what has changed since the "
        "assessment.",
    )
    summary: str | None = Field(None, description="The assessor's summary of the review.")
    notes: str | None = Field(None, description="Free text.")


NESTED[Review] = {"documents": DocumentSent, "plan": PlanVisit}


class ReviewHeadings(BaseModel):
    """A surveillance's headings in the assessor's record (standard/cycle.yaml)."""

    model_config = ConfigDict(defer_build=True)

    title: str
    changes: str
    progress: str
    scoring: str
    last_column: str


class CycleStandard(BaseModel):
    """standard/cycle.yaml: the documents requested and each surveillance's headings."""

    model_config = ConfigDict(defer_build=True)

    documents: list[RequestedDocument]
    reviews: dict[str, ReviewHeadings]
    stages: dict[str, dict[str, str]] = {}
    """How reports name each stage (read into the standard by `load_standard`)."""
