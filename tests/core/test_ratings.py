"""Ratings as people write them, and the rating that counts at each stage."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cse_cli.core.evidence import ElementFile
from cse_cli.core.ratings import Rating, parse_rating
from cse_cli.core.scoring import score_criterion
from cse_cli.core.stages import Stage
from cse_cli.io.resources import load_standard


@pytest.mark.parametrize(
    ("written", "rating"),
    [
        ("compliance-plus", Rating.COMPLIANCE_PLUS),
        ("CP", Rating.COMPLIANCE_PLUS),
        ("Compliance Plus", Rating.COMPLIANCE_PLUS),
        ("full", Rating.FULL),
        ("F", Rating.FULL),
        ("Full Compliance", Rating.FULL),
        ("partial", Rating.PARTIAL),
        ("p", Rating.PARTIAL),
        ("non-compliance", Rating.NON_COMPLIANCE),
        ("NC", Rating.NON_COMPLIANCE),
        ("non_compliance", Rating.NON_COMPLIANCE),
    ],
)
def test_accepted_spellings(written: str, rating: Rating) -> None:
    assert parse_rating(written) is rating


def _message(data: dict[str, object]) -> str:
    with pytest.raises(ValidationError) as info:
        ElementFile.model_validate(data)
    return str(info.value.errors()[0]["msg"])


def test_cyrillic_p_says_what_was_meant() -> None:
    assert _message({"element": "1.1.1", "final": "\u0420"}) == (
        "'\u0420' looks like 'P' but is written with \u0420 (cyrillic capital letter er): "
        "type it with Latin letters"
    )


def test_unknown_rating_lists_the_choices() -> None:
    assert _message({"element": "1.1.1", "final": "fully"}) == (
        "'fully' is not a rating: use compliance-plus, full, partial or non-compliance "
        "(or CP, F, P, NC)"
    )


def test_yaml_boolean_is_not_a_rating() -> None:
    assert _message({"element": "1.1.1", "final": False}).startswith(
        "expected a rating, but YAML read false as a boolean"
    )


@pytest.mark.parametrize(
    ("stage", "expected"),
    [("self", Rating.FULL), ("desk-top", Rating.PARTIAL), ("final", None),
     ("latest", Rating.PARTIAL)],
)  # fmt: skip
def test_rating_at_each_stage(stage: str, expected: Rating | None) -> None:
    element = ElementFile.model_validate(
        {"element": "1.1.1", "self_assessment": "F", "desk_top": "P"}
    )
    assert element.rating(Stage(stage)) is expected


def test_plain_string_development_point_is_open() -> None:
    element = ElementFile.model_validate(
        {"element": "1.1.1", "development_points": ["Publish results", None][:1]}
    )
    assert element.development_points[0].point == "Publish results"
    assert element.development_points[0].status == "open"


def test_only_full_and_compliance_plus_count_toward_the_share() -> None:
    criterion = load_standard().criteria[4]  # criterion 5: 10 elements
    shares = {}
    for written in ("Compliance Plus", "full", "p", "NC"):
        every = dict.fromkeys((e.id for e in criterion.elements), parse_rating(written))
        shares[written] = score_criterion(criterion, every, 0.8).compliant_share
    assert shares == {"Compliance Plus": 1.0, "full": 1.0, "p": 0.0, "NC": 0.0}


def test_the_assessors_abbreviations_and_labels() -> None:
    read = [parse_rating(name) for name in ("compliance-plus", "full", "partial", "nc")]
    assert [r.abbreviation for r in read if r] == ["CP", "F", "P", "NC"]
    assert [r.label for r in read if r] == [
        "Compliance Plus", "Full Compliance", "Partial Compliance", "Non-compliance",
    ]  # fmt: skip
