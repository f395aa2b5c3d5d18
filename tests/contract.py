"""What `cse` promises whatever the input: the checks the robustness tests share.

Exit 0, 1 or 2 (3 is a bug); no traceback; every problem on one line of its
own, located as `file:line:column: severity: message`; the JSON parses and
locates every problem the same way; and nothing outside the repository is
read into the output.
"""

from __future__ import annotations

import json
import re
from typing import Any

# A problem line; the file part may be an absolute path (a cse.yaml that is a folder).
PROBLEM = re.compile(r"^[^\n]+?:\d+:\d+: (error|warning): [^\n]+$")
# The one line `check` adds after the problems, and the line of a usage error.
SUMMARY = re.compile(
    r"^cse: (\d+ errors?: the evidence is invalid, so there is no verdict|error: .+)$"
)
# Written into files outside the repositories the tests build: it must never show.
MARKER = "SECRET-OUTSIDE-THE-REPOSITORY"


def problem_lines(stderr: str) -> list[str]:
    """The problem lines of stderr; fails on any line that is neither a problem nor the summary."""
    lines = stderr.splitlines()
    for line in lines:
        assert PROBLEM.match(line) or SUMMARY.match(line), f"not a located problem: {line!r}"
    return [line for line in lines if PROBLEM.match(line)]


def assert_text_contract(exit_code: int, stdout: str, stderr: str) -> None:
    """`cse check` (text) kept its promises, whatever the evidence held."""
    output = stdout + stderr
    assert exit_code in {0, 1, 2}, output[-2000:]
    assert "Traceback" not in output
    assert MARKER not in output
    problems = problem_lines(stderr)
    errors = [line for line in problems if ": error: " in line]
    if exit_code == 2:
        assert errors or "cse: error:" in stderr, stderr
    else:
        assert not errors, stderr


def assert_json_contract(exit_code: int, stdout: str, stderr: str) -> dict[str, Any]:
    """`cse check --format json` kept its promises; returns the parsed object."""
    assert exit_code in {0, 1, 2}, (stdout + stderr)[-2000:]
    assert "Traceback" not in stdout + stderr
    assert MARKER not in stdout + stderr
    if not stdout:  # a usage error (no repository) stops before any JSON
        assert exit_code == 2, stderr
        problem_lines(stderr)
        return {}
    report = json.loads(stdout)
    assert isinstance(report, dict)
    problems = report["problems"]
    assert isinstance(problems, list)
    for problem in problems:
        assert set(problem) == {"file", "line", "column", "severity", "message"}
        assert problem["severity"] in {"error", "warning"}
        assert isinstance(problem["line"], int)
        assert problem["line"] >= 0
        assert isinstance(problem["column"], int)
        assert problem["column"] >= 0
        assert problem["message"]
        assert "\n" not in problem["message"]
        assert "\r" not in problem["message"]
    invalid = any(problem["severity"] == "error" for problem in problems)
    assert exit_code == (2 if invalid else 0 if report["met"] else 1)
    assert (report["met"] is None) == invalid
    return report
