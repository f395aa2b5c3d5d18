"""cse_cli.matrix.files: the repository a matrix gives, made in memory, checked as check would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cse_cli.io.resources import load_standard
from cse_cli.io.yaml_loader import load
from cse_cli.matrix.cells import shown
from cse_cli.matrix.files import Planned, plan, yaml_text
from cse_cli.matrix.recognise import Matrix
from cse_cli.render.schema import editor_schemas
from tests.helpers import sheet_of, write_repo

STANDARD = load_standard()
SCHEMAS = editor_schemas(STANDARD)


def _planned(
    root: Path, elements: dict[str, dict[str, Any]], services: list[str] | None = None
) -> Planned:
    matrix = Matrix(elements=elements, services=services or [])
    matrix.places = {element_id: (4 + n, 1) for n, element_id in enumerate(elements)}
    return plan(root, matrix, sheet_of([]), STANDARD, SCHEMAS, "Anytown")


def _lines(planned: Planned) -> list[str]:
    return [shown(problem) for problem in planned.problems]


def test_every_file_import_writes_and_check_reads_them_valid(tmp_path: Path) -> None:
    planned = _planned(
        tmp_path / "new",
        {"1.1.1": {"element": "1.1.1", "final": "full",
                   "evidence": [{"title": "Surveys", "service": "Library"}]}},
        ["Library", "Contact\u2028Centre"],
    )  # fmt: skip
    assert planned.problems == []
    assert list(planned.files)[:2] == ["cse.yaml", "evidence/1.1.1.yaml"]
    assert len(planned.files) == 1 + 57 + 3
    config = load(planned.files["cse.yaml"].encode(), "cse.yaml").data
    assert config["services"] == ["Library", "Contact\u2028Centre"]  # escaped, not a line break
    assert planned.evidence is not None
    assert planned.evidence.config.organisation == "Anytown"
    assert planned.evidence.elements["1.1.1"].evidence[0].title == "Surveys"
    assert planned.evidence.root == tmp_path / "new"


def test_an_element_file_says_where_it_came_from_on_one_line(tmp_path: Path) -> None:
    matrix = Matrix(elements={"1.1.1": {"element": "1.1.1", "final": "full"}})
    matrix.places = {"1.1.1": (4, 1)}
    sheet = sheet_of([])
    sheet.file = "a\nfinal: NC\n.xlsx"  # a file name is the user's text too
    planned = plan(tmp_path / "new", matrix, sheet, STANDARD, SCHEMAS, "Anytown")
    assert planned.problems == []
    assert (
        "# Imported from a\\nfinal: NC\\n.xlsx by cse import."
        in planned.files["evidence/1.1.1.yaml"]
    )


def test_texts_are_quoted_and_every_character_that_is_not_printable_escaped() -> None:
    text = yaml_text({"element": "1.1.1", "notes": "yes\n\u2028\x85\u202e12", "owner": "true"})
    assert text == ('element: "1.1.1"\nnotes: "yes\\n\\u2028\\u0085\\u202e12"\nowner: "true"\n')
    assert load(text.encode(), "x.yaml").data["notes"] == "yes\n\u2028\x85\u202e12"


def test_an_element_file_over_checks_limit_is_refused_at_the_elements_row(tmp_path: Path) -> None:
    evidence = [{"title": "x" * 1_000_000} for _ in range(6)]
    planned = _planned(tmp_path / "new", {"1.1.1": {"element": "1.1.1", "evidence": evidence}})
    assert planned.evidence is None
    assert _lines(planned) == [
        "matrix.xlsx:Evidence Matrix!A4: error: the rows of 1.1.1 give an element file of "
        f"{len(planned.files['evidence/1.1.1.yaml'].encode()):,} bytes, over cse check's limit "
        "of 5,000,000 for one file: shorten the longest texts, or keep them in documents and "
        "give their location",
        "matrix.xlsx: error: the element files it gives hold "
        f"{sum(len(t.encode()) for r, t in planned.files.items() if r.startswith('evidence/')):,}"
        " bytes, over cse check's limit of 5,000,000 for a repository: shorten the longest "
        "texts, or keep them in documents and give their location",
    ]


def test_what_check_would_refuse_is_shown_at_the_elements_row(tmp_path: Path) -> None:
    planned = _planned(
        tmp_path / "new",
        {"1.1.1": {"element": "1.1.1"}, "1.1.2": {"element": "1.1.2", "surveillance_1": "full"}},
    )
    assert _lines(planned) == [
        "matrix.xlsx:Evidence Matrix!A5: error: what the matrix gives would not pass cse check "
        "(evidence/1.1.2.yaml:9:17): surveillance_1: a rating at the first surveillance, but "
        "cse.yaml's cycle gives no surveillance_1 date: add it, or leave the rating out"
    ]


def test_the_folder_as_it_is_is_read_too(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "new", {"reviews/surveillance-1.yaml": "date: [\n"}, None)
    planned = _planned(root, {"1.1.1": {"element": "1.1.1"}})
    assert [line.split(" (", 1)[0] for line in _lines(planned)] == [
        "matrix.xlsx: error: what the matrix gives would not pass cse check"
    ]
    assert "reviews/surveillance-1.yaml" in _lines(planned)[0]
