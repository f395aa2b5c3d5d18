"""`cse import --update`: a matrix that comes back merges into its repository, losing nothing.

The sheets are edited as people edit them, with openpyxl (a filter, rows hidden
or removed, rows sorted, a row added) and saved again by LibreOffice; what
each merge does is checked against the element files' data, and every file it
did not change is checked byte for byte. Bad input is folders under
tests/data/matrix/update-invalid/<case>/: a `make.py` whose `make(folder)`
returns the repository and the matrix (and whose optional `ARGS` are more
options), and `expected`, the exact lines on stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from tests.helpers import (
    ANYTOWN,
    BOLTON,
    DATA,
    commit_all,
    edited_matrix,
    exported,
    git,
    header_columns,
    init_git,
    key_rows,
    load_module,
    run,
    snapshot,
    soffice_convert,
)

CASES = sorted((DATA / "matrix" / "update-invalid").iterdir(), key=lambda p: p.name)


def _repository(tmp_path: Path, example: Path = ANYTOWN) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(example, root)
    init_git(root)
    commit_all(root, "the evidence")
    return root


def _data(root: Path, element: str) -> dict[str, Any]:
    found = yaml.safe_load((root / "evidence" / f"{element}.yaml").read_text(encoding="utf-8"))
    assert isinstance(found, dict)
    return found


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "evidence").glob("*.yaml"))}


def _cell(sheet: Any, key: str, header: str) -> Any:
    return sheet.cell(key_rows(sheet)[key], header_columns(sheet)[header])


def _setting(*cells: tuple[str, str, object]) -> Any:
    """An edit of the sheet: each (row key, column header) cell given its value."""

    def edit(sheet: Any) -> None:
        for key, header, value in cells:
            _cell(sheet, key, header).value = value

    return edit


def _update(matrix: Path, root: Path, *args: str) -> Any:
    return run("import", str(matrix), str(root), "--update", *args)


def test_an_unedited_export_asks_nothing(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    before = snapshot(root)
    for matrix in (exported(root, tmp_path / "m.xlsx"), exported(root, tmp_path / "m.csv")):
        result = _update(matrix, root, "--write")
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert "No change to the evidence." in result.stdout
        assert "nothing to write: the repository already holds what the sheet says" in result.stdout
    assert snapshot(root) == before


def test_the_sheets_edits_are_shown_then_written_and_nothing_else_changes(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    original = _files(root)
    matrix = exported(root, tmp_path / "m.xlsx")

    def edit(sheet: Any) -> None:
        _cell(sheet, "1.1.2 evidence AT-1.1.2", "Notes").value = "Seen by the Libraries lead"
        _cell(sheet, "1.1.2 evidence AT-1.1.2", "Date").value = dt.date(2026, 5, 1)
        _cell(sheet, "1.1.2 evidence #2", "Delete").value = "delete"
        _cell(sheet, "1.1.3 evidence AT-1.1.3", "Final").value = "Partial Compliance"
        sheet.append(["1.2.2", None, None, None, None, None, None, None, None, "Reading group"])

    sheet = edited_matrix(matrix, tmp_path / "back.xlsx", edit)
    shown = _update(sheet, root)
    assert shown.exit_code == 0, shown.stderr
    assert _files(root) == original  # nothing written without --write
    assert "  1.1.3 final: full → partial" in shown.stdout
    assert "  1.2.2: Reading group" in shown.stdout  # evidence added
    assert "Evidence removed:\n  1.1.2: Customer feedback summary for 1.1.2" in shown.stdout
    assert "run again with --write" in shown.stdout
    written = _update(sheet, root, "--write")
    assert written.exit_code == 0, written.stderr
    assert "wrote 3 files" in written.stdout
    changed = {name for name, raw in _files(root).items() if raw != original[name]}
    assert changed == {"1.1.2.yaml", "1.1.3.yaml", "1.2.2.yaml"}
    item = _data(root, "1.1.2")["evidence"]
    assert item == [
        {"id": "AT-1.1.2", "title": "Customer Identification – libraries evidence for 1.1.2",
         "service": "Libraries", "date": dt.date(2026, 5, 1),
         "notes": "Seen by the Libraries lead"},
    ]  # fmt: skip
    assert _data(root, "1.1.3")["final"] == "partial"
    assert _data(root, "1.2.2")["evidence"][-1] == {"title": "Reading group"}
    assert original["1.1.2.yaml"].startswith(_files(root)["1.1.2.yaml"][:80])  # the comment kept
    assert run("check", str(root)).exit_code in {0, 1}


def _filtered_to(service: str) -> Any:
    """A lead's filter: the rows of other services hidden, as Excel's filter hides them."""

    def hide(sheet: Any) -> None:
        column = header_columns(sheet)["Service"]
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row, column).value != service:
                sheet.row_dimensions[row].hidden = True

    return hide


def test_send_the_matrix_round(tmp_path: Path) -> None:
    """Three leads, each to their own service, merged one after another: nothing lost."""
    root = _repository(tmp_path)
    original = _files(root)
    matrix = exported(root, tmp_path / "matrix.xlsx")

    def libraries(sheet: Any) -> None:  # filters to Libraries, edits, deletes one row, adds one
        _filtered_to("Libraries")(sheet)
        _cell(sheet, "1.1.2 evidence AT-1.1.2", "Notes").value = "Checked in May"
        _cell(sheet, "1.1.1 evidence #2", "Delete").value = "delete"
        sheet.append(["1.3.5", None, None, None, None, None, None, None, None,
                      "Reading group feedback", "LB", "Libraries"])  # fmt: skip

    def contact_centre(sheet: Any) -> None:  # keeps only Contact Centre's rows
        column = header_columns(sheet)["Service"]
        for row in range(sheet.max_row, 1, -1):
            if sheet.cell(row, column).value != "Contact Centre":
                sheet.delete_rows(row)
        _cell(sheet, "1.1.1 evidence AT-1.1.1", "Owner").value = "CC lead"
        _cell(sheet, "1.1.1 evidence AT-1.1.1", "Final").value = "Partial Compliance"

    def housing(sheet: Any) -> None:  # sorts every row by service, then edits one
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
        service = header_columns(sheet)["Service"] - 1
        for number, values in enumerate(sorted(rows, key=lambda r: str(r[service])), start=2):
            for column, value in enumerate(values, start=1):
                sheet.cell(number, column).value = value
        _cell(sheet, "1.2.1 evidence AT-1.2.1", "Notes").value = "Tenants' panel minutes"

    leads = {"libraries": libraries, "contact-centre": contact_centre, "housing": housing}
    for name, edit in leads.items():
        back = edited_matrix(matrix, tmp_path / f"{name}.xlsx", edit)
        result = _update(back, root, "--write")
        assert result.exit_code == 0, result.stderr
        assert "merged three ways" in result.stdout
    changed = {name for name, raw in _files(root).items() if raw != original[name]}
    assert changed == {"1.1.1.yaml", "1.1.2.yaml", "1.2.1.yaml", "1.3.5.yaml"}
    names = ("1.1.1", "1.1.2", "1.2.1", "1.3.5")
    expected = {name: yaml.safe_load(original[f"{name}.yaml"]) for name in names}
    expected["1.1.1"]["evidence"][0]["owner"] = "CC lead"
    expected["1.1.1"]["final"] = "partial"
    del expected["1.1.1"]["evidence"][1]  # the only row marked delete
    expected["1.1.2"]["evidence"][0]["notes"] = "Checked in May"
    expected["1.2.1"]["evidence"][0]["notes"] = "Tenants' panel minutes"
    expected["1.3.5"]["evidence"].append(
        {"title": "Reading group feedback", "owner": "LB", "service": "Libraries"}
    )
    assert {name: _data(root, name) for name in expected} == expected
    assert run("check", str(root), "--stage", "final").exit_code in {0, 1}


def test_a_conflict_writes_nothing_until_a_side_is_preferred(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    matrix = exported(root, tmp_path / "m.xlsx")
    sheet = edited_matrix(
        matrix,
        tmp_path / "back.xlsx",
        _setting(("1.1.2 evidence AT-1.1.2", "Owner", "Sheet Owner")),
    )
    file = root / "evidence" / "1.1.2.yaml"
    added = "    service: Libraries\n    owner: Repo Owner\n"
    file.write_text(
        file.read_text(encoding="utf-8").replace("    service: Libraries\n", added, 1),
        encoding="utf-8",
        newline="",
    )
    before = snapshot(root)
    refused = _update(sheet, root, "--write")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        "back.xlsx:Evidence Matrix!K7: error: 1.1.2's evidence AT-1.1.2: Owner: the repository "
        "has 'Repo Owner' and the sheet 'Sheet Owner' (both changed it since the export, when "
        "it was empty): choose with --prefer sheet or --prefer repository",
        "cse: 1 error in back.xlsx: nothing written",
    ]
    assert snapshot(root) == before
    kept = _update(sheet, root, "--write", "--prefer", "repository")
    assert kept.exit_code == 0, kept.stderr
    assert "kept the repository's (--prefer repository)" in kept.stderr
    assert snapshot(root) == before
    taken = _update(sheet, root, "--write", "--prefer", "sheet")
    assert taken.exit_code == 0, taken.stderr
    assert _data(root, "1.1.2")["evidence"][0]["owner"] == "Sheet Owner"


def test_a_sheet_saved_again_by_libreoffice_still_merges_three_ways(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    matrix = exported(root, tmp_path / "m.xlsx")
    edited = edited_matrix(
        matrix,
        tmp_path / "edited.xlsx",
        _setting(("1.1.3 evidence AT-1.1.3", "Notes", "Saved by LibreOffice")),
    )
    resaved = soffice_convert(edited, "xlsx", tmp_path / "office")
    book = openpyxl.load_workbook(resaved)
    assert book["cse base"].sheet_state == "hidden"  # the hidden sheet survives
    result = _update(resaved, root, "--write")
    assert result.exit_code == 0, result.stderr
    assert "merged three ways" in result.stdout
    assert _data(root, "1.1.3")["evidence"][0]["notes"] == "Saved by LibreOffice"


def test_a_csv_export_saved_again_by_libreoffice_still_merges_three_ways(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    matrix = exported(root, tmp_path / "m.csv")
    resaved = soffice_convert(matrix, "csv", tmp_path / "office")
    assert resaved.read_bytes() != matrix.read_bytes()  # LibreOffice wrote it its own way
    text = resaved.read_text(encoding="utf-8-sig")
    assert text.startswith("#cse-base 1 ")
    edited = tmp_path / "edited.csv"
    title = "Engagement and Consultation – housing evidence for 1.2.1"
    assert title in text
    edited.write_text(text.replace(title, "Housing evidence revised"), encoding="utf-8", newline="")
    result = _update(edited, root, "--write")
    assert result.exit_code == 0, result.stderr
    assert "merged three ways" in result.stdout
    assert _data(root, "1.2.1")["evidence"][0]["title"] == "Housing evidence revised"


def test_a_workbook_saved_as_csv_keeps_only_its_matrix_and_merges_two_ways(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    matrix = exported(root, tmp_path / "m.xlsx")
    edit = _setting(
        ("1.1.2 evidence #2", "Delete", "delete"), ("1.1.3 evidence AT-1.1.3", "Owner", "RB")
    )
    edited = edited_matrix(matrix, tmp_path / "e.xlsx", edit)
    as_csv = soffice_convert(edited, "csv", tmp_path / "office")
    result = _update(as_csv, root, "--write")
    assert result.exit_code == 0, result.stderr
    said = result.stderr.splitlines()
    assert said[0].startswith("e.csv:3:256: warning: read as Windows-1252")  # LibreOffice's CSV
    assert "\n".join(said[1:]) + "\n" == (
        "e.csv: warning: the sheet carries no base (it is not a cse export, or was saved without "
        "its hidden sheet or first lines): merged two ways, which adds and changes but never "
        "deletes; 1 row marked delete not deleted\n"
    )
    assert _data(root, "1.1.3")["evidence"][0]["owner"] == "RB"
    assert len(_data(root, "1.1.2")["evidence"]) == 2  # nothing deleted


def test_a_two_way_merge_adds_and_changes_but_never_deletes(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    original = _files(root)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Evidence Matrix"
    sheet.append(["Ref", "Evidence ID", "Evidence", "Owner", "Final"])
    sheet.append(["1.1.2", "AT-1.1.2", "Customer Identification – libraries evidence for 1.1.2",
                  "Another tool's owner", "Full"])  # fmt: skip
    sheet.append(["1.1.2", None, "A new leaflet", None, "Full"])
    book.save(tmp_path / "other.xlsx")
    result = _update(tmp_path / "other.xlsx", root, "--write")
    assert result.exit_code == 0, result.stderr
    assert "merged two ways" in result.stdout
    items = _data(root, "1.1.2")["evidence"]
    assert [item["title"] for item in items] == [
        "Customer Identification – libraries evidence for 1.1.2",
        "Customer feedback summary for 1.1.2",  # not in the sheet, kept
        "A new leaflet",
    ]
    assert items[0]["owner"] == "Another tool's owner"
    assert {n for n, raw in _files(root).items() if raw != original[n]} == {"1.1.2.yaml"}


def test_on_site_rows_merge_three_ways(tmp_path: Path) -> None:
    """On-site items edited, deleted and added in the sheet merge back as evidence rows do."""
    root = _repository(tmp_path)
    original = _files(root)
    matrix = exported(root, tmp_path / "m.xlsx")
    file = root / "evidence" / "4.2.2.yaml"  # the repository changes an on-site item meanwhile
    file.write_text(file.read_text(encoding="utf-8").replace(
        "place: Revenues and Benefits office, Civic Offices", "place: Revenues office", 1),
        encoding="utf-8", newline="")  # fmt: skip
    theirs = file.read_bytes()

    def edit(sheet: Any) -> None:
        _cell(sheet, "3.2.1 on_site AT-TM-CC-FLOOR", "Person").value = "Contact centre manager"
        _cell(sheet, "3.2.1 on_site #2", "Delete").value = "delete"
        _cell(sheet, "1.2.1 on_site #2", "Notes").value = "Ask about the scripts"  # a ref: item
        _cell(sheet, "4.2.2 on_site #1", "Notes").value = "Any weekday"
        columns, row = header_columns(sheet), sheet.max_row + 1
        for header, value in (
            ("Element", "2.2.2"),
            ("On site", "The complaints wallboard"),
            ("Place", "Contact centre"),
            ("Service", "Contact Centre"),
        ):
            sheet.cell(row, columns[header]).value = value  # fmt: skip

    back = edited_matrix(matrix, tmp_path / "back.xlsx", edit)
    result = _update(back, root, "--write")
    assert result.exit_code == 0, result.stderr
    assert "merged three ways" in result.stdout
    changed = {name for name, raw in _files(root).items() if raw != original[name]}
    assert changed == {"1.2.1.yaml", "2.2.2.yaml", "3.2.1.yaml", "4.2.2.yaml"}
    names = ("1.2.1", "2.2.2", "3.2.1", "4.2.2")
    expected = {name: yaml.safe_load(original[f"{name}.yaml"]) for name in names}
    expected["3.2.1"]["on_site"][0]["person"] = "Contact centre manager"
    del expected["3.2.1"]["on_site"][1]
    expected["1.2.1"]["on_site"][1]["notes"] = "Ask about the scripts"
    expected["2.2.2"].setdefault("on_site", []).append(
        {"title": "The complaints wallboard", "place": "Contact centre",
         "service": "Contact Centre"}
    )  # fmt: skip
    expected["4.2.2"] = yaml.safe_load(theirs)  # the repository's change kept, the sheet's made
    expected["4.2.2"]["on_site"][0]["notes"] = "Any weekday"
    assert {name: _data(root, name) for name in names} == expected
    assert run("check", str(root)).exit_code in {0, 1}


def test_a_self_assessment_workbook_merges_two_ways_every_sheet(tmp_path: Path) -> None:
    """The certification body's workbook has no base: read whole, it adds and changes."""
    root = _repository(tmp_path)
    original = _files(root)
    book_path = tmp_path / "sa.xlsx"
    made = run("export", str(root), "--layout", "self-assessment", "--format", "xlsx",
               "-o", str(book_path))  # fmt: skip
    assert made.exit_code == 0, made.stderr
    book = openpyxl.load_workbook(book_path)
    sheet = book["Criterion 4"]  # not the first sheet
    rows: dict[str, Any] = {str(row[0].value).split(" ")[1]: row[0].row for row in sheet.iter_rows()
            if str(row[0].value).startswith("Element ")}  # fmt: skip
    assert sheet.cell(rows["4.1.2"] + 3, 5).value == "Partial"
    sheet.cell(rows["4.1.2"] + 3, 5).value = "Compliant"  # Self Ass
    sheet.cell(rows["4.2.2"] + 4, 3).value = "AT-TM-DESK"  # the block's second row: a Tell Me
    sheet.cell(rows["4.2.2"] + 4, 4).value = "Advisers log a complaint at the desk"
    book.save(book_path)
    result = _update(book_path, root, "--write")
    assert result.exit_code == 0, result.stderr
    assert "merged two ways" in result.stdout
    assert result.stderr.startswith("sa.xlsx: warning: the sheet carries no base")
    changed = {name for name, raw in _files(root).items() if raw != original[name]}
    assert changed == {"4.1.2.yaml", "4.2.2.yaml"}
    assert _data(root, "4.1.2")["self_assessment"] == "full"
    assert _data(root, "4.2.2")["on_site"] == [
        *yaml.safe_load(original["4.2.2.yaml"])["on_site"],
        {"id": "AT-TM-DESK", "title": "Advisers log a complaint at the desk"},
    ]


