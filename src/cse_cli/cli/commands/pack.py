"""`cse pack`: the evidence pack an assessor opens offline, as one zip file.

The report at its root links to the documents inside it; every document an
item names with `path:` goes in once, streamed in chunks, with a manifest and a
README page (`cse_cli.render.pack_zip`, which the editor's download uses too).
Every document is checked, and the total against its limit, before anything is
written; the zip is written beside the target and moved into place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.cli.exits import Exit
from cse_cli.cli.output import inputs_of, refuse_inputs
from cse_cli.cli.reading import read_valid
from cse_cli.core.problems import CseError
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage


def run(path: Path, output: Path, stage: Stage) -> Exit:
    """Pack the repository holding `path` into the zip file `output`."""
    from cse_cli.io.atomic import replacing
    from cse_cli.io.tree import DirTree
    from cse_cli.io.zipstream import is_replaceable
    from cse_cli.render.pack_zip import planned, write

    standard, evidence, verdict = read_valid(path, stage, progress=True)
    refuse_inputs(output, "pack", inputs_of(evidence))
    if not is_replaceable(output):
        raise CseError(f"{output}: is not a regular file: cse pack writes or replaces only a file")
    assert evidence.root is not None  # noqa: S101 - read from a folder, never a revision
    tree = DirTree(evidence.root)
    wanted = planned(standard, evidence, tree)
    try:
        with replacing(output) as stream:
            write(stream, standard, evidence, verdict, tree, wanted)
    except OSError as exc:
        raise CseError(f"{output}: cannot write the pack: {exc.strerror or exc}") from None
    total = sum(wanted.values())
    echo(f"wrote {output} ({plural(len(wanted), 'document')}, {total:,} bytes)", err=True)
    return Exit.MET
