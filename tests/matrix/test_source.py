"""cse_cli.matrix.source: the file read once, within its limit, any fault of the system one line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typing_extensions import Self

from cse_cli.core.problems import CseError
from cse_cli.matrix.cells import MAX_MATRIX_BYTES, shown
from cse_cli.matrix.source import read_matrix
from tests.helpers import fifo


def _refused(path: Path, sheet: str | None = None) -> str:
    with pytest.raises(CseError) as caught:
        read_matrix(path, sheet)
    return str(caught.value)


def test_only_workbooks_and_csv_files(tmp_path: Path) -> None:
    (tmp_path / "matrix.ods").write_bytes(b"")
    assert _refused(tmp_path / "matrix.ods") == (
        "matrix.ods: cse imports .xlsx workbooks and .csv files; save the matrix as one of them"
    )


def test_a_csv_file_has_no_sheets(tmp_path: Path) -> None:
    (tmp_path / "matrix.csv").write_text("Ref,Evidence\n", encoding="utf-8", newline="")
    assert _refused(tmp_path / "matrix.csv", "Matrix") == (
        "matrix.csv: --sheet is for workbooks; a CSV file has one sheet"
    )


def test_what_is_not_a_regular_file_is_never_read(tmp_path: Path) -> None:
    assert _refused(tmp_path / "none.csv") == f"{tmp_path / 'none.csv'}: no such file"
    (tmp_path / "folder.xlsx").mkdir()
    assert _refused(tmp_path / "folder.xlsx") == "folder.xlsx: is a folder, not a file"


def test_a_named_pipe_is_never_read(tmp_path: Path) -> None:
    fifo(tmp_path / "pipe.csv")  # opened without waiting for a writer, then refused
    assert _refused(tmp_path / "pipe.csv") == (
        "pipe.csv: is not a regular file (a named pipe or a device)"
    )


@pytest.mark.parametrize("failing", ["open", "read"])
def test_an_error_of_the_system_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    matrix = tmp_path / "matrix.csv"
    matrix.write_text("Ref,Evidence\n", encoding="utf-8", newline="")
    if failing == "open":  # as for a file the user may not read
        denied = OSError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(os, "open", lambda *_: (_ for _ in ()).throw(denied))
        assert _refused(matrix) == f"{matrix}: cannot be read: Permission denied"
        return

    class Failing:
        def __enter__(self) -> Self:
            return self

        def __exit__(self, *_: object) -> None:
            pass

        def read(self, _: int) -> bytes:
            raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "fdopen", lambda *_, **__: Failing())
    assert _refused(matrix) == f"{matrix}: cannot be read: Invalid argument"


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    matrix = tmp_path / "matrix.xlsx"
    with matrix.open("wb") as stream:
        stream.truncate(MAX_MATRIX_BYTES + 1)  # a sparse file: no byte of it is written
    sheet = read_matrix(matrix, None)
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx: error: the file is 20,000,001 bytes, over the limit of 20,000,000 for a "
        "matrix: remove pictures and other sheets, or save the matrix sheet alone"
    ]
