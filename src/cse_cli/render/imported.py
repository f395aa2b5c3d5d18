"""`cse import`'s report: what was read and written (then the check's verdict), or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.core.text import and_list, plural, quoted

if TYPE_CHECKING:
    from cse_cli.views.imported import ImportView


def to_json(view: ImportView) -> str:
    """The `import --format json` object, as the README documents it."""
    verdict = view.verdict
    document = {
        "matrix": view.matrix,
        "root": str(view.root) if view.root is not None else None,
        "created": list(view.created),
        "elements": view.elements,
        "items": view.items,
        "on_site_items": view.on_site_items,
        "sheets": list(view.sheets),
        "refs": view.refs,
        "services": list(view.services),
        "unplaced_columns": list(view.unplaced_columns),
        "met": verdict.met if verdict is not None else None,
        "criteria": [c.as_json() for c in verdict.criteria] if verdict is not None else [],
        "problems": [problem.as_json() for problem in view.problems],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_text(view: ImportView) -> str:
    """What was read and what was written, a line each."""
    sheets = ""
    if len(view.sheets) > 1:
        sheets = f" (sheets {and_list([quoted(name) for name in view.sheets])})"
    on_site = f" and {plural(view.on_site_items, 'on-site item')}" if view.on_site_items else ""
    return (
        f"read {view.matrix}{sheets}: {plural(view.elements, 'element')}, "
        f"{plural(view.items, 'evidence item')}{on_site} ({view.refs} citing an earlier one "
        f"with ref:)\ncreated {plural(len(view.created), 'file')} in {view.root}\n"
    )
