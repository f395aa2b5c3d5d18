"""cse_cli.matrix.rows: a team's own matrix, its evidence and on-site evidence row by row."""

from __future__ import annotations

from typing import Any

from cse_cli.io.resources import load_standard
from cse_cli.matrix.cells import shown
from cse_cli.matrix.recognise import Matrix, recognise
from tests.helpers import sheet_of

HEADER = ["Element", "Evidence ID", "Evidence", "Owner", "Service", "Date", "Notes", "Inferred",
          "On-site ID", "On site", "Person", "Place"]  # fmt: skip


def _recognised(*rows: list[Any]) -> Matrix:
    sheet = sheet_of([HEADER, *rows])
    return recognise(sheet, load_standard(), {})


def test_an_on_site_row_takes_the_shared_columns_an_evidence_row_keeps_its_own() -> None:
    matrix = _recognised(
        ["1.1.1", "ES-1", "Survey", "JS", "Library", None, "Strongest"],
        ["1.1.1", None, None, None, "Library", None, "Mornings", "person, place",
         "TM-1", "Advisers explain the log", "Adviser", "Reception"],
        ["1.1.1", "ES-2", "Plan", None, "Library", None, "Draft", None,
         "TM-2", "The wallboard", "Team leader", "Contact centre"],
    )  # fmt: skip
    assert matrix.elements["1.1.1"] == {
        "element": "1.1.1",
        "evidence": [
            {"id": "ES-1", "title": "Survey", "owner": "JS", "service": "Library",
             "notes": "Strongest"},
            {"id": "ES-2", "title": "Plan", "service": "Library", "notes": "Draft"},
        ],
        "on_site": [
            {"id": "TM-1", "title": "Advisers explain the log", "person": "Adviser",
             "place": "Reception", "service": "Library", "notes": "Mornings",
             "inferred": ["person", "place"]},
            {"id": "TM-2", "title": "The wallboard", "person": "Team leader",
             "place": "Contact centre"},
        ],
    }  # fmt: skip
    assert (matrix.items, matrix.on_site) == (4, 2)
    assert matrix.problems == []


def test_an_on_site_row_alone_has_no_owner_date_or_evidence_key() -> None:
    matrix = _recognised(
        ["1.1.1", None, None, "JS", None, "2025-01-01", None, "date",
         None, "Walk the floor"],
        ["1.1.2", None, None, None, None, None, None, None, "TM-1", "Walk the floor"],
        ["1.1.3", "TM-1", "A document"],
    )  # fmt: skip
    assert [shown(p) for p in matrix.problems] == [
        "matrix.xlsx:Evidence Matrix!D2: warning: this row holds on-site evidence alone, which "
        "has no owner: its owner is not imported (give it to the evidence on its own row)",
        "matrix.xlsx:Evidence Matrix!F2: warning: this row holds on-site evidence alone, which "
        "has no date: its date is not imported (give it to the evidence on its own row)",
        "matrix.xlsx:Evidence Matrix!H2: error: inferred 'date' is not a key of an on-site item "
        "(id, ref, title, person, place, service, notes)",
        "matrix.xlsx:Evidence Matrix!B4: error: 'TM-1' is already the ref of on-site evidence "
        "(Tell Me) in row 3: one ref names one item; give this evidence (Show Me) a ref of its "
        "own",
    ]


def test_an_on_site_id_used_again_is_a_ref_to_it() -> None:
    matrix = _recognised(
        ["1.1.1", None, None, None, None, None, None, None, "TM-1", "Desk", "Adviser"],
        ["1.1.2", None, None, None, None, None, "Ask about 1.1.2", None, "TM-1", None, "Manager"],
    )  # fmt: skip
    assert matrix.elements["1.1.2"]["on_site"] == [{"ref": "TM-1", "notes": "Ask about 1.1.2"}]
    assert [shown(p) for p in matrix.problems] == [
        "matrix.xlsx:Evidence Matrix!I3: warning: TM-1 is defined in row 2; this row cites it "
        "with ref:, so its person 'Manager' is not kept"
    ]


def test_a_row_marked_delete_is_not_read_and_is_counted() -> None:
    sheet = sheet_of([
        [*HEADER, "Delete"],
        ["1.1.1", "ES-1", "Survey"],
        ["1.1.1", "ES-2", "Plan", *[None] * 9, "DELETE "],
        ["1.1.1", None, None, *[None] * 5, "TM-1", "Walk the floor", None, None, "delete"],
        ["1.1.2", "ES-3", "Charter", *[None] * 9, "yes"],
    ])  # fmt: skip
    matrix = recognise(sheet, load_standard(), {})
    assert matrix.elements["1.1.1"] == {
        "element": "1.1.1", "evidence": [{"id": "ES-1", "title": "Survey"}],
    }  # fmt: skip
    assert matrix.deleted == [3, 4]
    assert [shown(p) for p in matrix.problems] == [
        "matrix.xlsx:Evidence Matrix!M5: error: 'yes' in the Delete column: write delete to "
        "delete the row, or leave the cell empty"
    ]
