"""The base an export carries: written as lines a spreadsheet keeps, read back only as written."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import zlib

import pytest

from cse_cli.matrix.update import base as base_module
from cse_cli.matrix.update.base import (
    MARK,
    PIECE,
    Base,
    Damaged,
    base_lines,
    matrix_base,
    read_base,
)

HEADERS = (
    "Element",
    "Wording",
    "Rating at latest",
    "Final",
    "Evidence",
    "Date",
    "Delete",
    "cse key",
)
ROWS = (
    ("1.1.1", "We have…", "Full Compliance", "Full Compliance", "Survey", dt.date(2026, 3, 9),
     None, "1.1.1 evidence #1"),
)  # fmt: skip


def _base(rows: tuple[tuple[object, ...], ...] = ROWS) -> Base:
    files = {"1.1.1": ("evidence/1.1.1.yaml", "ab" * 32)}
    return matrix_base("Test Council", "latest", files, HEADERS, rows)  # type: ignore[arg-type]


def test_the_base_keeps_what_import_reads_back() -> None:
    made = _base()
    assert made.headers == ("Element", "Final", "Evidence", "Date", "cse key")  # not the wording,
    assert made.rows == (("1.1.1", "Full Compliance", "Survey", dt.date(2026, 3, 9),
                          "1.1.1 evidence #1"),)  # the computed rating, nor Delete  # fmt: skip


def test_lines_read_back_and_are_the_same_each_time() -> None:
    lines = base_lines(_base())
    assert lines == base_lines(_base())
    back = read_base(lines)
    assert back.organisation == "Test Council"
    assert back.files == {"1.1.1": ("evidence/1.1.1.yaml", "ab" * 32)}
    assert back.rows[0][3] == "2026-03-09"  # a date as its text, which the Date column reads


def test_no_line_holds_what_a_spreadsheet_would_split_and_none_is_longer_than_a_cell() -> None:
    many = tuple(
        ("1.1.1", "", "", "", f"Item {hashlib.sha256(b'%d' % n).hexdigest()}", None, None, f"k{n}")
        for n in range(2000)
    )
    lines = base_lines(_base(many))
    assert len(lines) > 2
    assert all(line.startswith(MARK) for line in lines)
    assert all(len(line) <= PIECE + len(MARK) + 1 for line in lines[1:])
    assert not any(ch in line for line in lines for ch in ',;"\t\n\r')
    assert read_base(lines).rows == _base(many).rows


def _encoded(payload: bytes, checksum: str | None = None) -> tuple[str, ...]:
    text = base64.urlsafe_b64encode(zlib.compress(payload)).decode()
    digest = checksum or hashlib.sha256(payload).hexdigest()
    return (f"{MARK} 1 {digest} (do not edit these lines)", f"{MARK} {text}")


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        ((), "its first line is not the one cse export writes"),
        (("#cse-base 2 abc",), "it is in format '2', and this cse reads format 1"),
        (("#cse-base 1 abc", "#cse-base not*base64"),
         "its text is not the encoding cse export writes"),
        (_encoded(b"{}", "0" * 64), "its checksum does not match what it holds"),
        (_encoded(b"[1, 2]"), "what it holds is not a base cse export writes"),
        (_encoded(json.dumps({"format": 1, "organisation": "x", "stage": "latest",
                              "files": {}, "headers": ["A"], "rows": [["a", "b"]]}).encode()),
         "what it holds is not a base cse export writes (rows)"),
    ],
)  # fmt: skip
def test_a_base_not_as_written_is_damaged(lines: tuple[str, ...], reason: str) -> None:
    with pytest.raises(Damaged) as raised:
        read_base(lines)
    assert str(raised.value).startswith(reason)


def test_a_base_that_would_expand_past_its_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(base_module, "MAX_BASE_BYTES", 1000)
    with pytest.raises(Damaged, match="it expands past 1,000 bytes"):
        read_base(_encoded(b" " * 5000))
