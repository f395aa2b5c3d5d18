"""`cse import`: an evidence matrix in Excel or CSV becomes a repository that `cse check` accepts.

Bad matrices are folders under tests/data/matrix/invalid/<case>/: a `make.py`
whose `make(folder)` writes the matrix (and whose optional `ARGS` are more
options), and `expected`, the exact lines the user reads on stderr. Every case
also proves that nothing was written and no traceback shown.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from cse_cli.core.evidence import ElementFile
from cse_cli.io.resources import load_standard
from cse_cli.io.yaml_loader import load
from cse_cli.matrix.cells import Cell, Sheet, Value
from cse_cli.matrix.files import element_text
from cse_cli.matrix.recognise import recognise
from tests.helpers import DATA, run

MATRICES = DATA / "matrix"
CASES = sorted((MATRICES / "invalid").iterdir(), key=lambda p: p.name)


def _maker(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"make_{folder.name}", folder / "make.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _element(root: Path, element_id: str) -> dict[str, object]:
    document = load((root / "evidence" / f"{element_id}.yaml").read_bytes(), element_id)
    assert document.problems == []
    data = document.data
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_matrix(case: Path, tmp_path: Path) -> None:
    maker = _maker(case)
    matrix = maker.make(tmp_path)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out), *getattr(maker, "ARGS", []))
    expected = (case / "expected").read_text(encoding="utf-8")
    assert result.stderr == expected
    assert result.exit_code == 2
    assert result.stdout == ""
    assert not out.exists()


def test_every_bad_matrix_reports_a_located_error() -> None:
    for case in CASES:
        lines = (case / "expected").read_text(encoding="utf-8").splitlines()
        assert any(": error: " in line for line in lines), case.name


def test_a_realistic_matrix_gives_a_repository_check_accepts(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "realistic").make(tmp_path)
    out = tmp_path / "anytown"
    result = run("import", str(matrix), str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "read matrix.xlsx: 3 elements, 6 evidence items (2 citing an earlier one with ref:)\n"
        f"created 61 files in {out}\n"
    )
    assert "Not met: criteria 1, 2, 3, 4 and 5 fall short" in result.stdout
    assert result.stderr == (
        "matrix.xlsx:Evidence Matrix!B7: warning: the wording of 1.1.1 differs from the "
        "standard's ('We have an in-depth understanding of the characteristics of …' "
        "(75 characters)): cse keeps the standard's\n"
    )
    check = run("check", str(out))
    assert check.exit_code == 1  # valid, and not met: 54 elements are not rated yet
    assert check.stderr == ""
    assert _element(out, "1.1.1")["evidence"] == [
        {"id": "ES-1", "title": "Customer segmentation report 2025", "owner": "JS",
         "service": "Library", "notes": "Strongest"},
        {"id": "ES-2", "title": "Various customer surveys", "owner": "AB",
         "service": "Contact Centre"},
        {"title": "Housing register analysis", "owner": "CD", "service": "Housing",
         "notes": "Refresh due"},
    ]  # fmt: skip
    assert _element(out, "1.1.2")["evidence"] == [{"ref": "ES-2", "notes": "Use the 2025 wave"}]
    assert _element(out, "1.1.3")["evidence"] == [
        {"id": "ES-3", "title": "Consultation with hard to reach groups", "owner": "JS",
         "service": "Library"},
        {"ref": "ES-1"},
    ]  # fmt: skip
    config = load((out / "cse.yaml").read_bytes(), "cse.yaml").data
    assert config["services"] == ["Library", "Contact Centre", "Housing"]
    assert config["organisation"] == "anytown"
    assert _element(out, "5.3.3") == {
        "element": "5.3.3", "owner": None, "self_assessment": None, "desk_top": None,
        "final": None, "surveillance_1": None, "surveillance_2": None,
        "verified_on_site": False, "key_questions": [], "visit_evidence": None,
        "evidence": [], "on_site": [], "development_points": [], "compliance_plus": None,
        "notes": None,
    }  # fmt: skip


def test_it_never_adds_to_an_existing_repository(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "realistic").make(tmp_path)
    out = tmp_path / "repo"
    out.mkdir()
    (out / "cse.yaml").write_text("organisation: Mine\n", encoding="utf-8", newline="")
    result = run("import", str(matrix), str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cse: error: {out} already holds an evidence repository (cse.yaml): cse import starts "
        "a new one and never adds to one; import into a new folder, then copy across the "
        "element files you want\n"
    )
    assert sorted(p.name for p in out.iterdir()) == ["cse.yaml"]


def test_csv_in_windows_1252_is_read_and_named(tmp_path: Path) -> None:
    from tests.helpers import matrix_csv

    matrix = matrix_csv(
        tmp_path / "matrix.csv",
        ["1.1.1,,ES 1 Café survey,JS,Strongest", ",,ES 2 Panel,AB,", "1.1.2,,ES 1,JS,"],
        encoding="cp1252",
    )
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert result.exit_code == 0
    assert result.stderr == (
        "matrix.csv:2:16: warning: read as Windows-1252 (Excel's plain CSV), not UTF-8: check "
        "the accented letters, or save it from Excel as 'CSV UTF-8 (Comma delimited)'\n"
    )
    assert _element(out, "1.1.1")["evidence"] == [
        {"id": "ES-1", "title": "Café survey", "owner": "JS", "notes": "Strongest"},
        {"id": "ES-2", "title": "Panel", "owner": "AB"},
    ]
    assert _element(out, "1.1.2")["evidence"] == [{"ref": "ES-1"}]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["utf-8", "utf-8-with-bom"])
def test_csv_in_utf8_with_or_without_a_bom(bom: bytes, tmp_path: Path) -> None:
    matrix = tmp_path / "matrix.csv"
    matrix.write_bytes(bom + "Ref;Evidence;Service\n1.1.1;Café survey;Library\n".encode())
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    assert _element(out, "1.1.1")["evidence"] == [{"title": "Café survey", "service": "Library"}]


def test_dates_ratings_links_and_a_mapped_column(tmp_path: Path) -> None:
    from tests.helpers import matrix_workbook

    header = ("Element", "What we have", "RAG", "Desk-top", "When", "Link", "Priority")
    rows: list[list[object]] = [
        ["1.1.1 We have an in-depth understanding", "Surveys", "Green", "P", 42072,
         "https://example.org/surveys", "High"],
        [None, "Panels", None, None, "9 March 2015", r"S:\CSE\Panels.docx"],
        [None, "Cards", None, None, dt.datetime(2015, 3, 9)],  # noqa: DTZ001 - as Excel stores it
        ["1.1.2", "Focus groups", "amber", None, "09/03/15"],
    ]  # fmt: skip
    matrix = matrix_workbook(tmp_path / "matrix.xlsx", rows, header)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out), "--column", "evidence=What we have", "-c",
                 "date=when")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "matrix.xlsx:Evidence Matrix!G3: warning: column 'Priority' is not imported" in (
        result.stderr
    )
    day = dt.date(2015, 3, 9)
    first = _element(out, "1.1.1")
    assert (first["self_assessment"], first["desk_top"]) == ("full", "partial")
    assert first["evidence"] == [
        {"title": "Surveys", "date": day, "url": "https://example.org/surveys"},
        {"title": "Panels", "date": day, "notes": r"Location: S:\CSE\Panels.docx"},
        {"title": "Cards", "date": day},
    ]
    assert _element(out, "1.1.2")["self_assessment"] == "partial"


def test_formulas_give_their_saved_values(tmp_path: Path) -> None:
    from tests.helpers import SHEET_XML, matrix_workbook, rewrite_part

    rows = [["1.1.1", None, '="Annual "&"report"', "JS"], ["1.1.2", None, "=A1", "AB"]]
    matrix = matrix_workbook(tmp_path / "matrix.xlsx", rows)
    saved = b'<c r="C4" t="str"><f>"Annual "&amp;"report"</f><v>Annual report</v></c>'
    rewrite_part(  # as Excel saves it: the formula and its last value
        matrix,
        SHEET_XML,
        lambda xml: xml.replace(b'<c r="C4"><f>"Annual "&amp;"report"</f><v></v></c>', saved),
    )
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert result.exit_code == 0, result.stderr
    assert _element(out, "1.1.1")["evidence"] == [{"title": "Annual report", "owner": "JS"}]
    assert result.stderr == (
        "matrix.xlsx:Evidence Matrix!C5: warning: a formula with no value saved: read as empty "
        "(open the workbook in Excel and save it, to keep the value)\n"
    )
    assert "evidence" not in _element(out, "1.1.2") or _element(out, "1.1.2")["evidence"] == []


def test_usage_errors(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "realistic").make(tmp_path)
    out = tmp_path / "out"
    wrong_field = run("import", str(matrix), str(out), "--column", "ownr=Lead")
    assert wrong_field.exit_code == 2
    assert wrong_field.stderr.startswith(
        "cse: error: --column 'ownr=Lead': 'ownr' is not a field (did you mean 'owner'?); "
    )
    sheet = run("import", str(matrix), str(out), "--sheet", "Evidence matrix")
    assert sheet.exit_code == 2
    assert sheet.stderr == (
        "cse: error: matrix.xlsx: no sheet 'Evidence matrix' (did you mean 'Evidence Matrix'?); "
        "its sheets are 'Evidence Matrix'\n"
    )
    other = tmp_path / "matrix.ods"
    other.write_bytes(b"")
    assert run("import", str(other), str(out)).stderr == (
        "cse: error: matrix.ods: cse imports .xlsx workbooks and .csv files; save the matrix "
        "as one of them\n"
    )
    assert not out.exists()


def test_json_output(tmp_path: Path) -> None:
    import json

    matrix = _maker(MATRICES / "realistic").make(tmp_path)
    result = run("import", str(matrix), str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert (document["elements"], document["items"], document["refs"]) == (3, 6, 2)
    assert document["met"] is False
    assert document["problems"][0]["cell"] == "Evidence Matrix!B7"
    bad = _maker(CASES[0]).make(tmp_path)
    failed = run("import", str(bad), str(tmp_path / "out2"), "--format", "json")
    assert failed.exit_code == 2
    assert json.loads(failed.stdout)["problems"][0]["severity"] == "error"


def test_owner_and_notes_show_in_the_report(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "realistic").make(tmp_path)
    out = tmp_path / "out"
    assert run("import", str(matrix), str(out)).exit_code == 0
    report = run("report", str(out), "--format", "md")
    assert report.exit_code == 0
    assert "Customer segmentation report 2025 (Library, owner: JS, notes: Strongest)" in (
        report.stdout
    )


HEADERS = ["Ref", "Element", "Evidence", "Evidence ID", "Owner", "Service", "Date", "Link",
           "RAG", "Desk-top", "Final", "Notes", "Priority"]  # fmt: skip


def _value() -> st.SearchStrategy[Value]:
    ids = st.sampled_from(["1.1.1", "1.1.2", "1.1", "9.9.9", "Criterion 1", "4.2.3 We have"])
    texts = st.sampled_from(["ES 2 Surveys", "green", "F", "2015-03-09", "=1+1"])
    words = st.text(max_size=12)
    naive = dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)  # noqa: DTZ001 - as Excel stores them
    numbers = st.one_of(st.integers(-5, 100_000), st.floats(allow_nan=False))
    return st.one_of(ids, texts, words, numbers, st.datetimes(*naive), st.booleans())


@settings(max_examples=200, deadline=None)
@given(
    header=st.lists(st.sampled_from(HEADERS[2:]), max_size=8, unique=True).map(
        lambda names: ["Ref", *names] if "Evidence" in names else ["Ref", "Evidence", *names]
    ),
    rows=st.lists(st.lists(_value(), max_size=8), max_size=12),
)
def test_any_sheet_is_recognised_without_an_exception(
    header: list[str], rows: list[list[Value]]
) -> None:
    sheet = Sheet("matrix.xlsx", "Evidence Matrix")
    sheet.rows.append([Cell(1, n, name) for n, name in enumerate(header, start=1)])
    for number, row in enumerate(rows, start=2):
        cells = [Cell(number, n, v) for n, v in enumerate(row, start=1) if v not in ("", None)]
        if cells:
            sheet.rows.append(cells)
    matrix = recognise(sheet, load_standard(), {})
    assert all(p.cell.startswith("Evidence Matrix!") or p.line == 0 for p in matrix.problems)
    if not any(p.severity == "error" for p in matrix.problems):
        for element_id, data in matrix.elements.items():
            text = element_text(load_standard(), data, "matrix.xlsx")
            document = load(text.encode(), f"{element_id}.yaml")
            assert document.problems == []
            ElementFile.model_validate(document.data)
    errors = any(p.severity == "error" for p in matrix.problems)
    event("errors" if errors else f"valid, {min(len(matrix.elements), 2)}+ elements")


def test_a_cell_merged_down_a_column_counts_on_every_row(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.helpers import matrix_workbook

    rows = [["1.1.1", None, "Surveys", "JS"], [None, None, "Panels"], ["1.1.2", None, "Cards"]]
    matrix = matrix_workbook(tmp_path / "matrix.xlsx", rows)
    book = load_workbook(matrix)
    sheet = book["Evidence Matrix"]
    sheet.merge_cells("D4:D5")  # one owner for both items of 1.1.1
    sheet.merge_cells("A6:A7")  # an element's id merged below its last row
    book.save(matrix)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    assert _element(out, "1.1.1")["evidence"] == [
        {"title": "Surveys", "owner": "JS"},
        {"title": "Panels", "owner": "JS"},
    ]
    assert _element(out, "1.1.2")["evidence"] == [{"title": "Cards"}]


def test_hyperlinks_give_the_url(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.helpers import matrix_workbook

    header = ("Ref", "Evidence", "Link")
    rows: list[list[object]] = [
        ["1.1.1", "Surveys", "Survey report"], [None, "Panels"], [None, "Cards", r"S:\Cards"]
    ]  # fmt: skip
    matrix = matrix_workbook(tmp_path / "matrix.xlsx", rows, header)
    book = load_workbook(matrix)
    sheet = book["Evidence Matrix"]
    sheet["C4"].hyperlink = "https://example.org/surveys"  # a label, linked
    sheet["B5"].hyperlink = "https://example.org/panels"  # the evidence itself, linked
    book.save(matrix)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    assert _element(out, "1.1.1")["evidence"] == [
        {"title": "Surveys", "url": "https://example.org/surveys"},
        {"title": "Panels", "url": "https://example.org/panels"},
        {"title": "Cards", "notes": r"Location: S:\Cards"},
    ]


def test_a_shared_string_table_as_excel_saves_text(tmp_path: Path) -> None:
    from tests.helpers import as_shared_strings

    matrix = _maker(MATRICES / "realistic").make(tmp_path)
    as_shared_strings(matrix)
    with zipfile.ZipFile(matrix) as archive:
        assert b't="s"' in archive.read("xl/worksheets/sheet1.xml")
        assert b"inlineStr" not in archive.read("xl/worksheets/sheet1.xml")
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert result.exit_code == 0, result.stderr
    assert _element(out, "1.1.2")["evidence"] == [{"ref": "ES-2", "notes": "Use the 2025 wave"}]
    first = _element(out, "1.1.1")["evidence"]
    assert isinstance(first, list)
    assert first[0]["service"] == "Library"  # the colour key holds too


def test_a_rating_column_beside_the_self_assessment_is_named(tmp_path: Path) -> None:
    from tests.helpers import matrix_workbook

    header = ("Ref", "Evidence", "Rating", "Self-assessment")
    matrix = matrix_workbook(tmp_path / "matrix.xlsx", [["1.1.1", "Surveys", "F", "P"]], header)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert result.exit_code == 0
    assert result.stderr == (
        "matrix.xlsx:Evidence Matrix!C3: warning: column 'Rating' is not imported: the "
        "self-assessment column gives that rating; say which stage it holds with "
        "--column final=Rating or desk_top=Rating\n"
    )
    assert _element(out, "1.1.1")["self_assessment"] == "partial"
    assert run("import", str(matrix), str(tmp_path / "o2"), "-c", "final=Rating").stderr == ""
    assert _element(tmp_path / "o2", "1.1.1")["final"] == "full"


# a certification body's self-assessment workbook ---------------------------------------


def _listed(data: dict[str, object], kind: str) -> list[dict[str, object]]:
    """An element file's `evidence:` or `on_site:` items (none when it has no such key)."""
    found = data.get(kind) or []
    assert isinstance(found, list)
    return found


