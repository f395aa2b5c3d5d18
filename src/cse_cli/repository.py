"""Finds the repository, reads every file, and returns the evidence with its problems.

Every file is visited and every problem is collected: one bad file never hides
the problems of another. Files that fail validation are left out of the
evidence (their elements count as unrated) but their problems are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cse_cli.errors import CseError, Problem, Severity, has_errors
from cse_cli.models import Config, ElementFile, EvidenceItem, Standard, model_at
from cse_cli.tree import DirTree, Entry, TooLarge, Tree, clean
from cse_cli.yamlio import Document, describe, load, quoted, short, shown

CONFIG_FILE = "cse.yaml"
MAX_PROBLEMS_PER_FILE = 100  # past this, one line says how many more: nobody reads 100,000 lines
M = TypeVar("M", bound=BaseModel)
OnFileRead = Callable[[int, int], None]
"""Called after each element file with (files read, element files in all)."""
_SUFFIXES = (".yaml", ".yml")


@dataclass
class Evidence:
    """Everything read from an evidence repository."""

    config: Config
    elements: dict[str, ElementFile] = field(default_factory=dict)
    """Valid element files by element id."""
    files: dict[str, str] = field(default_factory=dict)
    """The file of each element id, relative to the root."""
    problems: list[Problem] = field(default_factory=list)
    config_valid: bool = True
    root: Path | None = None
    """The repository's folder, when it was read from disk."""


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds cse.yaml."""
    if not start.exists():
        raise CseError(f"{start}: no such file or folder")
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        marker = folder / CONFIG_FILE
        if marker.is_file() or marker.is_symlink():  # reading a link says where it leads
            return folder
        if marker.is_dir():
            message = f"{CONFIG_FILE} is a folder: the repository's settings must be a file"
            raise CseError(Problem(str(marker), 0, 0, "error", message))
    raise CseError(
        f"no {CONFIG_FILE} in {start} or any folder above it: "
        "run `cse init` to start an evidence repository"
    )


def open_repository(path: Path, standard: Standard, progress: OnFileRead | None = None) -> Evidence:
    """Read and validate the repository that holds `path`."""
    root = find_root(path)
    evidence = read_evidence(DirTree(root), standard, progress)
    evidence.root = root
    return evidence


def read_evidence(tree: Tree, standard: Standard, progress: OnFileRead | None = None) -> Evidence:
    """Read and validate every file of a repository tree."""
    reader = _Reader(tree, standard, progress)
    return reader.run()


class _Reader:
    def __init__(self, tree: Tree, standard: Standard, progress: OnFileRead | None) -> None:
        self.tree = tree
        self.standard = standard
        self.progress = progress
        self.known = set(standard.element_ids())
        self.problems: list[Problem] = []
        # cross-file facts, with where they were written
        self.ids: dict[str, tuple[str, int, int]] = {}
        self.refs: list[tuple[str, str, int, int]] = []

    def run(self) -> Evidence:
        config, config_valid, evidence_dir = self._config()
        evidence = Evidence(config=config, config_valid=config_valid)
        if evidence_dir is not None:
            self._elements(evidence, *evidence_dir)
        self._check_refs()
        evidence.problems = _at_most_per_file(sorted(self.problems, key=_order))
        return evidence

    # cse.yaml -----------------------------------------------------------------

    def _config(self) -> tuple[Config, bool, tuple[str, list[Entry]] | None]:
        fallback = Config(organisation="(unknown organisation)")
        doc = self._load(CONFIG_FILE)
        if doc is None:
            listed = self._listed(fallback.evidence_dir)
            return fallback, False, None if isinstance(listed, str) else listed
        config = self._validate(doc, Config, "the cse.yaml settings (organisation:, services:…)")
        if config is None:
            raw_dir = doc.data.get("evidence_dir") if isinstance(doc.data, dict) else None
            wanted = raw_dir if isinstance(raw_dir, str) else fallback.evidence_dir
        else:
            wanted = config.evidence_dir
        evidence_dir = self._evidence_dir(doc, wanted)
        self.problems.extend(doc.problems)
        return config or fallback, config is not None, evidence_dir

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
        entries = self.tree.listdir(cleaned)
        if entries is not None:
            return cleaned, entries
        problem = self.tree.check_file(cleaned) or "is a file, not a folder"
        if problem == "is a folder, not a file":  # a folder the tree would not list
            problem = "cannot be read"
        return problem

    # element files -------------------------------------------------------------

    def _elements(self, evidence: Evidence, evidence_dir: str, entries: list[Entry]) -> None:
        prefix = "" if evidence_dir == "." else evidence_dir + "/"
        # Files named after an element first, so that when two files give the same
        # element, the one named for it is kept and the other is reported.
        files = sorted(
            (e for e in entries if e.name.endswith(_SUFFIXES) and not e.name.startswith(".")),
            key=lambda entry: (entry.name.rsplit(".", 1)[0] not in self.known, entry.name),
        )
        for done, entry in enumerate(files, start=1):
            self._element(evidence, prefix, entry)
            if self.progress is not None:
                self.progress(done, len(files))

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
        if entry.kind != "file":
            reason = entry.problem or "is a folder, not an element file"
            self._problem(rel, 0, 0, f"{entry.name} {reason}")
            return
        doc = self._load(rel)
        if doc is None:
            return
        element = self._validate(doc, ElementFile, "an element file (element:, evidence:…)")
        if element is not None and self._check_element(doc, element, evidence, entry.name):
            evidence.elements[element.element] = element
            evidence.files[element.element] = rel
        self.problems.extend(doc.problems)

    def _check_element(
        self, doc: Document, element: ElementFile, evidence: Evidence, name: str
    ) -> bool:
        """Rules that span files; False when the file cannot count as its element."""
        element_id = element.element
        where = doc.position(("element",))
        if element_id not in self.known:
            doc.error(
                where, f"unknown element {quoted(element_id)}{_suggest(element_id, self.known)}"
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
                for key in ("id", "title", "service", "date", "path", "url")
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
                f"({', '.join(services)}){_suggest(item.service, services)}",
            )
        if item.path is not None:
            problem = self.tree.check_file(item.path)
            if problem is not None:
                doc.error(doc.position((*at, "path")), f"path {quoted(item.path)} {problem}")

    def _check_refs(self) -> None:
        for ref, file, line, column in self.refs:
            if ref not in self.ids:
                self._problem(
                    file,
                    line,
                    column,
                    f"ref {quoted(ref)} names no evidence item id{_suggest(ref, self.ids)}",
                )

    # loading and validation ------------------------------------------------------

    def _load(self, rel: str) -> Document | None:
        """Load a YAML file; None (with the problem recorded) when it cannot be used."""
        try:
            raw = self.tree.read(rel)
        except TooLarge as exc:
            self._problem(rel, 1, 1, str(exc))
            return None
        except OSError as exc:  # the tree's own reasons have no strerror
            name = rel.rsplit("/", 1)[-1]
            reason = f"cannot be read: {exc.strerror}" if exc.strerror else str(exc)
            self._problem(rel, 0, 0, f"{name} {reason}")
            return None
        if raw is None:
            self._problem(rel, 0, 0, f"{rel} is missing")
            return None
        doc = load(raw, rel)
        if doc.problems and doc.data is None:
            self.problems.extend(doc.problems)
            return None
        return doc

    def _validate(self, doc: Document, model: type[M], what: str) -> M | None:
        """The validated model, or None with the problems added to the document."""
        data = doc.data
        if not isinstance(data, dict):
            found = "empty" if data is None else f"{describe(data)}, not a mapping"
            doc.error((1, 1), f"expected {what}, but the file is {found}")
            return None
        try:
            result = model.model_validate(data)
        except ValidationError as exc:
            placed = {(problem.line, problem.column) for problem in doc.problems}
            for error in exc.errors(include_url=False):
                _translate(doc, model, error, placed)
            return None
        return None if has_errors(doc.problems) else result

    def _problem(self, file: str, line: int, column: int, message: str) -> None:
        self.problems.append(Problem(file, line, column, "error", message))


def _order(problem: Problem) -> tuple[str, int, int]:
    return (problem.file, problem.line, problem.column)


def _at_most_per_file(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS_PER_FILE problems of each file, then one line for the rest."""
    kept: list[Problem] = []
    hidden: dict[str, list[Problem]] = {}
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.file] = seen.get(problem.file, 0) + 1
        if seen[problem.file] <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
        else:
            hidden.setdefault(problem.file, []).append(problem)
    if not hidden:
        return problems
    for file, rest in hidden.items():
        first = rest[0]
        severity: Severity = "error" if has_errors(rest) else "warning"
        message = (
            f"{len(rest):,} more problems in this file are not listed (the first at this "
            f"line): fix the {MAX_PROBLEMS_PER_FILE} above and run cse check again"
        )
        kept.append(Problem(file, first.line, first.column, severity, message))
    return sorted(kept, key=_order)


