"""An `inferred:` list names only keys of its item or point."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import inferred_keys
from tests.helpers import element_context, located, said, validated


def test_a_key_the_item_or_point_does_not_have_is_an_error_at_it() -> None:
    doc = located(
        'element: "1.1.1"\nevidence:\n  - title: Survey\n    inferred: [service, dates]\n'
        "development_points:\n  - point: Do more\n    inferred: [raised, title]\n"
    )
    assert inferred_keys.check(doc, validated(doc, ElementFile), element_context())
    assert sorted(said(doc)) == [
        "evidence/1.1.1.yaml:4:25: error: inferred: 'dates' is not a key here "
        "(did you mean 'date'?)",
        "evidence/1.1.1.yaml:7:24: error: inferred: 'title' is not a key here",
    ]


def test_every_other_key_of_the_item_may_be_inferred() -> None:
    keys = "[id, ref, title, service, date, path, url, owner, notes]"
    doc = located(f'element: "1.1.1"\nevidence:\n  - title: Survey\n    inferred: {keys}\n')
    assert inferred_keys.check(doc, validated(doc, ElementFile), element_context())
    assert doc.problems == []


def test_it_needs_no_valid_cse_yaml() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - title: S\n    inferred: [colour]\n')
    context = element_context(cycle_known=False)
    assert inferred_keys.check(doc, validated(doc, ElementFile), context)
    assert len(doc.problems) == 1


def test_an_on_site_item_may_infer_its_own_keys_and_no_evidence_items() -> None:
    keys = "[id, ref, title, person, place, service, notes, date]"
    doc = located(f'element: "1.1.1"\non_site:\n  - title: Desk\n    inferred: {keys}\n')
    assert inferred_keys.check(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == ["evidence/1.1.1.yaml:4:63: error: inferred: 'date' is not a key here"]
