"""The engine of every form: the bytes it would write, what `cse check` says of them, and why not.

A save is refused only when the file, as the form would write it, would not be
read as what it is (`Target.taken`): a value of the wrong kind (not a date, not
a rating, an unknown key, text where a number goes), which leaves the element
(or the review) out of the evidence; or when a field holds a choice its list
does not offer (a service not among cse.yaml's, a document not in the
repository: a form sent by hand, or a page older than cse.yaml). Every other
problem `cse check` finds (a `ref:` to no id, an id defined twice, an item
without a title yet, a rating at a surveillance cse.yaml has no date for, a
document since removed) is shown at its field, word for word, and the file is
saved: it concerns the repository as a whole, or work not finished yet.

Every write goes through the one YAML writer (`cse_cli.io.yaml_edit`), from the
bytes on disk, and through `save`, which refuses it when the file changed on
disk since the page was made (its content hash), all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cse_cli.io.tree import DirTree, TooLarge, Unreadable
from cse_cli.io.yaml_edit import EditError, Set, apply_edits, content_hash, key_order
from cse_cli.io.yaml_loader import load
from cse_cli.serve.formdata import written
from cse_cli.serve.formview import form_view, unoffered
from cse_cli.serve.placing import Placer, id_of

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from pydantic import BaseModel

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.io.editing import FileCheck, RepositoryState
    from cse_cli.serve.fields import Form
    from cse_cli.serve.formstate import FormState
    from cse_cli.serve.formview import FormView

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Target:
    """A file a form edits: where it is, its form, its model, a new file's bytes, what it is."""

    rel: str
    form: Form
    model: type[BaseModel]
    fresh: bytes
    """The bytes a new file starts from (its schema line, as `cse init` writes one)."""
    taken: Callable[[Evidence], bool]
    """Whether the evidence reads the file as what it is (the element's, the review)."""


@dataclass
class Judged:
    """What the form would write, what `cse check` says of it, and whether it may be written."""

    data: bytes | None
    """The bytes the form would write; None when the writer could not make them."""
    check: FileCheck | None
    placed: dict[str, list[str]] = field(default_factory=dict)
    """The file's problems' messages, by the id of the field (or item, or list) each is about."""
    summary: list[tuple[str, str]] = field(default_factory=list)
    """Every problem of the file as `cse check` prints it, and the id it links to."""
    refused: list[tuple[str, str]] = field(default_factory=list)
    """Fields holding a choice their list does not offer: (field id, message)."""
    unread: bool = False
    """Whether cse would not read the file as what it is, with these bytes."""

    @property
    def blocked(self) -> bool:
        """Whether the bytes may not be written."""
        return self.unread or bool(self.refused) or self.data is None


def on_disk(root: object, rel: str) -> bytes | None:
    """The file's bytes as they are now (None when absent); TooLarge or Unreadable as cse reads."""
    from pathlib import Path as FsPath

    return DirTree(FsPath(str(root))).read(rel)


def readable(root: object, rel: str) -> tuple[bytes | None, str | None]:
    """The file's bytes (None when absent), or why cse cannot read it at all."""
    try:
        return on_disk(root, rel), None
    except (TooLarge, Unreadable) as exc:
        return None, str(exc)


def data_of(raw: bytes, rel: str) -> tuple[object, list[Problem]]:
    """The data cse's loader reads from a file's bytes, and what stops it reading them."""
    document = load(raw, rel)
    return document.data, document.problems


def hash_of(raw: bytes | None) -> str:
    """The content hash a page carries: the file's, or empty for a file that does not exist."""
    return "" if raw is None else content_hash(raw)


def placed(
    view: FormView,
    problems: tuple[Problem, ...] | list[Problem],
    raw: bytes,
    rel: str,
    maps: Mapping[str, list[int]],
) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Each problem by the id of what it is about in the form, and the summary's links."""
    placer = Placer(raw, rel)

    def shown(path: Path) -> Path:
        if len(path) > 1 and isinstance(path[1], int) and path[0] in maps:
            indexes = maps[str(path[0])]
            if path[1] < len(indexes):
                return (path[0], indexes[path[1]], *path[2:])
        return path

    by_id: dict[str, list[str]] = {}
    summary = []
    for problem in problems:
        path = shown(placer.path_of(problem, lambda p: id_of(shown(p)) in view.field_ids))
        while id_of(path) not in view.ids and path:
            path = path[:-1]
        by_id.setdefault(id_of(path), []).append(f"{problem.severity}: {problem.message}")
        summary.append((str(problem), id_of(path)))
    return by_id, summary


def judge(
    target: Target,
    state: FormState,
    view: FormView,
    raw: bytes | None,
    repository: RepositoryState,
    made_from: bytes | None = None,
) -> Judged:
    """What saving the form over the file's bytes `raw` (None: a new file) would write and mean.

    `made_from` is the version the form was made from, when it is not `raw` (the
    user chose to save over a change on disk): the form's data is then written
    over `raw` whole, its items matched by what they hold.
    """
    from cse_cli.io.editing import check_file_in

    base = raw if raw is not None else target.fresh
    data, _ = data_of(made_from or base, target.rel)
    made = written(target.form, state, data)
    edits = made.edits if made_from is None else [Set((), made.data)]
    try:
        new = apply_edits(base, edits, file=target.rel, order=key_order(target.model))
    except EditError as exc:
        top = id_of(())
        lines = [str(problem) for problem in exc.problems]
        return Judged(None, None, {top: lines}, [(line, top) for line in lines])
    check = check_file_in(repository, target.rel, new)
    by_id, summary = placed(view, check.problems, new, target.rel, made.maps)
    return Judged(
        new, check, by_id, summary, unoffered(view), not target.taken(check.state.evidence)
    )


def view_of(
    target: Target, state: FormState, base: object, sources: Mapping[str, list[str]]
) -> FormView:
    """The form as shown, for the file's data `base`."""
    return form_view(target.form, state, base, sources)
