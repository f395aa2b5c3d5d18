"""Duplicate evidence ids are errors."""

from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import evidence_ids
from cse_cli.rules.context import ElementContext, Place
from tests.helpers import element_context, located, said, validated


def _check(
    ids: list[str], before: dict[str, Place] | None = None
) -> tuple[list[str], ElementContext]:
    items = "".join(f"  - id: {item_id}\n    title: Item {item_id}\n" for item_id in ids)
    doc = located(f'element: "1.1.2"\nevidence:\n{items}', "evidence/1.1.2.yaml")
    element = validated(doc, ElementFile)
    context = element_context(ids=before)
    for index, item in enumerate(element.evidence):
        evidence_ids.check(doc, index, item, context)
    return said(doc), context


def test_an_id_defined_by_a_file_before_is_an_error_naming_its_place() -> None:
    problems, context = _check(["NSS", "OWN"], {"NSS": Place("evidence/1.1.1.yaml", 4, 9)})
    assert problems == [
        "evidence/1.1.2.yaml:3:9: error: evidence id 'NSS' is already defined at "
        "evidence/1.1.1.yaml:4"
    ]
    assert context.defined == {"OWN": Place("evidence/1.1.2.yaml", 5, 9)}


def test_an_id_twice_in_one_file_names_the_first_and_asks_the_others_once() -> None:
    problems, context = _check(["A", "A"])
    assert problems == [
        "evidence/1.1.2.yaml:5:9: error: evidence id 'A' is already defined at "
        "evidence/1.1.2.yaml:3"
    ]
    assert context.lookups.ids == [("A", None)]


@given(st.lists(st.sampled_from(["A", "B", "C"]), max_size=6), st.sets(st.sampled_from(["A", "B"])))
def test_one_error_for_each_use_after_the_first(ids: list[str], before: set[str]) -> None:
    earlier = {item_id: Place("evidence/1.1.1.yaml", 9, 9) for item_id in before}
    uses = len(ids) - len(set(ids) - before)
    event(f"{uses} ids used again")
    problems, context = _check(ids, earlier)
    assert len(problems) == uses
    assert set(context.defined) == set(ids) - before
