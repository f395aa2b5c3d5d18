"""When cse.yaml lists services, every item's service is one of them."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import services
from tests.helpers import element_context, located, rule_config, said, validated

ITEMS = "  - title: A\n    service: Libary\n  - title: B\n    service: Careers\n"
ELEMENT = f'element: "1.1.1"\nevidence:\n{ITEMS}'


def _check(config: str | None = None) -> list[str]:
    doc = located(ELEMENT)
    element = validated(doc, ElementFile)
    context = element_context(config=rule_config(config) if config else None)
    assert services.check(doc, element, context)
    return said(doc)


def test_a_service_not_listed_is_an_error_with_the_list_and_a_suggestion() -> None:
    assert _check() == [
        "evidence/1.1.1.yaml:4:14: error: service 'Libary' is not one of cse.yaml's services "
        "(Library, Careers) (did you mean 'Library'?)"
    ]


def test_without_a_list_any_service_passes() -> None:
    assert _check("organisation: Test\n") == []


def test_an_on_site_items_service_is_checked_too_and_a_refs_is_not_its_own() -> None:
    doc = located(
        'element: "1.1.1"\non_site:\n  - title: Desk\n    service: Carers\n'
        "  - ref: X\n    service: Nowhere\n"
    )
    assert services.check(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == [
        "evidence/1.1.1.yaml:4:14: error: service 'Carers' is not one of cse.yaml's services "
        "(Library, Careers) (did you mean 'Careers'?)"
    ]
