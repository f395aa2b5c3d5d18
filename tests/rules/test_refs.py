"""A `ref:` names an evidence id defined in some element file."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import refs
from cse_cli.rules.context import Ref
from tests.helpers import element_context, located, validated


def test_each_ref_item_is_noted_where_it_is_written() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - title: A\n  - ref: NSS\n    notes: x\n')
    element = validated(doc, ElementFile)
    context = element_context()
    refs.cite(doc, element, context)
    assert context.refs == [Ref("NSS", "evidence/1.1.1.yaml", 4, 10)]


def test_a_ref_to_no_id_is_an_error_with_a_suggestion() -> None:
    noted = [Ref("STUDENT-SURVY", "evidence/1.3.1.yaml", 3, 10), Ref("NSS", "e.yaml", 1, 1)]
    problems = refs.check(noted, {"STUDENT-SURVEY", "NSS"})
    assert [str(problem) for problem in problems] == [
        "evidence/1.3.1.yaml:3:10: error: ref 'STUDENT-SURVY' names no evidence item id "
        "(did you mean 'STUDENT-SURVEY'?)"
    ]
    assert refs.check(noted, set())[1].message == "ref 'NSS' names no evidence item id"
