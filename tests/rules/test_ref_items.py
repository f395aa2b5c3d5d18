"""A `ref:` item only cites: what it cites is written where that id is defined."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import ref_items
from tests.helpers import element_context, located, said, validated


def _check(item: str) -> list[str]:
    doc = located(f'element: "1.1.1"\nevidence:\n  - {item}\n')
    element = validated(doc, ElementFile)
    ref_items.check(doc, 0, element.evidence[0], element_context())
    return said(doc)


def test_a_ref_with_its_own_notes_passes() -> None:
    assert _check("{ref: NSS, notes: The 2015 wave, inferred: [notes]}") == []


def test_the_first_key_of_the_cited_item_is_an_error_at_that_key() -> None:
    assert _check("{ref: NSS, date: 2015-01-01, title: Survey}") == [
        "evidence/1.1.1.yaml:3:34: error: a ref: item only cites 'NSS'; its title belongs "
        "where that id is defined"
    ]


def test_an_item_that_is_not_a_ref_is_not_its_business() -> None:
    assert _check("{title: Survey, id: NSS, service: Library}") == []
