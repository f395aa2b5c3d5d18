"""What a new user meets in the first minutes (issue 10, rough edges): each is a test."""

from __future__ import annotations

import re
import shlex

import pytest

from cse_cli import __version__
from tests.helpers import BOLTON, PROJECT, run


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"cse {__version__}\n")


def test_the_license_the_package_declares_is_there() -> None:
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^license = "MIT"$', pyproject, re.MULTILINE)
    assert (PROJECT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["check", str(BOLTON), "--stage", "finale"],
            "cse: error: --stage: 'finale' is not one of self, desk-top, final, "
            "surveillance-1, surveillance-2 or latest (did you mean 'final'?)",
        ),
        (
            ["check", str(BOLTON), "--stage=desktop"],
            "cse: error: --stage: 'desktop' is not one of self, desk-top, final, "
            "surveillance-1, surveillance-2 or latest (did you mean 'desk-top'?)",
        ),
        (["report", str(BOLTON)], "cse: error: --format is required: choose md, html or docx"),
        (
            ["report", str(BOLTON), "-f", "pdf"],
            "cse: error: --format: 'pdf' is not one of md, html or docx",
        ),
    ],
    ids=["stage-typo", "stage-equals", "report-no-format", "report-bad-format"],
)
def test_a_wrong_choice_is_one_line_with_a_suggestion(args: list[str], line: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == line + "\n"


def test_every_readme_example_on_bolton_runs() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    examples = [
        line.split("  #")[0].strip()
        for line in readme.splitlines()
        if line.startswith("cse ") and " examples/bolton" in line and " -o " not in line
    ]
    assert len(examples) >= 5
    for example in examples:
        args = [arg.replace("examples/bolton", str(BOLTON)) for arg in shlex.split(example)[1:]]
        result = run(*args)
        assert result.exit_code in {0, 1}, (example, result.stderr)


@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_check_wraps_criterion_titles_whole_words(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = run("check", str(BOLTON))
    lines = result.stdout.splitlines()
    assert "…" not in result.stdout
    assert all(len(line) <= int(columns) for line in lines)
    header = next(i for i, line in enumerate(lines) if line.split()[:1] == ["Criterion"])
    assert lines[header].split() == [
        "Criterion", "CP", "F", "P/max", "NC", "Unrated", "Share", "Result"
    ]  # fmt: skip
    words = " ".join(line.split("  ")[0].strip() for line in lines[header + 2 : header + 16])
    for title in ("Customer Insight", "The Culture of the Organisation", "Delivery"):
        assert all(word in words.split() for word in title.split()), words


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(BOLTON)],
        ["gap", str(BOLTON)],
        ["diff", "--base-dir", str(BOLTON), "--head-dir", str(BOLTON)],
    ],
    ids=["check", "gap", "diff"],
)
def test_text_to_a_pipe_has_no_trailing_spaces(args: list[str]) -> None:
    result = run(*args)
    assert result.stdout
    assert [line for line in result.stdout.splitlines() if line != line.rstrip()] == []


def test_the_editor_schema_offers_only_ratings_and_says_them_whole() -> None:
    """yaml-language-server offers a `default` as a completion, and labels errors by title."""
    import json

    schema = json.loads(run("schema").stdout)
    for name in ("self_assessment", "desk_top", "final"):
        rating = schema["properties"][name]
        assert "default" not in rating, name
        assert rating["title"], name
        assert "…" not in rating["description"], name
    whole = schema["properties"]["self_assessment"]["description"]
    assert whole.endswith("compliance-plus, full, partial or non-compliance (or CP, F, P, NC).")
    assert schema["title"] != schema["description"]