def _suggest(word: str, choices: Iterable[str]) -> str:
    if len(word) > 100:  # noqa: PLR2004 - no typo is that long; comparing would be slow
        return ""
    import difflib  # only when there is a mistake to suggest a fix for

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {quoted(close[0])}?)" if close else ""


def _translate(
    doc: Document, model: type[BaseModel], error: ErrorDetails, placed: set[tuple[int, int]]
) -> None:
    """Turn one Pydantic error into a located problem in the user's words.

    `placed` holds the places that already have a problem, so that a value the
    loader explained (a refused tag, a bad date) is not reported twice.
    """
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = list(model_at(model, loc).model_fields)
        where = doc.position(loc, of_key=True)
        message = f"unknown key {quoted(str(loc[-1]))}{_suggest(str(loc[-1]), allowed)}"
    elif kind == "missing":
        where = doc.position(loc[:-1])
        message = f"missing required key '{loc[-1]}'"
    else:
        where = doc.position(loc)
        if where in placed:
            return
        message = _message(loc, kind, error.get("input"), error["msg"])
    placed.add(where)
    doc.error(where, message)


def _message(loc: tuple[str | int, ...], kind: str, value: object, fallback: str) -> str:
    name = next((part for part in reversed(loc) if isinstance(part, str)), "value")
    if kind == "string_pattern_mismatch" and name in _PATTERN_MESSAGES:
        return _PATTERN_MESSAGES[name].format(value=quoted(str(value)))
    if kind == "string_type" and value is None:
        kind = "string_too_short"  # `organisation:` with nothing after it
    if kind == "bool_type" and isinstance(value, str) and value.lower() in _BOOLEAN_WORDS:
        kind = "bool_quoted"  # `verified_on_site: "true"`
    if isinstance(loc[-1], int):
        name = f"{name} entry {loc[-1] + 1}"
    template = _TYPE_MESSAGES.get(kind, "{name}: {fallback}")
    message = template.format(
        name=name, shown=shown(value), kind=describe(value), fallback=fallback
    )
    if loc[0] == "evidence" and len(loc) == 2 and isinstance(value, str):  # noqa: PLR2004
        message += f": write it as '- title: {short(value)}'"
    return message


