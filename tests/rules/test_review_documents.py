"""Each document a review file lists is requested, and points at evidence that exists."""

from __future__ import annotations

from cse_cli.core.reviews import Review
from cse_cli.core.stages import Stage
from cse_cli.rules import review_documents
from cse_cli.rules.context import Place
from tests.helpers import located, review_context, said, validated

REVIEW = (
    "date: 2027-03-10\ndocuments:\n"
    "  performance_data:\n    ref: AT-PERFORMANCE\n"
    "  complaints:\n    path: documents/complaints.pdf\n"
    "  satisfaction:\n    received: 2027-02-10\n"
    "  annual_report:\n    ref: AT-ANUAL\n    path: documents/none.pdf\n"
    "  minutes:\n    url: https://example.org/minutes\n"
)
IDS = {"AT-PERFORMANCE": Place("e.yaml", 1, 1), "AT-ANNUAL": Place("e.yaml", 2, 1)}


def test_each_document_out_of_place_is_an_error_at_it() -> None:
    doc = located(REVIEW, "reviews/surveillance-1.yaml")
    context = review_context(ids=IDS, files={"documents/complaints.pdf": b"%PDF"})
    review_documents.check(doc, Stage.SURVEILLANCE_1, validated(doc, Review), context)
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


def test_documents_that_exist_ask_only_what_they_name() -> None:
    doc = located(REVIEW.split("  satisfaction:", maxsplit=1)[0], "reviews/surveillance-1.yaml")
    context = review_context(ids=IDS, files={"documents/complaints.pdf": b"%PDF"})
    review_documents.check(doc, Stage.SURVEILLANCE_1, validated(doc, Review), context)
    assert doc.problems == []
    assert context.lookups.complete
    assert context.lookups.ids == [("AT-PERFORMANCE", IDS["AT-PERFORMANCE"])]
    assert context.lookups.paths == [("documents/complaints.pdf", None)]
