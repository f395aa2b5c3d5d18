"""Values written so that cse's loader reads back exactly the value given, and as a person would."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from cse_cli.io.yaml_edit import Edit, EditDoesNotFit, Insert, Set, apply_edits
from cse_cli.io.yaml_edit.edits import same
from cse_cli.io.yaml_edit.scalars import LINE, WRAP
from cse_cli.io.yaml_loader import load
from tests.yaml_model import AWKWARD

# Where a value can go: the file, the edit that puts it there, and where it is read back.
PLACES: dict[str, tuple[bytes, Callable[[Any], Edit], Callable[[Any], object]]] = {
    "a key's value": (b"k: x\n", lambda v: Set(("k",), v), lambda d: d["k"]),
    "a deep key's value": (
        b"a:\n    b:\n        c: x\n",
        lambda v: Set(("a", "b", "c"), v),
        lambda d: d["a"]["b"]["c"],
    ),
    "a list item": (b"l:\n  - x\n", lambda v: Set(("l", 0), v), lambda d: d["l"][0]),
    "a new item": (b"l:\n- x\n", lambda v: Insert(("l", 0), v), lambda d: d["l"][0]),
    "in an item, wide dashes": (
        b"l:\n-   k: x\n    j: y\n",
        lambda v: Set(("l", 0, "k"), v),
        lambda d: d["l"][0]["k"],
    ),
    "in brackets": (b"l: [x, y]\n", lambda v: Set(("l", 0), v), lambda d: d["l"][0]),
    "in braces": (b"m: {k: x}\n", lambda v: Set(("m", "k"), v), lambda d: d["m"]["k"]),
    "a key": (
        b"m:\n  j: 1\n",
        lambda v: Set(("m", v), 1),
        lambda d: next(iter(d["m"].keys() - {"j"})),
    ),
    "a CRLF file": (b"k: x\r\nj: 1\r\n", lambda v: Set(("k",), v), lambda d: d["k"]),
    "the last line, no line break": (b"j: 1\nk: x", lambda v: Set(("k",), v), lambda d: d["k"]),
}


def _written(place: str, value: object) -> object:
    raw, edit, found = PLACES[place]
    read = load(apply_edits(raw, [edit(value)]), "x.yaml")
    assert not read.problems
    return found(read.data)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(PLACES)), st.one_of(st.sampled_from(AWKWARD), st.text()))
def test_any_text_reads_back_as_itself_anywhere(place: str, text: str) -> None:
    if place == "a key" and (text in {"j", ""} or len(text) > 1000):
        return
    event(place)
    event("text of several lines" if "\n" in text else "one line")
    assert _written(place, text) == text


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(set(PLACES) - {"a key"})),
    st.one_of(st.booleans(), st.integers(), st.floats(), st.dates(), st.datetimes()),
)
def test_any_other_value_reads_back_as_itself_anywhere(place: str, value: object) -> None:
    if isinstance(value, int) and len(str(value)) > 100:
        with pytest.raises(EditDoesNotFit, match="at most 100"):
            _written(place, value)
        return
    event(type(value).__name__)
    back = _written(place, value)
    nan = isinstance(value, float) and math.isnan(value)
    assert same(back, value) or (nan and isinstance(back, float) and math.isnan(back))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Library", "k: Library\n"),
        ("yes", 'k: "yes"\n'),
        ("1.10", 'k: "1.10"\n'),
        ("2026-01-01", 'k: "2026-01-01"\n'),
        ("a: b", 'k: "a: b"\n'),
        ("#5", 'k: "#5"\n'),
        ("5 #five", 'k: "5 #five"\n'),
        ("it's", "k: it's\n"),
        ('"quoted"', 'k: "\\"quoted\\""\n'),
        ("trailing ", 'k: "trailing "\n'),
        ("tab\there", 'k: "tab\\there"\n'),
        ("zero\u200bwidth", "k: zero\u200bwidth\n"),
        ("bell\x07", 'k: "bell\\a"\n'),
        (dt.date(2026, 3, 9), "k: 2026-03-09\n"),
        (True, "k: true\n"),
        (3, "k: 3\n"),
        (0.8, "k: 0.8\n"),
        (1e20, "k: 1.0e+20\n"),
        (float("inf"), "k: .inf\n"),
        ("two\nlines", "k: |-\n  two\n  lines\n"),
        ("two\nlines\n", "k: |\n  two\n  lines\n"),
        ("  indented\nfirst", "k: |2-\n    indented\n  first\n"),
        ("two\nlines\n\n", 'k: "two\\nlines\\n\\n"\n'),
        ("line\r\nends", 'k: "line\\r\\nends"\n'),
    ],
)
def test_values_are_written_as_a_person_would(value: object, expected: str) -> None:
    assert apply_edits(b"k: x\n", [Set(("k",), value)]).decode() == expected


def test_the_files_own_quotes_are_used() -> None:
    raw = b"a: 'one'\nb: 'two'\nk: x\n"
    assert apply_edits(raw, [Set(("k",), "yes")]).endswith(b"k: 'yes'\n")
    assert apply_edits(raw, [Set(("k",), "tab\t")]).endswith(b'k: "tab\\t"\n')  # only "" hold it


def test_a_long_line_of_text_is_folded_at_spaces() -> None:
    text = " ".join(["Contact methods such as telephone, email, drop-in and leaflets"] * 3)
    written = apply_edits(b"evidence:\n  - title: x\n", [Set(("evidence", 0, "title"), text)])
    lines = written.decode().splitlines()
    assert lines[1] == "  - title: >-"
    assert all(line.startswith("      ") and len(line) <= WRAP for line in lines[2:])
    assert len(lines) > 3
    assert load(written, "x").data["evidence"][0]["title"] == text


def test_a_long_word_is_not_folded() -> None:
    url = "https://example.org/" + "a" * LINE
    assert apply_edits(b"k: x\n", [Set(("k",), url)]) == f"k: {url}\n".encode()
