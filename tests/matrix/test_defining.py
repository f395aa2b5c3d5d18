"""cse_cli.matrix.defining: an id used again is a ref, across sheets; one id, one kind of item."""

from __future__ import annotations

from typing import Any

from cse_cli.matrix.cells import Cell, Sheet, shown
from cse_cli.matrix.defining import EVIDENCE, ON_SITE, Ids


def _add(
    ids: Ids, kind: str, element: dict[str, Any], row: int, given: tuple[str | None, str],
    sheet: Sheet, fields: dict[str, Any] | None = None,
) -> None:  # fmt: skip
    cell = Cell(row, 2, given[1])
    ids.add(kind, element, (*given, fields or {}), (cell, Cell(row, 1, given[0])), sheet)


def test_the_first_use_defines_and_the_next_cites_even_on_another_sheet() -> None:
    ids = Ids()
    one, two = Sheet("book.xlsx", "Criterion 1"), Sheet("book.xlsx", "Criterion 2")
    first: dict[str, Any] = {}
    later: dict[str, Any] = {}
    _add(ids, EVIDENCE, first, 4, ("SM1", "Strategy"), one, {"service": "Library"})
    _add(ids, EVIDENCE, later, 9, ("SM1", "Strategy 2025"), two, {"notes": "The 2025 one"})
    _add(ids, ON_SITE, later, 10, (None, "The foyer board"), two)
    assert first == {"evidence": [{"id": "SM1", "title": "Strategy", "service": "Library"}]}
    assert later == {
        "evidence": [{"ref": "SM1", "notes": "The 2025 one"}],
        "on_site": [{"title": "The foyer board"}],
    }
    assert ids.refs == 1
    assert ids.known("SM1", EVIDENCE)
    assert not ids.known("SM1", ON_SITE)
    assert [shown(p) for p in two.problems] == [
        "book.xlsx:Criterion 2!B9: warning: SM1 is defined in Criterion 1!row 4; this row cites "
        "it with ref:, so its title 'Strategy 2025' is not kept"
    ]


def test_an_id_of_the_other_kind_is_an_error_at_the_id_and_nothing_is_added() -> None:
    ids = Ids()
    sheet = Sheet("book.xlsx", "Criterion 1")
    element: dict[str, Any] = {}
    _add(ids, ON_SITE, element, 4, ("R1", "The panel"), sheet)
    _add(ids, EVIDENCE, element, 5, ("R1", "Minutes"), sheet)
    assert element == {"on_site": [{"id": "R1", "title": "The panel"}]}
    assert [shown(p) for p in sheet.problems] == [
        "book.xlsx:Criterion 1!A5: error: 'R1' is already the ref of on-site evidence (Tell Me) "
        "in row 4: one ref names one item; give this evidence (Show Me) a ref of its own"
    ]