def test_a_base_from_a_state_git_does_not_hold_is_said_in_one_line(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    file = root / "evidence" / "1.1.2.yaml"
    file.write_text(
        file.read_text(encoding="utf-8") + "notes: an uncommitted edit\n",
        encoding="utf-8",
        newline="",
    )
    matrix = exported(root, tmp_path / "m.xlsx")
    git(root, "checkout", "--", ".")
    result = _update(matrix, root)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "m.xlsx:cse base!A2: warning: 1 of the 57 element files as exported are in no commit of "
        "the repository's git history: exported from uncommitted edits, or from a copy of it; "
        "merged against the base the sheet carries\n"
    )
    outside = tmp_path / "outside"
    shutil.copytree(ANYTOWN, outside)
    (outside / "evidence" / "1.1.2.yaml").write_text(
        file.read_text(encoding="utf-8") + "notes: x\n", encoding="utf-8", newline=""
    )
    assert _update(exported(outside, tmp_path / "o.xlsx"), outside).stderr == ""


def test_what_would_not_pass_check_is_refused_at_the_cell_asking_for_it(tmp_path: Path) -> None:
    root = _repository(tmp_path, BOLTON)
    matrix = exported(root, tmp_path / "m.xlsx")
    cited = "1.1.2 evidence NSS"  # an id other elements cite with ref:
    sheet = edited_matrix(matrix, tmp_path / "b.xlsx", lambda s: setattr(
        _cell(s, cited, "Delete"), "value", "delete"))  # fmt: skip
    before = snapshot(root)
    result = _update(sheet, root, "--write")
    assert result.exit_code == 2
    row = key_rows(openpyxl.load_workbook(sheet)["Evidence Matrix"])[cited]
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"b.xlsx:Evidence Matrix!U{row}: error: what the merge gives "
                               "would not pass cse check (evidence/")  # fmt: skip
    assert "'NSS'" in lines[0]
    assert lines[-1].endswith("in b.xlsx: nothing written")
    assert snapshot(root) == before


