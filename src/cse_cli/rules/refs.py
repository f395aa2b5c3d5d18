"""A `ref:` names an evidence id defined in some element file.

Each `ref:` item is noted as its file is read, and checked once every element
file is read (an id may be defined in a file read later); a `ref:` to no id is
an error at it, with a suggestion when an id is close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem
from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules.context import Ref
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def cite(doc: Located, element: ElementFile, context: ElementContext) -> None:
    """Note the id each `ref:` item cites, to be checked once every file is read."""
    for index, item in enumerate(element.evidence):
        if item.ref is not None:
            line, column = doc.position(("evidence", index, "ref"))
            context.refs.append(Ref(item.ref, doc.file, line, column))


def check(refs: Iterable[Ref], ids: Collection[str]) -> list[Problem]:
    """An error at each `ref:` to an id that no element file defines."""
    return [
        Problem(ref.file, ref.line, ref.column, "error", names_no_id(ref.ref, ids))
        for ref in refs
        if ref.ref not in ids
    ]


def names_no_id(ref: str, ids: Collection[str]) -> str:
    """The message for a `ref:` to no id."""
    return f"ref {quoted(ref)} names no evidence item id{did_you_mean(ref, ids)}"


REFS = Rule("refs", "a `ref:` to no id", check)
