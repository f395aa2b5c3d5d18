"""Whether a matrix's base came from this repository, and from a state its history holds.

The base names the organisation and each element file with the hash of its
bytes at the export. A sheet exported from another repository is refused:
another organisation (or none of the repository's element files), and none of
the base's files as any version this repository has, now or in its git history.
A base this repository's history does not hold (exported from uncommitted
edits, or from a copy) still merges against what it carries, and is said in
one line; a repository outside git skips that look.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import quoted
from cse_cli.io.blob_history import folder_versions
from cse_cli.io.yaml_edit import content_hash

if TYPE_CHECKING:
    from cse_cli.core.problems import Problem
    from cse_cli.io.editing import RepositoryState
    from cse_cli.matrix.update.base import Base
    from cse_cli.matrix.update.source import Carried


def check_origin(base: Base, state: RepositoryState, carried: Carried) -> list[Problem]:
    """An error when the base is another repository's; a warning when history lacks it."""
    evidence = state.evidence
    now = {content_hash(raw) for rel in evidence.files.values() if (raw := state.tree.read(rel))}
    exported = {file_hash for _, file_hash in base.files.values() if file_hash}
    history = None
    if evidence.root is not None and exported - now:
        history = folder_versions(evidence.root, evidence.config.evidence_dir)
    known = now | (history.hashes if history is not None else frozenset())
    organisation = evidence.config.organisation
    names = {rel for rel, _ in base.files.values()} & set(evidence.files.values())
    place = (carried.row, 1)
    if not exported & known and (base.organisation != organisation or not names):
        return [carried.sheet.problem(*place, "error", "the sheet was exported from the "
                f"repository of {quoted(base.organisation)}, none of whose element files this "
                "repository has in any version: merge it into that repository, or start a new "
                "one from it with cse import (without --update)")]  # fmt: skip
    missing = len(exported - known)
    if history is None or not missing:
        return []
    looked = "" if history.complete else " (the history is longer than cse looks through)"
    return [carried.sheet.problem(*place, "warning", f"{missing} of the {len(exported)} element "
            f"files as exported are in no commit of the repository's git history{looked}: "
            "exported from uncommitted edits, or from a copy of it; merged against the base "
            "the sheet carries")]  # fmt: skip
