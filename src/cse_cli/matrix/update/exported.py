"""The base `cse export` writes with a matrix: the rows, and the element files they came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.tree import DirTree, TooLarge, Unreadable
from cse_cli.io.yaml_edit import content_hash
from cse_cli.matrix.update.base import base_lines, matrix_base

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cse_cli.core.evidence import Evidence
    from cse_cli.matrix.cells import Value


def export_base(
    evidence: Evidence, stage: str, headers: Sequence[str], rows: Sequence[Sequence[Value]]
) -> tuple[str, ...]:
    """The base lines of the matrix `headers` and `rows` exported from `evidence`.

    Each element file is named with the hash of its bytes as they are now, read
    as `cse check` reads them (inside the repository, within its limits); one
    that cannot be read again is named without a hash, which matches nothing.
    """
    files: dict[str, tuple[str, str]] = {}
    tree = DirTree(evidence.root) if evidence.root is not None else None
    for element_id, rel in evidence.files.items():
        try:
            raw = tree.read(rel) if tree is not None else None
        except (TooLarge, Unreadable):
            raw = None
        files[element_id] = (rel, content_hash(raw) if raw is not None else "")
    organisation = evidence.config.organisation
    return base_lines(matrix_base(organisation, stage, files, headers, rows))
