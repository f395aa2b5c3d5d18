"""`cse import --update`'s own lines: a conflict at its cell, and how the merge ended."""

from __future__ import annotations

import json
from pathlib import Path

from cse_cli.core.scoring import score_evidence
from cse_cli.core.stages import Stage
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.render.updated import conflict_line, to_json, to_text
from cse_cli.views.diff import compare
from cse_cli.views.updated import ConflictView, UpdateView
from tests.helpers import BOLTON

CONFLICT = ConflictView(
    "m.xlsx:Evidence Matrix!K6", "1.1.2's evidence ES-1: Owner", "'CD'", "'AB'", "'JS'"
)


def test_a_conflict_says_both_values_and_what_to_do() -> None:
    assert conflict_line(CONFLICT, None) == (
        "m.xlsx:Evidence Matrix!K6: error: 1.1.2's evidence ES-1: Owner: the repository has 'CD' "
        "and the sheet 'AB' (both changed it since the export, when it was 'JS'): choose with "
        "--prefer sheet or --prefer repository"
    )
    assert conflict_line(CONFLICT, "sheet").endswith(": kept the sheet's (--prefer sheet)")
    assert ": warning: " in conflict_line(CONFLICT, "sheet")


def _view(changed: tuple[str, ...], written: bool) -> UpdateView:
    standard = load_standard()
    evidence = open_repository(BOLTON, standard)
    score_evidence(standard, evidence, Stage.LATEST)
    diff = compare(standard, evidence, evidence, ("a", "b"))
    return UpdateView(
        "m.xlsx", Path("repo"), "two-way", diff, (CONFLICT,), "sheet", changed, written, ()
    )


def test_the_closing_line_says_how_it_merged_and_what_it_wrote() -> None:
    assert to_text(_view((), False)).endswith(
        "merged two ways (the sheet carries no base: it adds and changes, never deletes); "
        "nothing to write: the repository already holds what the sheet says\n"
    )
    assert to_text(_view(("evidence/1.1.1.yaml",), False)).endswith(
        "run again with --write to write these changes\n"
    )
    assert to_text(_view(("evidence/1.1.1.yaml",), True)).endswith("wrote 1 file in repo\n")
    shown = json.loads(to_json(_view(("evidence/1.1.1.yaml",), True)))
    assert shown["conflicts"][0]["cell"] == "m.xlsx:Evidence Matrix!K6"
    assert (shown["merge"], shown["prefer"], shown["written"]) == ("two-way", "sheet", True)
