"""Reads reviews/surveillance-1.yaml and -2.yaml, and checks them against the rest.

A review file is validated as strictly as an element file (unknown keys are
errors), then checked across files: each requested document is one the
certification body asks for and points at something that exists; the review
comes after the assessment, the second after the first; its categories and
its on-site or off-site plan agree with cse.yaml's cycle and with each other.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from cse_cli.core.reviews import Review
from cse_cli.core.stages import REVIEWS, Stage
from cse_cli.core.text import did_you_mean, quoted

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.config import RequestedDocument
    from cse_cli.core.evidence import Evidence
    from cse_cli.io.tree import Tree
    from cse_cli.io.yaml_document import Document

REVIEWS_DIR = "reviews"
Load = Callable[[str], "Document | None"]
Validate = Callable[["Document", type[Review], str], "Review | None"]


def read_reviews(
    tree: Tree,
    evidence: Evidence,
    ids: Collection[str],
    criteria: Collection[int],
    load: Load,
    validate: Validate,
) -> list[Document]:
    """Read every review file into `evidence.reviews`; the documents hold their problems."""
    entries = tree.listdir(REVIEWS_DIR) or []
    names = {f"{stage.value}.yaml": stage for stage in REVIEWS}
    docs = []
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.endswith((".yaml", ".yml")):
            continue
        rel = f"{REVIEWS_DIR}/{entry.name}"
        doc = load(rel)
        if doc is None:
            continue
        docs.append(doc)
        stage = names.get(entry.name)
        if stage is None:
            doc.error(
                (1, 1),
                f"{entry.name} is not a review file: name it "
                f"{' or '.join(names)}{did_you_mean(entry.name, names)}",
            )
            continue
        review = validate(doc, Review, "a surveillance review (date:, documents:…)")
        if review is not None:
            evidence.reviews[stage] = review
            evidence.review_files[stage] = rel
            _check_review(doc, (stage, review), evidence, tree, ids, criteria)
    return docs


def _check_review(
    doc: Document,
    reviewed: tuple[Stage, Review],
    evidence: Evidence,
    tree: Tree,
    ids: Collection[str],
    criteria: Collection[int],
) -> None:
    stage, review = reviewed
    cycle = evidence.config.cycle
    _check_date(doc, stage, review, evidence)
    _check_documents(doc, review, evidence.requested, tree, ids)
    keys = [f"criterion_{number}" for number in criteria]
    for key in review.changes:
        if key not in keys:
            doc.error(
                doc.position(("changes", key), of_key=True),
                f"changes: {quoted(key)} is not a criterion: use {keys[0]} to {keys[-1]}"
                f"{did_you_mean(key, keys)}",
            )
    before = _category_before(stage, evidence)
    if before is not None and review.category_before not in (None, before[0]):
        doc.error(
            doc.position(("category_before",)),
            f"category_before: {review.category_before}, but {before[1]} says {before[0]}",
        )
    planned = getattr(cycle.category, stage.field)
    if planned is not None and review.category_after not in (None, planned):
        doc.error(
            doc.position(("category_after",)),
            f"category_after: {review.category_after}, but cse.yaml's cycle category "
            f"{stage.field} is {planned}",
        )
    _check_on_site(doc, stage, review, before)


def _check_date(doc: Document, stage: Stage, review: Review, evidence: Evidence) -> None:
    cycle = evidence.config.cycle
    assessed = cycle.visit or cycle.desk_top_review
    where = doc.position(("date",))
    if assessed is not None and review.date <= assessed:
        doc.error(
            where,
            f"date: {review.date.isoformat()} is not after the assessment "
            f"({assessed.isoformat()}): a surveillance follows it",
        )
    planned: dt.date | None = getattr(cycle, stage.field)
    if planned is not None and planned != review.date:
        doc.error(
            where,
            f"date: {review.date.isoformat()}, but cse.yaml's cycle gives {stage.field}: "
            f"{planned.isoformat()}",
        )
    if stage is Stage.SURVEILLANCE_2:
        first = evidence.reviews.get(Stage.SURVEILLANCE_1)
        first_date = first.date if first is not None else cycle.surveillance_1
        if first_date is not None and review.date <= first_date:
            doc.error(
                where,
                f"date: {review.date.isoformat()} is not after the first surveillance "
                f"({first_date.isoformat()}): the second comes a year after it",
            )


def _check_documents(
    doc: Document,
    review: Review,
    requested: list[RequestedDocument],
    tree: Tree,
    ids: Collection[str],
) -> None:
    keys = [document.key for document in requested]
    for key, sent in review.documents.items():
        at: tuple[Any, ...] = ("documents", key)
        if key not in keys:
            doc.error(
                doc.position(at, of_key=True),
                f"documents: {quoted(key)} is not a document the certification body "
                f"requests{did_you_mean(key, keys)} (the list: {', '.join(keys)})",
            )
            continue
        if sent.path is None and sent.url is None and sent.ref is None:
            doc.error(
                doc.position(at, of_key=True),
                f"documents: {key} points at nothing: give its path:, url: or ref: to an "
                "evidence id",
            )
        if sent.ref is not None and sent.ref not in ids:
            doc.error(
                doc.position((*at, "ref")),
                f"ref {quoted(sent.ref)} names no evidence item id{did_you_mean(sent.ref, ids)}",
            )
        if sent.path is not None:
            problem = tree.check_file(sent.path)
            if problem is not None:
                doc.error(doc.position((*at, "path")), f"path {quoted(sent.path)} {problem}")


def _category_before(stage: Stage, evidence: Evidence) -> tuple[str, str] | None:
    """The category the review before set, and where it is written."""
    if stage is Stage.SURVEILLANCE_1:
        final = evidence.config.cycle.category.final
        return (final, "cse.yaml's cycle category final") if final else None
    first = evidence.reviews.get(Stage.SURVEILLANCE_1)
    if first is not None and first.category_after is not None:
        return first.category_after, "reviews/surveillance-1.yaml's category_after"
    planned = evidence.config.cycle.category.surveillance_1
    return (planned, "cse.yaml's cycle category surveillance_1") if planned else None


def _check_on_site(
    doc: Document, stage: Stage, review: Review, before: tuple[str, str] | None
) -> None:
    if review.on_site is None:
        return
    where = doc.position(("on_site",))
    if stage is Stage.SURVEILLANCE_1 and not review.on_site:
        doc.error(where, "on_site: false, but the first surveillance is always on site")
    if stage is Stage.SURVEILLANCE_2 and before is not None:
        wanted = before[0] == "High"
        if review.on_site is not wanted:
            doc.error(
                where,
                f"on_site: {str(review.on_site).lower()}, but the category after the first "
                f"surveillance is {before[0]} ({before[1]}): a second surveillance is on site "
                "when it is High and off site when it is Low",
            )