def _workbook_cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Each sheet's rows as openpyxl reads them (not as cse does)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_a_self_assessment_workbook_gives_a_repository_check_accepts(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "self-assessment").make(tmp_path)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out))
    assert result.exit_code == 0, result.stderr  # imported, though the verdict is not met
    assert result.stderr == ""  # no warning: every column placed, every wording the standard's
    assert result.stdout.startswith(
        "read self-assessment.xlsx (sheets 'Criterion 1', 'Criterion 2', 'Criterion 3', "
        "'Criterion 4' and 'Criterion 5'): 57 elements, "
    )
    assert run("check", str(out)).exit_code in {0, 1}
    elements = {e: _element(out, e) for e in load_standard().element_ids()}
    titles = {
        (kind, item["title"]) for data in elements.values()
        for kind in ("evidence", "on_site") for item in _listed(data, kind) if "title" in item
    }  # fmt: skip
    shown = {"Show Me (Hard Evidence)": "evidence", "Tell Me (See On Site)": "on_site"}
    checked: set[object] = set()
    for rows in _workbook_cells(matrix).values():
        header = next(row for row in rows if row[1] in shown)
        for row in rows:  # the evidence rows: their Refs are SM-… (an element's row is not)
            for column in (1, 3):
                text = row[column] if len(row) > column else None
                if text and row != header and str(row[0]).startswith("SM-"):
                    assert (shown[str(header[column])], text) in titles, text
                    checked.add(text)
    assert len(checked) == 8 + 5 + 2  # every document and on-site text the workbook holds
    assert not any("GUIDANCE" in str(data) for data in elements.values())


