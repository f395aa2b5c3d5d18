"""Reading every commit of a range, reusing what reading a file did at the commits before.

`HistoryReader` is the repository reader over a `MapTree` (cse_cli.io.maptree),
the repository at one commit. Each distinct file is loaded and validated once,
and an element file's reading is done again, not redone, while what it depended
on (the ids and elements it looked up, the paths it checked) is unchanged. When
a commit changes only element files, and each still defines the ids and element
it did, the evidence is the last commit's with those files read again. Every
shortcut gives what reading every file would: tests/io/test_history_reader.py
compares the two, commit by commit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from cse_cli.core.evidence import Evidence
from cse_cli.io.file_reader import M
from cse_cli.io.limits import at_most_per_file, over_read_limits
from cse_cli.io.maptree import MapTree
from cse_cli.io.outcome import Outcome, Watched, watching
from cse_cli.io.repository import RepositoryReader
from cse_cli.io.reviews import REVIEWS_DIR
from cse_cli.io.root import CONFIG_FILE
from cse_cli.io.tree import Entry, Refusal

if TYPE_CHECKING:
    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.io.yaml_document import Document


@dataclass(frozen=True)
class _Trace:
    """The element files read at a commit, in order: (cache key, what reading it did)."""

    prefix: str
    outcomes: list[tuple[Any, Outcome]]

    @property
    def index(self) -> dict[str, int]:
        """The place of each element file in the order read."""
        return {key[0]: at for at, (key, _) in enumerate(self.outcomes)}


@dataclass
class _Last:
    """The last commit read: what `HistoryReader._patched` starts from."""

    paths: int
    config: str | None
    cycle_known: bool
    trace: _Trace
    evidence: Evidence
    problems: list[Problem]
    """Every problem, before `at_most_per_file`."""

    def update(self, trace: _Trace) -> Evidence:
        """The evidence at the commit read now: the last one's, with files read again."""
        was = self.trace.outcomes
        gone = [o for (_, o), (_, n) in zip(was, trace.outcomes, strict=True) if o is not n]
        came = [n for (_, o), (_, n) in zip(was, trace.outcomes, strict=True) if o is not n]
        last = self.evidence
        elements = dict(last.elements)
        for outcome in came:
            if outcome.element is not None:
                elements[outcome.element[0]] = outcome.element[1]
        problems = last.problems
        if any(o.problems or n.problems for o, n in zip(gone, came, strict=True)):
            dropped = {id(p) for o in gone for p in o.problems}
            self.problems = [p for p in self.problems if id(p) not in dropped]
            self.problems += [p for n in came for p in n.problems]
            problems = at_most_per_file(self.problems)
        self.trace = trace
        self.evidence = replace(last, elements=elements, problems=problems)
        return self.evidence


