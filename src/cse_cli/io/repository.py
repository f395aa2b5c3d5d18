"""Finds the repository, reads every file, and returns the evidence with its problems.

The reader walks the files: cse.yaml, the evidence folder and each element file
in order, then the review files; it applies the rules of cse_cli.rules to each
and holds no rule itself. Every file is visited and every problem is collected:
one bad file never hides the problems of another. Files that fail validation
are left out of the evidence (their elements count as unrated) but their
problems are reported.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from cse_cli.core.config import Config
from cse_cli.core.evidence import ElementFile, Evidence
from cse_cli.core.problems import Problem
from cse_cli.io.documents import Documents
from cse_cli.io.evidence_folder import element_files, listed, not_read, readable_bytes
from cse_cli.io.limits import at_most_per_file
from cse_cli.io.resources import load_cycle
from cse_cli.io.reviews import read_reviews
from cse_cli.io.root import CONFIG_FILE, find_root
from cse_cli.io.tree import DirTree
from cse_cli.rules import (
    CONFIG_RULES,
    evidence_dir,
    evidence_folder,
    file_names,
    refs,
    repository_limits,
)
from cse_cli.rules.context import ElementContext, ReviewContext
from cse_cli.rules.element import Outcome, read_element

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from cse_cli.core.standard import Standard
    from cse_cli.io.memo import ElementKey, Memo, RepositoryRead, Versioned
    from cse_cli.io.tree import Entry, Tree
    from cse_cli.io.yaml_document import Document
    from cse_cli.rules.context import Place, Ref

OnFileRead = Callable[[int, int], None]
"""Called after each element file with (files read, element files in all)."""
Outcomes = tuple[str, tuple[tuple["ElementKey | None", Outcome], ...]]
"""The evidence folder (with a final `/`) and what reading each element file did, in order."""
_CONFIG = "the cse.yaml settings (organisation:, services:…)"
_ELEMENT = "an element file (element:, evidence:…)"


def open_repository(path: Path, standard: Standard, progress: OnFileRead | None = None) -> Evidence:
    """Read and validate the repository that holds `path`."""
    root = find_root(path)
    evidence = read_evidence(DirTree(root), standard, progress)
    evidence.root = root
    return evidence


def read_evidence(tree: Tree, standard: Standard, progress: OnFileRead | None = None) -> Evidence:
    """Read and validate every file of a repository tree."""
    return RepositoryReader(tree, standard, progress).evidence()


@cache
def _fallback() -> Config:
    """The settings of a repository whose cse.yaml cannot be used (made once: never changed)."""
    return Config(organisation="(unknown organisation)")


class RepositoryReader:
    """Reads every file of a tree in one pass; `read` gives the evidence and its problems.

    With a memo (`cached`), what reading a file did is kept, and done again
    rather than redone while the file, cse.yaml and the answers to the questions
    its rules asked are the same (cse_cli.io.rereading).
    """

    def __init__(
        self,
        tree: Tree,
        standard: Standard,
        progress: OnFileRead | None = None,
        cached: tuple[Versioned, Memo] | None = None,
    ) -> None:
        """A reader of `tree` (the same tree as `cached`'s, when given)."""
        self.tree = tree
        self.standard = standard
        self.progress = progress
        self.cached = cached
        self.documents = Documents(tree, cached)
        memo = cached[1] if cached is not None else None
        if memo is not None and memo.known is not None:
            self.known = memo.known
        else:
            self.known = frozenset(standard.element_ids())
            if memo is not None:
                memo.known = self.known
        self.problems: list[Problem] = []
        self.config = _fallback()  # until cse.yaml is read, and when it cannot be used
        self.cycle_known = False
        """Whether cse.yaml was valid, so that its cycle's dates can be checked against."""
        self.ids: dict[str, Place] = {}
        self.elements: dict[str, str] = {}
        """The file of each element taken so far."""
        self.refs: list[Ref] = []
        self.read_so_far = (0, 0)
        """The values and evidence items of the element files read so far (the limits')."""

    def evidence(self) -> Evidence:
        """Read every file: the evidence, with every problem found, in order of place."""
        return self._read()[0]

    def read(self) -> RepositoryRead:
        """Read every file: the evidence, and what reading each element file did, in order.

        What cse_cli.io.rereading starts from to read the repository again.
        """
        from cse_cli.io.memo import RepositoryRead, Trace

        evidence, outcomes = self._read()
        versioned = self.cached[0] if self.cached is not None else None
        trace = None if outcomes is None else Trace(*outcomes)
        return RepositoryRead(
            evidence, tuple(self.problems), trace,
            versioned.oid(CONFIG_FILE) if versioned is not None else None, self.cycle_known,
            versioned.paths if versioned is not None else 0,
        )  # fmt: skip

    def _read(self) -> tuple[Evidence, Outcomes | None]:
        listed = self._config()
        evidence = Evidence(config=self.config, files=self.elements)
        outcomes = None
        if listed is not None:
            outcomes = self._elements(evidence, *listed)
        self.problems.extend(refs.check(self.refs, self.ids))
        self.problems.extend(refs.kinds(self.refs, self.ids))
        self._reviews(evidence)
        evidence.problems = at_most_per_file(self.problems)
        return evidence, outcomes

    # cse.yaml -----------------------------------------------------------------

    def _config(self) -> tuple[str, list[Entry]] | None:
        """Read cse.yaml: the evidence folder and its entries, or None when it cannot be read."""
        wanted: str = Config.model_fields["evidence_dir"].default
        doc, not_loaded = self.documents.load(CONFIG_FILE)
        if doc is None:
            self.problems.extend(not_loaded)
            folder = listed(self.tree, wanted)
            return None if isinstance(folder, str) else folder
        config = self.documents.validate(doc, Config, _CONFIG)
        if config is None:
            raw_dir = doc.data.get("evidence_dir") if isinstance(doc.data, dict) else None
            wanted = raw_dir if isinstance(raw_dir, str) else wanted
        else:
            wanted = config.evidence_dir
        folder = listed(self.tree, wanted)
        if isinstance(folder, str):
            evidence_dir.check(doc, wanted, folder)
        if config is not None:
            for rule in CONFIG_RULES:
                rule.check(doc, config)
            self.config, self.cycle_known = config, True
        self.problems.extend(doc.problems)
        return None if isinstance(folder, str) else folder

    # element files -------------------------------------------------------------

    def _elements(self, evidence: Evidence, folder: str, entries: list[Entry]) -> Outcomes | None:
        """Read the element files in order: what each did, or None when the reading stopped."""
        prefix = folder + "/"
        orders = self.cached[1].orders if self.cached is not None else None
        files = element_files(entries, self.known, orders)
        message = repository_limits.files_and_bytes(folder, len(files), readable_bytes(files))
        if message is not None:
            self.problems.append(Problem(folder, 0, 0, "error", message))
            return None
        trace = self._read_elements(evidence, prefix, files)
        self.problems.extend(not_read(self.tree, prefix, entries))
        return trace

    def _read_elements(
        self, evidence: Evidence, prefix: str, files: list[Entry]
    ) -> Outcomes | None:
        outcomes: list[tuple[ElementKey | None, Outcome]] = []
        for done, entry in enumerate(files, start=1):
            key = self.key(prefix + entry.name, entry.kind)
            outcome = self.element(prefix, entry, key, self.ids, self.elements)
            if outcome is None:  # past the repository's limits: the files after it are not read
                return None
            self._apply(evidence, outcome)
            outcomes.append((key, outcome))
            if self.progress is not None:
                self.progress(done, len(files))
        return prefix, tuple(outcomes)

    def key(self, rel: str, kind: str) -> ElementKey | None:
        """What an element file's reading is kept by in the memo (None without one)."""
        if self.cached is None:
            return None
        versioned = self.cached[0]
        return (rel, kind, versioned.oid(rel), versioned.oid(CONFIG_FILE))

    def element(
        self,
        prefix: str,
        entry: Entry,
        key: ElementKey | None,
        ids: Mapping[str, Place],
        elements: Mapping[str, str],
    ) -> Outcome | None:
        """What reading one element file after files that define `ids` and take `elements` does.

        Kept from before (by `key`, in the memo) when that still holds. None, with
        the problem recorded, when it takes the element files read past the
        repository's limits.
        """
        memo = self.cached[1] if self.cached is not None else None
        known = memo.elements.get(key) if memo is not None and key is not None else None
        if known is not None and self._fits(known) and known.holds(ids, elements, self.tree):
            return known
        outcome = self._read_element(prefix, entry, ids, elements)
        if (
            memo is not None
            and key is not None
            and outcome is not None
            and outcome.lookups.complete
        ):
            memo.elements[key] = outcome
        return outcome

    def _read_element(
        self, prefix: str, entry: Entry, ids: Mapping[str, Place], elements: Mapping[str, str]
    ) -> Outcome | None:
        rel = prefix + entry.name
        refused = file_names.check(prefix, entry.name) or evidence_folder.regular(
            prefix, entry.name, entry.kind, entry.problem
        )
        if refused is not None:
            return Outcome((refused,))
        doc, not_loaded = self.documents.load(rel)
        if doc is None:
            return Outcome(not_loaded)
        if self._over_limits(doc):
            return None
        element = self.documents.validate(doc, ElementFile, _ELEMENT)
        context = ElementContext(
            self.known, self.config, self.cycle_known, ids, elements, self.tree
        )
        return read_element(doc, element, context)

    def _over_limits(self, doc: Document) -> bool:
        """Whether this file takes the files read past the repository's limits (then it stops)."""
        values, items = repository_limits.counted(doc)
        message = repository_limits.values_and_items(
            self.read_so_far[0] + values, self.read_so_far[1] + items
        )
        if message is not None:
            self.problems.append(Problem(doc.file, 0, 0, "error", message))
        return message is not None

    def _fits(self, known: Outcome) -> bool:
        """Whether the file read again keeps the files read within the repository's limits."""
        values, items = (self.read_so_far[i] + known.read[i] for i in (0, 1))
        return repository_limits.values_and_items(values, items) is None

    def _apply(self, evidence: Evidence, outcome: Outcome) -> None:
        """Do what reading an element file did: its problems, ids, refs and element."""
        values, items = self.read_so_far
        self.read_so_far = (values + outcome.read[0], items + outcome.read[1])
        self.problems.extend(outcome.problems)
        self.ids.update(outcome.ids)
        self.refs.extend(outcome.refs)
        if outcome.element is not None:
            element_id, element, file = outcome.element
            evidence.elements[element_id] = element
            self.elements[element_id] = file

    # review files ---------------------------------------------------------------

    def _reviews(self, evidence: Evidence) -> None:
        """The surveillance review files (cse_cli.io.reviews), once the ids are known."""
        requested = evidence.config.surveillance_documents
        evidence.requested = requested if requested is not None else load_cycle().documents
        criteria = [criterion.number for criterion in self.standard.criteria]
        context = ReviewContext(
            evidence.config, evidence.requested, criteria, self.ids, self.tree, {}
        )
        read = read_reviews(self.tree, self.documents, context, self.cached)
        self.problems.extend(read.problems)
        evidence.reviews.update(read.reviews)
        evidence.review_files.update(read.files)
