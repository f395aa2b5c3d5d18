"""An evidence item needs a title (or a `ref:` to an item's id)."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import item_title
from tests.helpers import element_context, located, said, validated


def test_an_item_with_neither_is_an_error_at_the_item() -> None:
    items = "  - title: Survey\n  - service: Library\n    date: 2015-01-01\n  - ref: X\n"
    doc = located(f'element: "1.1.1"\nevidence:\n{items}')
    element = validated(doc, ElementFile)
    for index, item in enumerate(element.evidence):
        item_title.check(doc, index, item, element_context())
    assert said(doc) == [
        "evidence/1.1.1.yaml:4:5: error: an evidence item needs a title (or a ref: to an item's id)"
    ]
