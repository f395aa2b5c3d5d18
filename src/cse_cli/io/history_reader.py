"""Reading every commit of a range, reusing what reading a file did at the commits before.

`HistoryReader` reads the repository at one commit, a `MapTree` (cse_cli.io.maptree)
changed commit by commit, from the last commit's reading (cse_cli.io.rereading):
each distinct file is loaded and validated once, an element file's rules are
applied again only when a question they asked of the other files gets another
answer, and when a commit changes only element files that each define the ids
and take the element they did, the evidence is the last commit's with those
files read again. tests/io/test_history_reader.py compares every commit with
reading it whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.rereading import read_again

if TYPE_CHECKING:
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.standard import Standard
    from cse_cli.io.maptree import MapTree
    from cse_cli.io.memo import Memo


class HistoryReader:
    """Reads the repository at one commit of a range, from what reading the commits before did."""

    def __init__(self, tree: MapTree, standard: Standard, memo: Memo) -> None:
        """A reader of `tree` at one commit; `memo` is kept from commit to commit."""
        self.tree = tree
        self.standard = standard
        self.memo = memo

    def run(self) -> Evidence:
        """The evidence at this commit."""
        changed, self.tree.pending = self.tree.pending, set()
        self.memo.last = read_again(self.memo.last, self.tree, changed, self.standard, self.memo)
        return self.memo.last.evidence