def test_json_says_what_would_change(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    matrix = exported(root, tmp_path / "m.xlsx")
    sheet = edited_matrix(
        matrix,
        tmp_path / "b.xlsx",
        _setting(("1.1.3 evidence AT-1.1.3", "Final", "Partial Compliance")),
    )
    result = _update(sheet, root, "--format", "json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["merge"] == "three-way"
    assert shown["changes"]["ratings"] == [
        {"element": "1.1.3", "stage": "final", "before": "full", "after": "partial"}
    ]
    assert shown["changed"] == ["evidence/1.1.3.yaml"]
    assert shown["written"] is False
    assert shown["conflicts"] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--write"], "cse: error: --write is for --update: add --update to merge the matrix "
         "into the repository in PATH\n"),
        (["--prefer", "sheet"], "cse: error: --prefer is for --update: add --update to merge "
         "the matrix into the repository in PATH\n"),
        (["--update", "--organisation", "X"], "cse: error: --organisation names a new "
         "repository: --update merges into one\n"),
        (["--update", "--prefer", "mine"], "cse: error: --prefer: 'mine' is not one of sheet or "
         "repository\n"),
    ],
)  # fmt: skip
def test_usage_errors(args: list[str], said: str, tmp_path: Path) -> None:
    root = _repository(tmp_path)
    result = run("import", str(exported(root, tmp_path / "m.xlsx")), str(root), *args)
    assert (result.exit_code, result.stderr) == (2, said)


