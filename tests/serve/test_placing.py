"""A problem's line and column, found again as the value it is about, as `cse check` places it."""

from __future__ import annotations

import pytest

from cse_cli.core.problems import Problem
from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.serve.placing import Placer, id_of
from tests.helpers import write_repo

FIELDS = {
    ("evidence", 0, "service"),
    ("evidence", 0, "title"),
    ("evidence", 0, "date"),
    ("development_points", 0, "by"),
    ("final",),
}


def _is_field(path: tuple[str | int, ...]) -> bool:
    return path in FIELDS


def _placed(tmp_path: object, text: str) -> list[tuple[str, tuple[str | int, ...]]]:
    """Each problem `cse check` finds in the file, with the path it is placed at."""
    from pathlib import Path

    root = write_repo(Path(str(tmp_path)), {"evidence/1.1.1.yaml": text})
    evidence = read_evidence_of(root)
    placer = Placer(text.encode(), "evidence/1.1.1.yaml")
    return [(p.message, placer.path_of(p, _is_field)) for p in evidence if p.file != "cse.yaml"]


def read_evidence_of(root: object) -> list[Problem]:
    from pathlib import Path

    from cse_cli.io.tree import DirTree

    return read_evidence(DirTree(Path(str(root))), load_standard()).problems


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        (
            'element: "1.1.1"\nfinal: fine\n',
            [("final: 'fine' is not a rating", ("final",))],
        ),
        (
            'element: "1.1.1"\nevidence:\n  - service: Library\n',
            [("an evidence item needs a title", ("evidence", 0))],
        ),
        (
            'element: "1.1.1"\nevidence:\n  - titel: Leaflet\n',
            [
                ("unknown key 'titel'", ("evidence", 0, "titel")),
            ],
        ),
        (
            'element: "1.1.1"\ndevelopment_points:\n  - by: assessor\n',
            [("missing required key 'point'", ("development_points", 0))],
        ),
        (
            'element: "1.1.1"\nevidence:\n  - title: T\n    date: 2026-02-31\n',
            [("'2026-02-31' looks like a date", ("evidence", 0, "date"))],
        ),
    ],
    ids=["a value", "an item", "a key the form has no field for", "a missing key", "a date"],
)
def test_each_problem_is_placed_at_what_it_is_about(
    tmp_path: object, text: str, placed: list[tuple[str, tuple[str | int, ...]]]
) -> None:
    found = _placed(tmp_path, text)
    assert len(found) == len(placed)
    for (message, path), (start, expected) in zip(found, placed, strict=True):
        assert message.startswith(start)
        assert path == expected


def test_a_problem_of_the_whole_file_is_placed_at_its_top() -> None:
    placer = Placer(b'element: "1.1.1"\n', "evidence/1.1.1.yaml")
    whole = Problem("evidence/1.1.1.yaml", 0, 0, "error", "the file is too large")
    assert placer.path_of(whole, _is_field) == ()


def test_a_file_cse_cannot_read_places_everything_at_its_top() -> None:
    placer = Placer(b"final: [full\n", "evidence/1.1.1.yaml")
    problem = Problem("evidence/1.1.1.yaml", 2, 1, "error", "something")
    assert placer.path_of(problem, _is_field) == ()


def test_ids_are_made_from_paths() -> None:
    assert id_of(()) == "f"
    assert id_of(("evidence", 2, "date")) == "f-evidence-2-date"
    assert id_of(("reviews", "surveillance-1", "response")) == "f-reviews-surveillance-1-response"
    assert id_of(("a key", "x.y")) == "f-a_key-x_y"
