"""`cse history`: the counts, the verdict and compliance plus at each stage or revision."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, show
from cse_cli.cli.exits import Exit
from cse_cli.cli.reading import read_valid
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.render.formats import HistoryFormat
    from cse_cli.views.history import Reading


def run(
    path: Path,
    revisions: list[str],
    output_format: HistoryFormat,
    *,
    tags: bool,
    commits: str | None,
) -> Exit:
    """Show each stage of the current cycle, or the repository at each revision."""
    from cse_cli.core.stages import Stage
    from cse_cli.render import HISTORY
    from cse_cli.render.formats import HistoryFormat
    from cse_cli.views.history import build_history, cycle_readings

    if sum(bool(x) for x in (revisions, tags, commits)) > 1:
        raise CseError("name revisions, or --tags, or --range: one of them")
    if not (revisions or tags or commits):
        standard, evidence, _ = read_valid(path, progress=output_format is HistoryFormat.TEXT)
        view = build_history(standard, evidence.config.organisation, cycle_readings(evidence))
        show(HISTORY[output_format](view))
        return Exit.MET
    from cse_cli.cli.progress import progress_on
    from cse_cli.io.git import shown
    from cse_cli.io.history import open_history
    from cse_cli.io.resources import load_standard
    from cse_cli.render.formats import HistoryFormat
    from cse_cli.views.history import Reading

    standard = load_standard()
    readings: list[Reading] = []
    organisation = ""
    with open_history(path, standard) as history:
        if history.shallow and (tags or commits):
            echo("cse: warning: a shallow clone: commits before its depth are not read", err=True)
        named: list[tuple[str, str]] = [(shown(name), name) for name in revisions]
        if tags:
            named, left_out = history.tags()
            for warning in left_out:
                echo(f"cse: warning: {warning}", err=True)
            if not named:
                raise CseError("the git repository has no tags: name revisions, or use --range")
        wanted = output_format is HistoryFormat.TEXT
        with progress_on(sys.stderr, wanted=wanted, what="commits") as progress:
            found_all = history.walk(commits, progress) if commits else history.each(named)
            for found in found_all:
                if found.evidence is not None and not organisation:
                    organisation = found.evidence.config.organisation
                readings.append(
                    Reading(found.label, found.commit, Stage.LATEST, found.date, found.evidence)
                )
    view = build_history(standard, organisation or "(no cse.yaml)", readings)
    show(HISTORY[output_format](view))
    return Exit.MET
