"""Pydantic models: the standard, cse.yaml and element files.

The models are strict where a typo must not pass silently (unknown keys are
errors, booleans must be true or false) and forgiving where people write the
same thing two ways (ratings as `partial` or `P`, an open development point as
a plain string). Cross-file rules (unknown ids, references, paths) live in
`repository.py`, which sees every file at once.
"""

# No `from __future__ import annotations` here, unlike everywhere else: Pydantic
# reads these annotations when each model is built, on every run, and one written
# as a string costs a `compile` to evaluate (a millisecond in all, of a check of
# 57 files that takes a fifth of a second).

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt
from pydantic_core import PydanticCustomError

from cse_cli.yamlio import describe, quoted, short, shown


class Rating(str, enum.Enum):
    """A rating of one element, in the assessor's order from best to worst."""

    COMPLIANCE_PLUS = "compliance-plus"
    FULL = "full"
    PARTIAL = "partial"
    NON_COMPLIANCE = "non-compliance"

    @property
    def abbreviation(self) -> str:
        """The assessor's abbreviation: CP, F, P or NC."""
        return _ABBREVIATIONS[self]

    @property
    def label(self) -> str:
        """The rating as the assessor's report writes it, such as 'Compliance Plus'."""
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """0 for non-compliance up to 3 for compliance plus."""
        return _RANKS[self]

    @property
    def compliant(self) -> bool:
        """Full compliance or compliance plus: what counts toward the 80% share."""
        return self in {Rating.FULL, Rating.COMPLIANCE_PLUS}


_ABBREVIATIONS = {
    Rating.COMPLIANCE_PLUS: "CP",
    Rating.FULL: "F",
    Rating.PARTIAL: "P",
    Rating.NON_COMPLIANCE: "NC",
}
_LABELS = {
    Rating.COMPLIANCE_PLUS: "Compliance Plus",
    Rating.FULL: "Full Compliance",
    Rating.PARTIAL: "Partial Compliance",
    Rating.NON_COMPLIANCE: "Non-compliance",
}
_RANKS = {
    Rating.NON_COMPLIANCE: 0,
    Rating.PARTIAL: 1,
    Rating.FULL: 2,
    Rating.COMPLIANCE_PLUS: 3,
}
_RATING_NAMES: dict[str, Rating] = {}
for _rating in Rating:
    for _name in (_rating.value, _rating.abbreviation, _rating.label):
        _RATING_NAMES[_name.lower().replace(" ", "-")] = _rating
_RATING_NAMES["full-compliance"] = Rating.FULL
_RATING_NAMES["noncompliance"] = Rating.NON_COMPLIANCE
RATING_CHOICES = "compliance-plus, full, partial or non-compliance (or CP, F, P, NC)"

# Letters from other alphabets that look like the Latin letters of CP, F, P, NC.
# The assessor's own report writes the Cyrillic Р for P: say what was meant.
_LOOKALIKES = str.maketrans(
    {
        "\u0420": "P", "\u0440": "p", "\u0421": "C", "\u0441": "c",  # Cyrillic Р р С с
        "\u03a1": "P", "\u03c1": "p", "\u039d": "N", "\u03bd": "n",  # Greek Ρ ρ Ν ν
        "\u0395": "E", "\u0410": "A", "\u0430": "a", "\u041d": "H",  # Greek Ε, Cyrillic А а Н
        "\u0405": "S", "\u0455": "s", "\u0406": "I", "\u0456": "i",  # Cyrillic Ѕ ѕ І і
        "\u041e": "O", "\u043e": "o", "\u0415": "E", "\u0435": "e",  # Cyrillic О о Е е
        "\u0422": "T", "\u0442": "t", "\u0425": "X", "\u0445": "x",  # Cyrillic Т т Х х
    }
)  # fmt: skip


def parse_rating(value: object) -> Rating | None:
    """Read a rating written as a long name or an abbreviation, in any case."""
    if value is None or isinstance(value, Rating):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "rating",
            "expected a rating, but YAML read {shown} as {kind}: use " + RATING_CHOICES,
            {"shown": shown(value), "kind": describe(value)},
        )
    key = value.strip().lower().replace(" ", "-").replace("_", "-")
    if key in _RATING_NAMES:
        return _RATING_NAMES[key]
    import unicodedata  # only to explain a rating that is not one

    normal = unicodedata.normalize("NFKC", value.strip())
    # invisible format characters (a zero-width space, a right-to-left mark) say nothing
    visible = "".join(ch for ch in normal if unicodedata.category(ch) != "Cf")
    latin = visible.translate(_LOOKALIKES)
    meant = _RATING_NAMES.get(latin.lower().replace(" ", "-"))
    if meant is not None:
        raise PydanticCustomError(
            "rating",
            "{value} looks like '{meant}' but {why}",
            {"value": quoted(value), "meant": latin.strip(), "why": _not_latin(value)},
        )
    raise PydanticCustomError(
        "rating", "{value} is not a rating: use " + RATING_CHOICES, {"value": quoted(value)}
    )


