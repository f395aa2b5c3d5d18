"""cse_cli.matrix.header: the header row below a title, each column's field, the colour key."""

from __future__ import annotations

import pytest

from cse_cli.matrix.cells import Cell, shown
from cse_cli.matrix.header import FIELDS, find_header, name_unplaced, normal, parse_mapping
from tests.helpers import sheet_of


def test_the_header_below_a_title_and_the_field_of_each_column() -> None:
    sheet = sheet_of([
        ["CSE evidence matrix 2026"], [],
        ["Ref", "Element text", "Evidence Ref", "Description of evidence", "Lead officer",
         "Team", "Last reviewed", "Where held", "RAG", "Desk top", "Comments", "Priority",
         "Rating at latest"],
    ])  # fmt: skip
    header = find_header(sheet, {})
    assert header is not None
    assert header.row == 3
    assert header.columns == {
        "element": 1, "wording": 2, "evidence_id": 3, "evidence": 4, "owner": 5, "service": 6,
        "date": 7, "link": 8, "rating": 9, "desk_top": 10, "notes": 11,
    }  # fmt: skip
    assert (header.unplaced, header.derived) == ([12], [13])  # an export's computed rating


def test_element_holds_the_ids_unless_a_ref_column_does() -> None:
    alone = find_header(sheet_of([["Element", "Evidence"]]), {})
    beside = find_header(sheet_of([["Ref", "Element", "Evidence"]]), {})
    assert alone is not None
    assert beside is not None
    assert alone.columns == {"element": 1, "evidence": 2}
    assert beside.columns == {"element": 1, "wording": 2, "evidence": 3}


def test_a_users_mapping_names_a_column_the_usual_words_do_not() -> None:
    mapping, wrong = parse_mapping(["evidence=What we have", "owner = Who?"])
    assert (mapping, wrong) == ({"evidence": "what we have", "owner": "who"}, [])
    header = find_header(sheet_of([["Ref", "What we have", "Who?", "Owner"]]), mapping)
    assert header is not None
    assert header.columns == {"element": 1, "evidence": 2, "owner": 3}
    assert header.unplaced == [4]  # "Owner" is not the owner column: the user said so


def test_what_is_wrong_with_a_mapping() -> None:
    _, wrong = parse_mapping(["ownr=Lead", "owner", "notes="])
    assert wrong[0].startswith(
        "--column 'ownr=Lead': 'ownr' is not a field (did you mean 'owner'?)"
    )
    assert wrong[1:] == [
        "--column 'owner': write FIELD=HEADER, such as owner=Lead",
        "--column 'notes=': write FIELD=HEADER, such as owner=Lead",
    ]
    assert "inferred" in FIELDS
    mapping, wrong = parse_mapping(["owner=Lead", "owner=Other", "notes=lead"])
    assert mapping == {"owner": "lead"}
    assert wrong == [
        "--column 'owner=Other': 'owner' or 'Other' is given by another --column already: "
        "give each field and each header once",
        "--column 'notes=lead': 'notes' or 'lead' is given by another --column already: "
        "give each field and each header once",
    ]
    sheet = sheet_of([["Ref", "Evidence"]])
    find_header(sheet, {"owner": "lead officer"})
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx:Evidence Matrix!A1: error: --column owner=lead officer: no such header in "
        "row 1"
    ]


def test_no_header_and_two_headers() -> None:
    sheet = sheet_of([["Number", "Things"], ["1.1.1", "Surveys"]])
    assert find_header(sheet, {}) is None
    assert shown(sheet.problems[0]).startswith("matrix.xlsx: error: no header row in the first 30")
    sheet = sheet_of([["Ref", "Evidence"], ["Ref", "Evidence"]])
    assert find_header(sheet, {}) is not None
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx:Evidence Matrix!A2: error: rows 1 and 2 both look like the header row: "
        "delete the one that is not"
    ]


def test_a_row_of_evidence_whose_words_read_as_headers_is_no_second_header() -> None:
    sheet = sheet_of([["Element", "Evidence", "Owner"], ["1.1.1", "Evidence", "Ref"]])
    header = find_header(sheet, {})
    assert header is not None
    assert (header.others, sheet.problems) == ([], [])


