"""An element file's name holds no control character and no backslash."""

from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.rules import file_names


def test_a_line_break_in_a_name_is_refused_and_shown_escaped() -> None:
    problem = file_names.check("evidence/", "1.1.1\n.yaml")
    assert problem is not None
    assert str(problem) == (
        "evidence/1.1.1\\n.yaml:0:0: error: file name '1.1.1\\n.yaml' holds a control or "
        "invisible character: rename the file"
    )


def test_a_backslash_is_refused() -> None:
    problem = file_names.check("evidence/", "old\\1.1.1.yaml")
    assert problem is not None
    assert problem.message == (
        "file name 'old\\1.1.1.yaml' holds a backslash, which cse reads as a folder separator "
        "(as Windows does): rename the file"
    )


@given(st.text(min_size=1, max_size=12))
def test_a_name_is_refused_exactly_when_it_is_not_printable_or_holds_a_backslash(name: str) -> None:
    refused = not name.isprintable() or "\\" in name
    event("refused" if refused else "accepted")
    problem = file_names.check("evidence/", name)
    assert (problem is not None) == refused
    if problem is not None:
        assert len(str(problem).splitlines()) == 1
