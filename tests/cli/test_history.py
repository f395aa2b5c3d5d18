"""`cse history`: the points of a cycle, from stages or git revisions, and compliance plus.

The git repositories are real, built by examples/anytown/make_history.py (tags at
each stage of Anytown's cycle), as CI clones only the project's main branch.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from cse_cli.core.config import Config
from cse_cli.core.evidence import ElementFile, Evidence
from cse_cli.core.stages import Stage
from cse_cli.io.resources import load_standard
from cse_cli.views.history import Reading, build_history
from tests.helpers import ANYTOWN, axe, commit_all, git, run

if TYPE_CHECKING:
    from pathlib import Path

TAGS = ["2026-desk-top", "2026-final", "2027-surveillance-1", "2028-surveillance-2"]


def _make(target: Path) -> Path:
    spec = importlib.util.spec_from_file_location("make_history", ANYTOWN / "make_history.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made: Path = module.make(target)
    return made


@pytest.fixture(scope="module")
def anytown_git(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make(tmp_path_factory.mktemp("history") / "anytown")


def _points(*args: str) -> list[dict[str, Any]]:
    result = run("history", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    points: list[dict[str, Any]] = json.loads(result.stdout)["points"]
    return points


def _evidence(**ratings: str) -> Evidence:
    evidence = Evidence(config=Config(organisation="Test"))
    for element_id, rating in ratings.items():
        key = element_id.replace(".", "_")
        evidence.elements[key.replace("_", ".")] = ElementFile.model_validate(
            {"element": key.replace("_", "."), "final": rating}
        )
    return evidence


def test_retained_gained_and_lost() -> None:
    standard = load_standard()
    readings = [
        Reading("a", None, Stage.FINAL, None, _evidence(**{"1.1.1": "CP", "1.1.2": "CP"})),
        Reading("b", None, Stage.FINAL, None, _evidence(**{"1.1.1": "CP", "1.1.3": "CP"})),
        Reading("c", None, Stage.FINAL, None, None),
        Reading("d", None, Stage.FINAL, None, _evidence(**{"1.1.3": "CP", "5.3.3": "CP"})),
    ]
    points = build_history(standard, "Test", readings).points
    plus = [(p.retained, p.gained, p.lost) for p in points]
    assert plus == [
        ((), ("1.1.1", "1.1.2"), ()),
        (("1.1.1",), ("1.1.3",), ("1.1.2",)),
        ((), (), ()),  # no evidence there: nothing counted, and the next compares with b
        (("1.1.3",), ("5.3.3",), ("1.1.1",)),
    ]
    assert points[2].problem == "no cse.yaml at this revision"
    assert points[2].met is None


def test_each_stage_of_the_cycle_from_the_working_tree() -> None:
    points = _points(str(ANYTOWN))
    assert [(p["label"], p["revision"], p["date"]) for p in points] == [
        ("self", None, None),
        ("desk-top", None, "2026-03-09"),
        ("final", None, "2026-03-11"),
        ("surveillance-1", None, "2027-03-10"),
        ("surveillance-2", None, "2028-03-08"),
    ]
    cp = [p["totals"]["compliance_plus"] for p in points]
    assert cp == [0, 0, 3, 6, 7]
    last = points[-1]
    assert last["compliance_plus"] == {
        "retained": ["1.2.1", "2.2.1", "3.1.1", "4.2.2", "5.2.3"],
        "gained": ["1.3.1", "3.3.1"],
        "lost": ["2.1.3"],
    }
    assert list(last) == [
        "label", "revision", "stage", "date", "met", "problem", "totals", "criteria",
        "compliance_plus",
    ]  # fmt: skip
    assert list(last["totals"]) == ["compliance_plus", "full", "partial", "non_compliance",
                                    "unrated"]  # fmt: skip
    assert list(last["criteria"][0]) == [
        "number", "compliance_plus", "full", "partial", "non_compliance", "unrated", "met",
    ]  # fmt: skip
    assert sum(c["partial"] for c in last["criteria"]) == last["totals"]["partial"] == 5


def test_the_tags_show_the_cycle_from_git(anytown_git: Path) -> None:
    points = _points(str(anytown_git), "--tags")
    assert [p["label"] for p in points] == TAGS
    assert [p["date"] for p in points] == ["2026-03-09", "2026-03-11", "2027-03-10", "2028-03-08"]
    assert [p["met"] for p in points] == [False, True, True, True]
    assert all(len(p["revision"]) == 40 for p in points)
    assert [p["totals"]["partial"] for p in points] == [33, 9, 6, 5]
    assert points == _points(str(anytown_git), *TAGS)


def test_a_range_shows_every_commit_and_finds_when_an_element_fell(anytown_git: Path) -> None:
    points = _points(str(anytown_git), "--range", "2026-final..main")
    assert len(points) == 2  # A..B leaves A out, as git does
    assert [p["stage"] for p in points] == ["latest", "latest"]
    c3 = [next(c for c in p["criteria"] if c["number"] == 3)["partial"] for p in points]
    assert c3 == [1, 2]  # 3.2.2 fell from full to partial at the second surveillance


def test_a_revision_without_cse_yaml_is_shown_as_such(tmp_path: Path) -> None:
    root = _make(tmp_path / "anytown")
    (root / "cse.yaml").unlink()
    commit_all(root, "cse.yaml removed by mistake")
    points = _points(str(root), "2026-final", "HEAD")
    assert [p["problem"] for p in points] == [None, "no cse.yaml at this revision"]
    assert points[1]["met"] is None


def test_a_shallow_clone_warns_and_reads_what_it_has(tmp_path: Path) -> None:
    origin = _make(tmp_path / "origin")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", origin.as_uri(), str(shallow)], check=True
    )
    result = run("history", str(shallow), "--range", "HEAD~1..HEAD", "--format", "json")
    assert result.exit_code == 2
    assert "is not a revision" in result.stderr
    result = run("history", str(shallow), "--tags", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("cse: warning: a shallow clone")
    assert git(shallow, "rev-parse", "--is-shallow-repository").strip() == "true"


def test_a_range_is_bounded(anytown_git: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cse_cli.io.history.MAX_RANGE_COMMITS", 2)
    result = run("history", str(anytown_git), "--range", "2026-final..main")
    assert result.exit_code == 0, result.stderr
    result = run("history", str(anytown_git), "--range", "2026-desk-top..main")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "cse: error: --range 2026-desk-top..main holds 3 commits, over the limit of 2: "
        "name a shorter range\n"
    )


@pytest.mark.parametrize("args", [["--range", "main"], ["--range", "nope..main"], ["x", "--tags"]])
def test_bad_ranges_and_options_are_one_line_errors(anytown_git: Path, args: list[str]) -> None:
    result = run("history", str(anytown_git), *args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_the_html_has_a_chart_and_markdown_a_table(anytown_git: Path) -> None:
    html = run("history", str(anytown_git), "--tags", "--format", "html").stdout
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "2027-surveillance-1: 6 compliance plus, 6 partial" in html
    md = run("history", str(anytown_git), "--tags", "--format", "md").stdout
    assert "| 2028-surveillance-2 | 2028-03-08 | 7 | 45 | 5 | 0 | 0 | met |" in md


def test_a_range_reads_each_commit_as_a_revision_would(tmp_path: Path) -> None:
    # the range reads files commit by commit from one `git log --raw`; naming each
    # commit reads it whole: both must say the same
    anytown_git = _make(tmp_path / "anytown")
    (anytown_git / "evidence" / "1.1.1.yaml").write_text(
        'element: "1.1.1"\nfinale: full\n', encoding="utf-8", newline=""
    )
    commit_all(anytown_git, "a typo")
    walked = _points(str(anytown_git), "--range", "2026-desk-top..main")
    named = _points(str(anytown_git), *[p["revision"] for p in walked])
    for point in (*walked, *named):
        point.pop("label")
    assert walked == named
    assert walked[-1]["problem"] == "1 error"
    assert walked[-1]["met"] is None


@pytest.mark.browser
def test_the_html_history_passes_axe(browser: Any, anytown_git: Path, tmp_path: Path) -> None:
    out = tmp_path / "history.html"
    out.write_text(
        run("history", str(anytown_git), "--tags", "-f", "html").stdout,
        encoding="utf-8",
        newline="",
    )
    page = browser.new_page()
    page.goto(out.resolve().as_uri(), wait_until="load")
    assert [v["id"] for v in axe(page)["violations"]] == []