def test_the_colour_key_above_the_header() -> None:
    sheet = sheet_of([
        [Cell(1, 1, "Library", fill="FFC6EFCE"), Cell(1, 2, "Contact Centre", fill="theme 4")],
        [Cell(2, 1, "  ", fill="FF000000"), Cell(2, 2, "Unfilled")],
        ["Ref", "Evidence"],
    ])  # fmt: skip
    header = find_header(sheet, {})
    assert header is not None
    assert header.key == {"FFC6EFCE": "Library", "theme 4": "Contact Centre"}


def test_columns_not_imported_are_named() -> None:
    sheet = sheet_of([["Ref", "Evidence", "Priority", "Rating", "Self-assessment"]])
    header = find_header(sheet, {})
    assert header is not None
    assert name_unplaced(sheet, header) == ["Priority", "Rating"]
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx:Evidence Matrix!C1: warning: column 'Priority' is not imported: cse has "
        "no place for it (give it one with --column notes=Priority)",
        "matrix.xlsx:Evidence Matrix!D1: warning: column 'Rating' is not imported: the "
        "self-assessment column gives that rating; say which stage it holds with --column "
        "final=Rating or desk_top=Rating",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [("Evidence Ref/ID", "evidence ref id"), ("  Self-Assessment ", "self assessment"), (12, "12")],
)
def test_headers_compare_in_any_letter_case_and_punctuation(text: object, found: str) -> None:
    assert normal(text) == found


# a self-assessment workbook's header --------------------------------------------------


def test_a_self_assessment_header_has_no_element_column_and_two_refs() -> None:
    sheet = sheet_of([
        ["Criterion 1: Customer Insight"], ["Element 1.1.1 We have…"], ["GUIDANCE: …"],
        ["Ref", "Show Me (Hard Evidence)", "Ref", "Tell Me (See On Site)", "Self Ass",
         "Assessor", "Assessor Comments"],
        ["SM1", "Profiles"], ["Element 1.1.2"],
        ["Ref", "Show Me (Hard Evidence)", "Ref", "Tell Me (See On Site)", "Self Ass",
         "Assessor", "Assessor Comments"],
    ])  # fmt: skip
    header = find_header(sheet, {})
    assert header is not None
    assert (header.row, header.blocks, header.others, sheet.problems) == (4, True, [], [])
    assert header.columns == {
        "evidence_id": 1, "evidence": 2, "on_site_id": 3, "on_site": 4, "self_assessment": 5,
        "desk_top": 6, "assessor_comments": 7,
    }  # fmt: skip
    assert header.repeated(sheet.rows[6])
    assert not header.repeated(sheet.rows[4])


def test_a_lone_ref_beside_evidence_is_still_the_element_unless_it_is_a_show_me() -> None:
    matrix = find_header(sheet_of([["Ref", "Evidence", "On site", "Person", "Place"]]), {})
    show_me = find_header(sheet_of([["Ref", "Show Me", "Self Ass"]]), {})
    assert matrix is not None
    assert show_me is not None
    assert (matrix.blocks, matrix.columns) == (
        False, {"element": 1, "evidence": 2, "on_site": 3, "person": 4, "place": 5},
    )  # fmt: skip
    assert (show_me.blocks, show_me.columns) == (
        True, {"evidence_id": 1, "evidence": 2, "self_assessment": 3},
    )  # fmt: skip


def test_a_summary_sheet_is_no_self_assessment_header() -> None:
    sheet = sheet_of([["Criterion", "Title", "Elements", "Verdict"]])
    assert find_header(sheet, {}) is None


def test_a_block_row_whose_tell_me_reads_as_a_header_is_no_second_header() -> None:
    sheet = sheet_of([
        ["Ref", "Show Me (Hard Evidence)", "Ref", "Tell Me (See On Site)", "Self Ass"],
        ["SM1", "Profiles"],
        [None, None, None, "On site/evidence"],  # an item's words, with no Ref beside them
    ])  # fmt: skip
    header = find_header(sheet, {})
    assert header is not None
    assert (header.row, header.others, sheet.problems) == (1, [], [])
    assert not header.repeated(sheet.rows[2])
    assert find_header(sheet_of([["Show Me", "Tell Me"]]), {}) is not None
    assert find_header(sheet_of([["Ref", "See On Site"]]), {}) is not None
