"""The loader: plain data from libyaml events, with the place of every key and value."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from cse_cli.core.text import as_written as shown
from cse_cli.core.text import describe
from cse_cli.io.yaml_loader import load, typed


def _errors(text: str | bytes) -> list[str]:
    raw = text.encode() if isinstance(text, str) else text
    return [str(problem) for problem in load(raw, "f.yaml").problems]


def test_same_data_as_pyyaml_safe_load() -> None:
    text = (
        'element: "1.1.1"\nfinal: full\nverified_on_site: yes\n'
        "evidence:\n  - title: Survey\n    date: 2015-03-09\n  - {title: 'x: y', n: 0x1F}\n"
        "a: [1, 1.5, ~, null, true, 1_000, .inf, 2001-12-14t21:59:43.10-05:00]\n"
    )
    assert load(text.encode(), "f.yaml").data == yaml.safe_load(text)


def test_positions_of_keys_and_values() -> None:
    doc = load(b'element: "1.1.1"\nevidence:\n  - title: Survey\n    date: 2015-03-09\n', "f")
    assert doc.position(("element",)) == (1, 10)
    assert doc.position(("element",), of_key=True) == (1, 1)
    assert doc.position(("evidence", 0)) == (3, 5)
    assert doc.position(("evidence", 0, "date")) == (4, 11)
    assert doc.position(("evidence", 0, "missing")) == (3, 5)  # its mapping
    assert doc.contains(("evidence", 0, "title"))
    assert not doc.contains(("evidence", 1))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.1.1", "1.1.1"),
        ("1.10", 1.1),
        ("2015-03-09", dt.date(2015, 3, 9)),
        ("yes", True),
        ("Off", False),
        ("~", None),
        ("", None),
        ("017", 15),
        ("P", "P"),
        ("NC", "NC"),
        ("<<", "<<"),
    ],
)
def test_plain_scalars_are_typed_as_yaml_1_1(text: str, value: object) -> None:
    assert typed(text) == value
    assert type(typed(text)) is type(value)


def test_duplicate_keys_are_errors_at_the_second() -> None:
    assert _errors("a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: error: duplicate key 'a' (first at line 1): "
        "YAML would silently keep only the last one"
    ]


def test_aliases_are_shared_and_counted() -> None:
    doc = load(b"a: &x [1, 2]\nb: *x\n", "f")
    assert doc.data == {"a": [1, 2], "b": [1, 2]}
    assert doc.problems == []


def test_tabs_are_explained() -> None:
    assert _errors("a:\n\t- x\n") == [
        "f.yaml:2:1: error: YAML syntax: found character that cannot start any token "
        "(while scanning for the next token that starts at line 2): "
        "a tab, but YAML indents with spaces only"
    ]


def test_bom_and_crlf_are_fine() -> None:
    doc = load("\ufeffa: 1\r\nb: x\r\n".encode(), "f")
    assert doc.data == {"a": 1, "b": "x"}
    assert doc.problems == []


def test_second_document_is_an_error() -> None:
    assert _errors("a: 1\n---\nb: 2\n") == [
        "f.yaml:2:1: error: a second YAML document: a file holds one document (remove this '---')"
    ]


def test_non_string_keys() -> None:
    assert _errors("1: a\nyes: b\n? [x]\n: c\n") == [
        "f.yaml:1:1: error: key '1' is read by YAML as a number: keys are names",
        "f.yaml:2:1: error: key 'yes' is read by YAML as a boolean: keys are names",
        "f.yaml:3:3: error: a key must be a name, not a list or mapping",
    ]


def test_words_for_values() -> None:
    values: tuple[object, ...] = ("x", 1, 1.5, True, None, [], {}, dt.date(2015, 1, 2))
    assert [describe(v) for v in values] == [
        "text", "a number", "a number", "a boolean", "empty (null)", "a list", "a mapping",
        "a date",
    ]  # fmt: skip
    assert [shown(v) for v in ("x", 1, True, None, dt.date(2015, 1, 2))] == [
        "'x'", "1", "true", "null", "2015-01-02",
    ]  # fmt: skip


def test_plain_equals_and_merge_signs_are_text() -> None:
    """YAML 1.1 tags them `value` and `merge`, which PyYAML cannot construct (found by fuzzing)."""
    doc = load(b"a: =\nb: <<\nc: [=, <<]\n=: 1\n", "f")
    assert doc.data == {"a": "=", "b": "<<", "c": ["=", "<<"], "=": 1}
    assert doc.problems == []
