"""`evidence_dir` is a folder of its own inside the repository.

cse.yaml's `evidence_dir` (default `evidence`) names the folder of element
files: a path out of the repository, the repository's root itself, or a name
holding a control character is an error at it, as is a folder that cannot be
listed or a file where the folder should be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.rules.context import Located


def refusal(cleaned: str | None) -> str | None:
    """Why the evidence folder is not one, from its path cleaned of `..` (None: out of it)."""
    if cleaned is None:
        return "is outside the repository"
    if cleaned == ".":
        return "is the repository's root: element files go in a folder of their own"
    if not cleaned.isprintable():  # a line break would split every problem's line
        return "holds a control or invisible character: rename the folder"
    return None


def check(doc: Located, evidence_dir: str, why: str) -> None:
    """The error for `evidence_dir`, which the repository refuses (`why`), at its key."""
    where = doc.position(("evidence_dir",)) if doc.contains(("evidence_dir",)) else (1, 1)
    doc.error(where, f"evidence_dir {quoted(evidence_dir)} {why}")


EVIDENCE_DIR = Rule("evidence-dir", "an `evidence_dir` that is the repository's root", check)
