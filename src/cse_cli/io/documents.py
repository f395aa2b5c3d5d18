"""Loading the YAML files of a tree and validating each against its model.

A file that cannot be read, is too large, or is not valid YAML gives its
problems and no document; a document that does not fit its model gives its
problems at their places (cse_cli.rules.schema). With a memo, each distinct
file (its path and content id) is loaded and validated once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from pydantic import BaseModel

from cse_cli.core.problems import Problem
from cse_cli.core.text import short
from cse_cli.io.tree import TooLarge, Unreadable
from cse_cli.io.yaml_loader import load
from cse_cli.rules.schema import validate

if TYPE_CHECKING:
    from cse_cli.io.memo import Memo, Versioned
    from cse_cli.io.tree import Tree
    from cse_cli.io.yaml_document import Document

M = TypeVar("M", bound=BaseModel)


class Loaded(NamedTuple):
    """A file loaded: its document, or None with the problems that say why not."""

    doc: Document | None
    problems: tuple[Problem, ...] = ()


class Documents:
    """The documents of one tree, each loaded and validated when asked for."""

    def __init__(self, tree: Tree, cached: tuple[Versioned, Memo] | None = None) -> None:
        """The documents of `tree`; with `cached`, those already in the memo are not made again."""
        self.tree = tree
        self.cached = cached

    def load(self, rel: str) -> Loaded:
        """The document of a YAML file, or None with the problems that say why not."""
        if self.cached is None:
            return self._load(rel)
        versioned, memo = self.cached
        key = (rel, versioned.oid(rel))
        loaded = memo.loaded.get(key)
        if loaded is None:
            loaded = memo.loaded[key] = self._load(rel)
        if loaded.doc is None:
            return loaded
        return Loaded(replace(loaded.doc, problems=list(loaded.doc.problems)))  # the rules add

    def validate(self, doc: Document, model: type[M], what: str) -> M | None:
        """The validated model, or None with the problems added to the document."""
        if self.cached is None:
            return validate(doc, model, what)
        versioned, memo = self.cached
        key = (doc.file, versioned.oid(doc.file), model)
        known = memo.validated.get(key)
        if known is None:
            before = len(doc.problems)
            result = validate(doc, model, what)
            memo.validated[key] = (result, tuple(doc.problems[before:]))
            return result
        found: M | None = known[0]
        doc.problems.extend(known[1])
        return found

    def _load(self, rel: str) -> Loaded:
        try:
            raw = self.tree.read(rel)
        except TooLarge as exc:
            return Loaded(None, (Problem(rel, 1, 1, "error", str(exc)),))
        except Unreadable as exc:
            message = f"{short(rel.rsplit('/', 1)[-1])} {exc.refusal}"
            return Loaded(None, (Problem(rel, 0, 0, "error", message),))
        if raw is None:
            return Loaded(None, (Problem(rel, 0, 0, "error", f"{rel} is missing"),))
        doc = load(raw, rel)
        if doc.problems and doc.data is None:
            return Loaded(None, tuple(doc.problems))
        return Loaded(doc)
