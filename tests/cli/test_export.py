"""`cse export`: the matrix read back by openpyxl, the same bytes twice, no formula, a round trip.

The round trip is a property over generated repositories: exporting one and
importing the export gives an equivalent repository (the same ratings, owners,
notes and evidence per element, each `ref:` resolved to what it cites).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import string
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cse_cli.core.stages import Stage
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from tests.helpers import BOLTON, run, write_repo

ELEMENTS = load_standard().element_ids()
HEADERS = [
    "Element", "Wording", "Rating at latest", "Self-assessment", "Desk-top", "Final",
    "Surveillance 1", "Surveillance 2",
    "Evidence ID", "Evidence", "Owner", "Service", "Date", "Link", "Notes", "Inferred",
    "On-site ID", "On site", "Person", "Place", "Delete", "cse key",
]  # fmt: skip


def _export(root: Path, tmp_path: Path, output_format: str, *args: str) -> Path:
    out = tmp_path / f"matrix.{output_format}"
    result = run("export", str(root), "--format", output_format, "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {out}\n"
    return out


def test_bolton_as_a_workbook(tmp_path: Path) -> None:
    out = _export(BOLTON, tmp_path, "xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Evidence Matrix", "Summary", "cse base"]
    assert [sheet.sheet_state for sheet in book] == ["visible", "visible", "hidden"]
    assert book["cse base"].protection.sheet
    sheet = book["Evidence Matrix"]
    rows: list[list[Any]] = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADERS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:V{len(rows)}"  # the hidden keys are sorted with their rows
    assert all(sheet.column_dimensions[c].width >= 9 for c in "ABCDEFGHIJKLMNOPQRSTU")
    assert [c for c in "ABCDEFGHIJKLMNOPQRSTUV" if sheet.column_dimensions[c].hidden] == ["V"]
    assert all(row[20] is None for row in rows[1:])  # nothing marked for deletion
    assert 40 <= sheet.column_dimensions["B"].width <= 60
    evidence = open_repository(BOLTON, load_standard())
    items = sum(len(e.evidence) for e in evidence.elements.values())
    own = sum(1 for e in evidence.elements.values() if e.owner or e.notes or not e.evidence)
    assert len(rows) == 1 + items + own  # a row per item, and one for an element's own owner
    assert [r[0] for r in rows[1:]] == sorted((str(r[0]) for r in rows[1:]), key=ELEMENTS.index)
    first = evidence.elements["1.1.1"]
    lead = ["1.1.1", load_standard().element("1.1.1")[2].text, "Full Compliance", None,
            "Partial Compliance", "Full Compliance", None, None]  # fmt: skip
    offset = 2 if first.owner else 1
    assert rows[offset][:10] == [*lead, None, first.evidence[0].title]
    summary: list[list[Any]] = [[c.value for c in row] for row in book["Summary"].iter_rows()]
    check = json.loads(run("check", str(BOLTON), "--format", "json").stdout)
    assert [(r[0], r[10]) for r in summary[1:6]] == [
        (c["number"], "Met" if c["met"] else "Not met") for c in check["criteria"]
    ]
    assert summary[7][0].startswith("At the latest stage rated for each element: Not met")


def test_the_same_evidence_gives_the_same_bytes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _export(BOLTON, tmp_path / "a", "xlsx")
    second = _export(BOLTON, tmp_path / "b", "xlsx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    assert str(dt.datetime.now(dt.timezone.utc).year) not in core


def test_the_stage_decides_the_rating_column(tmp_path: Path) -> None:
    out = _export(BOLTON, tmp_path, "csv", "--stage", "desk-top")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    base = [row for row in rows if row[0].startswith("#cse-base")]
    assert base == rows[: len(base)]  # the base first, one field a line
    assert all(len(row) == 1 for row in base)
    rows = rows[len(base) :]
    assert rows[0][2] == "Rating at desk-top"
    assert rows[1][2] == "Partial Compliance"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf#cse-base 1 ")
    assert b"\r\n" in out.read_bytes()


TRICKS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(1,2)", "\tTabbed",
          "\rReturned", "'=quoted", "'plain"]  # fmt: skip


def _tricky_repo(tmp_path: Path) -> Path:
    items = "\n".join(f"  - title: {json.dumps(t)}\n    owner: {json.dumps(t)}" for t in TRICKS)
    return write_repo(
        tmp_path / "repo",
        {"evidence/1.1.1.yaml": f'element: "1.1.1"\nnotes: "=1+1"\nevidence:\n{items}\n'},
    )


def test_no_cell_is_ever_a_formula(tmp_path: Path) -> None:
    repo = _tricky_repo(tmp_path)
    out = _export(repo, tmp_path, "xlsx")
    with zipfile.ZipFile(out) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    sheet = openpyxl.load_workbook(out)["Evidence Matrix"]
    cells = [row for row in sheet.iter_rows(min_row=2) if row[0].value == "1.1.1"]
    assert [row[9].value for row in cells] == [None, *TRICKS]
    assert all(row[9].data_type == "s" for row in cells[1:])
    assert cells[0][14].value == "=1+1"
    assert cells[0][14].data_type == "s"


def test_a_text_excel_would_edit_into_a_formula_carries_the_quote_prefix(tmp_path: Path) -> None:
    # Excel's quotePrefix (what typing '=1+1 sets) keeps the cell text when it is edited
    out = _export(_tricky_repo(tmp_path), tmp_path, "xlsx")
    sheet = openpyxl.load_workbook(out)["Evidence Matrix"]
    cells = [row for row in sheet.iter_rows(min_row=2) if row[0].value == "1.1.1"]
    prefixed = {row[9].value: row[9].quotePrefix for row in cells[1:]}
    assert prefixed == {trick: trick[0] in "=+-@" for trick in TRICKS}
    assert cells[0][14].value == "=1+1"
    assert cells[0][14].quotePrefix
    assert not any(cell.quotePrefix for cell in sheet[1])  # the headers: plain bold text


def test_csv_marks_what_would_be_a_formula_and_import_unmarks_it(tmp_path: Path) -> None:
    repo = _tricky_repo(tmp_path)
    out = _export(repo, tmp_path, "csv")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    titles = [row[9] for row in rows[1:] if row[0] == "1.1.1"]
    assert titles == ["", *("'" + t for t in TRICKS)]
    back = tmp_path / "back"
    assert run("import", str(out), str(back)).exit_code == 0
    evidence = open_repository(back, load_standard())
    # import trims the white space around a value, the tab and carriage return too
    assert [i.title for i in evidence.elements["1.1.1"].evidence] == [t.strip() for t in TRICKS]
    assert evidence.elements["1.1.1"].notes == "=1+1"


def test_invalid_evidence_is_not_exported(tmp_path: Path) -> None:
    repo = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": 'element: "1.1.1"\nfinale: F\n'})
    out = tmp_path / "m.xlsx"
    result = run("export", str(repo), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 2
    assert "unknown key 'finale'" in result.stderr
    assert not out.exists()


# the round trip ----------------------------------------------------------------------

# Any text YAML can hold (not half of a character), with white space around it or a NUL;
# now and then a repository also has a text of white space alone, or one longer than the
# csv module's default field limit (131,072 characters).
CHARACTERS = st.characters(exclude_categories=["Cs"])
TEXT = st.one_of(
    st.text(CHARACTERS, min_size=1, max_size=20),
    st.text(string.ascii_letters + " =+-@'\",;:é/&\t\r\n\0", min_size=1, max_size=20),
).filter(str.strip)
ODD_TEXTS = {"blank": " \t ", "long": "long " * 30_000}
RATING = st.sampled_from(["CP", "F", "P", "NC", None])
DATE = st.dates()  # year 1 to 9999: before 1900 too, and Excel's 1900 leap-year bug
URL = st.from_regex(r"\Ahttps://example\.org/[a-z]{1,8}\Z")


def _item(draw: st.DrawFn, ids: list[str]) -> dict[str, Any]:
    """An evidence item: a ref: to an id already drawn, or an item (with an id, or without)."""
    cite = draw(st.booleans())
    if ids and cite:
        ref: dict[str, Any] = {"ref": draw(st.sampled_from(ids))}
        if draw(st.booleans()):
            ref["notes"] = draw(TEXT)
        return ref
    item: dict[str, Any] = {"title": draw(TEXT)}
    if draw(st.booleans()):
        item = {"id": f"E-{len(ids) + 1}", **item}
        ids.append(item["id"])
    for key, strategy in (("owner", TEXT), ("service", TEXT), ("date", DATE), ("url", URL),
                          ("notes", TEXT)):  # fmt: skip
        if draw(st.booleans()):
            item[key] = draw(strategy)
    inferred = draw(st.lists(st.sampled_from(["title", "service", "date", "owner"]), unique=True))
    if inferred:
        item["inferred"] = inferred
    return item


def _on_site(draw: st.DrawFn, ids: list[str]) -> dict[str, Any]:
    """An on-site item: a ref: to an on-site id already drawn, or an item (with an id, or not)."""
    cite = draw(st.booleans())
    if ids and cite:
        ref: dict[str, Any] = {"ref": draw(st.sampled_from(ids))}
        if draw(st.booleans()):
            ref["notes"] = draw(TEXT)
        return ref
    item: dict[str, Any] = {"title": draw(TEXT)}
    if draw(st.booleans()):
        item = {"id": f"T-{len(ids) + 1}", **item}
        ids.append(item["id"])
    for key in ("person", "place", "service", "notes"):
        if draw(st.booleans()):
            item[key] = draw(TEXT)
    marked = draw(st.lists(st.sampled_from(["title", "person", "place"]), unique=True))
    if marked:
        item["inferred"] = marked
    return item


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """Element files' data: ratings, owners, notes, items (evidence and on-site) with ids and
    refs to them."""
    chosen = draw(st.lists(st.sampled_from(ELEMENTS), min_size=1, max_size=6, unique=True))
    ids: list[str] = []
    on_site_ids: list[str] = []
    files: dict[str, dict[str, Any]] = {}
    for element_id in chosen:
        data: dict[str, Any] = {"element": element_id}
        for key in ("self_assessment", "desk_top", "final"):
            if (rating := draw(RATING)) is not None:
                data[key] = rating
        for key in ("owner", "notes"):
            if draw(st.booleans()):
                data[key] = draw(TEXT)
        items = [_item(draw, ids) for _ in range(draw(st.integers(0, 4)))]
        if items:
            data["evidence"] = items
        seen = [_on_site(draw, on_site_ids) for _ in range(draw(st.integers(0, 3)))]
        if seen:
            data["on_site"] = seen
        files[element_id] = data
    odd = draw(st.sampled_from([None, None, None, None, "blank", "long"]))
    if odd is not None:
        files[chosen[0]]["notes"] = ODD_TEXTS[odd]
    return files


def _equivalent(root: Path, *, trimmed: bool = False) -> dict[str, Any]:
    """Per element: ratings, owner, notes, and each item as what it says (refs resolved).

    `trimmed`: each text without the white space around it, which import leaves
    out of every cell (a cell's stray spaces are never meant).
    """
    evidence = open_repository(root, load_standard())
    assert [p for p in evidence.problems if p.severity == "error"] == []

    def said(value: object) -> object:
        return value.strip() if trimmed and isinstance(value, str) else value

    view = {}
    for element_id, element in sorted(evidence.elements.items()):
        items = []
        for item in element.evidence:
            shown = evidence.defined[item.ref] if item.ref is not None else item
            fields = ("title", "owner", "service", "date", "url")
            values = (*(said(getattr(shown, f)) for f in fields), said(item.notes))
            items.append((item.ref or item.id, *values, tuple(shown.inferred)))
        for site in element.on_site:
            cited = evidence.defined_on_site[site.ref] if site.ref is not None else site
            seen = ("title", "person", "place", "service")
            told = (*(said(getattr(cited, f)) for f in seen), said(site.notes))
            items.append(("on site", site.ref or site.id, *told, tuple(cited.inferred)))
        ratings = tuple(
            element.rating(stage) for stage in (Stage.SELF, Stage.DESK_TOP, Stage.FINAL)
        )
        if ratings == (None, None, None) and not items and not element.owner and not element.notes:
            continue  # an element with nothing in it: an empty file, or none at all
        view[element_id] = (ratings, said(element.owner), said(element.notes), items)
    return view


def _unreadable(files: dict[str, dict[str, Any]], output_format: str) -> str | None:
    """What an export must refuse: a text of white space alone, or (in CSV) one with a NUL."""
    for data in files.values():
        texts = [data.get("owner"), data.get("notes")]
        for item in data.get("evidence", []):
            texts += [item.get(key) for key in ("title", "owner", "service", "notes")]
        for item in data.get("on_site", []):
            texts += [item.get(key) for key in ("title", "person", "place", "service", "notes")]
        for text in (t for t in texts if isinstance(t, str)):
            if not text.strip():
                return "is white space alone"
            if output_format == "csv" and "\0" in text:
                return "holds a NUL character"
    return None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=repositories(), output_format=st.sampled_from(["xlsx", "csv"]))
def test_import_of_an_export_gives_an_equivalent_repository(
    files: dict[str, dict[str, Any]], output_format: str, tmp_path: Path
) -> None:
    """Everything check accepts comes back, each text trimmed, or export says why it cannot."""
    work = tmp_path / "work"
    shutil.rmtree(work, ignore_errors=True)
    texts = {
        f"evidence/{element_id}.yaml": yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        for element_id, data in files.items()
    }
    repo = write_repo(work / "repo", texts)
    original = _equivalent(repo, trimmed=True)
    out = work / f"matrix.{output_format}"
    exported = run("export", str(repo), "--format", output_format, "-o", str(out))
    refused = _unreadable(files, output_format)
    if refused is not None:
        assert exported.exit_code == 2, exported.stderr
        assert "in row " in exported.stderr
        assert refused in exported.stderr
        assert not out.exists()
        event(f"{output_format}: export refuses a text that {refused}")
        return
    assert exported.exit_code == 0, exported.stderr
    back = work / "back"
    imported = run("import", str(out), str(back))
    assert imported.exit_code == 0, imported.stderr
    assert "warning" not in imported.stderr
    assert _equivalent(back) == original
    refs = sum(1 for data in files.values() for item in data.get("evidence", []) if "ref" in item)
    on_site = sum(len(data.get("on_site", [])) for data in files.values())
    event(f"on-site items: {min(on_site, 3)}{'+' if on_site >= 3 else ''}")
    long = ", a text over 131,072 characters" if "long long" in str(texts) else ""
    event(f"{output_format}, refs: {min(refs, 3)}{'+' if refs >= 3 else ''}{long}")


def test_characters_xml_cannot_hold_come_back(tmp_path: Path) -> None:
    title = "Escape \x1b[2J and a literal _x0041_ and \x07"
    repo = write_repo(
        tmp_path / "repo",
        {"evidence/1.1.1.yaml": f'element: "1.1.1"\nevidence:\n  - title: {json.dumps(title)}\n'},
    )
    out = _export(repo, tmp_path, "xlsx")
    with zipfile.ZipFile(out) as archive:
        assert b"Escape _x001B_[2J and a literal _x005F_x0041_ and _x0007_" in archive.read(
            "xl/worksheets/sheet1.xml"
        )
    back = tmp_path / "back"
    assert run("import", str(out), str(back)).exit_code == 0
    assert open_repository(back, load_standard()).elements["1.1.1"].evidence[0].title == title


def test_a_workbook_is_not_printed_where_it_cannot_go() -> None:
    result = run("export", str(BOLTON), "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "cse: error: the export is a binary file: write it with -o FILE\n"


def test_what_bolton_marks_inferred_comes_back_from_its_matrix(tmp_path: Path) -> None:
    out = _export(BOLTON, tmp_path, "csv")
    back = tmp_path / "back"
    imported = run("import", str(out), str(back))
    assert imported.exit_code in (0, 1), imported.stderr

    def inferred(root: Path) -> list[tuple[str, tuple[str, ...]]]:
        evidence = open_repository(root, load_standard())
        return [
            (element_id, tuple(item.inferred))
            for element_id, element in sorted(evidence.elements.items())
            for item in element.evidence
            if item.inferred and item.ref is None
        ]

    marked = inferred(BOLTON)
    assert sum("service" in keys for _, keys in marked) == 86  # examples/bolton/RESULTS.md
    assert inferred(back) == marked


def test_an_inferred_cell_names_only_keys_of_an_item(tmp_path: Path) -> None:
    matrix = tmp_path / "matrix.csv"
    matrix.write_text(
        "Element,Evidence,Service,Inferred\n1.1.1,Survey,Library,service colour\n",
        encoding="utf-8",
        newline="",
    )
    result = run("import", str(matrix), str(tmp_path / "repo"))
    assert result.exit_code == 2
    assert (
        "matrix.csv:2:4: error: inferred 'colour' is not a key of an evidence item (id, ref, "
        "title, service, date, path, url, owner, notes)"
    ) in result.stderr
    assert not (tmp_path / "repo").exists()


def test_a_row_citing_an_id_says_what_of_it_is_not_kept(tmp_path: Path) -> None:
    matrix = tmp_path / "matrix.csv"
    matrix.write_text(
        "Element,Evidence ID,Evidence,Service,Inferred\n"
        "1.1.1,E-1,Survey,Library,service\n"
        "1.1.2,E-1,Survey,Careers,service date\n",
        encoding="utf-8",
        newline="",
    )
    result = run("import", str(matrix), str(tmp_path / "repo"))
    assert result.exit_code in (0, 1), result.stderr
    assert (
        "matrix.csv:3:3: warning: E-1 is defined in row 2; this row cites it with ref:, so its "
        "service 'Careers', inferred 'service, date' is not kept\n"
    ) in result.stderr
    evidence = open_repository(tmp_path / "repo", load_standard())
    assert evidence.elements["1.1.2"].evidence[0].ref == "E-1"
    assert evidence.defined["E-1"].inferred == ["service"]


def test_a_csv_export_whose_base_spans_many_lines_still_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cse_cli.matrix.update import base

    monkeypatch.setattr(base, "PIECE", 100)  # a repository a hundred times Bolton's size
    out = _export(BOLTON, tmp_path, "csv")
    assert (
        sum(
            line.startswith("#cse-base")
            for line in out.read_text(encoding="utf-8-sig").splitlines()
        )
        > 30
    )
    result = run("import", str(out), str(tmp_path / "new"))
    assert result.exit_code == 0, result.stderr
    assert "read matrix.csv: 57 elements" in result.stdout


def _as_self_assessed(root: Path, *, trimmed: bool = False) -> dict[str, Any]:
    """Per element what the self-assessment layout holds: the self-assessment and desk-top
    ratings, and each evidence and on-site item as its id (or the id it cites) and title."""
    evidence = open_repository(root, load_standard())
    assert [p for p in evidence.problems if p.severity == "error"] == []

    def said(value: str | None) -> str | None:
        return value.strip() if trimmed and value is not None else value

    view = {}
    for element_id, element in sorted(evidence.elements.items()):
        shown = [
            (item.ref or item.id, said((evidence.defined[item.ref] if item.ref else item).title))
            for item in element.evidence
        ]
        seen = [
            (site.ref or site.id,
             said((evidence.defined_on_site[site.ref] if site.ref else site).title))
            for site in element.on_site
        ]  # fmt: skip
        ratings = (element.self_assessment, element.desk_top)
        if ratings != (None, None) or shown or seen:
            view[element_id] = (ratings, shown, seen)
    return view


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=repositories())
def test_the_self_assessment_layout_reads_back_as_what_it_holds(
    files: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    """export --layout self-assessment, then import: the same ratings and items come back."""
    work = tmp_path / "work"
    shutil.rmtree(work, ignore_errors=True)
    texts = {
        f"evidence/{element_id}.yaml": yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        for element_id, data in files.items()
    }
    repo = write_repo(work / "repo", texts)
    out = work / "self-assessment.xlsx"
    exported = run("export", str(repo), "--layout", "self-assessment", "--format", "xlsx",
                   "-o", str(out))  # fmt: skip
    if _unreadable(files, "xlsx") is not None and exported.exit_code == 2:
        event("export refuses a text of white space alone")
        return
    assert exported.exit_code == 0, exported.stderr
    back = work / "back"
    imported = run("import", str(out), str(back))
    assert imported.exit_code == 0, imported.stderr
    assert "warning" not in imported.stderr
    assert _as_self_assessed(back) == _as_self_assessed(repo, trimmed=True)
    items = sum(len(d.get("evidence", [])) + len(d.get("on_site", [])) for d in files.values())
    event(f"items: {min(items, 4)}{'+' if items >= 4 else ''}")