class HistoryReader(RepositoryReader):
    """The repository reader, with each distinct file loaded and validated once.

    An element file unchanged since a commit before, read in the same cse.yaml,
    is not checked again when what it depended on is unchanged: what reading it
    did then (its problems, ids, refs and element) is done again.
    """

    def __init__(self, tree: MapTree, standard: Standard, cache: dict[Any, Any]) -> None:
        """A reader of `tree` at one commit; `cache` is kept from commit to commit."""
        super().__init__(tree, standard, None)
        self.map_tree = tree
        self.cache = cache
        self.ids = Watched()
        self._config_oid = tree.oid(CONFIG_FILE)
        self.trace: _Trace | None = None
        """The element files read, in order, with what reading each did."""

    def run(self) -> Evidence:
        """The evidence at this commit: the last commit's, changed, when that is enough."""
        pending, self.map_tree.pending = self.map_tree.pending, set()
        last: _Last | None = self.cache.pop("last", None)
        evidence = None if last is None else self._patched(last, pending)
        if evidence is None:
            evidence = super().run()
            last = None if self.trace is None else _Last(
                self.map_tree.paths, self._config_oid, self.cycle_known, self.trace, evidence,
                self.problems,
            )  # fmt: skip
        if last is not None:
            self.cache["last"] = last
        return evidence

    def _patched(self, last: _Last, pending: set[str]) -> Evidence | None:
        """The last commit's evidence with the element files changed since read again.

        None unless that gives what reading every file would: cse.yaml, the review
        files and the set of paths are as they were, and each element file changed
        defines the same ids and element as before (so every other file reads as
        it did). `last` is updated to this commit.
        """
        tree, trace = self.map_tree, last.trace
        prefix = trace.prefix
        changed = self._changed(last, pending)
        if changed is None:
            return None
        if not changed:
            return last.evidence
        files = self._element_files(tree.listdir(prefix.rstrip("/")) or [])
        if self._too_much(prefix.rstrip("/"), files):
            return None
        outcomes = list(trace.outcomes)
        ids, elements = Watched(), Watched()
        done = 0
        for at in changed:
            for _, outcome in outcomes[done:at]:  # the state the reader was in before file `at`
                ids.update(outcome.ids)
                if outcome.element is not None:
                    elements[outcome.element[0]] = outcome.element[2]
            done = at
            was = outcomes[at][1]
            alone = self._read_alone(last, files[at], ids, elements)
            if alone is None or alone[1].effects != was.effects or alone[1].refs != was.refs:
                return None
            outcomes[at] = alone
        values, items = (sum(outcome.read[i] for _, outcome in outcomes) for i in (0, 1))
        if over_read_limits(values, items) is not None:
            return None
        return last.update(_Trace(prefix, outcomes))

    def _changed(self, last: _Last, pending: set[str]) -> list[int] | None:
        """The places of the element files changed, or None if anything else read changed."""
        if last.paths != self.map_tree.paths or last.config != self._config_oid:
            return None
        index, prefix = last.trace.index, last.trace.prefix
        changed = []
        for rel in pending:
            at = index.get(rel)
            if at is not None:
                changed.append(at)
            elif rel == CONFIG_FILE or rel.startswith((prefix, REVIEWS_DIR + "/")):
                return None
        return sorted(changed)

    def _read_alone(
        self, last: _Last, entry: Entry, ids: dict[str, Any], elements: dict[str, str]
    ) -> tuple[Any, Outcome] | None:
        """What reading one element file does after the files that gave `ids` and `elements`.

        None when the file alone is past the repository's limits.
        """
        prefix, tree = last.trace.prefix, self.map_tree
        key = (prefix + entry.name, entry.kind, tree.oid(prefix + entry.name), self._config_oid)
        known: Outcome | None = self.cache.get(key)
        if known is not None and (known.free or known.holds(ids, elements, tree)):
            return key, known
        kept = self.ids, self.problems, self.refs, self.cycle_known, self.read, self.stopped
        self.ids, self.problems, self.refs, self.read = Watched(ids), [], [], [0, 0]
        self.cycle_known = last.cycle_known
        scratch = Evidence(config=last.evidence.config)
        scratch.files = Watched(elements)
        try:
            self._element(scratch, prefix, entry)
        finally:
            self.ids, self.problems, self.refs, self.cycle_known, self.read, self.stopped = kept
        outcome: Outcome | None = self.cache.get(key)
        return None if outcome is None else (key, outcome)

    def _element_files(self, entries: list[Entry]) -> list[Entry]:
        key = ("order", *(entry.name for entry in entries))
        order: list[str] | None = self.cache.get(key)
        if order is None:
            order = self.cache[key] = [e.name for e in super()._element_files(entries)]
        by_name = {entry.name: entry for entry in entries}
        return [by_name[name] for name in order]

    def _read_elements(self, evidence: Evidence, prefix: str, files: list[Entry]) -> None:
        """Each element file, from what reading it did before when that still holds."""
        tree, cache, config = self.map_tree, self.cache, self._config_oid
        evidence.files = Watched(evidence.files)  # noted while a file is read (`_element`)
        trace: list[tuple[Any, Outcome]] = []
        for entry in files:
            key = (prefix + entry.name, entry.kind, tree.oid(prefix + entry.name), config)
            known: Outcome | None = cache.get(key)
            if (
                known is not None
                and self._fits(known)
                and (known.free or known.holds(self.ids, evidence.files, tree))
            ):
                self._apply(evidence, known)
            else:
                self._element(evidence, prefix, entry)
                known = cache.get(key)
            if known is None or self.stopped:  # past the repository's limits: no shortcut
                evidence.files = dict(evidence.files)
                return
            trace.append((key, known))
        evidence.files = dict(evidence.files)
        self.trace = _Trace(prefix, trace)

    def _fits(self, known: Outcome) -> bool:
        """Whether the file read again keeps the files read within the repository's limits."""
        values, items = self.read[0] + known.read[0], self.read[1] + known.read[1]
        return over_read_limits(values, items) is None

    def _apply(self, evidence: Evidence, known: Outcome) -> None:
        """Do again what reading an element file did."""
        self.read = [self.read[0] + known.read[0], self.read[1] + known.read[1]]
        self.problems.extend(known.problems)
        self.ids.update(known.ids)
        self.refs.extend(known.refs)
        if known.element is not None:
            element_id, element, file = known.element
            evidence.elements[element_id] = element
            evidence.files[element_id] = file

    def _element(self, evidence: Evidence, prefix: str, entry: Entry) -> None:
        """Read one element file, noting what it did and what it looked up."""
        rel = prefix + entry.name
        key = (rel, entry.kind, self.map_tree.oid(rel), self._config_oid)
        files = evidence.files
        assert isinstance(files, Watched)  # noqa: S101 - set so by _read_elements
        ids_seen: list[tuple[str, Any]] = []
        files_seen: list[tuple[str, Any]] = []
        paths: list[tuple[str, Refusal | None]] = []
        ids = watching(self.ids)
        ids.seen, files.seen, self.map_tree.seen_paths = ids_seen, files_seen, paths
        counts = len(self.problems), len(self.ids), len(self.refs), len(files)
        read = tuple(self.read)
        try:
            super()._element(evidence, prefix, entry)
        finally:
            ids.seen, files.seen, self.map_tree.seen_paths = None, None, None
        element = None
        if len(files) > counts[3]:  # the one element this file gave, added last
            element_id, file = next(reversed(files.items()))
            element = (element_id, evidence.elements[element_id], file)
        if self.stopped:  # what it did depends on the files before it: it is not kept
            return
        new_ids = list(islice(reversed(self.ids.items()), len(self.ids) - counts[1]))[::-1]
        self.cache[key] = Outcome(
            ids_seen, files_seen, paths, self.problems[counts[0] :], new_ids,
            self.refs[counts[2] :], element,
            read=(self.read[0] - read[0], self.read[1] - read[1]),
        )  # fmt: skip

    def _reviews(self, evidence: Evidence) -> None:
        tree = self.map_tree
        listed = tree.listdir(REVIEWS_DIR) or []
        key = ("reviews", self._config_oid, *(tree.oid(f"{REVIEWS_DIR}/{e.name}") for e in listed))
        known: Outcome | None = self.cache.get(key)
        if known is not None and known.holds(self.ids, {}, tree):
            self.problems.extend(known.problems)
            assert known.reviews is not None  # noqa: S101 - as it was stored below
            evidence.requested, reviews, files = known.reviews
            evidence.reviews.update(reviews)
            evidence.review_files.update(files)
            return
        ids_seen: list[tuple[str, Any]] = []
        paths: list[tuple[str, Refusal | None]] = []
        watching(self.ids).seen, tree.seen_paths = ids_seen, paths
        before = len(self.problems)
        try:
            super()._reviews(evidence)
        finally:
            watching(self.ids).seen, tree.seen_paths = None, None
        if all(value is not None for _, value in ids_seen):  # a ref to nothing lists all ids
            made = (evidence.requested, dict(evidence.reviews), dict(evidence.review_files))
            self.cache[key] = Outcome(
                ids_seen, [], paths, self.problems[before:], [], [], None, made
            )

    def _load(self, rel: str) -> Document | None:
        key = ("load", rel, self.map_tree.oid(rel))
        if key not in self.cache:
            self.cache[key] = super()._load(rel)
        doc: Document | None = self.cache[key]
        return None if doc is None else replace(doc, problems=list(doc.problems))

    def _validate(self, doc: Document, model: type[M], what: str) -> M | None:
        key = ("validate", id(doc.data), model)
        if key not in self.cache:
            before = len(doc.problems)
            result = super()._validate(doc, model, what)
            self.cache[key] = (result, doc.problems[before:], doc.data)
            return result
        result, added, _ = self.cache[key]
        doc.problems.extend(added)
        found: M | None = result
        return found
