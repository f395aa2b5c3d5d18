"""`cse check --format github`, and the GitHub Actions workflow `cse init --ci` writes.

`check --format github` prints exactly one workflow command per problem.
The commands are parsed back here as the Actions runner parses them (split the
`::command properties::message` line, split properties on `,` and the first `=`,
then undo the toolkit's escaping), so a message or file name that would break
the line, or smuggle in a second command, fails the test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from cse_cli import __version__
from cse_cli.core.problems import Problem
from cse_cli.core.scoring import score
from cse_cli.core.stages import Stage
from cse_cli.io.resources import load_standard
from cse_cli.render.github import to_github as _to_github
from cse_cli.views.check import CheckView
from tests.helpers import (
    BOLTON,
    SCRIPTS,
    WINDOWS,
    commit_all,
    element_yaml,
    git,
    init_git,
    need_tool,
    run,
    script,
    utf8_streams,
    write_repo,
)

COMMAND = re.compile(r"^::(error|warning) ([^:]*)::(.*)$")


def to_github(problems: list[Problem], root: Path | None = None) -> str:
    """The GitHub commands for `problems` (which hold an error, so no verdict follows)."""
    verdict = score(load_standard(), {}, Stage.LATEST)
    return _to_github(CheckView("Test", verdict, tuple(problems), root)).removesuffix("\n")


def _unescape(text: str) -> str:
    for escaped, plain in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """One workflow command as the runner reads it: command, properties, message."""
    found = COMMAND.match(line)
    assert found, line
    command, raw, data = found.groups()
    properties = {}
    for pair in raw.split(","):
        key, _, value = pair.partition("=")
        properties[key] = _unescape(value)
    return command, properties, _unescape(data)


# A file name holding what a command's property must escape: `,` and `:`. Windows allows
# no `:` in a name; there the drive's (`C:`) in every absolute path is escaped instead.
ODD_NAME, ODD_ESCAPED = (
    ("odd, name 1.yaml", "odd%2C name 1.yaml")
    if WINDOWS
    else ("odd, name: 1.yaml", "odd%2C name%3A 1.yaml")
)


def test_one_command_per_problem_on_the_right_line(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml("1.1.1", finale="full", final="fully"),
            "evidence/1.1.2.yaml": "element: [1.1.2\n",
            "evidence/1.1.3.yaml": element_yaml("1.1.2"),
            f"evidence/{ODD_NAME}": element_yaml("1.2.1"),
        },
    )
    result = run("check", str(root), "--format", "github")
    assert result.exit_code == 2
    expected = json.loads(run("check", str(root), "--format", "json").stdout)["problems"]
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected) >= 5
    for line, problem in zip(lines, expected, strict=True):
        command, properties, message = _parse(line)
        assert command == problem["severity"]
        assert properties["file"] == (root.resolve() / problem["file"]).as_posix()
        assert properties.get("line") == (str(problem["line"]) if problem["line"] else None)
        assert properties.get("col") == (str(problem["column"]) if problem["column"] else None)
        assert properties["title"] == "cse check"
        assert message == problem["message"]
    base = root.resolve().as_posix().replace(":", "%3A").replace(",", "%2C")
    assert lines[0] == (
        f"::error file={base}/evidence/1.1.1.yaml,line=2,col=1,title=cse check::"
        "unknown key 'finale' (did you mean 'final'?)"
    )
    assert f"::warning file={base}/evidence/{ODD_ESCAPED},line=1,col=10," in result.stdout


def test_valid_evidence_prints_no_command_but_says_why(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": element_yaml("1.1.1")})
    result = run("check", str(root), "--format", "github")
    assert result.exit_code == 1
    assert "::" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Criterion 1 not met: unrated: 11 elements")
    assert lines[-1].startswith("Not met: criteria 1, 2, 3, 4 and 5 fall short")


def test_escaping_keeps_every_message_on_its_line() -> None:
    problems = [
        Problem("a,b:c%.yaml", 3, 7, "error", "100% wrong\r\n::error::injected"),
        Problem("cse.yaml", 0, 0, "warning", "whole file: a, b"),
        Problem("evidence/1.1.1.yaml", 4, 0, "error", "line only"),
    ]
    lines = to_github(problems).split("\n")
    assert lines == [
        "::error file=a%2Cb%3Ac%25.yaml,line=3,col=7,title=cse check::"
        "100%25 wrong%0D%0A::error::injected",
        "::warning file=cse.yaml,title=cse check::whole file: a, b",
        "::error file=evidence/1.1.1.yaml,line=4,title=cse check::line only",
    ]
    parsed = [_parse(line) for line in lines]
    assert [(p[1]["file"], p[2]) for p in parsed] == [(p.file, p.message) for p in problems]


def test_files_are_absolute_when_the_root_is_given(tmp_path: Path) -> None:
    # The runner makes an absolute path relative to the workspace, so annotations land
    # on the file even when cse.yaml is in a subfolder of the git repository.
    root = tmp_path / "council" / "cse"
    line = to_github([Problem("evidence/1.1.1.yaml", 2, 1, "error", "m")], root)
    assert line == (
        f"::error file={(root / 'evidence' / '1.1.1.yaml').as_posix().replace(':', '%3A')},"
        "line=2,col=1,title=cse check::m"
    )


SOURCE = "git+https://example.org/cse.git@v0.1.0"


def _workflow_steps(path: Path) -> dict[str, dict[str, Any]]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {step.get("name", step.get("uses")): step for step in workflow["jobs"]["cse"]["steps"]}


def _valid_workflow(path: Path) -> None:
    result = subprocess.run(
        [script("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, encoding="utf-8", errors="replace", env=utf8_streams(), check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_init_ci_writes_a_workflow_that_checks_and_summarises(tmp_path: Path) -> None:
    root = init_git(tmp_path / "repo")
    result = run("init", str(root), "--ci", "--cse-source", SOURCE)
    assert result.exit_code == 0, result.stderr
    assert "created .github/workflows/cse.yml\n" in result.stdout
    workflow = root / ".github" / "workflows" / "cse.yml"
    _valid_workflow(workflow)
    steps = _workflow_steps(workflow)
    assert steps["Check the evidence"]["run"] == 'cse check "$CSE_PATH" --format github'
    assert steps["Show what this pull request changes"]["run"] == (
        'cse diff "origin/$BASE_REF" --path "$CSE_PATH" --format md >> "$GITHUB_STEP_SUMMARY"'
    )
    assert steps["actions/checkout@v4"]["with"]["fetch-depth"] == 0
    assert steps["Install cse"]["run"] == 'python -m pip install "$CSE_SOURCE"'
    assert f'CSE_SOURCE: "{SOURCE}"' in workflow.read_text(encoding="utf-8")
    assert f"cse {__version__}, pinned" in workflow.read_text(encoding="utf-8")
    assert 'CSE_PATH: "."' in workflow.read_text(encoding="utf-8")
    before = workflow.read_text(encoding="utf-8")
    workflow.write_text(before + "# edited\n", encoding="utf-8", newline="")
    again = run("init", str(root), "--ci", "--cse-source", SOURCE)
    assert "created" not in again.stdout
    assert workflow.read_text(encoding="utf-8") == before + "# edited\n"  # never overwritten


def test_init_ci_in_a_subfolder_puts_the_workflow_at_the_top_of_git(tmp_path: Path) -> None:
    top = init_git(tmp_path / "council")
    result = run("init", str(top / "quality" / "cse"), "--ci", "--cse-source", SOURCE)
    assert result.exit_code == 0, result.stderr
    workflow = top / ".github" / "workflows" / "cse.yml"
    assert f"created {workflow}\n" in result.stdout
    assert 'CSE_PATH: "quality/cse"' in workflow.read_text(encoding="utf-8")
    _valid_workflow(workflow)


def test_the_workflow_steps_run_on_a_pull_request_branch(tmp_path: Path) -> None:
    """The check and summary steps, run with bash as the runner would, on a real branch."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    root = init_git(tmp_path / "work")
    shutil.copytree(BOLTON, root / "cse")
    assert run("init", str(root / "cse"), "--ci", "--cse-source", SOURCE).exit_code == 0
    commit_all(root, "Bolton")
    git(root, "remote", "add", "origin", str(origin))
    git(root, "push", "-q", "origin", "main")
    git(root, "checkout", "-q", "-b", "raise-5.3.1")
    element = root / "cse" / "evidence" / "5.3.1.yaml"
    element.write_text(
        element.read_text(encoding="utf-8").replace("final: partial", "final: full"),
        encoding="utf-8",
        newline="",
    )
    commit_all(root, "5.3.1 is now full")
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "PATH": f"{SCRIPTS}{os.pathsep}{os.environ['PATH']}",  # this cse first
        "CSE_PATH": "cse",
        "BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    steps = _workflow_steps(root / ".github" / "workflows" / "cse.yml")
    outcomes, bash = {}, need_tool("bash")  # on Windows, Git's bash, as the runner's `shell: bash`
    for name in ("Check the evidence", "Show what this pull request changes"):
        outcomes[name] = subprocess.run(
            [bash, "-e", "-c", steps[name]["run"]],
            cwd=root, env=env, capture_output=True, encoding="utf-8", check=False,
        )  # fmt: skip
    check = outcomes["Check the evidence"]
    assert check.returncode == 0  # valid and met; criterion 4 with a note on the share
    assert "::" not in check.stdout
    assert "Criterion 4 met, note: share: 10 of 13" in check.stdout
    assert outcomes["Show what this pull request changes"].returncode == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### Customer Service Excellence: origin/main (")
    assert "| 5 Timeliness and Quality of Service | ❌ not met | ✅ met |" in text
    assert "| 5.3.1 | final | partial | full |" in text
