"""Unknown element ids are errors."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import element_id
from tests.helpers import element_context, located, said, validated


def _check(element: str) -> tuple[bool, list[str]]:
    doc = located(f'element: "{element}"\n', f"evidence/{element}.yaml")
    counts = element_id.check(doc, validated(doc, ElementFile), element_context())
    return counts, said(doc)


def test_an_element_of_the_standard_counts() -> None:
    assert _check("5.3.3") == (True, [])


def test_an_unknown_id_is_an_error_with_a_suggestion_and_counts_not() -> None:
    assert _check("1.1.9") == (
        False,
        ["evidence/1.1.9.yaml:1:10: error: unknown element '1.1.9' (did you mean '1.1.3'?)"],
    )


def test_an_id_far_from_any_has_no_suggestion() -> None:
    counts, problems = _check("criterion one")
    assert not counts
    assert problems == ["evidence/criterion one.yaml:1:10: error: unknown element 'criterion one'"]
