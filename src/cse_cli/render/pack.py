"""`cse pack`'s own files: the manifest as CSV and JSON, and the README page, through Jinja.

A CSV cell that a spreadsheet would run as a formula (one starting with `=`,
`+`, `-`, `@`, a tab or a carriage return) is written with a `'` before it;
the JSON manifest holds every path exactly.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from cse_cli.views.pack import MANIFEST_CSV, MANIFEST_JSON, README, REPORT

if TYPE_CHECKING:
    from cse_cli.views.pack import PackView

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("path", "source", "size", "sha256", "elements")


def _cell(text: str) -> str:
    """`text` as a CSV cell no spreadsheet runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA) else text


def to_csv(view: PackView) -> str:
    """The manifest as CSV: a header row, then a row per document, sorted by path."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for packed in view.documents:
        document = packed.document
        writer.writerow(
            (
                _cell(document.path),
                _cell(document.source),
                packed.size,
                packed.sha256,
                " ".join(document.elements),
            )
        )
    return out.getvalue()


def to_json(view: PackView) -> str:
    """The manifest as one JSON object."""
    manifest = {
        "organisation": view.organisation,
        "stage": str(view.stage),
        "made_by": f"cse {view.version}",
        "report": REPORT,
        "total_size": view.total,
        "documents": [
            {
                "path": p.document.path,
                "source": p.document.source,
                "size": p.size,
                "sha256": p.sha256,
                "elements": list(p.document.elements),
            }
            for p in view.documents
        ],
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def to_readme(view: PackView) -> str:
    """The README page: what the pack holds and how it was made, as HTML."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from cse_cli.io.resources import resource

    environment = Environment(
        loader=FileSystemLoader(resource("templates")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    template = environment.get_template("pack-readme.html.j2")
    return template.render(
        p=view, report=REPORT, csv=MANIFEST_CSV, json=MANIFEST_JSON, readme=README
    )
