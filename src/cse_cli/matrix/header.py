"""Where an evidence matrix's header row is, and what each of its columns holds.

The header is the first row, below any title rows, that names an element
column (Ref, Element…) and an evidence column (Evidence, Evidence ref…, or an
on-site one: Tell Me, On site…), in the usual words or in those the user maps
with `--column FIELD=HEADER`. Cells above it that are filled with a colour and
hold a word are the colour key of the services.

A certification body's self-assessment workbook has a header with no element
column: `Ref | Show Me (Hard Evidence) | Ref | Tell Me (See On Site) | Self Ass |
Assessor | Assessor Comments`, repeated in each element's block. Such a header
(`blocks`) names a Show Me and a Tell Me column, or either beside its Ref; its elements
come from the element rows that start each block (cse_cli.matrix.blocks). A
`Ref` column belongs to the evidence or on-site column to its right when there
are two of them, or when that column is a Show Me or Tell Me one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cse_cli.core.text import and_list, did_you_mean, quoted, short
from cse_cli.matrix.values import Unreadable, element_cell

if TYPE_CHECKING:
    from cse_cli.matrix.cells import Cell, Sheet

HEADER_SEARCH_ROWS = 30
"""The header row is looked for in the first rows that hold something."""

# What each field of the repository is called in the matrices teams keep.
ALIASES: dict[str, tuple[str, ...]] = {
    "element": ("ref", "reference", "element ref", "element reference", "element no",
                "element number", "element id", "cse ref", "cse element", "no", "number",
                "criterion ref", "criteria ref", "element ref no"),
    "wording": ("wording", "element text", "element wording", "requirement",
                "element description", "standard", "criteria", "criterion", "cse element text"),
    "evidence": ("evidence", "evidence title", "evidence description",
                 "description of evidence", "description", "evidence provided", "title",
                 "supporting evidence", "evidence item", "evidence details", "show me",
                 "show me hard evidence", "hard evidence", "show me evidence"),
    "evidence_id": ("evidence ref", "evidence id", "evidence no", "evidence number",
                    "evidence reference", "id", "es ref", "es no", "evidence code"),
    "owner": ("owner", "evidence owner", "lead", "responsible", "responsible officer", "who",
              "initials", "contact", "officer", "lead officer"),
    "service": ("service", "services", "department", "team", "directorate", "service area"),
    "date": ("date", "evidence date", "date of evidence", "last reviewed", "date reviewed",
             "reviewed", "updated", "last updated", "date updated"),
    "link": ("link", "location", "url", "path", "file", "hyperlink", "file location",
             "document location", "where held", "link location", "link or location"),
    "rating": ("rating", "rag", "rag rating", "rag status", "score", "compliance",
               "self rating", "our rating"),
    "self_assessment": ("self assessment", "self assessed", "self", "self ass", "self assess",
                        "self assessment rating"),
    "desk_top": ("desk top", "desktop", "desk top rating", "desk top review", "assessor",
                 "assessor rating", "assessor s rating", "assessors rating"),
    "final": ("final", "final rating", "final result", "result"),
    "surveillance_1": ("surveillance 1", "first surveillance", "12 month review"),
    "surveillance_2": ("surveillance 2", "second surveillance", "24 month review"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "notes comments"),
    "inferred": ("inferred", "inferred keys", "inferred values"),
    "on_site_id": ("on site id", "on site ref", "on site evidence id", "on site evidence ref",
                   "tell me ref", "tell me id"),
    "on_site": ("on site", "on site evidence", "tell me", "tell me see on site",
                "tell me evidence", "see on site", "tell me or see on site", "seen on site"),
    "person": ("person", "person or role", "role", "who to see", "person to see",
               "people to see", "key people"),
    "place": ("place", "where to see it", "site", "venue"),
    "assessor_comments": ("assessor comments", "assessor comment", "assessor s comments",
                          "assessors comments", "assessor notes", "assessor feedback"),
    "delete": ("delete",),
    "key": ("cse key",),
}  # fmt: skip
FIELDS = tuple(ALIASES)
"""The fields a column can hold, as `--column FIELD=HEADER` names them."""
BY_NAME = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
"""The field each header names, by its words as compared."""
_ITEM_TEXT = {"evidence": "evidence_id", "on_site": "on_site_id"}
"""The text columns of items, and the id column a `Ref` to the left of each is."""
_SELF_ASSESSMENT_WORDS = ("show me", "tell me", "see on site")
_DERIVED = re.compile(r"^rating at (the )?(self|desk top|final|surveillance [12]|latest)( stage)?$")
"""What `cse export` calls the rating it computes: read from the stage columns instead."""


def normal(text: object) -> str:
    """A header as compared: lower case, words only ('Evidence Ref/ID' -> 'evidence ref id')."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text).lower()).split())


