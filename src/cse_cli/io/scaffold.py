"""`cse init`: a new evidence repository, or the files an existing one lacks.

It never overwrites or rewrites a file that exists: run again, it only adds
what is missing, so it is safe on a repository people have already filled in.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cse_cli import __version__
from cse_cli.core.problems import CseError
from cse_cli.core.standard import Standard
from cse_cli.core.text import describe, quoted
from cse_cli.io.atomic import write_new
from cse_cli.io.resources import resource
from cse_cli.io.root import CONFIG_FILE
from cse_cli.io.scaffold_text import (
    CONFIG_SCHEMA,
    ELEMENT_SCHEMA,
    REVIEW_SCHEMA,
    SCHEMA_DIR,
    config_text,
    element_text,
)
from cse_cli.io.tree import DirTree, TooLarge, clean
from cse_cli.io.yaml_loader import load

# Editors find the schemas through a modeline at the top of each file, relative
# to that file; the schemas live in the repository so they work offline.
WORKFLOW = ".github/workflows/cse.yml"
NAME_MAX = 255  # bytes in one file or folder name, on every common file system


@dataclass(frozen=True)
class Schemas:
    """The JSON texts of the editor schemas, as `cse schema --kind …` prints them."""

    element: str
    config: str
    review: str


@dataclass
class InitResult:
    """What `init` created and what it left alone, as paths relative to the root."""

    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    organisation: str | None = None  # as the cse.yaml kept names it


def init_repository(
    root: Path,
    standard: Standard,
    organisation: str | None,
    schemas: Schemas,
    *,
    ci_source: str | None = None,
) -> InitResult:
    """Create cse.yaml, the schemas and one file per element under `root`, keeping what exists.

    With `ci_source` (the pinned source the workflow installs cse from), also a
    GitHub Actions workflow (see `workflow_text`). Every folder
    it writes in is inside the repository: a link out of it (or to nothing) is
    refused with a CseError, as is any file system error, before or as it writes.
    """
    name = organisation_name(organisation, root)
    _root(root)
    result = InitResult(root)
    existing = _existing_config(root)
    if existing is None:
        _create(result, root / CONFIG_FILE, config_text(name))
        evidence_dir = "evidence"
    else:
        result.kept.append(CONFIG_FILE)
        evidence_dir, result.organisation = existing
    _folder(root, root / SCHEMA_DIR, "the schemas")
    _create(result, root / ELEMENT_SCHEMA, schemas.element)
    _create(result, root / CONFIG_SCHEMA, schemas.config)
    _create(result, root / REVIEW_SCHEMA, schemas.review)
    folder = _folder(root, root / evidence_dir, "the element files")
    schema = "../" * len(PurePosixPath(evidence_dir).parts) + ELEMENT_SCHEMA
    for criterion in standard.criteria:
        for sub in criterion.sub_criteria:
            for element in sub.elements:
                heading = standard.heading(element.id)
                text = element_text(element.id, heading, element.text, schema)
                if os.path.lexists(folder / f"{element.id}.yml"):
                    result.kept.append(f"{evidence_dir}/{element.id}.yml")
                    continue
                _create(result, folder / f"{element.id}.yaml", text)
    if ci_source is not None:
        _workflow(result, ci_source)
    return result


def organisation_name(organisation: str | None, root: Path) -> str:
    """The organisation for a new cse.yaml: as given, else the folder's name; checked."""
    name = organisation if organisation is not None else root.resolve().name
    what = "--organisation" if organisation is not None else f"the folder name {root.resolve()}"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8, from the command line
        how = "in UTF-8" if organisation is not None else "with --organisation NAME"
        raise CseError(f"{what} holds bytes that are not UTF-8: give the name {how}") from None
    if not name.strip() or not name.isprintable():
        raise CseError(
            f"{what} {quoted(name)} is empty or holds a control or invisible character: "
            "give --organisation NAME"
        )
    return name


