"""Reads reviews/surveillance-1.yaml and -2.yaml, applying the review files' rules to each.

A review file is validated as strictly as an element file (unknown keys are
errors), then checked across files by the rules of cse_cli.rules (its name,
dates, documents, changes, categories and on-site plan), once every element
file is read, so that a document's `ref:` can name any evidence id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from cse_cli.core.reviews import Review
from cse_cli.io.root import CONFIG_FILE
from cse_cli.rules import REVIEW_RULES
from cse_cli.rules.file_names import ELEMENT_SUFFIXES
from cse_cli.rules.reviews import named

if TYPE_CHECKING:
    from cse_cli.core.problems import Problem
    from cse_cli.core.stages import Stage
    from cse_cli.io.documents import Documents
    from cse_cli.io.memo import Memo, Versioned
    from cse_cli.io.tree import Tree
    from cse_cli.rules.context import Lookups, ReviewContext

REVIEWS_DIR = "reviews"


class ReviewsRead(NamedTuple):
    """What reading the review files did, and the questions their rules asked."""

    problems: tuple[Problem, ...]
    reviews: dict[Stage, Review]
    files: dict[Stage, str]
    lookups: Lookups


def read_reviews(
    tree: Tree,
    documents: Documents,
    context: ReviewContext,
    cached: tuple[Versioned, Memo] | None = None,
) -> ReviewsRead:
    """Read every review file, with the rules applied; `context.earlier` is filled as they are.

    With `cached`, what reading them did is kept, and done again while the review
    files, cse.yaml and the answers to the questions their rules asked are the same.
    """
    if cached is None:
        return _read(tree, documents, context)
    versioned, memo = cached
    paths = [f"{REVIEWS_DIR}/{entry.name}" for entry in versioned.listdir(REVIEWS_DIR) or []]
    key = (versioned.oid(CONFIG_FILE), tuple((path, versioned.oid(path)) for path in paths))
    known = memo.reviews.get(key)
    if known is not None and known.lookups.hold(context.ids, {}, context.paths):
        return known
    known = _read(tree, documents, context)
    if known.lookups.complete:
        memo.reviews[key] = known
    return known


def _read(tree: Tree, documents: Documents, context: ReviewContext) -> ReviewsRead:
    reviews: dict[Stage, Review] = {}
    files: dict[Stage, str] = {}
    problems: list[Problem] = []
    context.earlier = reviews
    for entry in tree.listdir(REVIEWS_DIR) or []:
        if entry.name.startswith(".") or not entry.name.endswith(ELEMENT_SUFFIXES):
            continue
        rel = f"{REVIEWS_DIR}/{entry.name}"
        doc, not_loaded = documents.load(rel)
        if doc is None:
            problems.extend(not_loaded)
            continue
        stage = named(doc, entry.name)
        review = None
        if stage is not None:
            review = documents.validate(doc, Review, "a surveillance review (date:, documents:…)")
        if stage is not None and review is not None:
            reviews[stage] = review
            files[stage] = rel
            for rule in REVIEW_RULES:
                rule.check(doc, stage, review, context)
        problems.extend(doc.problems)
    return ReviewsRead(tuple(problems), reviews, files, context.lookups)