@dataclass
class Header:
    """The header row and the field of each column it names."""

    row: int
    columns: dict[str, int] = field(default_factory=dict)
    """Field -> column number."""
    names: dict[int, str] = field(default_factory=dict)
    """Column number -> the header as written."""
    unplaced: list[int] = field(default_factory=list)
    """Columns whose header names no field."""
    derived: list[int] = field(default_factory=list)
    """Columns that repeat what other columns hold (an export's computed rating)."""
    key: dict[str, str] = field(default_factory=dict)
    """The colour key: fill colour -> service."""
    others: list[int] = field(default_factory=list)
    """Rows below that look like a header too (each an error): skipped."""
    blocks: bool = False
    """No element column: elements come from element rows, one block each (a self-assessment
    workbook), and the header may be repeated in each block."""
    shape: tuple[tuple[int, str], ...] = ()
    """Each header cell's column and words as compared: a row repeating it is the header."""

    def repeated(self, cells: list[Cell]) -> bool:
        """Whether a row below is the header again (as each block of a workbook repeats it)."""
        return self.blocks and tuple((c.column, normal(c.value)) for c in cells) == self.shape


def parse_mapping(pairs: list[str]) -> tuple[dict[str, str], list[str]]:
    """`--column FIELD=HEADER` options as field -> normal header, and what is wrong with them."""
    mapping: dict[str, str] = {}
    wrong: list[str] = []
    for pair in pairs:
        name, sep, header = pair.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not header.strip():
            wrong.append(f"--column {quoted(pair)}: write FIELD=HEADER, such as owner=Lead")
        elif name not in ALIASES:
            suggestion = did_you_mean(name, FIELDS)
            wrong.append(
                f"--column {quoted(pair)}: {quoted(name)} is not a field{suggestion}; "
                f"the fields are {and_list(FIELDS)}"
            )
        elif name in mapping or normal(header) in mapping.values():
            wrong.append(
                f"--column {quoted(pair)}: {quoted(name)} or {quoted(header.strip())} is "
                "given by another --column already: give each field and each header once"
            )
        else:
            mapping[name] = normal(header)
    return mapping, wrong


def _fields(cells: list[Cell], mapping: dict[str, str]) -> dict[int, str]:
    """The field each header cell names (user's mapping first), by column."""
    found: dict[int, str] = {}
    mapped = {header: name for name, header in mapping.items()}
    for cell in cells:
        text = normal(cell.value)
        if text in mapped:
            found[cell.column] = mapped[text]
        elif text in BY_NAME and BY_NAME[text] not in mapping:
            found[cell.column] = BY_NAME[text]
        elif text == "element" and "element" not in mapping:
            found[cell.column] = "element?"
    _refs(cells, found, mapping)
    names = set(found.values())
    for column, name in found.items():
        if name == "element?":  # "Element" holds the ids, unless a Ref column does
            found[column] = "wording" if "element" in names else "element"
    return found


def _refs(cells: list[Cell], found: dict[int, str], mapping: dict[str, str]) -> None:
    """Give each `Ref` column to the item text column on its right, where it belongs there.

    It does when there are two `Ref` columns, or when that column is a Show Me or Tell
    Me one; otherwise a lone `Ref` holds the element ids, as in a team's own matrix.
    """
    if "element" in mapping:
        return
    refs = [c.column for c in cells if normal(c.value) == "ref"]
    texts = {cell.column: normal(cell.value) for cell in cells}
    for column in refs:
        right = found.get(column + 1)
        words = texts.get(column + 1, "")
        if right in _ITEM_TEXT and (
            len(refs) > 1 or any(word in words for word in _SELF_ASSESSMENT_WORDS)
        ):
            found[column] = _ITEM_TEXT[right]


def _looks_right(fields: dict[int, str]) -> bool:
    names = set(fields.values())
    items = names & {"evidence", "evidence_id", "on_site", "on_site_id"}
    if "element" in names or "element?" in names:
        return bool(items)
    # with no element column, the header of a self-assessment workbook's blocks: Show Me and
    # Tell Me, or either beside its Ref (a row of evidence is neither, whatever its words)
    texts = names & {"evidence", "on_site"}
    return len(texts) == 2 or bool(texts and names & {"evidence_id", "on_site_id"})  # noqa: PLR2004


