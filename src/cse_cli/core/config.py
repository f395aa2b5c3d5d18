"""cse.yaml: the organisation, the settings of the repository and the dates of its cycle."""

# No `from __future__ import annotations`: Pydantic reads these annotations.

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field, StrictBool, StrictInt

from cse_cli.core.fields import Date, Strict, Text, none_as_empty
from cse_cli.core.stages import Stage

Category = Annotated[str, Field(pattern=r"^(High|Low)$")]


class RequestedDocument(Strict):
    """A document the certification body requests before a surveillance."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Its key in a review file.")
    title: Text = Field(description="The document as the certification body asks for it.")


class Categories(Strict):
    """The surveillance category (High or Low) the assessor set after each review."""

    final: Category | None = Field(None, description="After the assessment: High or Low.")
    surveillance_1: Category | None = Field(
        None, description="After the first surveillance: High (second on site) or Low (off site)."
    )
    surveillance_2: Category | None = Field(
        None, description="After the second surveillance: High or Low."
    )


class Cycle(Strict):
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


class Rules(Strict):
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


class Config(Strict):
    """cse.yaml: the organisation and the settings of the evidence repository."""

    organisation: Text = Field(description="The organisation (or part of it) being assessed.")
    reference: str | None = Field(None, description="The assessment reference number (quote it).")
    assessor: str | None = Field(None, description="The assessor's name.")
    services: Annotated[list[Text], BeforeValidator(none_as_empty)] = Field(
        default_factory=list,
        description="When given, every evidence item's service must be one of these.",
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