def test_an_invalid_repository_is_not_merged_into(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    matrix = exported(root, tmp_path / "m.xlsx")
    (root / "evidence" / "1.1.1.yaml").write_text(
        'element: "1.1.1"\nfinale: full\n', encoding="utf-8", newline=""
    )
    result = _update(matrix, root, "--write")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "cse: error: the repository has errors: cse import --update merges only into a "
        "repository cse check accepts; correct them first"
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case: Path, tmp_path: Path) -> None:
    maker = load_module(f"make_{case.name}", case / "make.py")
    root, matrix = maker.make(tmp_path)
    before = snapshot(root)
    result = _update(matrix, root, "--write", *getattr(maker, "ARGS", []))
    assert result.stderr == (case / "expected").read_text(encoding="utf-8")
    assert result.exit_code == 2
    assert snapshot(root) == before


def test_the_files_are_written_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _repository(tmp_path)
    matrix = exported(root, tmp_path / "m.xlsx")
    edit = _setting(
        ("1.1.2 evidence AT-1.1.2", "Owner", "AB"), ("1.1.3 evidence AT-1.1.3", "Owner", "CD")
    )
    sheet = edited_matrix(matrix, tmp_path / "b.xlsx", edit)
    before = snapshot(root)
    moved: list[Path] = []
    real = os.replace

    def replace(source: Any, target: Any) -> None:  # the second file cannot be moved into place
        moved.append(Path(target))
        if len(moved) == 2:
            raise OSError(28, "No space left on device", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    result = _update(sheet, root, "--write")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "cannot write the merge: No space left on device: nothing written\n"
    )
    assert len(moved) == 3  # the first replaced, the second refused, the first put back
    assert snapshot(root) == before


