"""A review file records one surveillance, agreeing with cse.yaml and with the review before."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cse_cli.core.reviews import Review
from cse_cli.core.stages import Stage
from cse_cli.rules import reviews
from cse_cli.rules.context import Place
from tests.helpers import RULE_CONFIG, located, review_context, rule_config, said, validated

if TYPE_CHECKING:
    from collections.abc import Mapping

# named ------------------------------------------------------------


def test_each_surveillance_has_its_name() -> None:
    doc = located("date: 2027-03-10\n", "reviews/surveillance-2.yaml")
    assert reviews.named(doc, "surveillance-2.yaml") is Stage.SURVEILLANCE_2
    assert doc.problems == []


def test_another_name_is_an_error_with_a_suggestion() -> None:
    doc = located("date: 2027-03-10\n", "reviews/surveilance-1.yaml")
    assert reviews.named(doc, "surveilance-1.yaml") is None
    assert said(doc) == [
        "reviews/surveilance-1.yaml:1:1: error: surveilance-1.yaml is not a review file: name it "
        "surveillance-1.yaml or surveillance-2.yaml (did you mean 'surveillance-1.yaml'?)"
    ]


# dated ------------------------------------------------------------

CYCLE_DATES = "organisation: T\ncycle:\n  visit: 2026-03-11\n  surveillance_1: 2027-03-10\n"


def _check_dates(
    stage: Stage, date: str, earlier: Mapping[Stage, Review] | None = None
) -> list[str]:
    doc = located(f"date: {date}\n", f"reviews/{stage.value}.yaml")
    context = review_context(config=rule_config(CYCLE_DATES), earlier=earlier)
    reviews.dated(doc, stage, validated(doc, Review), context)
    return said(doc)


def test_the_date_cse_yaml_gives_passes() -> None:
    assert _check_dates(Stage.SURVEILLANCE_1, "2027-03-10") == []


def test_a_date_not_after_the_visit_and_not_cse_yamls_gives_both_errors_at_date() -> None:
    assert _check_dates(Stage.SURVEILLANCE_1, "2026-03-11") == [
        "reviews/surveillance-1.yaml:1:7: error: date: 2026-03-11 is not after the assessment "
        "(2026-03-11): a surveillance follows it",
        "reviews/surveillance-1.yaml:1:7: error: date: 2026-03-11, but cse.yaml's cycle gives "
        "surveillance_1: 2027-03-10",
    ]


def test_the_second_comes_after_the_first_review_file_else_cse_yamls_date() -> None:
    first = located("date: 2027-06-01\n", "reviews/surveillance-1.yaml")
    earlier = {Stage.SURVEILLANCE_1: validated(first, Review)}
    words = "is not after the first surveillance"
    assert (
        f"2027-05-01 {words} (2027-06-01)"
        in _check_dates(Stage.SURVEILLANCE_2, "2027-05-01", earlier)[0]
    )
    assert f"2027-03-10 {words} (2027-03-10)" in _check_dates(Stage.SURVEILLANCE_2, "2027-03-10")[0]
    assert _check_dates(Stage.SURVEILLANCE_2, "2028-03-08") == []


# documented ------------------------------------------------------------

REVIEW_DOCUMENTS = (
    "date: 2027-03-10\ndocuments:\n"
    "  performance_data:\n    ref: AT-PERFORMANCE\n"
    "  complaints:\n    path: documents/complaints.pdf\n"
    "  satisfaction:\n    received: 2027-02-10\n"
    "  annual_report:\n    ref: AT-ANUAL\n    path: documents/none.pdf\n"
    "  minutes:\n    url: https://example.org/minutes\n"
)
IDS_DOCUMENTS = {"AT-PERFORMANCE": Place("e.yaml", 1, 1), "AT-ANNUAL": Place("e.yaml", 2, 1)}


def test_each_document_out_of_place_is_an_error_at_it() -> None:
    doc = located(REVIEW_DOCUMENTS, "reviews/surveillance-1.yaml")
    context = review_context(ids=IDS_DOCUMENTS, files={"documents/complaints.pdf": b"%PDF"})
    reviews.documented(doc, Stage.SURVEILLANCE_1, validated(doc, Review), context)
    assert said(doc) == [
        "reviews/surveillance-1.yaml:7:3: error: documents: satisfaction points at nothing: "
        "give its path:, url: or ref: to an evidence id",
        "reviews/surveillance-1.yaml:10:10: error: ref 'AT-ANUAL' names no evidence item id "
        "(did you mean 'AT-ANNUAL'?)",
        "reviews/surveillance-1.yaml:11:11: error: path 'documents/none.pdf' does not exist",
        "reviews/surveillance-1.yaml:12:3: error: documents: 'minutes' is not a document the "
        "certification body requests (the list: performance_data, service_review, satisfaction, "
        "complaints, annual_report, changes)",
    ]
    # a suggestion among every id depends on more than the ids asked for
    assert not context.lookups.complete


def test_a_long_list_of_documents_is_named_in_part_and_counted() -> None:
    listed = "".join(f"  - key: doc_{n}\n    title: Document {n}\n" for n in range(1, 1001))
    config = rule_config(RULE_CONFIG + "surveillance_documents:\n" + listed)
    doc = located("date: 2027-03-10\ndocuments:\n  minutes:\n    url: https://example.org/\n",
                  "reviews/surveillance-1.yaml")  # fmt: skip
    context = review_context(config=config)
    reviews.documented(doc, Stage.SURVEILLANCE_1, validated(doc, Review), context)
    named = ", ".join(f"doc_{n}" for n in range(1, 21))
    assert said(doc) == [
        "reviews/surveillance-1.yaml:3:3: error: documents: 'minutes' is not a document the "
        f"certification body requests (the list: {named} and 980 more)",
    ]


def test_documents_that_exist_ask_only_what_they_name() -> None:
    doc = located(
        REVIEW_DOCUMENTS.split("  satisfaction:", maxsplit=1)[0], "reviews/surveillance-1.yaml"
    )
    context = review_context(ids=IDS_DOCUMENTS, files={"documents/complaints.pdf": b"%PDF"})
    reviews.documented(doc, Stage.SURVEILLANCE_1, validated(doc, Review), context)
    assert doc.problems == []
    assert context.lookups.complete
    assert context.lookups.ids == [("AT-PERFORMANCE", IDS_DOCUMENTS["AT-PERFORMANCE"])]
    assert context.lookups.paths == [("documents/complaints.pdf", None)]


# per_criterion ------------------------------------------------------------


def test_a_change_that_names_no_criterion_is_an_error_at_its_key() -> None:
    text = "date: 2027-03-10\nchanges:\n  criterion_1: A report\n  criterion_6: More\n"
    doc = located(text, "reviews/surveillance-1.yaml")
    reviews.per_criterion(doc, Stage.SURVEILLANCE_1, validated(doc, Review), review_context())
    assert said(doc) == [
        "reviews/surveillance-1.yaml:4:3: error: changes: 'criterion_6' is not a criterion: use "
        "criterion_1 to criterion_5 (did you mean 'criterion_5'?)"
    ]


# categorised ------------------------------------------------------------

CONFIG_CATEGORIES = (
    "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  surveillance_2: 2028-03-08\n"
    "  category:\n    final: High\n    surveillance_1: Low\n"
)


def _check_categories(
    stage: Stage, text: str, earlier: dict[Stage, Review] | None = None
) -> list[str]:
    doc = located(text, f"reviews/{stage.value}.yaml")
    context = review_context(config=rule_config(CONFIG_CATEGORIES), earlier=earlier)
    reviews.categorised(doc, stage, validated(doc, Review), context)
    return said(doc)


def test_categories_that_disagree_with_cse_yaml_are_errors_at_their_keys() -> None:
    text = "date: 2027-03-10\ncategory_before: Low\ncategory_after: High\n"
    assert _check_categories(Stage.SURVEILLANCE_1, text) == [
        "reviews/surveillance-1.yaml:2:18: error: category_before: Low, but cse.yaml's cycle "
        "category final says High",
        "reviews/surveillance-1.yaml:3:17: error: category_after: High, but cse.yaml's cycle "
        "category surveillance_1 is Low",
    ]


def test_the_second_follows_the_first_review_file_before_cse_yaml() -> None:
    first = located("date: 2027-03-10\ncategory_after: High\n", "reviews/surveillance-1.yaml")
    earlier = {Stage.SURVEILLANCE_1: validated(first, Review)}
    assert _check_categories(
        Stage.SURVEILLANCE_2, "date: 2028-03-08\ncategory_before: Low\n", earlier
    ) == [
        "reviews/surveillance-2.yaml:2:18: error: category_before: Low, but "
        "reviews/surveillance-1.yaml's category_after says High"
    ]
    assert _check_categories(Stage.SURVEILLANCE_2, "date: 2028-03-08\ncategory_before: Low\n") == []


# on_site_as_planned ------------------------------------------------------------


def _check_on_site(stage: Stage, on_site: bool, category: str | None) -> list[str]:
    config = "organisation: T\n"
    if category is not None:
        config += (
            f"cycle:\n  surveillance_1: 2027-03-10\n  category:\n    surveillance_1: {category}\n"
        )
    text = f"date: 2028-03-08\non_site: {str(on_site).lower()}\n"
    doc = located(text, f"reviews/{stage.value}.yaml")
    context = review_context(config=rule_config(config))
    reviews.on_site_as_planned(doc, stage, validated(doc, Review), context)
    return said(doc)


def test_the_first_surveillance_is_always_on_site() -> None:
    assert _check_on_site(Stage.SURVEILLANCE_1, False, None) == [
        "reviews/surveillance-1.yaml:2:10: error: on_site: false, but the first surveillance "
        "is always on site"
    ]


@pytest.mark.parametrize(
    ("on_site", "category", "wrong"),
    [(True, "High", False), (False, "Low", False), (False, "High", True), (True, "Low", True),
     (True, None, False), (False, None, False)],
)  # fmt: skip
def test_the_second_is_on_site_after_high_and_off_site_after_low(
    on_site: bool, category: str | None, wrong: bool
) -> None:
    problems = _check_on_site(Stage.SURVEILLANCE_2, on_site, category)
    assert bool(problems) == wrong
    if wrong:
        assert problems == [
            f"reviews/surveillance-2.yaml:2:10: error: on_site: {str(on_site).lower()}, but the "
            f"category after the first surveillance is {category} (cse.yaml's cycle category "
            "surveillance_1): a second surveillance is on site when it is High and off site "
            "when it is Low"
        ]
