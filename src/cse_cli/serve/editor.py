"""What every route shares: the editor's state, the stage asked for, and the problems as links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, TypeVar

from cse_cli.core.stages import REVIEWS, Stage

if TYPE_CHECKING:
    from collections.abc import Callable

    from starlette.requests import Request

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.standard import Standard
    from cse_cli.serve.guard import Session
    from cse_cli.serve.state import GitWatch, Repository
    from cse_cli.serve.templating import Pages

PROBLEMS_SHOWN = 50  # on a page; `cse check` lists every one
_KEPT = 32  # views kept made (a few stages of a few readings)
_VERSIONS = 64  # versions of files kept, that a form was made from: to show what changed on disk
T = TypeVar("T")


@dataclass
class Editor:
    """One running editor: its repository, its user's session and its pages."""

    repository: Repository
    session: Session
    pages: Pages
    static: dict[str, tuple[bytes, str]]

    git: GitWatch
    _made: dict[tuple[object, ...], object] = field(default_factory=dict)
    _versions: dict[str, bytes] = field(default_factory=dict)
    notices: dict[str, dict[str, object]] = field(default_factory=dict)
    """What the page of a file says once after a save (its problems caused elsewhere), by file."""

    def remember(self, digest: str, raw: bytes) -> None:
        """Keep a version of a file a form was made from, by its content hash (the last few)."""
        if digest in self._versions:
            return
        if len(self._versions) >= _VERSIONS:
            del self._versions[next(iter(self._versions))]
        self._versions[digest] = raw

    def version(self, digest: str) -> bytes | None:
        """A version kept by `remember`, or None."""
        return self._versions.get(digest)

    def made(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """What `make` gives for `key`, made once: the key holds all it depends on.

        A page's views depend on the reading of the repository (its generation),
        the last version's commit, the stage and the day; when any changes, the
        key does, and the view is made again. The few most recent are kept.
        """
        if key not in self._made:
            if len(self._made) >= _KEPT:
                del self._made[next(iter(self._made))]
            self._made[key] = make()
        return self._made[key]  # type: ignore[return-value]

    @property
    def standard(self) -> Standard:
        """The standard the evidence is read against."""
        return self.repository.standard


@dataclass(frozen=True)
class ProblemLink:
    """A problem as `cse check` prints it, with the page of the file it is about."""

    text: str
    href: str | None
    severity: str


def editor(request: Request) -> Editor:
    """The editor serving `request`."""
    found: Editor = request.app.state.editor
    return found


def today() -> dt.date:
    """The local day, from which evidence ages are measured (as `cse gap` measures them)."""
    return dt.datetime.now(dt.timezone.utc).astimezone().date()


def chosen_stage(request: Request) -> tuple[Stage, str | None]:
    """The stage the page is asked for (`?stage=`), else latest; with an error when unknown."""
    wanted = request.query_params.get("stage", Stage.LATEST.value)
    try:
        return Stage(wanted), None
    except ValueError:
        choices = ", ".join(stage.value for stage in Stage)
        return Stage.LATEST, f"'{wanted[:40]}' is not a stage: choose one of {choices}"


def page_of(evidence: Evidence, standard: Standard, file: str) -> str | None:
    """The page that shows a file of the repository, or None for one no page shows.

    An element file that could not be read is shown on the page of the element it
    is named after.
    """
    for element_id, element_file in evidence.files.items():
        if element_file == file:
            return f"/element/{element_id}"
    for stage in REVIEWS:
        if file == f"reviews/{stage.value}.yaml":
            return f"/reviews/{stage.value}"
    stem = PurePosixPath(file).name.rsplit(".", 1)[0]
    return f"/element/{stem}" if stem in standard.element_ids() else None


def problem_links(evidence: Evidence, standard: Standard) -> list[ProblemLink]:
    """Every problem of the evidence, errors first, each linked to its page where there is one."""
    ordered = sorted(evidence.problems, key=lambda p: p.severity != "error")
    return [ProblemLink(str(p), page_of(evidence, standard, p.file), p.severity) for p in ordered]