def _root(root: Path) -> None:
    """Make `root` a folder unless it is one (a link the user names is followed)."""
    if os.path.lexists(root) and not root.exists():
        raise CseError(f"{root}: is a symbolic link to nothing, not a folder")
    if root.exists() and not root.is_dir():
        raise CseError(f"{root}: is a file, not a folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CseError(f"{root}: cannot make the folder: {exc.strerror or exc}") from None


def _folder(root: Path, path: Path, what: str) -> Path:
    """`path`, made a folder (with those above it) inside the repository at `root`.

    A link is followed only to a folder inside the repository; a link out of it,
    a link to nothing, or a file in the way is refused, never written through.
    """
    real_root = root.resolve()
    here = root
    for part in path.relative_to(root).parts:
        here /= part
        try:
            _one_folder(here, real_root, what)
        except OSError as exc:
            raise CseError(f"{here}: cannot make the folder for {what}: {exc.strerror}") from None
    return path


def _one_folder(here: Path, real_root: Path, what: str) -> None:
    """Make `here` a folder unless it is one inside `real_root`."""
    if not os.path.lexists(here):
        here.mkdir()
        return
    if here.is_symlink():
        real = here.resolve()
        if not real.exists():
            raise CseError(f"{here}: is a symbolic link to nothing, not a folder for {what}")
        if real != real_root and real_root not in real.parents:
            raise CseError(
                f"{here}: is a symbolic link out of the repository: "
                f"cse init writes {what} only inside it"
            )
    if not here.is_dir():
        raise CseError(f"{here}: is a file, not a folder for {what}")


def _workflow(result: InitResult, source: str) -> None:
    """Write the workflow at the top of the git repository that holds the root, if any.

    GitHub runs only workflows at the top of a repository, so for an evidence
    repository in a subfolder the workflow goes above it, told where cse.yaml is.
    """
    root = result.root.resolve()
    top = next((f for f in (root, *root.parents) if (f / ".git").exists()), root)
    path = top / WORKFLOW
    _folder(top, path.parent, "the workflow")
    text = workflow_text(root.relative_to(top).as_posix(), source)
    listed = path.relative_to(root).as_posix() if top == root else str(path)
    _create(result, path, text, listed)


def workflow_text(cse_path: str, source: str) -> str:
    """The GitHub Actions workflow for an evidence repository at `cse_path` in git.

    It installs cse from `source`, a pinned pip source (see io.install_source).
    """
    template = (resource("templates") / "github-workflow.yml").read_text(encoding="utf-8")
    return (
        template.replace('"__CSE_PATH__"', json.dumps(cse_path))
        .replace('"__CSE_SOURCE__"', json.dumps(source))
        .replace("__CSE_VERSION__", __version__)
    )


def _create(result: InitResult, path: Path, text: str, listed: str | None = None) -> None:
    rel = listed or path.relative_to(result.root).as_posix()
    try:
        created = write_new(path, text)
    except OSError as exc:
        raise CseError(f"{path}: cannot create the file: {exc.strerror or exc}") from None
    (result.created if created else result.kept).append(rel)


def _existing_config(root: Path) -> tuple[str, str | None] | None:
    """The evidence folder and organisation an existing cse.yaml names; None when there is none.

    It is read as every command reads it: a regular file inside the repository,
    within the size limit (a link to /dev/zero or a named pipe is refused).
    """
    tree = DirTree(root)
    try:
        raw = tree.read(CONFIG_FILE)
    except (TooLarge, OSError) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CseError(f"{root / CONFIG_FILE}: {message}") from None
    if raw is None:
        if os.path.lexists(root / CONFIG_FILE):  # a link to nothing
            raise CseError(f"{root / CONFIG_FILE}: is a symbolic link to nothing")
        return None
    data = load(raw, CONFIG_FILE).data
    wanted = data.get("evidence_dir", "evidence") if isinstance(data, dict) else "evidence"
    found = data.get("organisation") if isinstance(data, dict) else None
    return _evidence_dir(wanted), found if isinstance(found, str) else None


def _evidence_dir(wanted: object) -> str:
    """The evidence folder an existing cse.yaml names, checked as a folder name."""
    cleaned = clean(wanted) if isinstance(wanted, str) else None
    problem = None
    if cleaned is None or cleaned == ".":
        problem = "is not a folder inside the repository"
    elif not cleaned.isprintable():
        problem = "holds a control or invisible character"
    elif any(len(os.fsencode(part)) > NAME_MAX for part in cleaned.split("/")):
        problem = f"has a name longer than {NAME_MAX} bytes, which no file system allows"
    if problem is None and cleaned is not None:
        return cleaned
    shown = quoted(wanted) if isinstance(wanted, str) else describe(wanted)
    raise CseError(f"{CONFIG_FILE}: evidence_dir {shown} {problem}")
