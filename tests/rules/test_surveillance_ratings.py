"""A rating at a surveillance needs that surveillance's date in cse.yaml."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import surveillance_ratings
from tests.helpers import element_context, located, said, validated

ELEMENT = 'element: "1.1.1"\nfinal: partial\nsurveillance_1: full\nsurveillance_2: CP\n'


def test_a_rating_at_an_undated_surveillance_is_an_error_at_it() -> None:
    doc = located(ELEMENT)  # the config dates the first surveillance only
    assert surveillance_ratings.check(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == [
        "evidence/1.1.1.yaml:4:17: error: surveillance_2: a rating at the second surveillance, "
        "but cse.yaml's cycle gives no surveillance_2 date: add it, or leave the rating out"
    ]


def test_without_a_valid_cse_yaml_there_is_no_cycle_to_check_against() -> None:
    doc = located(ELEMENT)
    context = element_context(cycle_known=False)
    assert surveillance_ratings.check(doc, validated(doc, ElementFile), context)
    assert doc.problems == []
