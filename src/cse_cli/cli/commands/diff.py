"""`cse diff`: what changed in the evidence between two git revisions, or two folders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import show
from cse_cli.cli.exits import Exit

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage
    from cse_cli.render.formats import DiffFormat


def run(
    base: str | None,
    head: str | None,
    path: Path,
    stage: Stage,
    output_format: DiffFormat,
    *,
    base_dir: Path | None,
    head_dir: Path | None,
) -> Exit:
    """Compare the two sides; both sides read is exit 0, whatever changed."""
    from cse_cli.io.gittree import diff_trees
    from cse_cli.io.repository import read_evidence
    from cse_cli.io.resources import load_standard
    from cse_cli.render import DIFF
    from cse_cli.views.diff import compare

    standard = load_standard()
    with diff_trees(path, base, head, base_dir, head_dir) as (base_tree, head_tree):
        before = read_evidence(base_tree, standard)
        after = read_evidence(head_tree, standard)
    result = compare(standard, before, after, (base_tree.label, head_tree.label), stage)
    show(DIFF[output_format](result))
    return Exit.MET
