"""The element files a merge gives, made in memory and checked as `cse check` would check them.

Each file the changes touch is edited by the one YAML writer
(cse_cli.io.yaml_edit), so what the merge did not change stays byte for byte,
comments included; an element with no file gets the one `cse init` would have
written, edited alike. Each new file is then checked in the repository as read,
with the files before it (cse_cli.io.editing): an error it would cause, in it
or in another file, is shown at the sheet's cell that asked for the change.
Nothing is written here: `writes` is what `save` writes, all or nothing, and
only over files still as they were read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from cse_cli.core.evidence import ElementFile
from cse_cli.core.row_key import LISTS
from cse_cli.io.editing import check_file_in
from cse_cli.io.scaffold_text import ELEMENT_SCHEMA, element_text
from cse_cli.io.yaml_edit import EditError, FileChange, apply_edits, content_hash, key_order
from cse_cli.io.yaml_loader import load
from cse_cli.matrix.update.apply import file_edits

if TYPE_CHECKING:
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.io.editing import RepositoryState
    from cse_cli.matrix.cells import Sheet
    from cse_cli.matrix.update.changes import Change

_ORDER = key_order(ElementFile)


@dataclass
class Planned:
    """What the merge would write, the evidence before and after, and why it cannot."""

    before: Evidence
    after: Evidence
    writes: list[FileChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def plan_update(
    state: RepositoryState, standard: Standard, changes: list[Change], sheet: Sheet
) -> Planned:
    """The files the changes give, each checked in memory; nothing written."""
    evidence = state.evidence
    files = {element: _file(state, element) for element in _touched(changes, evidence)}
    made = {
        element: (rel, raw if raw is not None else _template(standard, element, rel))
        for element, (rel, raw) in files.items()
    }
    data = {element: _data(raw, rel) for element, (rel, raw) in made.items()}
    planned = Planned(evidence, evidence)
    blamed: dict[Problem, Change] = {}
    for element, edits in file_edits(changes, data).items():
        rel, raw = made[element]
        first = edits.asked[0]
        try:
            new = apply_edits(raw, edits.edits(data[element]), file=rel, order=_ORDER)
        except EditError as exc:
            planned.problems += [_at(sheet, first, _said(p, rel)) for p in exc.problems]
            continue
        checked = check_file_in(state, rel, new)
        state = checked.state
        for problem in (*checked.problems, *checked.caused):
            blamed.setdefault(problem, first)  # the change that first brings it
        was = files[element][1]
        path = Path(evidence.root or ".", rel)
        planned.writes.append(
            FileChange(path, new, content_hash(was) if was is not None else None, rel)
        )
    planned.after = state.evidence
    planned.problems += [
        _at(sheet, blamed.get(problem), _said(problem))
        for problem in state.evidence.problems
        if problem.severity == "error"
    ]
    return planned


def _touched(changes: list[Change], evidence: Evidence) -> list[str]:
    """The elements whose files the changes edit: those named, and those a `ref:` leads to."""
    named = dict.fromkeys(change.target.element for change in changes)
    cited = {
        (name, item.id): element
        for element, file in evidence.elements.items()
        for name in LISTS
        for item in _items(file, name)
        if item.id is not None
    }
    for change in changes:
        target = change.target
        if target.list is not None and target.index is not None:
            items = _items(evidence.elements.get(target.element), target.list)
            ref = items[target.index].ref if target.index < len(items) else None
            if (target.list, ref) in cited:
                named.setdefault(cited[target.list, ref])
    return list(named)


def _items(file: ElementFile | None, name: str) -> list[Any]:
    """The items of one of an element file's lists (core.row_key.LISTS), each with id and ref."""
    return list(getattr(file, name)) if file is not None else []


def _file(state: RepositoryState, element: str) -> tuple[str, bytes | None]:
    """An element's file, relative to the root, and its bytes as read (None: no file)."""
    evidence = state.evidence
    rel = evidence.files.get(element)
    if rel is None:
        return f"{evidence.config.evidence_dir.strip('/')}/{element}.yaml", None
    return rel, state.tree.read(rel)


def _template(standard: Standard, element: str, rel: str) -> bytes:
    """The file `cse init` writes for an element, with its schema named relative to `rel`."""
    _, _, wording = standard.element(element)
    up = "../" * (len(PurePosixPath(rel).parts) - 1)
    text = element_text(element, standard.heading(element), wording.text, up + ELEMENT_SCHEMA)
    return text.encode("utf-8")


def _data(raw: bytes | None, rel: str) -> dict[str, Any]:
    data = load(raw, rel).data if raw is not None else None
    return data if isinstance(data, dict) else {}


def _said(problem: Problem | str, rel: str = "") -> str:
    """A problem of a file the merge would write, with its place in the file."""
    if isinstance(problem, str):
        return f"({rel}): {problem}"
    where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    return f"({where}): {problem.message}"


def _at(sheet: Sheet, change: Change | None, said: str) -> Problem:
    """A problem of the repository the merge would give, at the cell of the change asking for it.

    On the change's own sheet in a matrix read from several; without a change, on the whole matrix.
    """
    where = (change.sheet or sheet) if change is not None else sheet
    place = change.place if change is not None else (0, 0)
    return where.problem(*place, "error", f"what the merge gives would not pass cse check {said}")
