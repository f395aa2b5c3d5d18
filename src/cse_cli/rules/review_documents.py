"""Each document a review file lists is requested, and points at evidence that exists.

A review's `documents:` holds, by key, the documents the certification body
requests (cse.yaml's `surveillance_documents`, else the standard's list); each
points at its evidence with `path:` (a file inside the repository), `url:` or
`ref:` (an evidence id an element file defines).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules import paths
from cse_cli.rules.refs import names_no_id
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.reviews import Review
    from cse_cli.core.stages import Stage
    from cse_cli.rules.context import Located, ReviewContext


def check(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:  # noqa: ARG001
    """A document not on the list, pointing at nothing, or at what does not exist: an error."""
    keys = [document.key for document in context.requested]
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
        if sent.ref is not None and not context.defined(sent.ref):
            doc.error(doc.position((*at, "ref")), names_no_id(sent.ref, context.every_id()))
        if sent.path is not None:
            paths.check_at(doc, at, sent.path, context.check_path(sent.path))


RULE = Rule(
    "review-documents",
    "a document not on the list, a document pointing at nothing (or at a missing file or an "
    "unknown evidence id)",
    check,
)
