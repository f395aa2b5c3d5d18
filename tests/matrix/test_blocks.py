"""cse_cli.matrix.blocks: a self-assessment workbook's sheet, read block by block."""

from __future__ import annotations

from typing import Any

from cse_cli.io.resources import load_standard
from cse_cli.matrix.blocks import read_as
from cse_cli.matrix.cells import Cell, shown
from cse_cli.matrix.recognise import Matrix, recognise
from tests.helpers import GUIDANCE, SELF_ASSESSMENT_HEADER, sheet_of

HEADER = list(SELF_ASSESSMENT_HEADER)


def _recognised(*rows: list[Any]) -> Matrix:
    sheet = sheet_of([["Self-assessment"], ["Criterion 1: Customer Insight"], *rows],
                     name="Criterion 1")  # fmt: skip
    return recognise(sheet, load_standard(), {})


def _lines(matrix: Matrix) -> list[str]:
    return [shown(problem) for problem in matrix.problems]


def test_each_block_gives_its_element_its_items_ratings_and_comments() -> None:
    matrix = _recognised(
        ["Element 1.1.1"], [GUIDANCE], HEADER,
        ["SM1", "Ward profiles", "TM1", "Staff explain the profiles", "Compliant", "Partial",
         "Ask about the 2024 refresh"],
        ["SM2", "Census summary", None, None, None, None, "More on rural wards"],
        [],
        ["1.1.2", "We have developed customer insight"], [GUIDANCE], HEADER,
        [None, None, "TM1", None, "Non Compliance"],  # a Ref alone, used before: cited
        ["SM9"],  # a Ref alone, new: the template's numbering, not imported
    )  # fmt: skip
    assert matrix.elements == {
        "1.1.1": {
            "element": "1.1.1", "self_assessment": "full", "desk_top": "partial",
            "evidence": [{"id": "SM1", "title": "Ward profiles"},
                         {"id": "SM2", "title": "Census summary"}],
            "on_site": [{"id": "TM1", "title": "Staff explain the profiles"}],
            "notes": "Assessor's comments: Ask about the 2024 refresh\nMore on rural wards",
        },
        "1.1.2": {"element": "1.1.2", "self_assessment": "non-compliance",
                  "on_site": [{"ref": "TM1"}]},
    }  # fmt: skip
    assert (matrix.items, matrix.on_site, matrix.refs) == (4, 2, 1)
    assert _lines(matrix) == [
        "matrix.xlsx:Criterion 1!B9: warning: the wording of 1.1.2 differs from the "
        "standard's ('We have developed customer insight'): cse keeps the standard's"
    ]


def test_the_title_block_and_headings_are_not_evidence() -> None:
    matrix = _recognised(
        ["Organisation: Anytown", None, None, None, "Completed: March"],
        ["Element 1.1.1"], [GUIDANCE], HEADER,
        ["SM1", "Ward profiles"],
        ["1.2 Engagement and Consultation"],  # a sub-criterion heading between blocks
        ["Element 1.2.1"], HEADER, ["SM2", "Panel minutes"],
    )  # fmt: skip
    assert list(matrix.elements) == ["1.1.1", "1.2.1"]
    assert matrix.elements["1.1.1"]["evidence"] == [{"id": "SM1", "title": "Ward profiles"}]
    assert _lines(matrix) == []


def test_a_block_with_no_element_row_is_an_error_once_and_the_next_block_is_read() -> None:
    matrix = _recognised(
        ["Element 1.1.1"], HEADER, ["SM1", "Ward profiles"],
        [GUIDANCE], HEADER, ["SM2", "Orphan", None, None, "Partial"], ["SM3", "Orphan too"],
        ["Element 1.1.3"], HEADER, ["SM4", "Outreach plan"],
    )  # fmt: skip
    assert list(matrix.elements) == ["1.1.1", "1.1.3"]
    assert _lines(matrix) == [
        "matrix.xlsx:Criterion 1!B8: error: this row's block has no element row: start the "
        "block with its element's row (such as 'Element 1.1.1 We have…') above its header "
        "(row 7); the block's rows are not imported"
    ]


def test_an_unknown_element_skips_its_block_and_an_element_twice_is_an_error() -> None:
    matrix = _recognised(
        ["Element 1.1.9"], HEADER, ["SM1", "Skipped with its element"],
        ["Element 1.1.1"], HEADER, ["SM2", "Read"],
        ["Element 1.1.2"], HEADER, ["SM3", "Read too"],
        ["Element 1.1.1"], HEADER, ["SM4", "Again"],
    )  # fmt: skip
    assert _lines(matrix) == [
        "matrix.xlsx:Criterion 1!A3: error: unknown element '1.1.9' (did you mean '1.1.3'?)",
        "matrix.xlsx:Criterion 1!A12: error: element 1.1.1 is already given in rows 6-8: keep "
        "an element's rows together, once",
    ]


def test_a_hyperlink_on_a_show_me_is_its_url() -> None:
    link = Cell(5, 2, "Ward profiles", link="https://example.org/wards")
    matrix = _recognised(["Element 1.1.1"], HEADER, ["SM1", link])
    assert matrix.elements["1.1.1"]["evidence"] == [
        {"id": "SM1", "title": "Ward profiles", "url": "https://example.org/wards"}
    ]


def test_a_ref_that_reads_as_an_element_id_or_a_show_me_about_guidance_is_an_item() -> None:
    matrix = _recognised(
        ["1.1.1", "We have an in-depth understanding"], HEADER,  # the element's row
        ["1.1.1a", "Customer profiles"],  # a Ref numbered after its element
        [None, "Guidance for staff on greeting visitors"],  # a Show Me with no Ref
        ["1.1.1", "Census summary"],  # the element's id as a Ref, and no wording
    )  # fmt: skip
    assert matrix.elements["1.1.1"]["evidence"] == [
        {"id": "1.1.1a", "title": "Customer profiles"},
        {"title": "Guidance for staff on greeting visitors"},
        {"id": "1.1.1", "title": "Census summary"},
    ]


def test_what_a_refs_row_reads_as() -> None:
    known = {e.id: e.text for c in load_standard().criteria for e in c.elements}
    assert read_as("GUIDANCE-1", "Notes for staff", known) == "a GUIDANCE row"
    assert read_as("1.1.2", "We have developed it", known) == "the row of element 1.1.2"
    assert read_as("Element-1", "Profiles", known) is None  # no element id
    assert read_as("1.1.2", "Profiles", known) is None  # not the standard's wording
    assert read_as("1.1.1a", "We have", known) is None  # wording after the id: 'a'
    assert read_as("SM1", "GUIDANCE", known) is None


def test_a_block_row_marked_delete_is_not_read_and_is_counted() -> None:
    matrix = _recognised(
        ["Element 1.1.1"], [GUIDANCE], [*HEADER, "Delete"],
        ["SM1", "Ward profiles", "TM1", "Staff explain the profiles"],
        ["SM2", "Census summary", None, None, None, None, "More", "delete"],
    )  # fmt: skip
    assert matrix.elements == {
        "1.1.1": {"element": "1.1.1", "evidence": [{"id": "SM1", "title": "Ward profiles"}],
                  "on_site": [{"id": "TM1", "title": "Staff explain the profiles"}]},
    }  # fmt: skip
    assert matrix.deleted == [7]
    assert _lines(matrix) == []
