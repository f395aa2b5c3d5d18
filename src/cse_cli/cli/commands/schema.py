"""`cse schema`: the JSON Schema of element files, or of cse.yaml, for editors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.exits import Exit
from cse_cli.cli.output import deliver, inputs_of

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.render.formats import SchemaKind


def run(kind: SchemaKind, output: Path | None) -> Exit:
    """Print the schema, or write it to `output`."""
    from cse_cli.io.resources import load_standard
    from cse_cli.render.schema import schema_text

    deliver(schema_text(kind, load_standard()), output, "schema", inputs_of(None))
    return Exit.MET