def test_a_self_assessment_workbooks_ratings_refs_and_comments(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "self-assessment").make(tmp_path)
    out = tmp_path / "out"
    assert run("import", str(matrix), str(out)).exit_code in {0, 1}
    first, third, fifth = (_element(out, e) for e in ("1.1.1", "1.1.3", "1.2.2"))
    # Self Ass is the self-assessment, Assessor the desk-top rating: words in any spelling
    assert (first["self_assessment"], first["desk_top"]) == ("full", "full")
    assert (third["self_assessment"], third.get("desk_top")) == ("full", None)  # "Fully compliant"
    assert (fifth["self_assessment"], fifth["desk_top"]) == ("partial", "partial")
    # a Ref used again becomes an id, then refs; a Ref with nothing beside it is not imported
    assert _listed(first, "evidence")[2] == {
        "id": "SM-100", "title": "Corporate customer service strategy 2025-2028",
    }  # fmt: skip
    assert _listed(first, "on_site")[1]["id"] == "TM-100"
    later = _element(out, "1.3.1")
    assert _listed(later, "evidence")[2:] == [{"ref": "SM-100"}]
    assert _listed(later, "on_site")[-1:] == [{"ref": "TM-100"}]
    spare = _element(out, "1.2.1")
    assert "spare" not in str(spare)
    # the assessor's comments are the element's notes, said to be the assessor's
    assert first["notes"] == "Assessor's comments: Good range of evidence"


def test_column_says_the_assessor_rated_after_the_visit(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "self-assessment").make(tmp_path)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out), "--column", "final=Assessor")
    assert (result.exit_code, result.stderr) == (0, "")
    first = _element(out, "1.1.1")
    assert (first["self_assessment"], first.get("desk_top"), first["final"]) == (
        "full", None, "full",
    )  # fmt: skip
    assert first["notes"] == "Assessor's comments: Good range of evidence"


def test_one_sheet_of_a_self_assessment_workbook(tmp_path: Path) -> None:
    matrix = _maker(MATRICES / "self-assessment").make(tmp_path)
    out = tmp_path / "out"
    result = run("import", str(matrix), str(out), "--sheet", "Criterion 2", "--format", "json")
    assert result.exit_code in {0, 1}, result.stderr
    report = json.loads(result.stdout)
    assert (report["elements"], report["sheets"]) == (11, ["Criterion 2"])
    assert sorted(p.stem for p in (out / "evidence").glob("2.*.yaml")) == [
        e for e in load_standard().element_ids() if e.startswith("2.")
    ]
    assert _listed(_element(out, "1.1.1"), "evidence") == []
