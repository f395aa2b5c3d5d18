"""`cse init`: a new evidence repository, or the files an existing one lacks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.cli.exits import Exit
from cse_cli.core.text import quoted

if TYPE_CHECKING:
    from pathlib import Path


def run(path: Path, organisation: str | None, *, ci: bool, cse_source: str | None = None) -> Exit:
    """Create what is missing under `path`, never overwriting a file; say what was done."""
    from cse_cli.io.resources import load_standard

    source = _source(cse_source) if ci or cse_source is not None else None
    from cse_cli.io.scaffold import init_repository
    from cse_cli.render.schema import editor_schemas

    standard = load_standard()
    schemas = editor_schemas(standard)
    result = init_repository(path, standard, organisation, schemas, ci_source=source)
    for rel in result.created:
        echo(f"created {rel}")
    if organisation is not None and result.organisation not in {None, organisation}:
        echo(
            f"cse: warning: kept the organisation in cse.yaml, {quoted(result.organisation or '')}"
            f", not {quoted(organisation)}: edit cse.yaml to change it",
            err=True,
        )
    if result.kept:
        echo(f"kept {len(result.kept)} existing file(s) unchanged")
    if not result.created:
        echo(f"nothing to add: {result.root} already has every file")
    return Exit.MET


def _source(given: str | None) -> str:
    """The pinned source the workflow installs cse from: as given, else where this cse came from."""
    from cse_cli.core.problems import CseError
    from cse_cli.io.install_source import installed_source, pinned_problem

    source = given if given is not None else installed_source()
    if source is None:
        raise CseError(
            "cse init --ci needs --cse-source: this cse was not installed from a pinned "
            "source a CI runner can reach; give cse's git repository at a tag or commit, "
            "as --cse-source git+https://github.com/OWNER/cse@v0.1.0"
        )
    problem = pinned_problem(source)
    if problem is not None:
        raise CseError(f"--cse-source {quoted(source)} {problem}")
    return source
