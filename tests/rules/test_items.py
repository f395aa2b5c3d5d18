"""Each evidence item has a title and an id of its own, or is a `ref:` that cites one."""

from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import items
from cse_cli.rules.context import ElementContext, Place
from tests.helpers import element_context, located, said, validated

# only_cites ------------------------------------------------------------


def _check_only_cites(item: str) -> list[str]:
    doc = located(f'element: "1.1.1"\nevidence:\n  - {item}\n')
    element = validated(doc, ElementFile)
    assert items.only_cites(doc, element, element_context())
    return said(doc)


def test_a_ref_with_its_own_notes_passes() -> None:
    assert _check_only_cites("{ref: NSS, notes: The 2015 wave, inferred: [notes]}") == []


def test_the_first_key_of_the_cited_item_is_an_error_at_that_key() -> None:
    assert _check_only_cites("{ref: NSS, date: 2015-01-01, title: Survey}") == [
        "evidence/1.1.1.yaml:3:34: error: a ref: item only cites 'NSS'; its title belongs "
        "where that id is defined"
    ]


def test_an_item_that_is_not_a_ref_is_not_its_business() -> None:
    assert _check_only_cites("{title: Survey, id: NSS, service: Library}") == []


# titled ------------------------------------------------------------


def test_an_item_with_neither_is_an_error_at_the_item() -> None:
    written = "  - title: Survey\n  - service: Library\n    date: 2015-01-01\n  - ref: X\n"
    doc = located(f'element: "1.1.1"\nevidence:\n{written}')
    element = validated(doc, ElementFile)
    assert items.titled(doc, element, element_context())
    assert said(doc) == [
        "evidence/1.1.1.yaml:4:5: error: an evidence item needs a title (or a ref: to an item's id)"
    ]


# unique_ids ------------------------------------------------------------


def _check_unique_ids(
    ids: list[str], before: dict[str, Place] | None = None
) -> tuple[list[str], ElementContext]:
    written = "".join(f"  - id: {item_id}\n    title: Item {item_id}\n" for item_id in ids)
    doc = located(f'element: "1.1.2"\nevidence:\n{written}', "evidence/1.1.2.yaml")
    element = validated(doc, ElementFile)
    context = element_context(ids=before)
    assert items.unique_ids(doc, element, context)
    return said(doc), context


def test_an_id_defined_by_a_file_before_is_an_error_naming_its_place() -> None:
    problems, context = _check_unique_ids(
        ["NSS", "OWN"], {"NSS": Place("evidence/1.1.1.yaml", 4, 9)}
    )
    assert problems == [
        "evidence/1.1.2.yaml:3:9: error: evidence id 'NSS' is already defined at "
        "evidence/1.1.1.yaml:4"
    ]
    assert context.defined == {"OWN": Place("evidence/1.1.2.yaml", 5, 9)}


def test_an_id_twice_in_one_file_names_the_first_and_asks_the_others_once() -> None:
    problems, context = _check_unique_ids(["A", "A"])
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
    problems, context = _check_unique_ids(ids, earlier)
    assert len(problems) == uses
    assert set(context.defined) == set(ids) - before


# on-site items ------------------------------------------------------------


def test_an_on_site_ref_may_carry_notes_but_not_the_cited_items_person_or_place() -> None:
    doc = located(
        'element: "1.1.1"\non_site:\n  - {ref: TM-DESK, notes: Ask too, inferred: [notes]}\n'
        "  - {ref: TM-DESK, place: Hall, person: Manager}\n"
    )
    assert items.only_cites(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == [
        "evidence/1.1.1.yaml:4:33: error: a ref: item only cites 'TM-DESK'; its person belongs "
        "where that id is defined"
    ]


def test_an_on_site_item_with_neither_title_nor_ref_is_said_as_on_site() -> None:
    doc = located('element: "1.1.1"\non_site:\n  - title: Desk\n  - person: Adviser\n')
    assert items.titled(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == [
        "evidence/1.1.1.yaml:4:5: error: an on-site item needs a title (or a ref: to an "
        "on-site item's id)"
    ]


def test_evidence_and_on_site_ids_are_one_space_and_each_keeps_its_kind() -> None:
    written = (
        'element: "1.1.2"\nevidence:\n  - id: A\n    title: Survey\n'
        "on_site:\n  - id: B\n    title: Desk\n  - id: A\n    title: Again\n"
        "  - id: C\n    title: Before\n"
    )
    doc = located(written, "evidence/1.1.2.yaml")
    context = element_context(ids={"C": Place("evidence/1.1.1.yaml", 3, 9, "evidence")})
    assert items.unique_ids(doc, validated(doc, ElementFile), context)
    assert said(doc) == [
        "evidence/1.1.2.yaml:8:9: error: on-site id 'A' is already defined at "
        "evidence/1.1.2.yaml:3: evidence and on-site items share one space of ids",
        "evidence/1.1.2.yaml:10:9: error: on-site id 'C' is already defined at "
        "evidence/1.1.1.yaml:3: evidence and on-site items share one space of ids",
    ]
    assert context.defined == {
        "A": Place("evidence/1.1.2.yaml", 3, 9, "evidence"),
        "B": Place("evidence/1.1.2.yaml", 6, 9, "on_site"),
    }
