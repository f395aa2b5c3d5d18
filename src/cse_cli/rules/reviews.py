"""A review file records one surveillance, agreeing with cse.yaml and with the review before.

- review-file-name: a review file is `reviews/surveillance-1.yaml` or
  `reviews/surveillance-2.yaml`; another YAML file there is an error.
- review-dates: its `date:` is after the assessment (the visit, else the
  desk-top review), is the date cse.yaml's `cycle:` gives that surveillance when
  it gives one, and for the second surveillance is after the first.
- review-documents: its `documents:` hold, by key, documents the certification
  body requests (cse.yaml's `surveillance_documents`, else the standard's list),
  each pointing at its evidence with `path:` (a file inside the repository),
  `url:` or `ref:` (an evidence id an element file defines).
- review-changes: its `changes:` are per criterion: criterion_1 to criterion_5.
- review-categories: `category_before` is the category the review before set
  (cse.yaml's after the final assessment, for the first surveillance; the first
  surveillance's `category_after`, else cse.yaml's, for the second), and
  `category_after` is cse.yaml's after this surveillance, when it gives one.
- review-on-site: the first surveillance is always on site; the second is on
  site when the category after the first is High, and off site when it is Low.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cse_cli.core.stages import REVIEWS, Stage
from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules import paths
from cse_cli.rules.refs import names_no_id
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.reviews import Review
    from cse_cli.rules.context import Located, ReviewContext

NAMES = {f"{stage.value}.yaml": stage for stage in REVIEWS}
"""The surveillance of each review file, by its name."""


def named(doc: Located, name: str) -> Stage | None:
    """The surveillance the file `name` records; None, with an error at its start, for none."""
    stage = NAMES.get(name)
    if stage is None:
        doc.error(
            (1, 1),
            f"{name} is not a review file: name it {' or '.join(NAMES)}{did_you_mean(name, NAMES)}",
        )
    return stage


def dated(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:
    """Each date out of place is an error at `date:`."""
    cycle = context.config.cycle
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
        first = context.earlier.get(Stage.SURVEILLANCE_1)
        first_date = first.date if first is not None else cycle.surveillance_1
        if first_date is not None and review.date <= first_date:
            doc.error(
                where,
                f"date: {review.date.isoformat()} is not after the first surveillance "
                f"({first_date.isoformat()}): the second comes a year after it",
            )


def documented(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:  # noqa: ARG001
    """A document not on the list, pointing at nothing, or at what does not exist: an error."""
    keys = [document.key for document in context.requested]
    for key, sent in review.documents.items():
        at: tuple[Any, ...] = ("documents", key)
        if key not in keys:
            doc.error(
                doc.position(at, of_key=True),
                f"documents: {quoted(key)} is not a document the certification body "
                f"requests{did_you_mean(key, keys)} (the list: {_listed(keys)})",
            )
            continue
        if sent.path is None and sent.url is None and sent.ref is None:
            doc.error(
                doc.position(at, of_key=True),
                f"documents: {key} points at nothing: give its path:, url: or ref: to an "
                "evidence id",
            )
        if sent.ref is not None and not context.defined(sent.ref):
            doc.error(doc.position((*at, "ref")), names_no_id(sent.ref, context.every_id()))
        if sent.path is not None:
            paths.check_at(doc, at, sent.path, context.check_path(sent.path))


def per_criterion(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:  # noqa: ARG001
    """A key of `changes:` that names no criterion of the standard is an error at it."""
    keys = [f"criterion_{number}" for number in context.criteria]
    for key in review.changes:
        if key not in keys:
            doc.error(
                doc.position(("changes", key), of_key=True),
                f"changes: {quoted(key)} is not a criterion: use {keys[0]} to {keys[-1]}"
                f"{did_you_mean(key, keys)}",
            )


def categorised(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:
    """A category that disagrees is an error at its key."""
    before = category_before(stage, context)
    if before is not None and review.category_before not in (None, before[0]):
        doc.error(
            doc.position(("category_before",)),
            f"category_before: {review.category_before}, but {before[1]} says {before[0]}",
        )
    planned = getattr(context.config.cycle.category, stage.field)
    if planned is not None and review.category_after not in (None, planned):
        doc.error(
            doc.position(("category_after",)),
            f"category_after: {review.category_after}, but cse.yaml's cycle category "
            f"{stage.field} is {planned}",
        )


def category_before(stage: Stage, context: ReviewContext) -> tuple[str, str] | None:
    """The category the review before set, and where it is written."""
    category = context.config.cycle.category
    if stage is Stage.SURVEILLANCE_1:
        return (category.final, "cse.yaml's cycle category final") if category.final else None
    first = context.earlier.get(Stage.SURVEILLANCE_1)
    if first is not None and first.category_after is not None:
        return first.category_after, "reviews/surveillance-1.yaml's category_after"
    planned = category.surveillance_1
    return (planned, "cse.yaml's cycle category surveillance_1") if planned else None


def on_site_as_planned(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:
    """An `on_site:` that disagrees with the category is an error at it."""
    if review.on_site is None:
        return
    where = doc.position(("on_site",))
    if stage is Stage.SURVEILLANCE_1 and not review.on_site:
        doc.error(where, "on_site: false, but the first surveillance is always on site")
    before = category_before(stage, context)
    if stage is Stage.SURVEILLANCE_2 and before is not None:
        wanted = before[0] == "High"
        if review.on_site is not wanted:
            doc.error(
                where,
                f"on_site: {str(review.on_site).lower()}, but the category after the first "
                f"surveillance is {before[0]} ({before[1]}): a second surveillance is on site "
                "when it is High and off site when it is Low",
            )


REVIEW_FILE_NAME = Rule(
    "review-file-name", "a review file named other than for its surveillance", named
)
REVIEW_DATES = Rule(
    "review-dates",
    "a date not after the assessment, a second surveillance not after the first, a date that "
    "differs from cse.yaml's `cycle`",
    dated,
)
REVIEW_DOCUMENTS = Rule(
    "review-documents",
    "a document not on the list, a document pointing at nothing (or at a missing file or an "
    "unknown evidence id)",
    documented,
)
REVIEW_CHANGES = Rule("review-changes", "a change that names no criterion", per_criterion)
REVIEW_CATEGORIES = Rule(
    "review-categories",
    "categories that disagree with cse.yaml or with the review before",
    categorised,
)
REVIEW_ON_SITE = Rule(
    "review-on-site", "a plan that disagrees with the category", on_site_as_planned
)


_LISTED = 20  # documents named in a message; a list cse.yaml makes longer is counted


def _listed(keys: list[str]) -> str:
    """The documents requested, as a message lists them: the first 20, then how many more."""
    if len(keys) <= _LISTED:
        return ", ".join(keys)
    return f"{', '.join(keys[:_LISTED])} and {len(keys) - _LISTED:,} more"
