"""A workbook's package: the zip checked before any part is read, then its sheets found.

Before a part is parsed, the file is checked for what would make reading it
unsafe or endless: an encrypted (password-protected) workbook or an old .xls,
a file that is not a zip, more parts than a workbook has, parts that expand
past a stated size (a zip bomb: the sizes the zip declares bound what is
decompressed, as Python's zipfile stops at them), and any XML part that
declares a DTD. Then the package's relationships lead to the workbook part,
and its relationships to the sheets, the shared strings and the styles.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import IO

from cse_cli.matrix.cells import MAX_HYPERLINKS, MAX_UNCOMPRESSED_BYTES
from cse_cli.matrix.xml_part import Budget, PartReader, Refused, parse, refuse_any_dtd, rels_of
from cse_cli.matrix.xml_part import resolve as resolve_target

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of encrypted workbooks and of .xls
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
MAX_PARTS = 10_000
MAX_RELATIONSHIPS = MAX_PARTS + MAX_HYPERLINKS
"""Relationships of one part: to every other part, and one for each hyperlink."""
_KINDS = ("sharedStrings", "styles", "officeDocument")


def open_package(raw: bytes) -> zipfile.ZipFile:
    """The workbook's zip archive, checked; raises Refused with what is wrong."""
    if raw.startswith(_OLE2):
        if _ENCRYPTED in raw:
            raise Refused("the workbook is password-protected (encrypted): open it in "
                          "Excel, remove the password (File, Info, Protect Workbook) and "
                          "save")  # fmt: skip
        raise Refused("an Excel 97-2003 workbook (.xls) with an .xlsx name: open it in Excel "
                      "and save it as an Excel Workbook (.xlsx)")  # fmt: skip
    source = io.BytesIO(raw)
    if not zipfile.is_zipfile(source):
        raise Refused("not an Excel workbook (an .xlsx file is a zip archive): is it a CSV or "
                      "another file renamed?")  # fmt: skip
    try:
        archive = zipfile.ZipFile(source)
        _check_archive(archive)
        refuse_any_dtd(archive)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise Refused(f"a damaged zip archive: {first_line(exc)}") from None
    return archive


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, or its kind."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _check_archive(archive: zipfile.ZipFile) -> None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise Refused(f"the workbook has {len(parts):,} parts, over the limit of {MAX_PARTS:,}")
    if any(part.flag_bits & 0x1 for part in parts):
        raise Refused("the workbook's parts are encrypted: remove the password and save")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise Refused(f"the workbook expands to {total:,} bytes, over the limit of "
                      f"{MAX_UNCOMPRESSED_BYTES:,}: refused unread (a zip bomb, or pictures "
                      "and other sheets to remove)")  # fmt: skip


@dataclass
class Book:
    """Where a workbook keeps what a matrix needs, and how it counts its dates."""

    archive: zipfile.ZipFile
    budget: Budget
    sheets: dict[str, str] = field(default_factory=dict)
    """Each worksheet's title and part, in the workbook's order."""
    strings: str | None = None
    """The shared strings part, when there is one."""
    styles: str | None = None
    """The styles part, when there is one."""
    date1904: bool = False

    def part(self, name: str) -> str | None:
        """The archive's name for a part (names are matched in any letter case), or None."""
        wanted = name.lower()
        return next((n for n in self.archive.namelist() if n.lower() == wanted), None)

    def open(self, name: str) -> IO[bytes]:
        """Open a part the archive holds."""
        return self.archive.open(name)

    def relationships(self, part: str, wanted: set[str]) -> Rels:
        """The relationships of a part: those with the `wanted` ids, and the first of each kind.

        Only those are kept, so a part of millions of relationships costs no memory.
        """
        reader = Rels(self.budget, part, wanted)
        rels = self.part(rels_of(part))
        if rels is not None:
            with self.open(rels) as stream:
                parse(stream, reader, rels)
        return reader


def read_book(archive: zipfile.ZipFile, budget: Budget) -> Book:
    """The workbook's sheets, strings and styles parts; raises Refused."""
    book = Book(archive, budget)
    main = book.relationships("", set()).first.get("officeDocument")
    workbook = book.part(main.target if main is not None else "xl/workbook.xml")
    if workbook is None:
        raise Refused("the workbook has no workbook part (xl/workbook.xml): is it a workbook?")
    listing = _Workbook(budget)
    with book.open(workbook) as stream:
        parse(stream, listing, workbook)
    book.date1904 = listing.date1904
    rels = book.relationships(workbook, {rel_id for _, rel_id in listing.sheets})
    for title, rel_id in listing.sheets:
        rel = rels.found.get(rel_id)
        found = book.part(rel.target) if rel is not None and rel.kind == "worksheet" else None
        if found is not None:
            book.sheets.setdefault(title, found)
    # Without a relationship (a workbook written by a program), where Excel keeps them.
    strings, styles = rels.first.get("sharedStrings"), rels.first.get("styles")
    book.strings = book.part(strings.target if strings else "xl/sharedStrings.xml")
    book.styles = book.part(styles.target if styles else "xl/styles.xml")
    return book


@dataclass(frozen=True)
class Rel:
    """One relationship: its kind (the end of its type), where it leads, and if outside."""

    kind: str
    target: str
    external: bool


class Rels(PartReader):
    """A part's relationships: the wanted ones by id, and the first of each kind cse uses."""

    def __init__(self, budget: Budget, source: str, wanted: set[str]) -> None:
        """Keep the relationships of `source` with the `wanted` ids."""
        self.budget = budget
        self.source = source
        self.wanted = wanted
        self.found: dict[str, Rel] = {}
        self.first: dict[str, Rel] = {}
        self.count = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """A relationship: kept when wanted."""
        if name != "Relationship":
            return
        self.count += 1
        if self.count > MAX_RELATIONSHIPS:
            raise Refused(f"the relationships of its part {self.source or '/'} number more "
                          f"than {MAX_RELATIONSHIPS:,}, one for every part and hyperlink at "
                          "the limits: refused")  # fmt: skip
        rel_id = attrs.get("Id", "")
        kind = attrs.get("Type", "").rpartition("/")[2]
        if rel_id not in self.wanted and (kind not in _KINDS or kind in self.first):
            return
        target = attrs.get("Target", "")
        external = attrs.get("TargetMode") == "External"
        rel = Rel(kind, target if external else resolve_target(self.source, target), external)
        if rel_id in self.wanted:
            self.found[rel_id] = rel
        if kind in _KINDS:
            self.first.setdefault(kind, rel)


class _Workbook(PartReader):
    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.sheets: list[tuple[str, str]] = []
        self.date1904 = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "sheet":
            if len(self.sheets) >= MAX_PARTS:
                raise Refused(f"the workbook lists more than {MAX_PARTS:,} sheets")
            rel_id = next((v for k, v in attrs.items() if k.endswith(" id")), "")
            self.sheets.append((attrs.get("name", ""), rel_id))
        elif name == "workbookPr":
            self.date1904 = attrs.get("date1904", "").lower() in {"1", "true"}