def _candidates(sheet: Sheet, mapping: dict[str, str]) -> list[tuple[list[Cell], dict[int, str]]]:
    """The rows among the first that look like the header, each with the field of its cells."""
    candidates: list[tuple[list[Cell], dict[int, str]]] = []
    for cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        if all(isinstance(cell.value, str) for cell in cells):
            fields = _fields(cells, mapping)
            if _looks_right(fields) and not (candidates and _names_element(cells, candidates[0])):
                candidates.append((cells, fields))
    return candidates


def holds_header(sheet: Sheet, mapping: dict[str, str]) -> bool:
    """Whether a row among the sheet's first looks like the header (nothing is said of it)."""
    return bool(_candidates(sheet, mapping))


def find_header(sheet: Sheet, mapping: dict[str, str]) -> Header | None:
    """The header row of the sheet, with problems added to the sheet; None when there is none."""
    candidates = _candidates(sheet, mapping)
    if not candidates:
        sheet.add(0, 0, "error", f"no header row in the first {HEADER_SEARCH_ROWS} rows: cse "
                  "looks for a row naming an element column (Ref or Element) and an evidence "
                  "column (Evidence); name yours with --column element=HEADER "
                  "--column evidence=HEADER")  # fmt: skip
        return None
    cells, fields = candidates[0]
    header = Header(cells[0].row, blocks=not {"element", "element?"} & set(fields.values()),
                    shape=tuple((c.column, normal(c.value)) for c in cells))  # fmt: skip
    others = [other for other in candidates[1:] if not header.repeated(other[0])]
    if others:
        second = others[0][0][0]
        sheet.add(second.row, second.column, "error", f"rows {cells[0].row} and {second.row} "
                  "both look like the header row: delete the one that is not")  # fmt: skip
    header.others = [other[0][0].row for other in others]
    for cell in cells:
        _place(sheet, header, cell, fields.get(cell.column))
    for name, wanted in mapping.items():
        if name not in header.columns:
            sheet.add(header.row, cells[0].column, "error", f"--column {name}={wanted}: no "
                      f"such header in row {header.row}"
                      f"{did_you_mean(wanted, map(normal, header.names.values()))}")  # fmt: skip
    header.key = _colour_key(sheet, header.row)
    return header


def _names_element(cells: list[Cell], first: tuple[list[Cell], dict[int, str]]) -> bool:
    """Whether a row below the header names an element where the header's element column is.

    Such a row is evidence whose other cells happen to read as headers (an owner
    called "Ref"), not a second header.
    """
    column = next((c for c, name in first[1].items() if name in {"element", "element?"}), None)
    if column is None:  # a self-assessment workbook's header: repeated in each block
        return False
    cell = next((c for c in cells if c.column == column), None)
    try:
        return cell is not None and element_cell(cell.value).element is not None
    except Unreadable:
        return False


def name_unplaced(sheet: Sheet, header: Header) -> list[str]:
    """Warn of each column that is not imported; their headers."""
    unplaced = []
    for column in header.unplaced:
        name = header.names[column]
        sheet.add(header.row, column, "warning", f"column {quoted(name)} is not imported: "
                  f"cse has no place for it (give it one with --column "
                  f"notes={short(name)})")  # fmt: skip
        unplaced.append(name)
    if "rating" in header.columns and "self_assessment" in header.columns:
        column = header.columns["rating"]
        name = short(header.names[column])
        message = f"column {quoted(name)} is not imported: the self-assessment column gives "
        message += f"that rating; say which stage it holds with --column final={name} or "
        sheet.add(header.row, column, "warning", message + f"desk_top={name}")
        unplaced.append(header.names[column])
    return unplaced


def _place(sheet: Sheet, header: Header, cell: Cell, name: str | None) -> None:
    """Give the header cell's column its field, or list it as not placed."""
    header.names[cell.column] = str(cell.value).strip()
    if name is None:
        listed = header.derived if _DERIVED.match(normal(cell.value)) else header.unplaced
        listed.append(cell.column)
    elif name in header.columns:
        first = quoted(header.names[header.columns[name]])
        sheet.add(cell.row, cell.column, "error", f"a second {name} column (the first is "
                  f"{first}): name the one to read with --column {name}=HEADER")  # fmt: skip
    else:
        header.columns[name] = cell.column


def _colour_key(sheet: Sheet, header_row: int) -> dict[str, str]:
    """Filled cells holding a word above the header: the colour of each service."""
    key: dict[str, str] = {}
    for cells in sheet.rows:
        if cells[0].row >= header_row:
            break
        for cell in cells:
            if cell.fill is not None and isinstance(cell.value, str) and cell.value.strip():
                key.setdefault(cell.fill, cell.value.strip())
    return key