def test_a_file_changed_on_disk_while_merging_stops_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cse_cli.matrix.update import plan

    root = _repository(tmp_path)
    sheet = edited_matrix(exported(root, tmp_path / "m.xlsx"), tmp_path / "b.xlsx",
                          _setting(("1.1.2 evidence AT-1.1.2", "Owner", "AB")))  # fmt: skip
    file = root / "evidence" / "1.1.2.yaml"
    real = plan.plan_update

    def planned(*args: Any) -> Any:
        made = real(*args)
        file.write_text(
            file.read_text(encoding="utf-8") + "notes: typed meanwhile\n",
            encoding="utf-8",
            newline="",
        )  # a code editor saves
        return made

    monkeypatch.setattr(plan, "plan_update", planned)
    result = _update(sheet, root, "--write")
    assert (result.exit_code, result.stderr) == (2, (
        "cse: error: evidence/1.1.2.yaml: changed on disk while cse import --update merged: "
        "nothing written; run it again\n"
    ))  # fmt: skip
    assert file.read_text(encoding="utf-8").endswith(
        "notes: typed meanwhile\n"
    )  # what was typed, not the merge
    assert "AB" not in file.read_text(encoding="utf-8")
    assert git(root, "status", "--porcelain") == " M evidence/1.1.2.yaml\n"