def _not_latin(value: str) -> str:
    """What stands in for Latin letters in `value`: look-alikes, invisible characters."""
    import unicodedata

    def named(ch: str) -> str:
        return f"{short(ch)} ({unicodedata.name(ch, f'U+{ord(ch):04X}').lower()})"

    beyond = [ch for ch in dict.fromkeys(value) if ord(ch) > 127]  # noqa: PLR2004 - beyond ASCII
    invisible = [named(ch) for ch in beyond if unicodedata.category(ch) == "Cf"]
    foreign = [named(ch) for ch in beyond if unicodedata.category(ch) != "Cf"]
    parts = []
    if foreign:
        parts.append(f"is written with {', '.join(foreign)}: type it with Latin letters")
    if invisible:
        parts.append(f"holds the invisible {', '.join(invisible)}: delete it")
    return "; and ".join(parts)


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
        {"shown": shown(value), "kind": describe(value)},
    )


def _none_as_empty(value: object) -> object:
    """`key_questions:` left empty means no key questions, not an error."""
    return [] if value is None else value


def _point_from_text(value: object) -> object:
    """A development point written as a plain string is an open point."""
    return {"point": value} if isinstance(value, str) else value


RatingField = Annotated[Rating | None, BeforeValidator(parse_rating)]
Date = Annotated[dt.date, BeforeValidator(parse_date)]
Text = Annotated[str, Field(min_length=1)]


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


class DevelopmentPoint(_Strict):
    """Something the assessor asked to improve; the next review checks it."""

    point: Text = Field(description="What is to be improved.")
    raised: Date | None = Field(None, description="When the assessor raised it (YYYY-MM-DD).")
    status: str = Field("open", pattern=r"^(open|addressed)$", description="open or addressed.")
    progress: str | None = Field(None, description="What has been done about it.")


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

    def rating(self, stage: str) -> Rating | None:
        """The rating at a stage: self, desk-top, final, or latest (the latest that is set)."""
        if stage == "latest":
            return self.final or self.desk_top or self.self_assessment
        return {"self": self.self_assessment, "desk-top": self.desk_top, "final": self.final}[stage]


class Cycle(_Strict):
    """The dates of the assessment cycle."""

    desk_top_review: Date | None = Field(None, description="The desk-top review.")
    visit: Date | None = Field(None, description="The (first day of the) on-site visit.")
    next_review: Date | None = Field(None, description="The next annual review.")


class Rules(_Strict):
    """Overrides of the standard's scoring rules."""

    min_compliant_share: float | None = Field(
        None,
        gt=0,
        le=1,
        description="The least share of a criterion's elements at full or compliance plus.",
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
    rules: Rules = Field(Rules(), description="Overrides of the standard's scoring rules.")


STAGES = ("self", "desk-top", "final", "latest")


# The standard itself (standard/elements.yaml). It is our own data, not user
# input: `standard_from_data` builds these models from it without validating it,
# so that no run pays for building their five validators (about a millisecond),
# and the tests validate the shipped file against them.
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


class Standard(BaseModel):
    """The whole standard: criteria, sub-criteria, elements and rules."""

    model_config = _TRUSTED

    name: str
    edition: str
    rules: StandardRules
    criteria: list[Criterion]

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


def standard_from_data(data: Mapping[str, Any]) -> Standard:
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
    )


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys a model accepts, for 'did you mean' hints."""
    return list(model.model_fields)


_NESTED: dict[type[BaseModel], dict[str, type[BaseModel]]] = {
    ElementFile: {"evidence": EvidenceItem, "development_points": DevelopmentPoint},
    Config: {"cycle": Cycle, "rules": Rules},
}


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the last key of a Pydantic error location."""
    model = root
    for part in loc[:-1]:
        if isinstance(part, str):
            model = _NESTED.get(model, {}).get(part, model)
    return model
