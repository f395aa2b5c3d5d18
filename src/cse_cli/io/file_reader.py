"""Reading one file of a tree: loaded as YAML and validated, its problems located.

The base of the repository reader (cse_cli.io.repository): a file that cannot
be read, is too large, or is not valid YAML gives one problem and no document;
a document that does not fit its model gives its problems at their places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from cse_cli.core.problems import Problem, has_errors
from cse_cli.core.text import describe, short
from cse_cli.io.pydantic_messages import translate
from cse_cli.io.tree import TooLarge, Unreadable
from cse_cli.io.yaml_loader import Document, load

if TYPE_CHECKING:
    from cse_cli.io.tree import Tree

M = TypeVar("M", bound=BaseModel)


class FileReader:
    """Loads and validates the files of a tree, collecting every problem met."""

    def __init__(self, tree: Tree) -> None:
        """A reader of the files of `tree`."""
        self.tree = tree
        self.problems: list[Problem] = []

    def _load(self, rel: str) -> Document | None:
        """Load a YAML file; None (with the problem recorded) when it cannot be used."""
        try:
            raw = self.tree.read(rel)
        except TooLarge as exc:
            self._problem(rel, 1, 1, str(exc))
            return None
        except Unreadable as exc:
            self._problem(rel, 0, 0, f"{short(rel.rsplit('/', 1)[-1])} {exc.refusal}")
            return None
        if raw is None:
            self._problem(rel, 0, 0, f"{rel} is missing")
            return None
        doc = load(raw, rel)
        if doc.problems and doc.data is None:
            self.problems.extend(doc.problems)
            return None
        return doc

    def _validate(self, doc: Document, model: type[M], what: str) -> M | None:
        """The validated model, or None with the problems added to the document."""
        data = doc.data
        if not isinstance(data, dict):
            found = "empty" if data is None else f"{describe(data)}, not a mapping"
            doc.error((1, 1), f"expected {what}, but the file is {found}")
            return None
        try:
            result = model.model_validate(data)
        except ValidationError as exc:
            placed = {(problem.line, problem.column) for problem in doc.problems}
            for error in exc.errors(include_url=False):
                translate(doc, model, error, placed)
            return None
        return None if has_errors(doc.problems) else result

    def _problem(self, file: str, line: int, column: int, message: str) -> None:
        self.problems.append(Problem(file, line, column, "error", message))
