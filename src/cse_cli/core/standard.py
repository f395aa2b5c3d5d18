"""The standard itself, as shipped in standard/elements.yaml: criteria, sub-criteria, elements.

It is our own data, not user input: `standard_from_data` builds these models
from it without validating it, and the tests validate the shipped file against
them.
"""

# No `from __future__ import annotations`: Pydantic reads these annotations.

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

_TRUSTED = ConfigDict(defer_build=True)


class StandardElement(BaseModel):
    """One element of the standard: its id and wording."""

    model_config = _TRUSTED

    id: str
    text: str


class SubCriterion(BaseModel):
    """A sub-criterion of the standard, such as 1.1 Customer Identification."""

    model_config = _TRUSTED

    id: str
    title: str
    elements: list[StandardElement]


class Criterion(BaseModel):
    """A criterion of the standard with its maximum number of partial compliances."""

    model_config = _TRUSTED

    number: int
    title: str
    max_partials: int
    sub_criteria: list[SubCriterion]

    @property
    def elements(self) -> list[StandardElement]:
        """Every element of the criterion, in order."""
        return [element for sub in self.sub_criteria for element in sub.elements]


class StandardRules(BaseModel):
    """The standard's scoring rule that is not per criterion."""

    model_config = _TRUSTED

    min_compliant_share: float


class StageWords(BaseModel):
    """How reports name a stage (standard/cycle.yaml)."""

    model_config = _TRUSTED

    words: str
    """As a report's heading names it: 'the final result, after the visit'."""
    called: str
    """Its review in a sentence: 'the final result'."""


class Standard(BaseModel):
    """The whole standard: criteria, sub-criteria, elements, rules and the cycle's words."""

    model_config = _TRUSTED

    name: str
    edition: str
    rules: StandardRules
    criteria: list[Criterion]
    stages: dict[str, StageWords] = {}
    """How reports name each stage, by its value (`desk-top`), from standard/cycle.yaml."""

    def words(self, stage: str) -> str:
        """A stage as a report names it: 'the desk-top review'."""
        return self.stages[stage].words

    def called(self, stage: str) -> str:
        """A stage's review as a sentence names it: 'the first surveillance'."""
        return self.stages[stage].called

    def element_ids(self) -> list[str]:
        """Every element id, in the standard's order."""
        return [element.id for criterion in self.criteria for element in criterion.elements]

    def element(self, element_id: str) -> tuple[Criterion, SubCriterion, StandardElement]:
        """The criterion, sub-criterion and element of an element id."""
        for criterion in self.criteria:
            for sub in criterion.sub_criteria:
                for element in sub.elements:
                    if element.id == element_id:
                        return criterion, sub, element
        raise KeyError(element_id)

    def heading(self, element_id: str) -> str:
        """An element's id, criterion and sub-criterion, as the heading atop its file."""
        criterion, sub, _ = self.element(element_id)
        return f"{element_id} · {criterion.title} › {sub.id} {sub.title}"  # noqa: RUF001 - a typographic separator


def standard_from_data(
    data: Mapping[str, Any], stages: Mapping[str, Mapping[str, str]] | None = None
) -> Standard:
    """The standard built from the data of standard/elements.yaml, which is trusted.

    The models are constructed, not validated; `Standard.model_validate(data)`
    gives the same (the tests check it), but builds five validators first.
    """
    return Standard.model_construct(
        name=data["name"],
        edition=data["edition"],
        rules=StandardRules.model_construct(**data["rules"]),
        criteria=[
            Criterion.model_construct(
                number=criterion["number"],
                title=criterion["title"],
                max_partials=criterion["max_partials"],
                sub_criteria=[
                    SubCriterion.model_construct(
                        id=sub["id"],
                        title=sub["title"],
                        elements=[StandardElement.model_construct(**e) for e in sub["elements"]],
                    )
                    for sub in criterion["sub_criteria"]
                ],
            )
            for criterion in data["criteria"]
        ],
        stages={
            key: StageWords.model_construct(words=words["words"], called=words["called"])
            for key, words in (stages or {}).items()
        },
    )
