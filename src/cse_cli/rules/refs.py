"""A `ref:` names an id defined in some element file, of an item of its own kind.

Each `ref:` item is noted as its file is read, with the list it is written in,
and checked once every element file is read (an id may be defined in a file
read later).

- refs: a `ref:` to no id is an error at it, with a suggestion when an id of
  its kind is close.
- ref-kind: a `ref:` under `evidence:` cites an evidence item and one under
  `on_site:` an on-site item (the two share one space of ids); a `ref:` to an id
  that the other list defines is an error at it that says where the id is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem
from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules.context import EVIDENCE, Ref
from cse_cli.rules.items import each_item
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located, Place

_ITEM = {EVIDENCE: "evidence item", "on_site": "on-site item"}
"""What the items of each list are called."""


def cite(doc: Located, element: ElementFile, context: ElementContext) -> None:
    """Note the id each `ref:` item cites, to be checked once every file is read."""
    for kind, index, item in each_item(element):
        if item.ref is not None:
            line, column = doc.position((kind, index, "ref"))
            context.refs.append(Ref(item.ref, doc.file, line, column, kind))


def check(refs: Iterable[Ref], ids: Mapping[str, Place]) -> list[Problem]:
    """An error at each `ref:` to an id that no element file defines."""
    return [
        Problem(
            ref.file, ref.line, ref.column, "error",
            names_no_id(ref.ref, [i for i, place in ids.items() if place.kind == ref.kind],
                        ref.kind),
        )
        for ref in refs
        if ref.ref not in ids
    ]  # fmt: skip


def kinds(refs: Iterable[Ref], ids: Mapping[str, Place]) -> list[Problem]:
    """An error at each `ref:` to an id that an item of the other list defines."""
    problems = []
    for ref in refs:
        place = ids.get(ref.ref)
        if place is None or place.kind == ref.kind:
            continue
        message = (
            f"ref {quoted(ref.ref)} under {ref.kind}: cites an {_ITEM[place.kind]} "
            f"({place.file}:{place.line}); a ref: under {ref.kind}: cites an "
            f"{_ITEM[ref.kind]}: move it under {place.kind}:"
        )
        problems.append(Problem(ref.file, ref.line, ref.column, "error", message))
    return problems


def names_no_id(ref: str, ids: Collection[str], kind: str = EVIDENCE) -> str:
    """The message for a `ref:` to no id (of an item of `kind`, among `ids`)."""
    return f"ref {quoted(ref)} names no {_ITEM[kind]} id{did_you_mean(ref, ids)}"


REFS = Rule("refs", "a `ref:` to no id", check)
REF_KIND = Rule("ref-kind", "a `ref:` that cites an item of the other list", kinds)
