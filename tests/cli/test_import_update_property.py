"""`cse import --update --prefer sheet` as a property: the sheet's edits on top of the repository's.

For generated repositories, the matrix is exported, edited at random with
openpyxl (cells changed, a rating changed on one row, rows marked delete, rows
added, removed and reordered) while the repository is edited at random (values
changed, items deleted, items inserted before the others), then merged. The
expectation is worked out from the cells alone, read back with openpyxl and
never with cse's readers: a cell the sheet changed from the export takes the
sheet's value, any other the repository's; a conflict is a cell both changed,
differently. The repository after the merge, exported again, must hold exactly
that, and every element file the merge had no reason to change must keep its
bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import openpyxl
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from tests.helpers import exported, header_columns, run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

ELEMENTS = ("1.1.1", "1.1.2", "1.1.3")
FIELDS = ("Evidence", "Owner", "Service", "Notes")
"""The cells of an item that the sheet and the repository edit."""
_KEYS = {"Evidence": "title", "Owner": "owner", "Service": "service", "Notes": "notes"}
RATINGS = {"full": "Full Compliance", "partial": "Partial Compliance", None: None}
_POOL = st.sampled_from(["AB", "CD", "Library", None])
_CONFLICT = re.compile(r"^\S+:Evidence Matrix!([A-Z]+)(\d+): warning: .*kept the sheet's")


@dataclass
class Repository:
    """The generated evidence: per element its final rating and items (each with an identity)."""

    final: dict[str, str | None]
    items: dict[str, list[tuple[str | None, dict[str, Any]]]]
    """Each item with the identity it had at the export (None: added in the repository since)."""
    counter: list[int] = field(default_factory=lambda: [0])

    def files(self) -> dict[str, str]:
        return {f"evidence/{e}.yaml": _yaml(e, self.final[e], self.items[e]) for e in ELEMENTS}


def _yaml(element: str, final: str | None, items: list[tuple[str | None, dict[str, Any]]]) -> str:
    lines = [f'element: "{element}"', *([f"final: {final}"] if final else [])]
    lines.append("evidence:" if items else "evidence: []")
    for _, item in items:
        lead = "  - "
        for key in ("id", "title", "owner", "service", "notes"):
            if item.get(key) is not None:
                lines.append(f"{lead}{key}: {json.dumps(item[key])}")
                lead = "    "
    return "\n".join(lines) + "\n"


@st.composite
def repositories(draw: st.DrawFn) -> Repository:
    """A few elements, each rated or not, with up to three items, some with an id."""
    final = {e: draw(st.sampled_from(["full", "partial", None])) for e in ELEMENTS}
    items: dict[str, list[tuple[str | None, dict[str, Any]]]] = {}
    number = 0
    for element in ELEMENTS:
        items[element] = []
        for _ in range(draw(st.integers(0, 3))):
            number += 1
            item = {"title": f"Item {number}", "owner": draw(_POOL), "notes": draw(_POOL)}
            if draw(st.booleans()):
                item["id"] = f"ID-{number}"
            items[element].append((f"{element}/{number}", item))
    return Repository(final, items)


def _rows(path: Path) -> tuple[dict[str, int], list[list[Any]]]:
    sheet = openpyxl.load_workbook(path)["Evidence Matrix"]
    return header_columns(sheet), [
        [cell.value for cell in row] for row in sheet.iter_rows(min_row=2)
    ]


def _edit_repository(data: st.DataObject, repo: Repository) -> None:
    """Values changed, items deleted, items inserted before the others, a rating changed."""
    for element in ELEMENTS:
        listed = repo.items[element]
        for index in range(len(listed)):
            if data.draw(st.integers(0, 3)) == 0:
                key = data.draw(st.sampled_from(["owner", "notes", "service"]))
                listed[index][1][key] = data.draw(_POOL)
        if listed and data.draw(st.integers(0, 3)) == 0:
            del listed[data.draw(st.integers(0, len(listed) - 1))]
        if data.draw(st.integers(0, 3)) == 0:
            repo.counter[0] += 1
            listed.insert(0, (None, {"title": f"Repository item {repo.counter[0]}"}))
        if data.draw(st.integers(0, 3)) == 0:
            repo.final[element] = data.draw(st.sampled_from(["full", "partial", None]))


def _edit_sheet(data: st.DataObject, sheet: Any, columns: dict[str, int]) -> None:
    """Cells changed, a rating on one row, rows marked delete, added, removed and reordered."""
    rows = list(range(2, sheet.max_row + 1))
    items = [r for r in rows if " evidence " in str(sheet.cell(r, columns["cse key"]).value)]
    for row in items:
        if data.draw(st.integers(0, 2)) == 0:
            header = data.draw(st.sampled_from(FIELDS))
            value = data.draw(_POOL if header != "Evidence" else st.sampled_from(["New title"]))
            sheet.cell(row, columns[header]).value = value
        if data.draw(st.integers(0, 5)) == 0:
            sheet.cell(row, columns["Delete"]).value = "delete"
    for element in ELEMENTS:
        own = [r for r in rows if sheet.cell(r, columns["Element"]).value == element]
        if data.draw(st.integers(0, 2)) == 0:
            row = data.draw(st.sampled_from(own))
            rating = data.draw(st.sampled_from(list(RATINGS)))
            sheet.cell(row, columns["Final"]).value = RATINGS[rating]
    for number in range(data.draw(st.integers(0, 2))):
        element = data.draw(st.sampled_from(ELEMENTS))
        new: list[str | None] = [None] * len(columns)
        new[columns["Element"] - 1], new[columns["Evidence"] - 1] = element, f"Sheet item {number}"
        new[columns["Owner"] - 1] = data.draw(_POOL)
        sheet.append(new)
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    kept = [row for row in values if data.draw(st.integers(0, 5)) != 0]  # filtered out or removed
    order = data.draw(st.permutations(range(len(kept))))
    sheet.delete_rows(2, sheet.max_row)
    for index in order:
        sheet.append(kept[index])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(repo=repositories(), data=st.data())
def test_the_result_is_the_sheets_edits_on_top_of_the_repositorys(
    repo: Repository, data: st.DataObject, tmp_path_factory: Any
) -> None:
    folder = tmp_path_factory.mktemp("merge")
    root = write_repo(folder / "repo", repo.files())
    matrix = exported(root, folder / "export.xlsx")
    columns, base_rows = _rows(matrix)
    identities = _identities(repo, columns, base_rows)
    book = openpyxl.load_workbook(matrix)
    _edit_sheet(data, book["Evidence Matrix"], columns)
    book.save(folder / "sheet.xlsx")
    _edit_repository(data, repo)
    write_repo(root, repo.files(), config=None)
    now = {rel: (root / rel).read_bytes() for rel in repo.files()}
    model = _Model(repo, identities, (columns, base_rows, _rows(folder / "sheet.xlsx")[1]))
    expected = {element: model.element(element) for element in ELEMENTS}
    conflicts = model.conflicts
    result = run("import", str(folder / "sheet.xlsx"), str(root), "--update", "--prefer",
                 "sheet", "--write")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    found = {(m[1], int(m[2])) for m in map(_CONFLICT.match, result.stderr.splitlines()) if m}
    assert found == conflicts
    assert _merged(root, folder) == expected
    for element in ELEMENTS:  # a file the merge had no reason to change keeps its bytes
        rel = f"evidence/{element}.yaml"
        if expected[element] == _as_exported(repo, element):
            assert (root / rel).read_bytes() == now[rel]
    event(f"conflicts: {'some' if conflicts else 'none'}")
    changed = any(expected[e] != _as_exported(repo, e) for e in ELEMENTS)
    event("the sheet changed the repository" if changed else "nothing to merge")


def _as_exported(repo: Repository, element: str) -> tuple[Any, ...]:
    """An element as its rows show it: its rating, then each item's cells."""
    rating = RATINGS[repo.final[element]]
    return (rating, *(tuple(item.get(_KEYS[h]) for h in FIELDS) for _, item in repo.items[element]))


