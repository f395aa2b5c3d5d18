"""The schema rule: a file fits its model, each of Pydantic's errors in the user's words."""

from __future__ import annotations

from cse_cli.core.config import Config
from cse_cli.core.evidence import ElementFile
from cse_cli.core.ratings import Rating
from cse_cli.rules.schema import validate
from tests.helpers import located, said


def test_a_valid_file_gives_its_model_and_no_problem() -> None:
    doc = located('element: "1.1.1"\nfinal: full\n')
    element = validate(doc, ElementFile, "an element file")
    assert element is not None
    assert (element.element, element.final) == ("1.1.1", Rating.FULL)
    assert doc.problems == []


def test_an_unknown_key_is_placed_at_the_key_with_a_suggestion() -> None:
    doc = located('element: "1.1.1"\nfinale: full\n')
    assert validate(doc, ElementFile, "an element file") is None
    assert said(doc) == [
        "evidence/1.1.1.yaml:2:1: error: unknown key 'finale' (did you mean 'final'?)"
    ]


def test_every_error_of_a_file_is_reported_at_once() -> None:
    doc = located('element: "1.1.1"\nverified_on_site: maybe\nevidence:\n  - colour: red\n')
    assert validate(doc, ElementFile, "an element file") is None
    assert [(p.line, p.column) for p in doc.problems] == [(2, 19), (4, 5)]
    assert "verified_on_site: expected true or false, not 'maybe'" in said(doc)[0]


def test_a_file_that_is_not_a_mapping_says_what_it_should_be() -> None:
    doc = located("- one\n- two\n", "cse.yaml")
    assert validate(doc, Config, "the cse.yaml settings (organisation:, services:…)") is None
    assert said(doc) == [
        "cse.yaml:1:1: error: expected the cse.yaml settings (organisation:, services:…), "
        "but the file is a list, not a mapping"
    ]


def test_an_empty_file_is_said_to_be_empty() -> None:
    doc = located("# nothing yet\n")
    assert validate(doc, ElementFile, "an element file (element:, evidence:…)") is None
    assert said(doc) == [
        "evidence/1.1.1.yaml:1:1: error: expected an element file (element:, evidence:…), "
        "but the file is empty"
    ]


def test_a_missing_required_key_is_placed_at_its_mapping() -> None:
    doc = located("organisation: Test\nsurveillance_documents:\n  - key: board\n", "cse.yaml")
    assert validate(doc, Config, "cse.yaml") is None
    assert said(doc) == ["cse.yaml:3:5: error: missing required key 'title'"]
