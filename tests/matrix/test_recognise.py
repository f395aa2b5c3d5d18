"""cse_cli.matrix.recognise: elements in runs of rows, ids and refs, what is not imported."""

from __future__ import annotations

from typing import Any

import pytest

from cse_cli.io.resources import load_standard
from cse_cli.matrix.cells import Sheet, shown
from cse_cli.matrix.recognise import Matrix, recognise
from cse_cli.rules.repository_limits import MAX_EVIDENCE_ITEMS
from tests.helpers import sheet_of

HEADER = ["Ref", "Element", "Evidence", "Owner", "RAG", "Notes"]


def _recognised(*rows: list[Any], header: list[str] = HEADER) -> tuple[Matrix, Sheet]:
    sheet = sheet_of([["Evidence matrix"], [], header, *rows])
    return recognise(sheet, load_standard(), {}), sheet


def _lines(matrix: Matrix) -> list[str]:
    return [shown(problem) for problem in matrix.problems]


def test_continuation_rows_headings_and_an_elements_own_row() -> None:
    matrix, _ = _recognised(
        ["Criterion 1 Customer Insight"],
        ["1.1 Customer Identification"],
        ["1.1.1", None, None, "JS", "Green", "Our notes"],  # the element's own row
        [None, None, "Surveys", "AB"],
        [None, None, "Panels"],
        ["1.1.1", None, "Cards"],  # the id again on its next row: still 1.1.1
        ["1.1.2 We have developed", None, "Focus groups", None, "amber"],
    )
    assert matrix.elements == {
        "1.1.1": {"element": "1.1.1", "owner": "JS", "self_assessment": "full",
                  "evidence": [{"title": "Surveys", "owner": "AB"}, {"title": "Panels"},
                               {"title": "Cards"}],
                  "notes": "Our notes"},
        "1.1.2": {"element": "1.1.2", "self_assessment": "partial",
                  "evidence": [{"title": "Focus groups"}]},
    }  # fmt: skip
    assert (matrix.items, matrix.refs, matrix.places) == (4, 0, {"1.1.1": (6, 1), "1.1.2": (10, 1)})
    assert _lines(matrix) == [
        "matrix.xlsx:Evidence Matrix!A10: warning: the wording of 1.1.2 differs from the "
        "standard's ('We have developed'): cse keeps the standard's"
    ]


def test_an_evidence_id_used_again_becomes_a_ref_and_what_differs_is_said() -> None:
    matrix, _ = _recognised(
        ["1.1.1", None, "ES 2 Various customer surveys", "JS"],
        ["1.1.2", None, "ES 2", None, None, "Use the 2025 wave"],
        ["1.1.3", None, "ES 2 Surveys of every kind", "AB"],
    )
    assert matrix.elements["1.1.1"]["evidence"] == [
        {"id": "ES-2", "title": "Various customer surveys", "owner": "JS"}
    ]
    assert matrix.elements["1.1.2"]["evidence"] == [{"ref": "ES-2", "notes": "Use the 2025 wave"}]
    assert matrix.elements["1.1.3"]["evidence"] == [{"ref": "ES-2"}]
    assert (matrix.items, matrix.refs) == (3, 2)
    assert _lines(matrix) == [
        "matrix.xlsx:Evidence Matrix!C6: warning: ES-2 is defined in row 4; this row cites it "
        "with ref:, so its title 'Surveys of every kind', owner 'AB' is not kept"
    ]


def test_an_evidence_id_column_keeps_the_text_whole() -> None:
    matrix, _ = _recognised(
        ["1.1.1", "ES 1", "ES 2 is in the title"], header=["Ref", "Evidence ID", "Evidence"]
    )
    assert matrix.elements["1.1.1"]["evidence"] == [{"id": "ES-1", "title": "ES 2 is in the title"}]


def test_faults_of_elements_and_ratings_each_at_their_cell() -> None:
    matrix, _ = _recognised(
        ["1.1.1", None, "Surveys", None, "F"],
        [None, None, "Panels", None, "P"],
        ["1.1.9", None, "Cards"],
        [None, None, "Skipped with the unknown element above it"],
        ["1.2", None, "Evidence on a heading"],
        ["1.1.2", None, "Focus", None, "Purple"],
        ["1.1.1", None, "Again"],
    )
    assert _lines(matrix) == [
        "matrix.xlsx:Evidence Matrix!E5: error: 1.1.1 is rated full in a row above: an element "
        "has one rating per stage",
        "matrix.xlsx:Evidence Matrix!A6: error: unknown element '1.1.9' (did you mean '1.1.3'?)",
        "matrix.xlsx:Evidence Matrix!A8: error: '1.2' is a heading, not an element id such as "
        "1.1.1",
        "matrix.xlsx:Evidence Matrix!E9: error: 'Purple' is not a rating: use compliance-plus, "
        "full, partial or non-compliance (or CP, F, P, NC); or in words: Compliant, Partial, "
        "Non Compliance or Compliance Plus; or a RAG colour: green, amber or red",
        "matrix.xlsx:Evidence Matrix!A10: error: element 1.1.1 is already given in rows 4-5: "
        "keep an element's rows together, once",
    ]


def test_evidence_before_any_element_and_a_column_with_no_header() -> None:
    matrix, _ = _recognised([None, None, "Orphan"], ["1.1.1", None, "Surveys", None, None, None,
                                                      "stray"])  # fmt: skip
    assert _lines(matrix) == [
        "matrix.xlsx:Evidence Matrix!C4: error: evidence before any element: give its "
        "element's id in Evidence Matrix!A4",
        "matrix.xlsx:Evidence Matrix!G5: warning: a column with values but no header: not "
        "imported (give it a header)",
    ]


def test_a_row_naming_an_element_above_the_header_is_said_not_dropped() -> None:
    sheet = sheet_of([["1.1.1", None, "Above the header"], ["Ref", "Element", "Evidence"],
                      ["1.1.2", None, "Below"]])  # fmt: skip
    matrix = recognise(sheet, load_standard(), {})
    assert list(matrix.elements) == ["1.1.2"]
    assert _lines(matrix) == [
        "matrix.xlsx:Evidence Matrix!A1: warning: row 1 names element 1.1.1 but is above the "
        "header row (row 2): not imported (move it below the header)"
    ]


def test_the_items_a_repository_may_hold_are_counted_and_the_rest_not_read() -> None:
    rows = [["1.1.1", None, "First"], *([None, None, "More"] for _ in range(MAX_EVIDENCE_ITEMS))]
    matrix, _ = _recognised(*rows, ["1.1.2", None, "Never read"])
    assert _lines(matrix) == [
        "matrix.xlsx:Evidence Matrix!C20004: error: the matrix holds more than 20,000 evidence "
        "items, cse check's limit for a repository: the rows from here on are not read; import "
        "them into a second repository"
    ]
    assert list(matrix.elements) == ["1.1.1"]


def test_a_sheet_with_an_error_already_is_not_recognised() -> None:
    sheet = sheet_of([["Ref", "Evidence"], ["1.1.1", "Surveys"]])
    sheet.add(0, 0, "error", "damaged")
    assert recognise(sheet, load_standard(), {}).elements == {}


@pytest.mark.parametrize("ids", [["1.1.1", "1.1.1 Wording"], ["Element 1.1.1:", "1.1.1."]])
def test_an_elements_id_in_another_form_on_its_next_row_carries_on(ids: list[str]) -> None:
    matrix, _ = _recognised([ids[0], None, "Surveys"], [ids[1], None, "Panels"])
    assert len(matrix.elements["1.1.1"]["evidence"]) == 2