_TYPE_MESSAGES = {
    "string_type": "{name}: expected text, but YAML read {shown} as {kind}: put it in quotes",
    "bool_type": "{name}: expected true or false, not {shown}",
    "bool_quoted": "{name}: expected true or false, not the text {shown}: remove the quotes",
    "bool_parsing": "{name}: expected true or false, not {shown}",
    "list_type": "{name}: expected a list (one '- ' line per entry), not {kind}",
    "model_type": "{name}: expected a mapping (key: value lines), not {kind}",
    "model_attributes_type": "{name}: expected a mapping (key: value lines), not {kind}",
    "dict_type": "{name}: expected a mapping (key: value lines), not {kind}",
    "string_too_short": "{name}: must not be empty",
    "int_type": "{name}: expected a whole number, not {shown}",
    "int_parsing": "{name}: expected a whole number, not {shown}",
    "int_from_float": "{name}: expected a whole number, not {shown}",
    "float_type": "{name}: expected a number, not {shown}",
    "float_parsing": "{name}: expected a number, not {shown}",
}
_BOOLEAN_WORDS = {"true", "false", "yes", "no", "on", "off"}
_PATTERN_MESSAGES = {
    "url": "url: {value} is not a web address: it starts with http:// or https:// and has "
    "no spaces, quotes or angle brackets",
    "status": "status: {value} is not a status: use open or addressed",
    "id": "id: {value} must be one word with no spaces",
}