def _merged(root: Path, folder: Path) -> dict[str, tuple[Any, ...]]:
    """Each element of the repository after the merge, as its export shows it."""
    columns, rows = _rows(exported(root, folder / "after.xlsx"))
    found: dict[str, tuple[Any, ...]] = {}
    for element in ELEMENTS:
        mine = [row for row in rows if row[columns["Element"] - 1] == element]
        items = [row for row in mine if row[columns["Evidence"] - 1] is not None]
        cells = [tuple(row[columns[h] - 1] for h in FIELDS) for row in items]
        found[element] = (mine[0][columns["Final"] - 1], *cells)
    return found


def _identities(repo: Repository, columns: dict[str, int], rows: list[list[Any]]) -> dict[str, str]:
    """The identity of the item each row key of the export names."""
    found: dict[str, str] = {}
    for element in ELEMENTS:
        keys = [
            row[columns["cse key"] - 1] for row in rows if row[columns["Element"] - 1] == element
        ]
        keys = [key for key in keys if " evidence " in key]
        found |= dict(zip(keys, (identity for identity, _ in repo.items[element]), strict=True))
    return found


class _Model:
    """The merge worked out from the cells: the export's, the sheet's, the repository's now."""

    def __init__(
        self,
        repo: Repository,
        identities: dict[str, str],
        sheets: tuple[dict[str, int], list[list[Any]], list[list[Any]]],
    ) -> None:
        self.repo, self.identities = repo, identities
        self.columns, base_rows, sheet_rows = sheets
        self.base_rows = base_rows
        self.base = {self.at(row, "cse key"): row for row in base_rows}
        self.numbered = list(enumerate(sheet_rows, start=2))
        self.conflicts: set[tuple[str, int]] = set()

    def at(self, row: list[Any], header: str) -> Any:
        return row[self.columns[header] - 1]

    def cells(self, row: list[Any]) -> tuple[Any, ...]:
        return tuple(self.at(row, header) for header in FIELDS)

    def conflict(self, header: str, row: int) -> None:
        self.conflicts.add((str(get_column_letter(self.columns[header])), row))

    def element(self, element: str) -> tuple[Any, ...]:
        mine = [(n, row) for n, row in self.numbered if self.at(row, "Element") == element]
        return (self.rating(element, mine), *self.items(element, mine), *self.added(element, mine))

    def rating(self, element: str, mine: list[tuple[int, list[Any]]]) -> Any:
        """The sheet's rating where a row changed it (a row marked delete says none), else now's."""
        rows = [row for row in self.base_rows if self.at(row, "Element") == element]
        was, now = self.at(rows[0], "Final"), RATINGS[self.repo.final[element]]
        for n, row in mine:
            keyed = self.at(row, "cse key") is not None and self.at(row, "Delete") is None
            if keyed and self.at(row, "Final") != was:
                if now not in (was, self.at(row, "Final")):
                    self.conflict("Final", n)
                return self.at(row, "Final")
        return now

    def items(self, element: str, mine: list[tuple[int, list[Any]]]) -> list[tuple[Any, ...]]:
        """The repository's items now, each with the cells the sheet changed, less those deleted."""
        shown = {
            self.identities[self.at(row, "cse key")]: (n, row)
            for n, row in mine
            if " evidence " in str(self.at(row, "cse key"))
        }
        found = []
        for identity, item in self.repo.items[element]:
            there = tuple(item.get(_KEYS[header]) for header in FIELDS)
            if identity not in shown:
                found.append(there)
                continue
            n, row = shown[identity]
            exported_cells = self.cells(self.base[self.at(row, "cse key")])
            if self.at(row, "Delete") == "delete":
                if there != exported_cells:
                    self.conflict("Delete", n)
                continue
            changed = zip(FIELDS, exported_cells, self.cells(row), there, strict=True)
            found.append(tuple(self.cell(n, header, b, s, r) for header, b, s, r in changed))
        return found

    def cell(self, n: int, header: str, b: object, s: object, r: object) -> object:
        """One cell: the sheet's where it changed it (a conflict if both did), else now's."""
        if s != b and r not in (b, s):
            self.conflict(header, n)
        return s if s != b else r

    def added(self, element: str, mine: list[tuple[int, list[Any]]]) -> list[tuple[Any, ...]]:
        """New rows, and rows the sheet changed of items deleted since: added, in row order."""
        present = {identity for identity, _ in self.repo.items[element]}
        found = []
        for n, row in mine:
            key = self.at(row, "cse key")
            if self.at(row, "Evidence") is None or self.at(row, "Delete") == "delete":
                continue
            if key is None:
                found.append(self.cells(row))
            elif self.identities[key] not in present and self.cells(row) != self.cells(
                self.base[key]
            ):
                self.conflict("Evidence", n)
                found.append(self.cells(row))
        return found
