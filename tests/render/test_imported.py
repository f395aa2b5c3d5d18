"""`cse import`'s report: the JSON object of the README, key for key, and the text lines."""

from __future__ import annotations

import json
from pathlib import Path

from cse_cli.core.problems import Problem
from cse_cli.core.ratings import Rating
from cse_cli.core.scoring import score
from cse_cli.core.stages import Stage
from cse_cli.io.resources import load_standard
from cse_cli.render import IMPORT
from cse_cli.render.formats import ImportFormat
from cse_cli.views.imported import ImportView

# the keys the README lists for `cse import --format json`, in its order
README_KEYS = [
    "matrix", "root", "created", "elements", "items", "on_site_items", "sheets", "refs",
    "services", "unplaced_columns", "met", "criteria", "problems",
]  # fmt: skip


def _view(*, written: bool) -> ImportView:
    standard = load_standard()
    verdict = score(standard, dict.fromkeys(standard.element_ids(), Rating.FULL), Stage.LATEST)
    problem = Problem("matrix.xlsx", 7, 2, "warning", "a header cse has no place for")
    return ImportView(
        matrix="matrix.xlsx",
        root=Path("my-cse") if written else None,
        created=("cse.yaml", "evidence/1.1.1.yaml") if written else (),
        elements=3,
        items=6,
        refs=2,
        services=("Library",),
        unplaced_columns=("G (Priority)",),
        verdict=verdict if written else None,
        problems=(problem,),
    )


def test_the_json_object_is_the_readmes() -> None:
    text = IMPORT[ImportFormat.JSON](_view(written=True))
    assert isinstance(text, str)
    assert text.endswith("}\n")
    document = json.loads(text)
    assert list(document) == README_KEYS
    assert document["root"] == "my-cse"
    assert document["created"] == ["cse.yaml", "evidence/1.1.1.yaml"]
    assert document["met"] is True
    assert [c["number"] for c in document["criteria"]] == [1, 2, 3, 4, 5]
    assert document["problems"][0]["severity"] == "warning"


def test_nothing_written_is_null_and_empty() -> None:
    text = IMPORT[ImportFormat.JSON](_view(written=False))
    assert isinstance(text, str)
    document = json.loads(text)
    assert (document["root"], document["created"], document["met"]) == (None, [], None)
    assert document["criteria"] == []


def test_the_text_says_what_was_read_and_written() -> None:
    assert IMPORT[ImportFormat.TEXT](_view(written=True)) == (
        "read matrix.xlsx: 3 elements, 6 evidence items (2 citing an earlier one with ref:)\n"
        "created 2 files in my-cse\n"
    )
