"""`cse import --update`'s report: `cse diff`'s words for what the sheet changes, then conflicts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.core.text import inert, plural
from cse_cli.render.diff_json import to_json as diff_json

if TYPE_CHECKING:
    from cse_cli.views.updated import ConflictView, UpdateView


def conflict_line(conflict: ConflictView, prefer: str | None) -> str:
    """One conflict, at its cell: what it is, the repository's value and the sheet's."""
    said = conflict.said or (
        f"the repository has {conflict.repository} and the sheet {conflict.sheet} (both "
        f"changed it since the export, when it was {conflict.base})"
    )
    said = f"{conflict.cell}: {'warning' if prefer else 'error'}: {conflict.what}: {said}"
    if prefer is None:
        return inert(said + ": choose with --prefer sheet or --prefer repository")
    return inert(said + f": kept the {prefer}'s (--prefer {prefer})")


def to_text(view: UpdateView) -> str:
    """The closing lines after the diff: how it merged, and what was written."""
    how = (
        "merged three ways (the base the sheet carries, the sheet, the repository now)"
        if view.mode == "three-way"
        else "merged two ways (the sheet carries no base: it adds and changes, never deletes)"
    )
    if not view.changed:
        done = "nothing to write: the repository already holds what the sheet says"
    elif view.written:
        done = f"wrote {plural(len(view.changed), 'file')} in {view.root}"
    else:
        done = "nothing written: run again with --write to write these changes"
    return f"{inert(view.matrix)}: {how}; {done}\n"


def to_json(view: UpdateView) -> str:
    """The `import --update --format json` object, as the README documents it."""
    document = {
        "matrix": view.matrix,
        "root": str(view.root),
        "merge": view.mode,
        "changes": json.loads(diff_json(view.diff)),
        "conflicts": [
            {
                "cell": c.cell,
                "what": c.what,
                "repository": c.repository,
                "sheet": c.sheet,
                "base": c.base,
                "said": c.said or None,
            }
            for c in view.conflicts
        ],
        "prefer": view.prefer,
        "changed": list(view.changed),
        "written": view.written,
        "problems": [problem.as_json() for problem in view.problems],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
