"""`cse import` as a careless or hostile user meets it: PATH, the disk, links, and faithful reading.

Each refusal is one line, exit 2, and leaves PATH as it was: no file, and no
empty evidence/ or .cse/ either. (Bad matrices are case folders, read by
tests/cli/test_import.py.)
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from cse_cli.io import atomic
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.matrix import writer
from tests.helpers import (
    HEADER_ROW,
    WINDOWS,
    evidence_rows,
    link,
    matrix_csv,
    refused_name,
    run,
    snapshot,
    streamed_workbook,
    write_repo,
)


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    """A small valid matrix."""
    return matrix_csv(tmp_path / "matrix.csv", ["1.1.1,,Surveys,JS,"])


def _refused(*args: str) -> str:
    result = run("import", *args)
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def test_a_refusal_leaves_an_empty_folder_empty(tmp_path: Path) -> None:
    bad = matrix_csv(tmp_path / "bad.csv", ["9.9.9,,Surveys,,"])
    out = tmp_path / "out"
    out.mkdir()
    result = run("import", str(bad), str(out))
    assert result.exit_code == 2
    assert list(out.iterdir()) == []


def test_evidence_as_a_link_out_of_path_creates_nothing_outside(
    tmp_path: Path, matrix: Path
) -> None:
    outside, out = tmp_path / "outside", tmp_path / "out"
    outside.mkdir()
    out.mkdir()
    link(out / "evidence", outside)
    before = snapshot(tmp_path)
    assert _refused(str(matrix), str(out)) == (
        f"cse: error: {out / 'evidence'}: is a symbolic link out of {out}: cse import writes "
        "only inside the new repository\n"
    )
    assert snapshot(tmp_path) == before


def test_path_as_a_link_to_nothing(tmp_path: Path, matrix: Path) -> None:
    link(tmp_path / "dangling", tmp_path / "nowhere")
    assert _refused(str(matrix), str(tmp_path / "dangling")) == (
        f"cse: error: {tmp_path / 'dangling'}: is a symbolic link to nothing, not a folder for "
        "the new repository\n"
    )
    assert not (tmp_path / "nowhere").exists()


# Folder names that cannot be the organisation's, and what is said of each: bytes that
# are not UTF-8 (which no argument holds on Windows, whose arguments are Unicode), and a
# control character.
SAID = {
    b"caf\xe9": "holds bytes that are not UTF-8: give the name with --organisation NAME",
    "tab\there": "is empty or holds a control or invisible character: give --organisation NAME",
}
FOLDER_NAMES = [
    pytest.param(
        b"caf\xe9",
        marks=pytest.mark.skipif(WINDOWS, reason="Windows passes arguments as Unicode"),
        id="not-utf-8",
    ),
    pytest.param("tab\there", id="control-character"),
]


def _folder(tmp_path: Path, name: str | bytes) -> Path:
    return tmp_path / (os.fsdecode(name) if isinstance(name, bytes) else name)


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_a_folder_name_that_is_not_utf8_or_holds_a_control_character(
    tmp_path: Path, matrix: Path, name: str | bytes
) -> None:
    folder = _folder(tmp_path, name)
    assert _refused(str(matrix), str(folder)).endswith(f"{SAID[name]}\n")
    assert not folder.exists()


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_the_advice_for_such_a_folder_name_works(
    tmp_path: Path, matrix: Path, name: str | bytes
) -> None:
    why = refused_name(name)  # a name the system will not take for a folder
    if why is not None:
        pytest.skip(why)
    folder = _folder(tmp_path, name)
    result = run("import", str(matrix), str(folder), "--organisation", "Anytown Council")
    assert result.exit_code == 0, result.stderr
    assert open_repository(folder, load_standard()).config.organisation == "Anytown Council"


def test_a_full_disk_while_writing_is_said_as_such_and_nothing_is_kept(
    tmp_path: Path, matrix: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real, written = atomic.write_new, list[Path]()

    def full(path: Path, text: str) -> bool:
        if len(written) == 30:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        return real(path, text)

    monkeypatch.setattr(writer, "write_new", full)
    line = _refused(str(matrix), str(out))
    assert line.startswith(f"cse: error: {out}{os.sep}")  # the file's path, as the system says
    assert line.endswith(": cannot write the new repository: No space left on device: nothing "
                         "written\n")  # fmt: skip
    assert not out.exists()


def test_an_unreadable_matrix_is_one_line(
    tmp_path: Path, matrix: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def denied(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == matrix:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    assert _refused(str(matrix), str(tmp_path / "out")) == (
        f"cse: error: {matrix}: cannot be read: Permission denied\n"
    )


def test_links_that_are_not_web_addresses_are_kept_as_locations(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Evidence", "Link"])
    sheet.append(["1.1.1", "Quality plan", "Plan"])
    sheet.append([None, "Notes", "Notes"])
    sheet["C2"].hyperlink = "file:///S:/Quality/Plan.docx"
    sheet["C3"].hyperlink = "../shared/notes.pdf"
    book.save(tmp_path / "matrix.xlsx")
    out = tmp_path / "out"
    result = run("import", str(tmp_path / "matrix.xlsx"), str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    items = open_repository(out, load_standard()).elements["1.1.1"].evidence
    assert [(i.title, i.url, i.notes) for i in items] == [
        ("Quality plan", None, "Location: file:///S:/Quality/Plan.docx"),
        ("Notes", None, "Location: ../shared/notes.pdf"),
    ]


def test_a_row_numbered_above_the_header_is_said_not_dropped(tmp_path: Path) -> None:
    early = b'<row r="1"><c r="A1" t="inlineStr"><is><t>1.1.2</t></is></c></row>'
    header = HEADER_ROW.replace(b'r="1"', b'r="3"').replace(b'1"', b'3"')
    path = streamed_workbook(tmp_path / "matrix.xlsx", [header, *evidence_rows(1, 4), early])
    result = run("import", str(path), str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stderr == (
        "matrix.xlsx:Evidence Matrix!A1: warning: row 1 names element 1.1.2 but is above the "
        "header row (row 3): not imported (move it below the header)\n"
    )


@pytest.mark.parametrize("output_format", ["xlsx", "csv"])
def test_the_first_days_excel_counts_go_out_and_come_back(
    tmp_path: Path, output_format: str
) -> None:
    days = [dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(1900, 1, 1), dt.date(1900, 2, 28),
            dt.date(1900, 3, 1)]  # fmt: skip
    items = "".join(f"  - title: Day {n}\n    date: {day}\n" for n, day in enumerate(days))
    repo = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": f'element: "1.1.1"\n'
                                          f"evidence:\n{items}"})  # fmt: skip
    out = tmp_path / f"matrix.{output_format}"
    assert run("export", str(repo), "--format", output_format, "-o", str(out)).exit_code == 0
    assert run("import", str(out), str(tmp_path / "back")).exit_code == 0
    back = open_repository(tmp_path / "back", load_standard()).elements["1.1.1"].evidence
    assert [item.date for item in back] == days
