"""Finds the repository, reads every file, and returns the evidence with its problems.

Every file is visited and every problem is collected: one bad file never hides
the problems of another. Files that fail validation are left out of the
evidence (their elements count as unrated) but their problems are reported.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cse_cli.core.config import Config
from cse_cli.core.evidence import ElementFile, Evidence, EvidenceItem
from cse_cli.core.problems import Problem
from cse_cli.core.standard import Standard
from cse_cli.core.text import did_you_mean, quoted, short
from cse_cli.io.cycle import check_cycle, check_points, check_ratings
from cse_cli.io.file_reader import FileReader
from cse_cli.io.limits import (
    MAX_FILE_BYTES,
    at_most_per_file,
    over_read_limits,
    over_repository_limits,
)
from cse_cli.io.resources import load_cycle
from cse_cli.io.reviews import read_reviews
from cse_cli.io.root import CONFIG_FILE, find_root
from cse_cli.io.tree import DirTree, Entry, Refusal, Tree, Unreadable, Why, clean
from cse_cli.io.yaml_document import Document

OnFileRead = Callable[[int, int], None]
"""Called after each element file with (files read, element files in all)."""
_SUFFIXES = (".yaml", ".yml")


def open_repository(path: Path, standard: Standard, progress: OnFileRead | None = None) -> Evidence:
    """Read and validate the repository that holds `path`."""
    root = find_root(path)
    evidence = read_evidence(DirTree(root), standard, progress)
    evidence.root = root
    return evidence


def read_evidence(tree: Tree, standard: Standard, progress: OnFileRead | None = None) -> Evidence:
    """Read and validate every file of a repository tree."""
    reader = RepositoryReader(tree, standard, progress)
    return reader.run()


def _fallback() -> Config:
    """The settings of a repository whose cse.yaml cannot be used."""
    return Config(organisation="(unknown organisation)")


class RepositoryReader(FileReader):
    """Reads every file of a tree in one pass; `run` returns the evidence and its problems.

    The history reader (cse_cli.io.history_reader) extends it, reusing what
    reading a file did from one commit to the next.
    """

    def __init__(self, tree: Tree, standard: Standard, progress: OnFileRead | None) -> None:
        """A reader of `tree`; `progress` is told after each element file."""
        super().__init__(tree)
        self.standard = standard
        self.progress = progress
        self.known = set(standard.element_ids())
        # cross-file facts, with where they were written
        self.ids: dict[str, tuple[str, int, int]] = {}
        self.refs: list[tuple[str, str, int, int]] = []
        self.cycle_known = False
        """Whether cse.yaml was valid, so that its cycle's dates can be checked against."""
        self.read = [0, 0]
        """The values and evidence items of the element files read so far (the limits')."""
        self.stopped = False
        """Whether an element file passed the repository's limits, so no more are read."""

    def run(self) -> Evidence:
        """Read every file: the evidence, with every problem found, in order of place."""
        config, evidence_dir = self._config()
        evidence = Evidence(config=config)
        if evidence_dir is not None:
            self._elements(evidence, *evidence_dir)
        self._check_refs()
        self._reviews(evidence)
        evidence.problems = at_most_per_file(self.problems)
        return evidence

    # cse.yaml -----------------------------------------------------------------

    def _config(self) -> tuple[Config, tuple[str, list[Entry]] | None]:
        default_dir: str = Config.model_fields["evidence_dir"].default
        doc = self._load(CONFIG_FILE)
        if doc is None:
            listed = self._listed(default_dir)
            return _fallback(), None if isinstance(listed, str) else listed
        config = self._validate(doc, Config, "the cse.yaml settings (organisation:, services:…)")
        if config is None:
            raw_dir = doc.data.get("evidence_dir") if isinstance(doc.data, dict) else None
            wanted = raw_dir if isinstance(raw_dir, str) else default_dir
        else:
            wanted = config.evidence_dir
        evidence_dir = self._evidence_dir(doc, wanted)
        if config is not None:
            check_cycle(doc, config)
            self.cycle_known = True
        self.problems.extend(doc.problems)
        return config or _fallback(), evidence_dir

    def _evidence_dir(self, doc: Document, evidence_dir: str) -> tuple[str, list[Entry]] | None:
        """The evidence folder and its entries, or None with the problem in the document."""
        listed = self._listed(evidence_dir)
        if not isinstance(listed, str):
            return listed
        where = doc.position(("evidence_dir",)) if doc.contains(("evidence_dir",)) else (1, 1)
        doc.error(where, f"evidence_dir {quoted(evidence_dir)} {listed}")
        return None

    def _listed(self, evidence_dir: str) -> tuple[str, list[Entry]] | str:
        """The evidence folder, cleaned, with its entries; or why it cannot be read."""
        cleaned = clean(evidence_dir)
        if cleaned is None:
            return "is outside the repository"
        if cleaned == ".":
            return "is the repository's root: element files go in a folder of their own"
        if not cleaned.isprintable():  # a line break would split every problem's line
            return "holds a control or invisible character: rename the folder"
        try:
            entries = self.tree.listdir(cleaned)
        except Unreadable as exc:
            return str(exc.refusal)
        refusal = self.tree.check_file(cleaned) if entries is None else None
        if entries is None and (refusal is None or refusal.why is Why.FOLDER):
            refusal = Refusal(Why.NOT_FOLDER)
        return str(refusal) if refusal is not None else (cleaned, entries or [])

    # element files -------------------------------------------------------------

    def _elements(self, evidence: Evidence, evidence_dir: str, entries: list[Entry]) -> None:
        prefix = "" if evidence_dir == "." else evidence_dir + "/"
        files = self._element_files(entries)
        if self._too_much(evidence_dir, files):
            return
        self._read_elements(evidence, prefix, files)
        for entry in entries:
            if not entry.name.startswith(".") and not entry.name.endswith(_SUFFIXES):
                self._not_read(prefix, entry)

    def _element_files(self, entries: list[Entry]) -> list[Entry]:
        """The entries that are element files, in the order they are read.

        Files named after an element first, so that when two files give the same
        element, the one named for it is kept and the other is reported.
        """
        return sorted(
            (e for e in entries if e.name.endswith(_SUFFIXES) and not e.name.startswith(".")),
            key=lambda entry: (entry.name.rsplit(".", 1)[0] not in self.known, entry.name),
        )

    def _read_elements(self, evidence: Evidence, prefix: str, files: list[Entry]) -> None:
        for done, entry in enumerate(files, start=1):
            if self.stopped:
                break
            self._element(evidence, prefix, entry)
            if self.progress is not None:
                self.progress(done, len(files))

    def _too_much(self, evidence_dir: str, files: list[Entry]) -> bool:
        """Whether the element files are over the repository's limits (then none is read)."""
        readable = sum(e.size for e in files if e.size <= MAX_FILE_BYTES)  # the rest: each said
        message = over_repository_limits(evidence_dir, len(files), readable)
        if message is not None:
            self._problem(evidence_dir, 0, 0, message)
        return message is not None

    def _not_read(self, prefix: str, entry: Entry) -> None:
        """A warning for what looks like element files that cse will not read."""
        name = short(entry.name)
        if entry.name.lower().endswith(_SUFFIXES):
            message = f"{name} is not read: name element files NAME.yaml or NAME.yml, in lower case"
        elif entry.kind == "dir" and any(
            e.name.lower().endswith(_SUFFIXES) for e in self._listing(prefix + entry.name)
        ):
            message = f"{name} is a folder: cse does not read the element files in it"
        else:
            return
        self.problems.append(Problem(prefix + name, 0, 0, "warning", message))

    def _listing(self, rel: str) -> list[Entry]:
        try:
            return self.tree.listdir(rel) or []
        except Unreadable:
            return []

    def _element(self, evidence: Evidence, prefix: str, entry: Entry) -> None:
        """Read, validate and check one element file; its problems go with the others."""
        rel = prefix + entry.name
        if not entry.name.isprintable():  # a line break would split the problem's line
            self._problem(
                prefix + short(entry.name), 0, 0,
                f"file name {quoted(entry.name)} holds a control or invisible "
                "character: rename the file",
            )  # fmt: skip
            return
        if "\\" in entry.name:  # `path:` and evidence_dir read it as a separator, as Windows does
            self._problem(
                rel, 0, 0, f"file name {quoted(entry.name)} holds a backslash, which cse reads "
                "as a folder separator (as Windows does): rename the file",
            )  # fmt: skip
            return
        if entry.kind != "file":
            reason = entry.problem or "is a folder, not an element file"
            self._problem(rel, 0, 0, f"{entry.name} {reason}")
            return
        doc = self._load(rel)
        if doc is None or self._over_limits(doc):
            return
        element = self._validate(doc, ElementFile, "an element file (element:, evidence:…)")
        if element is not None and self._check_element(doc, element, evidence, entry.name):
            evidence.elements[element.element] = element
            evidence.files[element.element] = rel
        else:  # left out of the evidence, but what it says is still checked and known
            self._raw_items(doc)
        self.problems.extend(doc.problems)

    def _over_limits(self, doc: Document) -> bool:
        """Whether this file takes the files read past the repository's limits (then it stops)."""
        items = doc.data.get("evidence") if isinstance(doc.data, dict) else None
        self.read[0] += doc.values
        self.read[1] += len(items) if isinstance(items, list) else 0
        message = over_read_limits(*self.read)
        if message is not None:
            self._problem(doc.file, 0, 0, message)
            self.stopped = True
        return self.stopped

    def _raw_items(self, doc: Document) -> None:
        """The ids, refs and paths of a file that failed validation, as it was written.

        So one mistake never hides another: a missing `path:` is reported with a
        bad `date:` beside it, and another file's `ref:` to an id defined here is
        not called a ref to nothing.
        """
        data = doc.data
        items = data.get("evidence") if isinstance(data, dict) else None
        for index, raw in enumerate(items if isinstance(items, list) else []):
            if not isinstance(raw, dict):
                continue
            at = ("evidence", index)
            item_id, ref, path = raw.get("id"), raw.get("ref"), raw.get("path")
            if isinstance(ref, str):
                self.refs.append((ref, doc.file, *doc.position((*at, "ref"))))
            elif isinstance(item_id, str) and item_id not in self.ids:
                self.ids[item_id] = (doc.file, *doc.position((*at, "id")))
            if isinstance(path, str) and path and ref is None:
                self._check_path(doc, at, path)

    def _check_element(
        self, doc: Document, element: ElementFile, evidence: Evidence, name: str
    ) -> bool:
        """Rules that span files; False when the file cannot count as its element."""
        element_id = element.element
        where = doc.position(("element",))
        if element_id not in self.known:
            doc.error(
                where, f"unknown element {quoted(element_id)}{did_you_mean(element_id, self.known)}"
            )
            return False
        if element_id in evidence.files:
            doc.error(
                where,
                f"element {element_id} is already given in {evidence.files[element_id]}: "
                "one file per element",
            )
            return False
        stem = name.rsplit(".", 1)[0]
        if stem != element_id:
            doc.warning(
                where, f"file name {name} does not match element {element_id}: "
                f"name it {element_id}.yaml"
            )  # fmt: skip
        if self.cycle_known:
            check_ratings(doc, element, evidence.config)
            check_points(doc, element, evidence.config)
        services = evidence.config.services
        for index, item in enumerate(element.evidence):
            self._check_item(doc, index, item, services)
        return True

    def _check_item(
        self, doc: Document, index: int, item: EvidenceItem, services: list[str]
    ) -> None:
        at = ("evidence", index)
        if item.ref is not None:
            extra = [
                key
                for key in ("id", "title", "service", "date", "path", "url", "owner")
                if getattr(item, key) is not None
            ]
            if extra:
                doc.error(
                    doc.position((*at, extra[0]), of_key=True),
                    f"a ref: item only cites {quoted(item.ref)}; its {extra[0]} belongs "
                    "where that id is defined",
                )
            line, column = doc.position((*at, "ref"))
            self.refs.append((item.ref, doc.file, line, column))
            return
        if item.title is None:
            doc.error(
                doc.position(at), "an evidence item needs a title (or a ref: to an item's id)"
            )
        if item.id is not None:
            line, column = doc.position((*at, "id"))
            first = self.ids.get(item.id)
            if first is not None:
                doc.error(
                    (line, column),
                    f"evidence id {quoted(item.id)} is already defined at {first[0]}:{first[1]}",
                )
            else:
                self.ids[item.id] = (doc.file, line, column)
        if services and item.service is not None and item.service not in services:
            doc.error(
                doc.position((*at, "service")),
                f"service {quoted(item.service)} is not one of cse.yaml's services "
                f"({', '.join(services)}){did_you_mean(item.service, services)}",
            )
        if item.path is not None:
            self._check_path(doc, at, item.path)

    def _check_path(self, doc: Document, at: tuple[str, int], path: str) -> None:
        problem = self.tree.check_file(path)
        if problem is not None:
            doc.error(doc.position((*at, "path")), f"path {quoted(path)} {problem}")

    def _check_refs(self) -> None:
        for ref, file, line, column in self.refs:
            if ref not in self.ids:
                self._problem(
                    file,
                    line,
                    column,
                    f"ref {quoted(ref)} names no evidence item id{did_you_mean(ref, self.ids)}",
                )

    def _reviews(self, evidence: Evidence) -> None:
        """The surveillance review files (cse_cli.io.reviews), once the ids are known."""
        requested = evidence.config.surveillance_documents
        evidence.requested = requested if requested is not None else load_cycle().documents
        criteria = [criterion.number for criterion in self.standard.criteria]
        docs = read_reviews(self.tree, evidence, self.ids, criteria, self._load, self._validate)
        for doc in docs:
            self.problems.extend(doc.problems)
